import { fc, test } from '@fast-check/vitest';
import { createGraph, type DependencyGraph } from '@deployment-manager/core';
import { planSecrets, type PlannedSecret } from '@deployment-manager/secrets';
import { describe, expect, it } from 'vitest';
import { createSecretsManagerClient, planSecretsWithManager, reconcileSecretPlan, type RemoteSecretsManifest } from '../src/index.ts';
import { type Loopback, sendJson, serveEachTest } from './loopback-server.ts';

const graph: DependencyGraph = createGraph({
  root: 'scenario:shop',
  edges: ['postgres', 'n8n', 'openrouter', 'qdrant'].map((r) => ({ from: 'scenario:shop' as const, to: `resource:${r}` as const })),
});

/** A secrets-manager answer shaped like the predecessor's DeploymentManifest (Go nulls, extra fields). */
function wire(scenario = 'shop'): Record<string, unknown> {
  const entry = (resource: string, key: string, classification: string, handling: string, required = true) => ({
    id: `${resource}-${key}`,
    resource_name: resource,
    secret_key: key,
    secret_type: 'password',
    required,
    classification,
    handling_strategy: handling,
    requires_user_input: handling === 'prompt',
    description: 'managed by the secrets manager',
    tier_strategies: { 'tier-2-desktop': handling },
    value: 'MUST-NEVER-BE-READ',
  });
  return {
    scenario,
    tier: 'tier-2-desktop',
    generated_at: '2026-01-02T03:04:05Z',
    resources: ['n8n', 'openrouter', 'postgres', 'qdrant', 'stripe'],
    secrets: [
      entry('postgres', 'POSTGRES_PASSWORD', 'infrastructure', 'strip'),
      entry('n8n', 'N8N_API_KEY', 'service', 'strip'),
      entry('openrouter', 'OPENROUTER_API_KEY', 'service', 'generate'),
      entry('qdrant', 'QDRANT_API_KEY', 'service', 'prompt'),
      entry('stripe', 'STRIPE_SECRET_KEY', 'service', 'prompt'),
    ],
    bundle_secrets: [
      { id: 'openrouter_openrouter_api_key', class: 'per_install_generated', required: true, target: { type: 'env', name: 'OPENROUTER_API_KEY' }, generator: { type: 'random', length: 32, charset: 'alnum' } },
      { id: 'qdrant_qdrant_api_key', class: 'user_prompt', required: true, target: { type: 'env', name: 'QDRANT_API_KEY' }, prompt: { label: 'x' } },
    ],
    summary: { total_secrets: 5, strategized_secrets: 5, requires_action: 0, blocking_secrets: null, classification_weights: { service: 4 }, strategy_breakdown: {}, scope_readiness: {} },
    dependencies: null,
  };
}

const serve = serveEachTest();
async function manager(body: unknown = wire()): Promise<Loopback> {
  const s = await serve((_req, res) => sendJson(res, 200, body));
  return s;
}

describe('secrets manager client', () => {
  it('asks for the tier in the predecessor spelling with optional secrets, and drops unknown fields', async () => {
    const s = await manager();
    const remote = await createSecretsManagerClient({ baseUrl: s.url, timeoutMs: 60_000 }).deploymentSecrets('shop', { tier: 'desktop' });
    expect(s.requests[0]?.url).toBe('/api/v1/deployment/secrets/shop?tier=tier-2-desktop&include_optional=true');
    expect(remote.secrets).toHaveLength(5);
    expect(remote.summary.blockingSecrets).toEqual([]);
    expect(JSON.stringify(remote)).not.toContain('MUST-NEVER-BE-READ');
  });

  it('refuses an answer about another scenario', async () => {
    const s = await manager(wire('elsewhere'));
    await expect(createSecretsManagerClient({ baseUrl: s.url, timeoutMs: 60_000 }).deploymentSecrets('shop', { tier: 'desktop' })).rejects.toMatchObject({ code: 'HTTP_UNEXPECTED_SHAPE' });
  });
});

