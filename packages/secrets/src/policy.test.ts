import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, createCatalog } from '@deployment-manager/catalog';
import { DEFAULT_SECRET_POLICY } from './policy/index.ts';
import { dependencySecrets, findAppSecret, matchEnvPattern, mergeSecretPolicies, swapHintsFor, validateSecretPolicy } from './policy.ts';
import { SECRET_KINDS } from './types.ts';

/** A catalog with one secret of an unknown kind, a weak generator and a bad prompt format, and an env name used twice. */
const flawedCatalog = (): ReturnType<typeof createCatalog> =>
  createCatalog(
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
    expect(r.ok ? [] : r.issues.map((d) => [d.message, d.hint])).toEqual([['rule "r" assigns unknown class "bundle"', 'use one of infrastructure, per_install_generated, user_prompt, remote_fetch']]);
  });

  it('reports bad kinds, weak generators, bad formats, duplicate env names and unknown classes (env name syntax is the catalog schema\'s)', () => {
    const catalog = flawedCatalog();
    const r = validateSecretPolicy(mergeSecretPolicies(DEFAULT_SECRET_POLICY, { rules: [{ id: 'r', when: {}, class: 'bundle' as never, reason: 'x' }] }), catalog);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : [...new Set(r.issues.map((d) => d.code))].sort()).toEqual(['SECRET_CATALOG_INVALID', 'SECRET_FORMAT_INVALID', 'SECRET_GENERATOR_WEAK']);
  });
});

describe('validateSecretPolicy findings', () => {
  const weakRule = { rules: [{ id: 'r', when: {}, class: 'bundle' as never, reason: 'x' }], generators: { token: { type: 'hex', bytes: 2 }, 'api-key': undefined } } as never;

  it('points each finding at its secret, env, generator, prompt, rule or generator kind, and names the offending value', () => {
    const catalog = flawedCatalog();
    const r = validateSecretPolicy(mergeSecretPolicies(DEFAULT_SECRET_POLICY, weakRule), catalog);
    expect(r.ok).toBe(false);
    expect(r.warnings).toEqual([]);
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((d) => [d.code, d.path])).toEqual([
      ['SECRET_CATALOG_INVALID', '/catalog/pg/secrets/0/kind'],
      ['SECRET_GENERATOR_WEAK', '/catalog/pg/secrets/0/generator'],
      ['SECRET_FORMAT_INVALID', '/catalog/pg/secrets/0/prompt/format'],
      ['SECRET_CATALOG_INVALID', '/catalog/pg/secrets/1/env'],
      ['SECRET_CATALOG_INVALID', '/rules/0/class'],
      ['SECRET_GENERATOR_WEAK', '/generators/token'],
    ]);
    const [unknownKind, , , twice, rule] = issues;
    expect(unknownKind!.message).toContain('"unknown"');
    // The hint lists the kinds a record may state: every known kind but `unknown`.
    expect(unknownKind!.hint).toBe(`use one of ${SECRET_KINDS.filter((k) => k !== 'unknown').join(', ')}`);
    expect(twice!.message).toContain('"pg"');
    expect(twice!.message).toContain('"X_ONE"');
    expect(twice!.hint).toContain('own env name');
    expect(rule!.message).toContain('"r"');
    expect(rule!.message).toContain('"bundle"');
    expect(rule!.hint).toContain('per_install_generated');
  });

  it('checks the kinds and env names of a catalog that did not come through the catalog schema', () => {
    const entry = { name: 'pg', secrets: [{ key: 'a', env: 'bad name', serviceEnv: 'also bad', kind: 'no_such_kind', description: 'x' }] };
    const r = validateSecretPolicy(DEFAULT_SECRET_POLICY, { entries: new Map([['pg', entry]]) } as never);
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((d) => d.path)).toEqual(['/catalog/pg/secrets/0/kind', '/catalog/pg/secrets/0/env', '/catalog/pg/secrets/0/serviceEnv']);
    expect(issues[0]!.message).toContain('"no_such_kind"');
  });

  it('passes a valid policy with no findings and no warnings, and skips a generator kind left undefined', () => {
    const r = validateSecretPolicy(mergeSecretPolicies(DEFAULT_SECRET_POLICY, { generators: { token: undefined } } as never), DEFAULT_CATALOG);
    expect(r).toEqual({ ok: true, value: expect.anything(), warnings: [] });
  });
});

describe('lookup order', () => {
  it('takes the first app secret of a name, whatever its case', () => {
    const policy = { ...DEFAULT_SECRET_POLICY, appSecrets: [{ name: 'My_Key', kind: 'token' as const, description: 'first' }, { name: 'MY_KEY', kind: 'api-key' as const, description: 'second' }] };
    expect(findAppSecret(policy, 'my_key')?.description).toBe('first');
  });

  it('sorts swap hints by replacement, whatever order the record lists them in', () => {
    const entry = { name: 'db', swaps: ['zeta', 'alpha', 'mid', 'beta'].map((to) => ({ to, tiers: ['desktop' as const] })) };
    expect(swapHintsFor(entry as never, 'desktop').map((h) => h.to)).toEqual(['alpha', 'beta', 'mid', 'zeta']);
  });
});
