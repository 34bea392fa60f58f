import { describe, expect, it } from 'vitest';
import { planSecrets } from './plan.ts';
import type { PlannedSecret, SecretPlan } from './types.ts';
import { validatePlan } from './validate-plan.ts';
import { PICKER_WHEEL, pickerWheelGraph, swapResource } from '../test/fixtures.ts';

// A valid desktop plan (postgres swapped out) to break one rule at a time.
const base = (): SecretPlan => planSecrets(swapResource(pickerWheelGraph(), 'postgres', 'sqlite'), { tier: 'desktop', scenario: PICKER_WHEEL });
const withSecret = (plan: SecretPlan, id: string, patch: (s: PlannedSecret) => PlannedSecret): SecretPlan => ({
  ...plan,
  secrets: plan.secrets.map((s) => (s.id === id ? patch(s) : s)),
});
const codes = (plan: SecretPlan): string[] => {
  const r = validatePlan(plan);
  return r.ok ? [] : r.issues.map((d) => d.code);
};
const drop = <T extends object>(o: T, key: keyof T): T => {
  const copy = { ...o };
  delete copy[key];
  return copy;
};

describe('validatePlan', () => {
  it('accepts a plan that keeps every rule', () => {
    const r = validatePlan(base());
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it.each<[string, (p: SecretPlan) => SecretPlan, string]>([
    ['infrastructure with targets', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'infrastructure' })), 'SECRET_INFRASTRUCTURE_BUNDLED'],
    ['required infrastructure', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'infrastructure', targets: [] })), 'SECRET_INFRASTRUCTURE_REQUIRED'],
    ['unclassified', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'unclassified', targets: [] })), 'SECRET_UNCLASSIFIED'],
    ['an unknown class', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, class: 'bundled' as never })), 'SECRET_CLASS_INVALID'],
    ['generated without a generator', (p) => withSecret(p, 'qdrant.api_key', (s) => drop(s, 'generator')), 'SECRET_GENERATOR_MISSING'],
    ['a weak generator', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, generator: { type: 'random', length: 8, charset: 'alnum' } })), 'SECRET_GENERATOR_WEAK'],
    ['a broken generator', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, generator: { type: 'dice' } as never })), 'SECRET_GENERATOR_INVALID'],
    ['prompted without a prompt', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'user_prompt' })), 'SECRET_PROMPT_MISSING'],
    ['a prompt format that does not compile', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'user_prompt', prompt: { label: 'Key', format: '^(sk-' } })), 'SECRET_FORMAT_INVALID'],
    ['a prompt without label', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'user_prompt', prompt: { label: ' ' } })), 'SECRET_PROMPT_INVALID'],
    ['remote without a key', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'remote_fetch' })), 'SECRET_REMOTE_KEY_MISSING'],
    ['a bundled secret without targets', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, targets: [] })), 'SECRET_TARGET_MISSING'],
    ['two secrets on one env var', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, targets: [{ type: 'env', name: 'N8N_API_KEY' }] })), 'SECRET_TARGET_DUPLICATE'],
    ['two file targets differing in case', (p) => withSecret(withSecret(p, 'qdrant.api_key', (s) => ({ ...s, targets: [{ type: 'file', name: 'keys/A.key' }] })), 'n8n.api_key', (s) => ({ ...s, targets: [{ type: 'file', name: 'keys/a.key' }] })), 'SECRET_TARGET_DUPLICATE'],
    ['a file target escaping the bundle', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, targets: [{ type: 'file', name: '../../etc/app.key' }] })), 'SECRET_TARGET_ESCAPE'],
    ['an absolute file target', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, targets: [{ type: 'file', name: '/etc/app.key' }] })), 'SECRET_TARGET_ESCAPE'],
    ['a bad env name', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, targets: [{ type: 'env', name: '1BAD-NAME' }] })), 'SECRET_TARGET_INVALID'],
    ['a duplicate id', (p) => ({ ...p, secrets: [...p.secrets, p.secrets[0] as PlannedSecret] }), 'SECRET_ID_DUPLICATE'],
    ['a service using an unknown secret', (p) => ({ ...p, usage: [...p.usage, { service: 'scenario:other', secrets: ['ghost.key'] }] }), 'SECRET_USAGE_UNKNOWN'],
    ['a secret no service uses', (p) => ({ ...p, usage: p.usage.map((u) => ({ ...u, secrets: u.secrets.filter((id) => id !== 'qdrant.api_key') })) }), 'SECRET_UNUSED'],
    ['consumers that differ from usage', (p) => withSecret(p, 'qdrant.api_key', (s) => ({ ...s, consumers: ['resource:qdrant'] })), 'SECRET_USAGE_MISMATCH'],
    ['an unknown tier', (p) => ({ ...p, tier: 'moon' as never }), 'SECRET_PLAN_SHAPE'],
  ])('rejects %s', (_name, mutate, code) => {
    expect(codes(mutate(base()))).toContain(code);
  });

  it('rejects a value that is not a plan without crashing', () => {
    const r = validatePlan({ tier: 'desktop' } as never);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((d) => d.code)).toEqual(['SECRET_PLAN_SHAPE']);
  });

  it('warns that remote secrets need network at first run, without failing', () => {
    const plan = withSecret(base(), 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'remote_fetch', remote: { key: 'vault/qdrant' } }));
    const r = validatePlan(plan);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((d) => d.code)).toEqual(['SECRET_NEEDS_NETWORK']);
  });

  it('reports optional infrastructure as a warning only', () => {
    const plan = withSecret(base(), 'qdrant.api_key', (s) => ({ ...drop(s, 'generator'), class: 'infrastructure', targets: [], required: false }));
    const r = validatePlan(plan);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((d) => d.code)).toEqual(['SECRET_INFRASTRUCTURE_OPTIONAL']);
  });
});
