import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, createCatalog } from '@deployment-manager/catalog';
import { DEFAULT_SECRET_POLICY } from './policy/index.ts';
import { dependencySecrets, findAppSecret, matchEnvPattern, mergeSecretPolicies, swapHintsFor, validateSecretPolicy } from './policy.ts';
import { SECRET_KINDS } from './types.ts';

describe('the default policy', () => {
  it('is valid, with the secret facts of the built-in catalog', () => {
    const r = validateSecretPolicy(DEFAULT_SECRET_POLICY, DEFAULT_CATALOG);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('has a default generator for every kind but connection strings (made by whoever runs the service) and unknown', () => {
    for (const kind of SECRET_KINDS) expect(DEFAULT_SECRET_POLICY.generators[kind] !== undefined).toBe(kind !== 'unknown' && kind !== 'connection-string');
  });

  it('has no catch-all rule: every rule states a hosting or kind', () => {
    for (const r of DEFAULT_SECRET_POLICY.rules) expect(r.when.hosting !== undefined || r.when.kinds !== undefined).toBe(true);
  });
});

describe('lookups', () => {
  it('finds dependency secrets by name or alias, and nothing for unknown or unstated records', () => {
    expect(dependencySecrets(DEFAULT_CATALOG, 'postgresql')?.name).toBe('postgres');
    expect(dependencySecrets(DEFAULT_CATALOG, 'resource-redis')?.name).toBe('redis');
    expect(dependencySecrets(DEFAULT_CATALOG, 'nope')).toBeUndefined();
    expect(dependencySecrets(createCatalog([{ name: 'mystery' }]), 'mystery')).toBeUndefined();
    expect(dependencySecrets(createCatalog([{ name: 'quiet', secrets: [] }]), 'quiet')?.secrets).toEqual([]);
    expect(findAppSecret(DEFAULT_SECRET_POLICY, 'jwt_secret')?.kind).toBe('signing-key');
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
    expect(matchEnvPattern(DEFAULT_SECRET_POLICY.envPatterns, env)?.pattern).toBe(pattern);
  });

  it('names as swap hints exactly the swaps the catalog record offers on the tier', () => {
    const pg = dependencySecrets(DEFAULT_CATALOG, 'postgres');
    expect(swapHintsFor(pg!, 'desktop').map((h) => h.to)).toEqual(['managed-postgres', 'sqlite', 'supabase']);
    expect(swapHintsFor(dependencySecrets(DEFAULT_CATALOG, 'minio')!, 'desktop')).toEqual([{ from: 'minio', to: 'local-filesystem' }]);
    expect(swapHintsFor(dependencySecrets(DEFAULT_CATALOG, 'redis')!, 'desktop')).toEqual([{ from: 'redis', to: 'in-process-cache' }]);
    expect(swapHintsFor(pg!, 'enterprise')).toEqual([]);
  });
});

describe('mergeSecretPolicies and validateSecretPolicy', () => {
  it('puts an extra policy rules first and replaces same-named app secrets', () => {
    const merged = mergeSecretPolicies(DEFAULT_SECRET_POLICY, {
      rules: [{ id: 'first', when: { kinds: ['unknown'] }, class: 'user_prompt', reason: 'ask' }],
      appSecrets: [{ name: 'JWT_SECRET', kind: 'token', description: 'mine' }],
    });
    expect(merged.rules[0]?.id).toBe('first');
    expect(merged.rules).toHaveLength(DEFAULT_SECRET_POLICY.rules.length + 1);
    expect(findAppSecret(merged, 'JWT_SECRET')?.kind).toBe('token');
    expect(merged.appSecrets.filter((a) => a.name === 'JWT_SECRET')).toHaveLength(1);
  });

  it('merging an empty policy changes nothing', () => {
    expect(mergeSecretPolicies(DEFAULT_SECRET_POLICY, {})).toEqual(DEFAULT_SECRET_POLICY);
  });

  it('checks only the policy when given no catalog', () => {
    expect(validateSecretPolicy(DEFAULT_SECRET_POLICY).ok).toBe(true);
    const bad = mergeSecretPolicies(DEFAULT_SECRET_POLICY, { rules: [{ id: 'r', when: {}, class: 'bundle' as never, reason: 'x' }] });
    const r = validateSecretPolicy(bad);
    expect(r.ok ? [] : r.issues.map((d) => [d.code, d.path])).toEqual([['SECRET_CATALOG_INVALID', '/rules/0/class']]);
  });

  it('reports bad kinds, weak generators, bad formats, duplicate env names and unknown classes (env name syntax is the catalog schema\'s)', () => {
    const catalog = createCatalog(
      [
        {
          name: 'pg',
          secrets: [
            { key: 'a', env: 'X_ONE', kind: 'unknown', description: 'x', generator: { type: 'hex', bytes: 4 }, prompt: { label: 'x', format: '(' } },
            { key: 'b', env: 'X_ONE', kind: 'token', description: 'y' },
          ],
        },
      ],
      { builtins: false },
    );
    const r = validateSecretPolicy(mergeSecretPolicies(DEFAULT_SECRET_POLICY, { rules: [{ id: 'r', when: {}, class: 'bundle' as never, reason: 'x' }] }), catalog);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : [...new Set(r.issues.map((d) => d.code))].sort()).toEqual(['SECRET_CATALOG_INVALID', 'SECRET_FORMAT_INVALID', 'SECRET_GENERATOR_WEAK']);
  });
});