describe('reconcileSecretPlan', () => {
  it('keeps our classes, only ever tightens, and blocks on required secrets we do not know', async () => {
    const s = await manager();
    const { plan, matches, diagnostics, remote } = await planSecretsWithManager(graph, { tier: 'desktop', baseUrl: s.url, timeoutMs: 60_000 });
    expect(remote.tier).toBe('tier-2-desktop');
    const cls = Object.fromEntries(plan.secrets.map((x) => [x.id, x.class]));
    expect(cls['n8n.api_key']).toBe('infrastructure'); // the manager strips it: stricter wins
    expect(plan.secrets.find((x) => x.id === 'n8n.api_key')?.targets).toEqual([]);
    expect(cls['openrouter.api_key']).toBe('user_prompt'); // the manager would generate it: ours stands
    expect(cls['qdrant.api_key']).toBe('per_install_generated');
    expect(plan.secrets.some((x) => x.id.startsWith('stripe'))).toBe(false);
    expect(matches.find((m) => m.remote === 'stripe:STRIPE_SECRET_KEY')?.planned).toBeUndefined();
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['SECRET_REMOTE_CLASS_DIFFERS', 'SECRET_REMOTE_CLASS_DIFFERS', 'SECRET_REMOTE_STRICTER', 'SECRET_REMOTE_UNKNOWN']);
    expect(plan.blockers.map((d) => d.code)).toContain('SECRET_REMOTE_UNKNOWN');
    expect(plan.blockers.filter((d) => d.code === 'SECRET_INFRASTRUCTURE_REQUIRED').length).toBe(3); // postgres user + password, and now n8n.api_key
    expect(JSON.stringify(plan)).not.toContain('managed by the secrets manager');
  });

  const ours = planSecrets(graph, { tier: 'desktop' });

  it('tells a remote_fetch secret the manager does not list (SECRET_REMOTE_MISSING) from one with no remote key (SECRET_REMOTE_KEY_MISSING)', () => {
    const fetched = (id: string, remote: { key: string } | undefined): PlannedSecret => {
      const { generator: _generator, prompt: _prompt, remote: _remote, ...rest } = ours.secrets.find((x) => x.id === id) as PlannedSecret;
      return { ...rest, class: 'remote_fetch', ...(remote === undefined ? {} : { remote }) };
    };
    const plan = { ...ours, secrets: ours.secrets.map((x) => (x.id === 'qdrant.api_key' ? fetched(x.id, { key: 'shop/qdrant' }) : x.id === 'openrouter.api_key' ? fetched(x.id, undefined) : x)) };
    const empty: RemoteSecretsManifest = { scenario: 'shop', tier: 'tier-2-desktop', resources: [], secrets: [], bundleSecrets: [], summary: { totalSecrets: 0, strategizedSecrets: 0, requiresAction: 0, blockingSecrets: [] } };
    const { plan: reconciled, diagnostics } = reconcileSecretPlan(plan, empty);
    const missing = diagnostics.filter((d) => d.code === 'SECRET_REMOTE_MISSING');
    expect(missing.map((d) => [d.path, d.severity])).toEqual([['/secrets/openrouter.api_key', 'warning'], ['/secrets/qdrant.api_key', 'warning']]);
    expect(reconciled.blockers.filter((d) => d.code === 'SECRET_REMOTE_KEY_MISSING').map((d) => d.message)).toEqual(['remote secret "openrouter.api_key" has no remote key']);
    expect(reconciled.blockers.some((d) => d.code === 'SECRET_REMOTE_MISSING')).toBe(false);
  });
  const bundled = (p: typeof ours): Set<string> => new Set(p.secrets.filter((x) => x.targets.length > 0).map((x) => x.id));
  const remoteSecret = fc.record({
    resource: fc.constantFrom('postgres', 'n8n', 'openrouter', 'qdrant', 'stripe', 'minio'),
    key: fc.constantFrom('POSTGRES_PASSWORD', 'POSTGRES_USER', 'N8N_API_KEY', 'N8N_WEBHOOK_SECRET', 'OPENROUTER_API_KEY', 'QDRANT_API_KEY', 'api_key', 'password', 'OTHER_TOKEN'),
    required: fc.boolean(),
    classification: fc.constantFrom('infrastructure', 'service', 'user', 'INFRASTRUCTURE'),
    handlingStrategy: fc.constantFrom('prompt', 'generate', 'delegate', 'strip', 'unspecified'),
    description: fc.stringMatching(/^[a-z]{16,24}$/),
  });
  const manifest = fc.record({
    secrets: fc.array(remoteSecret, { maxLength: 12 }),
    bundleSecrets: fc.array(fc.record({ id: fc.string({ minLength: 1 }), class: fc.constantFrom('per_install_generated', 'user_prompt', 'remote_fetch', 'infrastructure'), required: fc.boolean(), target: fc.record({ type: fc.constant('env'), name: fc.constantFrom('N8N_API_KEY', 'OPENROUTER_API_KEY', 'QDRANT_API_KEY', 'POSTGRES_PASSWORD') }) }), { maxLength: 6 }),
  });

  test.prop([manifest], { numRuns: 150 })('is fail-closed: never bundles more, never adds remote-only secrets, never copies remote text', ({ secrets, bundleSecrets }) => {
    const remote: RemoteSecretsManifest = { scenario: 'shop', tier: 'tier-2-desktop', resources: [], secrets, bundleSecrets, summary: { totalSecrets: secrets.length, strategizedSecrets: 0, requiresAction: 0, blockingSecrets: [] } };
    const { plan, matches } = reconcileSecretPlan(ours, remote);
    const before = bundled(ours);
    for (const id of bundled(plan)) expect(before.has(id)).toBe(true);
    expect(plan.secrets.map((x) => x.id)).toEqual(ours.secrets.map((x) => x.id));
    for (const x of plan.secrets) {
      const original = ours.secrets.find((o) => o.id === x.id);
      expect([original?.class, 'infrastructure']).toContain(x.class);
    }
    const text = JSON.stringify(plan);
    for (const r of secrets) expect(text).not.toContain(r.description);
    expect(matches).toHaveLength(secrets.length);
    // Every required secret the plan does not know blocks.
    const unknownRequired = matches.filter((m, i) => m.planned === undefined && secrets[i]?.required === true).length;
    expect(plan.blockers.filter((d) => d.code === 'SECRET_REMOTE_UNKNOWN')).toHaveLength(unknownRequired);
  });

  test.prop([manifest], { numRuns: 100 })('is idempotent: reconciling twice changes nothing more', ({ secrets, bundleSecrets }) => {
    const remote: RemoteSecretsManifest = { scenario: 'shop', tier: 'tier-2-desktop', resources: [], secrets, bundleSecrets, summary: { totalSecrets: 0, strategizedSecrets: 0, requiresAction: 0, blockingSecrets: [] } };
    const once = reconcileSecretPlan(ours, remote).plan;
    const twice = reconcileSecretPlan(once, remote).plan;
    expect(twice.secrets).toEqual(once.secrets);
  });
});
