import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SecretsJson } from './secrets.ts';
import { cli } from '../../test/run-cli.ts';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dm-cli-secrets-'));
  const dir = join(root, 'scenarios', 'picker-wheel', '.vrooli');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(root, 'resources'), { recursive: true });
  writeFileSync(
    join(dir, 'service.json'),
    JSON.stringify({
      service: { name: 'picker-wheel' },
      ports: { api: { env_var: 'API_PORT' } },
      dependencies: {
        resources: {
          n8n: { type: 'n8n', enabled: true, required: true },
          ollama: { type: 'ollama', enabled: true, required: false },
          postgres: { type: 'postgres', enabled: true, required: true },
          qdrant: { type: 'qdrant', enabled: true, required: true },
        },
        scenarios: {},
      },
    }),
  );
  writeFileSync(join(root, 'overrides.json'), JSON.stringify({ secrets: [{ id: 'postgres.password', class: 'user_prompt' }, { id: 'postgres.user', class: 'user_prompt' }] }));
  writeFileSync(join(root, 'broken.json'), '{ not json');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('deployment-manager secrets', () => {
  it('blocks picker-wheel on desktop and names the swap that removes the postgres secrets', async () => {
    const r = await cli('secrets', 'picker-wheel', '--root', root, '--tier', 'desktop');
    expect(r.code).toBe(1);
    expect(r.out).toContain('N8N_API_KEY=');
    expect(r.out).not.toMatch(/^POSTGRES_PASSWORD=/m);
    expect(r.err).toContain('SECRET_INFRASTRUCTURE_REQUIRED');
    expect(r.err).toContain('postgres -> sqlite');
  });

  it('passes with --swap postgres=sqlite, and the postgres secrets are gone', async () => {
    const r = await cli('secrets', 'picker-wheel', '--root', root, '--tier', 'tier-2-desktop', '--swap', 'postgres=sqlite', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SecretsJson;
    expect(doc).toMatchObject({ scenario: 'picker-wheel', tier: 'desktop', swaps: ['postgres=sqlite'], ok: true });
    expect(doc.plan.secrets.map((s) => s.id)).toEqual(['n8n.api_key', 'n8n.encryption_key', 'n8n.webhook_secret', 'qdrant.api_key']);
  });

  it('prints Kubernetes objects as a List', async () => {
    const r = await cli('secrets', 'picker-wheel', '--root', root, '--tier', 'enterprise', '--format', 'k8s', '--namespace', 'apps');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { kind: string; items: { kind: string; metadata: { namespace: string } }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => i.kind)).toEqual(['Secret', 'ExternalSecret']);
    expect(list.items[0]?.metadata.namespace).toBe('apps');
    expect(r.err).toContain('SECRET_NEEDS_NETWORK');
  });

  it('reads per-scenario overrides from a file', async () => {
    const r = await cli('secrets', 'picker-wheel', '--root', root, '--tier', 'desktop', '--overrides', join(root, 'overrides.json'), '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as SecretsJson;
    expect(doc.plan.secrets.find((s) => s.id === 'postgres.password')?.class).toBe('user_prompt');
  });

  it.each<[string, string[], string]>([
    ['no tier', ['picker-wheel', '--root', '.'], 'INVALID_ARGUMENT'],
    ['no scenario', ['--tier', 'desktop'], 'INVALID_ARGUMENT'],
    ['an unknown tier', ['picker-wheel', '--tier', 'moon'], 'INVALID_ARGUMENT'],
    ['an unknown format', ['picker-wheel', '--tier', 'desktop', '--format', 'xml'], 'INVALID_ARGUMENT'],
    ['a malformed swap', ['picker-wheel', '--tier', 'desktop', '--swap', 'postgres'], 'SWAP_INVALID'],
    ['an unknown option', ['picker-wheel', '--tier', 'desktop', '--frobnicate'], 'INVALID_ARGUMENT'],
    ['an unknown scenario', ['nope', '--tier', 'desktop'], 'SCENARIO_NOT_FOUND'],
    ['a broken overrides file', ['picker-wheel', '--tier', 'desktop', '--overrides', 'broken.json'], 'PARSE_FAILED'],
    ['a missing overrides file', ['picker-wheel', '--tier', 'desktop', '--overrides', 'missing.json'], 'FILE_UNREADABLE'],
  ])('exits 2 on %s', async (_name, argv, code) => {
    const fixed = argv.map((a) => (a.endsWith('.json') ? join(root, a) : a));
    const r = await cli('secrets', ...fixed, ...(argv.includes('--root') ? [] : ['--root', root]));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`[${code}]`);
  });

  it('prints usage with --help', async () => {
    const r = await cli('secrets', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: deployment-manager secrets');
  });
});
