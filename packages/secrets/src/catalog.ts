import { createDiagnostic, type Diagnostic, type Tier, type ValidationResult } from '@deployment-manager/core/pure';
import type { AppSecretName, DependencySecrets, EnvNamePattern, SecretCatalog, SecretRequirement, SwapHintEntry } from './catalog-types.ts';
import { checkGenerator } from './generator-spec.ts';
import { checkPrompt } from './prompt.ts';
import { checkTarget } from './targets.ts';
import { SECRET_CLASSES, SECRET_KINDS, type SwapHint } from './types.ts';

/**
 * Finds a dependency's catalog entry by name or alias (case-insensitive, a
 * `resource-` prefix ignored), or `undefined` when the dependency is unknown.
 *
 * @example
 * ```ts
 * findDependencySecrets(DEFAULT_SECRET_CATALOG, 'postgresql')?.name // 'postgres'
 * ```
 */
export function findDependencySecrets(catalog: SecretCatalog, name: string): DependencySecrets | undefined {
  const key = name.toLowerCase().replace(/^resource-/, '');
  return indexed(DEPENDENCY_INDEX, catalog.dependencies, (byName, d) => {
    for (const n of [d.name, ...(d.aliases ?? [])]) if (!byName.has(n)) byName.set(n, d);
  }).get(key);
}

/** The well-known application secret with this name, if any. */
export function findAppSecret(catalog: SecretCatalog, name: string): AppSecretName | undefined {
  return indexed(APP_SECRET_INDEX, catalog.appSecrets, (byName, a) => {
    if (!byName.has(a.name.toUpperCase())) byName.set(a.name.toUpperCase(), a);
  }).get(name.toUpperCase());
}

/** The first env-name heuristic that matches (a non-empty prefix, then the suffix), if any. */
export function matchEnvPattern(patterns: readonly EnvNamePattern[], env: string): EnvNamePattern | undefined {
  const name = env.toUpperCase();
  let suffixes = SUFFIXES.get(patterns);
  if (suffixes === undefined) SUFFIXES.set(patterns, (suffixes = patterns.map((p) => p.pattern.slice(1).toUpperCase())));
  const i = suffixes.findIndex((suffix) => name.length > suffix.length && name.endsWith(suffix));
  return i < 0 ? undefined : patterns[i];
}

// Catalog lists are read-only data: each is indexed once, on first lookup (first entry wins, as a linear search would).
const DEPENDENCY_INDEX = new WeakMap<readonly DependencySecrets[], Map<string, DependencySecrets>>();
const APP_SECRET_INDEX = new WeakMap<readonly AppSecretName[], Map<string, AppSecretName>>();
const SUFFIXES = new WeakMap<readonly EnvNamePattern[], string[]>();

function indexed<T>(cache: WeakMap<readonly T[], Map<string, T>>, list: readonly T[], add: (index: Map<string, T>, item: T) => void): Map<string, T> {
  let index = cache.get(list);
  if (index === undefined) {
    index = new Map();
    for (const item of list) add(index, item);
    cache.set(list, index);
  }
  return index;
}

/** Swaps that remove `dependency` on `tier`, sorted. */
export function swapHintsFor(hints: readonly SwapHintEntry[], dependency: string, tier: Tier): SwapHint[] {
  return hints
    .filter((h) => h.from === dependency && h.tiers.includes(tier))
    .map((h) => ({ from: h.from, to: h.to }))
    .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/**
 * Combines two catalogs: `extra`'s dependencies and app secret names replace same-named
 * ones, its rules, env patterns and swap hints come first, its generators win per kind.
 *
 * @example
 * ```ts
 * const catalog = mergeSecretCatalogs(DEFAULT_SECRET_CATALOG, { dependencies: [{ name: 'acme', hosting: 'hosted-api', secrets: [...] }] });
 * ```
 */
export function mergeSecretCatalogs(base: SecretCatalog, extra: Partial<SecretCatalog>): SecretCatalog {
  const replace = <T extends { readonly name: string }>(a: readonly T[], b: readonly T[] | undefined): T[] => {
    const names = new Set((b ?? []).map((x) => x.name));
    return [...(b ?? []), ...a.filter((x) => !names.has(x.name))];
  };
  return {
    dependencies: replace(base.dependencies, extra.dependencies),
    appSecrets: replace(base.appSecrets, extra.appSecrets),
    envPatterns: [...(extra.envPatterns ?? []), ...base.envPatterns],
    rules: [...(extra.rules ?? []), ...base.rules],
    generators: { ...base.generators, ...extra.generators },
    swapHints: [...(extra.swapHints ?? []), ...base.swapHints],
  };
}

function checkRequirement(req: SecretRequirement, path: string): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const err = (at: string, message: string, hint: string): void => {
    issues.push(createDiagnostic({ code: 'SECRET_CATALOG_INVALID', severity: 'error', path: path + at, message, hint }));
  };
  if (!/^[a-z0-9_]+$/.test(req.key)) err('/key', `requirement key "${req.key}" is not lower snake case`, 'use keys such as password or api_key');
  if (!(SECRET_KINDS as readonly string[]).includes(req.kind) || req.kind === 'unknown') err('/kind', `requirement kind "${req.kind}" is not a known kind`, `use one of ${SECRET_KINDS.filter((k) => k !== 'unknown').join(', ')}`);
  issues.push(...checkTarget({ type: 'env', name: req.env }, path + '/env'));
  if (req.generator !== undefined) issues.push(...checkGenerator(req.generator, path + '/generator'));
  if (req.prompt !== undefined) issues.push(...checkPrompt(req.prompt, path + '/prompt'));
  return issues;
}

/**
 * Validates a catalog: unique dependency names and aliases, known kinds, valid env
 * names, generators strong enough, prompt formats that compile, rule classes known,
 * and a default generator for every kind a per-install rule could meet.
 *
 * @example
 * ```ts
 * validateSecretCatalog(DEFAULT_SECRET_CATALOG).ok // true
 * ```
 */
export function validateSecretCatalog(catalog: SecretCatalog): ValidationResult<SecretCatalog> {
  const issues: Diagnostic[] = [];
  const seen = new Map<string, string>();
  catalog.dependencies.forEach((dep, i) => {
    for (const name of [dep.name, ...(dep.aliases ?? [])]) {
      const prior = seen.get(name);
      if (prior !== undefined) {
        issues.push(createDiagnostic({ code: 'SECRET_CATALOG_INVALID', severity: 'error', path: `/dependencies/${i}`, message: `dependency name "${name}" is already used by "${prior}"`, hint: 'keep names and aliases unique' }));
      }
      seen.set(name, dep.name);
    }
    dep.secrets.forEach((req, j) => issues.push(...checkRequirement(req, `/dependencies/${i}/secrets/${j}`)));
  });
  catalog.rules.forEach((rule, i) => {
    if (!(SECRET_CLASSES as readonly string[]).includes(rule.class)) {
      issues.push(createDiagnostic({ code: 'SECRET_CATALOG_INVALID', severity: 'error', path: `/rules/${i}/class`, message: `rule "${rule.id}" assigns unknown class "${rule.class}"`, hint: `use one of ${SECRET_CLASSES.join(', ')}` }));
    }
  });
  for (const [kind, spec] of Object.entries(catalog.generators)) {
    if (spec !== undefined) issues.push(...checkGenerator(spec, `/generators/${kind}`));
  }
  return issues.length === 0 ? { ok: true, value: catalog, warnings: [] } : { ok: false, issues, warnings: [] };
}
