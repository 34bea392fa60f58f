import { describe, expect, it } from 'vitest';
import type { Tier } from '@deployment-manager/core';
import { DEFAULT_SECRET_POLICY } from './policy/index.ts';
import { classifySecret, findOverride, type SecretFacts } from './classify.ts';
import { planSecrets } from './plan.ts';
import type { Hosting, PlannedClass, SecretKind } from './types.ts';
import { PICKER_WHEEL, graphOf, scenarioSpec } from '../test/fixtures.ts';

const rules = DEFAULT_SECRET_POLICY.rules;
const facts = (hosting: Hosting, kind: SecretKind, tier: Tier, extra: Partial<SecretFacts> = {}): SecretFacts => ({
  id: 'x.secret',
  tier,
  kind,
  hosting,
  scenario: 'app',
  origin: hosting === 'application' ? 'declared' : 'catalog',
  ...(hosting === 'application' ? {} : { dependency: 'x' }),
  ...extra,
});

// Every class decision of the default rules, written out by hand.
const TABLE: readonly [Hosting, SecretKind, Tier, PlannedClass, string][] = [
  ['hosted-api', 'api-key', 'local', 'user_prompt', 'hosted-api-user-key'],
  ['hosted-api', 'api-key', 'desktop', 'user_prompt', 'hosted-api-user-key'],
  ['hosted-api', 'api-key', 'mobile', 'user_prompt', 'hosted-api-user-key'],
  ['hosted-api', 'api-key', 'saas', 'remote_fetch', 'hosted-api-operator-key'],
  ['hosted-api', 'secret-access-key', 'enterprise', 'remote_fetch', 'hosted-api-operator-key'],
  ['server-daemon', 'database-password', 'local', 'per_install_generated', 'server-daemon-local'],
  ['server-daemon', 'database-password', 'desktop', 'infrastructure', 'server-daemon-client-bundle'],
  ['server-daemon', 'database-user', 'mobile', 'infrastructure', 'server-daemon-client-bundle'],
  ['server-daemon', 'database-password', 'saas', 'per_install_generated', 'server-daemon-saas'],
  ['server-daemon', 'database-password', 'enterprise', 'remote_fetch', 'server-daemon-enterprise'],
  ['server-daemon', 'token', 'desktop', 'infrastructure', 'server-daemon-client-bundle'],
  ['bundled-service', 'api-key', 'local', 'per_install_generated', 'bundled-service'],
  ['bundled-service', 'webhook-secret', 'desktop', 'per_install_generated', 'bundled-service'],
  ['bundled-service', 'api-key', 'mobile', 'infrastructure', 'bundled-service-mobile'],
  ['bundled-service', 'token', 'saas', 'per_install_generated', 'bundled-service'],
  ['bundled-service', 'encryption-key', 'enterprise', 'per_install_generated', 'bundled-service'],
  ['application', 'signing-key', 'desktop', 'per_install_generated', 'application-own-keys'],
  ['application', 'encryption-key', 'mobile', 'per_install_generated', 'application-own-keys'],
  ['application', 'private-key', 'saas', 'per_install_generated', 'application-own-keys'],
  // Fail closed: what no rule covers.
  ['application', 'unknown', 'desktop', 'unclassified', 'none'],
  ['application', 'api-key', 'desktop', 'unclassified', 'none'],
  ['application', 'service-password', 'saas', 'unclassified', 'none'],
  ['embedded-library', 'encryption-key', 'desktop', 'unclassified', 'none'],
];

describe('classifySecret (default rules)', () => {
  it.each(TABLE)('%s %s on %s -> %s', (hosting, kind, tier, expected, rule) => {
    const result = classifySecret(facts(hosting, kind, tier), rules);
    expect(result.class).toBe(expected);
    expect(result.rule).toBe(rule);
    expect(result.reason.length).toBeGreaterThan(0);
  });

  it('uses the first matching rule', () => {
    const early = { id: 'pin', when: { hosting: ['server-daemon' as const] }, class: 'user_prompt' as const, reason: 'pinned' };
    expect(classifySecret(facts('server-daemon', 'database-password', 'desktop'), [early, ...rules]).class).toBe('user_prompt');
    expect(classifySecret(facts('server-daemon', 'database-password', 'desktop'), [...rules, early]).class).toBe('infrastructure');
  });

  it('matches scenario- and tier-scoped rules only where they apply', () => {
    const rule = { id: 'mine', when: { scenarios: ['app'], tiers: ['desktop' as const], kinds: ['unknown' as const] }, class: 'user_prompt' as const, reason: 'asked' };
    expect(classifySecret(facts('application', 'unknown', 'desktop'), [rule]).class).toBe('user_prompt');
    expect(classifySecret(facts('application', 'unknown', 'saas'), [rule]).class).toBe('unclassified');
    expect(classifySecret(facts('application', 'unknown', 'desktop', { scenario: 'other' }), [rule]).class).toBe('unclassified');
  });
});

