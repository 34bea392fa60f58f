import { createGraph, type DependencyGraph, type ScenarioSpec, type Tier } from '@deployment-manager/core';
import { applySwaps, type SwapSpec } from '@deployment-manager/fitness';
import { findSecretLeaks, generateSecret, planSecrets } from '@deployment-manager/secrets';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { assembleManifest } from './assemble.ts';
import { exportCanonical } from './canonical-export.ts';
import type { CloudManifest } from './manifest-cloud.ts';
import type { DesktopManifest } from './manifest-desktop.ts';
import type { MobileManifest } from './manifest-mobile.ts';
import type { ProfileContent } from './profile.ts';
import type { SwapDecision } from './swap-decisions.ts';
import { validateManifest } from './validate-manifest.ts';

const source = { file: 'scenarios/notes/service.json', path: '' };
const spec: ScenarioSpec = {
  name: 'notes',
  version: '2.1.0',
  description: 'note taking',
  dependencies: [],
  ports: [
    { name: 'api', env: 'API_PORT' },
    { name: 'ui', env: 'UI_PORT' },
  ],
  health: [{ name: 'api_endpoint', type: 'http', target: 'http://localhost:${API_PORT}/healthz', critical: true, timeoutMs: 3000 }],
  secrets: [],
  envNames: ['API_PORT', 'UI_PORT'],
  file: source.file,
  raw: { lifecycle: { setup: { steps: [{ run: 'cd api && go build -o notes-api .' }, { run: 'cd ui && npm run build' }] } } },
};

function graphWith(...resources: string[]): DependencyGraph {
  return createGraph({ root: 'scenario:notes', edges: resources.map((r) => ({ from: 'scenario:notes' as const, to: `resource:${r}` as const })) });
}

function assemble(tier: Tier, resources: string[], swaps: SwapSpec[], settings: ProfileContent['settings'] = {}, extra: Partial<ProfileContent> = {}) {
  const graph = graphWith(...resources);
  const decisions: SwapDecision[] = swaps.map((s) => ({ from: s.from, to: s.to, status: 'accepted', effort: 'medium', note: `use ${s.to}`, lacks: ['jsonb'] }));
  const plan = planSecrets(applySwaps(graph, swaps, { tier }), { tier, scenario: spec });
  const profile: ProfileContent = { name: 'notes', scenario: 'notes', tiers: [tier], swaps, secrets: {}, settings, ...extra };
  return assembleManifest(graph, decisions, plan, profile, { scenario: spec });
}

const codes = (r: { diagnostics: readonly { code: string }[] }): string[] => r.diagnostics.map((d) => d.code);

