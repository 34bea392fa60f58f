import { describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_CATALOG } from './catalog/index.ts';
import { findAppSecret, findDependencySecrets, matchEnvPattern, mergeSecretCatalogs, swapHintsFor, validateSecretCatalog } from './catalog.ts';
import { SECRET_KINDS } from './types.ts';

describe('the default catalog', () => {
  it('is valid', () => {
    const r = validateSecretCatalog(DEFAULT_SECRET_CATALOG);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('has a default generator for every known kind, and none for unknown', () => {
    for (const kind of SECRET_KINDS) expect(DEFAULT_SECRET_CATALOG.generators[kind] !== undefined).toBe(kind !== 'unknown');
  });

  it('keeps env names unique across dependencies unless the secret is shared', () => {
    const byEnv = new Map<string, string>();
    for (const d of DEFAULT_SECRET_CATALOG.dependencies) {
      for (const r of d.secrets) {
        const id = r.id ?? `${d.name}.${r.key}`;
        const prior = byEnv.get(r.env);
        if (prior !== undefined) expect(prior).toBe(id);
        byEnv.set(r.env, id);
      }
    }
  });

  it('has no catch-all rule: every rule states a hosting or kind', () => {
    for (const r of DEFAULT_SECRET_CATALOG.rules) expect(r.when.hosting !== undefined || r.when.kinds !== undefined).toBe(true);
  });
});

describe('lookups', () => {
  it('finds dependencies by name or alias', () => {
    expect(findDependencySecrets(DEFAULT_SECRET_CATALOG, 'postgresql')?.name).toBe('postgres');
    expect(findDependencySecrets(DEFAULT_SECRET_CATALOG, 'resource-redis')?.name).toBe('redis');
    expect(findDependencySecrets(DEFAULT_SECRET_CATALOG, 'nope')).toBeUndefined();
    expect(findAppSecret(DEFAULT_SECRET_CATALOG, 'jwt_secret')?.kind).toBe('signing-key');
  });

  it.each([
    ['STRIPE_API_KEY', '*_API_KEY'],
    ['AWS_SECRET_ACCESS_KEY', '*_SECRET_ACCESS_KEY'],
    ['DB_PASSWORD', '*_PASSWORD'],
    ['GITHUB_TOKEN', '*_TOKEN'],
    ['OAUTH_CLIENT_SECRET', '*_CLIENT_SECRET'],
    ['api_key', undefined],
    ['_API_KEY', undefined],
    ['API_PORT', undefined],
    ['TOKEN_URL', undefined],
  ])('matches %s with %s', (env, pattern) => {
    expect(matchEnvPattern(DEFAULT_SECRET_CATALOG.envPatterns, env)?.pattern).toBe(pattern);
  });

  it('finds swap hints per tier', () => {
    expect(swapHintsFor(DEFAULT_SECRET_CATALOG.swapHints, 'postgres', 'desktop')).toEqual([{ from: 'postgres', to: 'sqlite' }]);
    expect(swapHintsFor(DEFAULT_SECRET_CATALOG.swapHints, 'postgres', 'saas')).toEqual([]);
  });
});

describe('mergeSecretCatalogs and validateSecretCatalog', () => {
  it('lets an extra catalog replace entries and put its rules first', () => {
    const merged = mergeSecretCatalogs(DEFAULT_SECRET_CATALOG, {
      dependencies: [{ name: 'postgres', hosting: 'bundled-service', secrets: [] }],
      rules: [{ id: 'first', when: { kinds: ['unknown'] }, class: 'user_prompt', reason: 'ask' }],
    });
    expect(findDependencySecrets(merged, 'postgres')?.hosting).toBe('bundled-service');
    expect(merged.dependencies.filter((d) => d.name === 'postgres')).toHaveLength(1);
    expect(merged.rules[0]?.id).toBe('first');
    expect(merged.rules).toHaveLength(DEFAULT_SECRET_CATALOG.rules.length + 1);
  });

  it('reports duplicate names, bad kinds, weak generators, bad formats and unknown classes', () => {
    const r = validateSecretCatalog(
      mergeSecretCatalogs(DEFAULT_SECRET_CATALOG, {
        dependencies: [
          { name: 'pg', hosting: 'server-daemon', secrets: [{ key: 'Bad Key', env: '1X', kind: 'unknown', description: 'x', generator: { type: 'hex', bytes: 4 }, prompt: { label: 'x', format: '(' } }] },
        ],
        rules: [{ id: 'r', when: {}, class: 'bundle' as never, reason: 'x' }],
      }),
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : [...new Set(r.issues.map((d) => d.code))].sort()).toEqual(['SECRET_CATALOG_INVALID', 'SECRET_FORMAT_INVALID', 'SECRET_GENERATOR_WEAK', 'SECRET_TARGET_INVALID']);
  });
});