describe('findOverride', () => {
  const overrides = {
    secrets: [
      { id: 'a', tiers: ['desktop' as const], class: 'user_prompt' as const },
      { id: 'a', scenarios: ['other'], class: 'remote_fetch' as const },
      { id: 'a', class: 'infrastructure' as const },
    ],
  };
  it('applies the first override scoped to the scenario and tier', () => {
    expect(findOverride(overrides, 'a', 'app', 'desktop')?.class).toBe('user_prompt');
    expect(findOverride(overrides, 'a', 'other', 'saas')?.class).toBe('remote_fetch');
    expect(findOverride(overrides, 'a', 'app', 'saas')?.class).toBe('infrastructure');
    expect(findOverride(overrides, 'b', 'app', 'saas')).toBeUndefined();
    expect(findOverride(undefined, 'a', 'app', 'saas')).toBeUndefined();
  });
});

describe('class decisions through the planner', () => {
  it("blocks the predecessor's fail-open case: an unknown api key declared by a scenario", () => {
    const spec = scenarioSpec('app', [{ name: 'ACME_API_KEY', description: 'key for the acme api' }]);
    for (const tier of ['local', 'desktop', 'mobile', 'saas', 'enterprise'] as const) {
      const plan = planSecrets(graphOf('app', []), { tier, scenario: spec });
      const secret = plan.secrets.find((s) => s.id === 'app.ACME_API_KEY');
      expect(secret?.class).toBe('unclassified');
      expect(secret?.targets).toEqual([]);
      expect(plan.blockers.map((d) => d.code)).toContain('SECRET_UNCLASSIFIED');
    }
  });

  it('blocks an unknown optional secret too (fail closed), and an override unblocks it per tier', () => {
    const spec = scenarioSpec('app', [{ name: 'ACME_API_KEY', required: false }]);
    const overrides = { secrets: [{ id: 'app.ACME_API_KEY', tiers: ['desktop' as const], class: 'user_prompt' as const }] };
    expect(planSecrets(graphOf('app', []), { tier: 'saas', scenario: spec, overrides }).blockers.map((d) => d.code)).toEqual(['SECRET_UNCLASSIFIED']);
    const desktop = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: spec, overrides });
    expect(desktop.blockers).toEqual([]);
    expect(desktop.secrets[0]).toMatchObject({ class: 'user_prompt', rule: 'override:app.ACME_API_KEY', targets: [{ type: 'env', name: 'ACME_API_KEY' }] });
  });

  it('classifies a hosted api key from the catalog even when the scenario declares it', () => {
    const spec = scenarioSpec('app', [{ name: 'OPENAI_API_KEY' }]);
    const plan = planSecrets(graphOf('app', ['openai']), { tier: 'desktop', scenario: spec });
    expect(plan.secrets.map((s) => [s.id, s.class])).toEqual([['openai.api_key', 'user_prompt']]);
    expect(plan.secrets[0]?.sources).toEqual(['resource:openai', 'scenario:app']);
  });

  it('generates well-known application keys per install', () => {
    const plan = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: scenarioSpec('app', [{ name: 'JWT_SECRET' }]) });
    expect(plan.secrets[0]).toMatchObject({ id: 'app.JWT_SECRET', class: 'per_install_generated', kind: 'signing-key', generator: { type: 'base64' } });
  });

  it('leaves env-name suggestions unplanned until an override accepts them', () => {
    const spec = { ...PICKER_WHEEL, name: 'app', envNames: ['ACME_API_KEY', 'API_PORT'] };
    const plain = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: spec });
    expect(plain.secrets).toEqual([]);
    expect(plain.suggestions).toMatchObject([{ id: 'app.ACME_API_KEY', env: 'ACME_API_KEY', pattern: '*_API_KEY', kind: 'api-key' }]);
    expect(plain.warnings.map((d) => d.code)).toContain('SECRET_SUGGESTED');
    const accepted = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: spec, overrides: { secrets: [{ id: 'app.ACME_API_KEY' }] } });
    expect(accepted.secrets[0]).toMatchObject({ id: 'app.ACME_API_KEY', suggested: true, class: 'unclassified' });
    expect(accepted.blockers.map((d) => d.code)).toEqual(['SECRET_UNCLASSIFIED']);
  });
});