describe('assembleManifest for desktop', () => {
  const r = assemble('desktop', ['postgres', 'redis'], [{ from: 'postgres', to: 'sqlite' }, { from: 'redis', to: 'in-process-cache' }], { version: '3.0.0', platforms: ['linux-x64', 'win-x64'] });
  const m = r.manifest as DesktopManifest;

  it('produces a manifest that validates, with the swaps applied and nothing left of the swapped-out daemons', () => {
    expect(r.ok).toBe(true);
    expect(validateManifest(m).ok).toBe(true);
    expect(m.target).toBe('desktop');
    expect(m.services.map((s) => s.id)).toEqual(['api', 'ui']);
    expect(m.swaps?.map((s) => `${s.original}->${s.replacement}`)).toEqual(['postgres->sqlite', 'redis->in-process-cache']);
    expect(m.swaps?.[0]?.limitations).toBe('lacks jsonb');
    expect(m.app).toEqual({ name: 'notes', version: '3.0.0', description: 'note taking', scenario: 'notes' });
  });

  it('takes the scenario services from service.json: port env, health endpoint, build per platform', () => {
    const api = m.services.find((s) => s.id === 'api');
    expect(api?.env?.['API_PORT']).toBe('${api.http}');
    expect(api?.health).toMatchObject({ type: 'http', path: '/healthz', port_name: 'http', timeout_ms: 3000 });
    expect(api?.build).toEqual({ type: 'go', source_dir: 'api', output_pattern: 'bin/{{platform}}/notes-api{{ext}}' });
    expect(Object.keys(api?.binaries ?? {})).toEqual(['linux-x64', 'win-x64']);
    expect(api?.binaries['win-x64']?.path).toBe('services/api/win-x64/notes-api.exe');
    expect(api?.metadata).toEqual({ embedded: ['in-process-cache', 'sqlite'] });
    const ui = m.services.find((s) => s.id === 'ui');
    expect(ui).toMatchObject({ type: 'ui-bundle', dependencies: ['api'], dist_root: 'ui/dist', env: { UI_PORT: '${ui.http}', API_URL: 'http://127.0.0.1:${api.http}' } });
  });

  it('plans disjoint port blocks inside the range, with the IPC port reserved', () => {
    expect(m.ports).toEqual({ default_range: { min: 47000, max: 47999 }, reserved: [47000] });
    expect(m.ipc.port).toBe(47000);
    expect(m.services.map((s) => s.ports?.requested[0]?.range)).toEqual([{ min: 47010, max: 47029 }, { min: 47030, max: 47049 }]);
  });

  it('bundles a daemon that stays as a resource service with its catalog ports, and reports the secret plan blockers', () => {
    const kept = assemble('desktop', ['postgres'], []);
    const db = (kept.manifest as DesktopManifest).services.find((s) => s.id === 'postgres');
    expect(db).toMatchObject({ type: 'resource', health: { type: 'tcp' }, readiness: { type: 'port_open' }, data_dirs: ['data/postgres'] });
    expect((kept.manifest as DesktopManifest).services.find((s) => s.id === 'api')?.dependencies).toEqual(['postgres']);
    expect(kept.ok).toBe(false);
    expect(kept.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('SECRET_'))).toBe(true);
    expect(kept.diagnostics.filter((d) => !d.code.startsWith('SECRET_') && !d.code.startsWith('ASSEMBLY_')).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('links shipped secrets to the services that read them and never ships a value', () => {
    const withKey = assemble('desktop', ['openrouter'], []);
    const mm = withKey.manifest as DesktopManifest;
    expect(withKey.ok).toBe(true);
    const secret = mm.secrets?.[0];
    expect(secret?.class).toBe('user_prompt');
    expect(mm.services.find((s) => s.id === 'api')?.secrets).toEqual([secret?.id]);
    expect(JSON.stringify(mm)).not.toMatch(/"value"/);
  });

  it('never carries a secret value: values generated for every planned generator appear in no output', () => {
    const tier = 'desktop';
    const graph = graphWith('postgres', 'openrouter', 'n8n');
    const plan = planSecrets(graph, { tier, scenario: spec });
    const values = plan.secrets.flatMap((s) => (s.generator === undefined ? [] : [generateSecret(s.generator)]));
    expect(values.length).toBeGreaterThan(0);
    const result = assembleManifest(graph, [], plan, { name: 'notes', scenario: 'notes', tiers: [tier], swaps: [], secrets: {}, settings: {} }, { scenario: spec });
    const outputs = { manifest: exportCanonical(result.manifest).text, diagnostics: JSON.stringify(result.diagnostics) };
    expect(findSecretLeaks(outputs, values)).toEqual([]);
  });

  it('reports what it cannot do: local tier, unknown resources, too small a port range, scenario mismatch', () => {
    expect(codes(assemble('local', [], []))).toContain('ASSEMBLY_TIER_UNSUPPORTED');
    expect(codes(assemble('desktop', ['frobnicator'], []))).toContain('ASSEMBLY_RESOURCE_UNKNOWN');
    expect(codes(assemble('desktop', [], [], { port_range: { min: 47000, max: 47025 } }))).toContain('ASSEMBLY_PORTS_EXHAUSTED');
    expect(codes(assemble('desktop', [], [], {}, { scenario: 'other' }))).toContain('ASSEMBLY_SCENARIO_MISMATCH');
    expect(codes(assemble('desktop', [], [], {}, { tiers: ['saas'] }))).toContain('ASSEMBLY_TIER_NOT_IN_PROFILE');
  });

  test.prop([fc.shuffledSubarray(['postgres=sqlite', 'redis=in-process-cache', 'qdrant=local-vector-index'], { minLength: 0 })], { numRuns: 20 })(
    'is pure: the same decisions in any order give byte-identical manifests',
    (pairs) => {
      const swaps = pairs.map((p) => ({ from: p.split('=')[0] as string, to: p.split('=')[1] as string }));
      const a = assemble('desktop', ['postgres', 'qdrant', 'redis'], swaps);
      const b = assemble('desktop', ['postgres', 'qdrant', 'redis'], [...swaps].reverse());
      expect(exportCanonical(a.manifest).text).toBe(exportCanonical(b.manifest).text);
      expect(a.diagnostics).toEqual(b.diagnostics);
    },
  );
});

describe('assembleManifest for cloud and mobile', () => {
  it('saas: containers with images, persistent volumes, ingress; validates', () => {
    const r = assemble('saas', ['postgres', 'redis'], []);
    const m = r.manifest as CloudManifest;
    expect(validateManifest(m).ok).toBe(true);
    expect(m).toMatchObject({ target: 'cloud', tier: 'saas' });
    const pg = m.services.find((s) => s.id === 'postgres');
    expect(pg).toMatchObject({ kind: 'resource', image: 'postgres:16.6-alpine', volumes: [{ name: 'data', mount_path: '/var/lib/postgresql/data', persistent: true }] });
    expect(m.services.find((s) => s.id === 'api')).toMatchObject({ kind: 'app', build: { context: 'api' }, dependencies: ['postgres', 'redis'] });
    expect(m.ingress?.routes).toEqual([{ path: '/', service: 'ui', port_name: 'http' }, { path: '/api', service: 'api', port_name: 'http' }]);
    expect(codes(assemble('enterprise', ['frobnicator'], []))).toContain('ASSEMBLY_RESOURCE_UNKNOWN');
    const guessed = assemble('enterprise', ['huginn'], []);
    expect(codes(guessed)).toContain('ASSEMBLY_IMAGE_GUESSED');
    expect((guessed.manifest as CloudManifest).services.find((s) => s.id === 'huginn')?.image).toBe('huginn:latest');
  });

  it('mobile: UI on the device, APIs remote, libraries embedded; defaults are reported', () => {
    const r = assemble('mobile', ['postgres'], [{ from: 'postgres', to: 'sqlite' }]);
    const m = r.manifest as MobileManifest;
    expect(validateManifest(m).ok).toBe(true);
    expect(m).toMatchObject({ app_id: 'com.example.notes', web: { dir: 'ui/dist' }, embedded: [{ id: 'sqlite', kind: 'library' }], config: { API_URL: '${api.url}' } });
    expect(codes(r).filter((c) => c === 'ASSEMBLY_DEFAULT_USED')).toHaveLength(2);
    const set = assemble('mobile', [], [], { app_id: 'org.notes.app', remote_urls: { api: 'https://notes.example.org' } });
    expect(codes(set)).not.toContain('ASSEMBLY_DEFAULT_USED');
    expect((set.manifest as MobileManifest).remote_services[0]?.url).toBe('https://notes.example.org');
  });
});
