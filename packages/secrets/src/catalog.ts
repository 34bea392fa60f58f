import { createDiagnostic, type Diagnostic, type Tier, type ValidationResult } from '@deployment-manager/core';
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
  return catalog.dependencies.find((d) => d.name === key || (d.aliases ?? []).includes(key));
}

/** The well-known application secret with this name, if any. */
export function findAppSecret(catalog: SecretCatalog, name: string): AppSecretName | undefined {
  const key = name.toUpperCase();
  return catalog.appSecrets.find((a) => a.name.toUpperCase() === key);
}

/** The first env-name heuristic that matches (a non-empty prefix, then the suffix), if any. */
export function matchEnvPattern(patterns: readonly EnvNamePattern[], env: string): EnvNamePattern | undefined {
  const name = env.toUpperCase();
  return patterns.find((p) => {
    const suffix = p.pattern.slice(1).toUpperCase();
    return name.length > suffix.length && name.endsWith(suffix);
  });
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
