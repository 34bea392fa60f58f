// Lookups in the secret policy (app secret names, env heuristics), the
// dependency secrets a catalog record states, and the checks both must pass.
import { lookupEntry, type Catalog, type CatalogEntry, type SecretFact } from '@deployment-manager/catalog';
import type { Diagnostic, Tier, ValidationResult } from '@deployment-manager/core/pure';
import type { AppSecretName, EnvNamePattern, SecretPolicy } from './policy-types.ts';
import { checkGenerator } from './generator-spec.ts';
import { checkPrompt } from './prompt.ts';
import { checkTarget } from './targets.ts';
import { SECRET_CLASSES, SECRET_KINDS, type SwapHint } from './types.ts';
import { secretDiagnostic } from './diagnostic-codes.ts';

/**
 * The catalog record of a dependency whose secrets are stated (an empty list
 * means "needs none"), or `undefined` when the dependency is unknown or its
 * secrets are not stated.
 *
 * @example
 * ```ts
 * dependencySecrets(DEFAULT_CATALOG, 'postgresql')?.secrets.map((s) => s.env) // ['POSTGRES_USER', 'POSTGRES_PASSWORD']
 * ```
 */
export function dependencySecrets(catalog: Catalog, name: string): (CatalogEntry & { readonly secrets: readonly SecretFact[] }) | undefined {
  const entry = lookupEntry(catalog, name);
  return entry?.secrets === null || entry === undefined ? undefined : (entry as CatalogEntry & { readonly secrets: readonly SecretFact[] });
}

/** The well-known application secret with this name, if any. */
export function findAppSecret(policy: SecretPolicy, name: string): AppSecretName | undefined {
  return indexed(APP_SECRET_INDEX, policy.appSecrets, (byName, a) => {
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

// Policy lists are read-only data: each is indexed once, on first lookup (first entry wins, as a linear search would).
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

/**
 * The swaps that remove a dependency (and so its secrets) on a tier: exactly
 * the swaps its catalog record offers for that tier, sorted - the same list
 * fitness suggests from.
 */
export function swapHintsFor(entry: Pick<CatalogEntry, 'name' | 'swaps'>, tier: Tier): SwapHint[] {
  return entry.swaps
    .filter((s) => s.tiers.includes(tier))
    .map((s) => ({ from: entry.name, to: s.to }))
    .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}

/**
 * Combines two policies: `extra`'s app secret names replace same-named ones,
 * its rules and env patterns come first, its generators win per kind.
 *
 * @example
 * ```ts
 * const policy = mergeSecretPolicies(DEFAULT_SECRET_POLICY, { rules: [{ id: 'mine', when: { kinds: ['api-key'] }, class: 'user_prompt', reason: 'bring your own' }] });
 * ```
 */
export function mergeSecretPolicies(base: SecretPolicy, extra: Partial<SecretPolicy>): SecretPolicy {
  const names = new Set((extra.appSecrets ?? []).map((x) => x.name));
  return {
    appSecrets: [...(extra.appSecrets ?? []), ...base.appSecrets.filter((x) => !names.has(x.name))],
    envPatterns: [...(extra.envPatterns ?? []), ...base.envPatterns],
    rules: [...(extra.rules ?? []), ...base.rules],
    generators: { ...base.generators, ...extra.generators },
  };
}

function checkFact(fact: SecretFact, path: string): Diagnostic[] {
  const issues: Diagnostic[] = [];
  const err = (at: string, message: string, hint: string): void => {
    issues.push(secretDiagnostic('SECRET_CATALOG_INVALID', message, { path: path + at, hint }));
  };
  // The key's syntax (lower snake case) is the catalog schema's: createCatalog refuses any other.
  if (!(SECRET_KINDS as readonly string[]).includes(fact.kind) || fact.kind === 'unknown') err('/kind', `secret kind "${fact.kind}" is not a known kind`, `use one of ${SECRET_KINDS.filter((k) => k !== 'unknown').join(', ')}`);
  issues.push(...checkTarget({ type: 'env', name: fact.env }, path + '/env'));
  if (fact.serviceEnv !== undefined) issues.push(...checkTarget({ type: 'env', name: fact.serviceEnv }, path + '/serviceEnv'));
  if (fact.generator !== undefined) issues.push(...checkGenerator(fact.generator, path + '/generator'));
  if (fact.prompt !== undefined) issues.push(...checkPrompt(fact.prompt, path + '/prompt'));
  return issues;
}

/**
 * Validates a secret policy and the secret facts of a dependency catalog:
 * known kinds, valid env names (one per secret of a record), generators
 * strong enough, prompt formats that compile, rule classes known.
 *
 * @example
 * ```ts
 * validateSecretPolicy(DEFAULT_SECRET_POLICY, DEFAULT_CATALOG).ok // true
 * ```
 */
export function validateSecretPolicy(policy: SecretPolicy, catalog?: Catalog): ValidationResult<SecretPolicy> {
  const issues: Diagnostic[] = [];
  for (const entry of catalog?.entries.values() ?? []) {
    const envs = new Set<string>();
    (entry.secrets ?? []).forEach((fact, j) => {
      const path = `/catalog/${entry.name}/secrets/${j}`;
      issues.push(...checkFact(fact, path));
      if (envs.has(fact.env)) {
        issues.push(secretDiagnostic('SECRET_CATALOG_INVALID', `"${entry.name}" reads env name "${fact.env}" for two secrets`, { path: `${path}/env`, hint: 'give each secret of a record its own env name' }));
      }
      envs.add(fact.env);
    });
  }
  policy.rules.forEach((rule, i) => {
    if (!(SECRET_CLASSES as readonly string[]).includes(rule.class)) {
      issues.push(secretDiagnostic('SECRET_CATALOG_INVALID', `rule "${rule.id}" assigns unknown class "${rule.class}"`, { path: `/rules/${i}/class`, hint: `use one of ${SECRET_CLASSES.join(', ')}` }));
    }
  });
  for (const [kind, spec] of Object.entries(policy.generators)) {
    if (spec !== undefined) issues.push(...checkGenerator(spec, `/generators/${kind}`));
  }
  return issues.length === 0 ? { ok: true, value: policy, warnings: [] } : { ok: false, issues, warnings: [] };
}
