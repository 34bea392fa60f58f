// Real Vrooli scenarios from ../shared, assembled for mobile by the bundle package (which decides where every
// dependency runs and which secrets stay on servers) and then packed: the packager renders those decisions.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleScenario, type MobileManifest, type ProfileContent } from '@deployment-manager/bundle';
import { buildGraph, hasErrors, loadWorkspace, type PackResult } from '@deployment-manager/core';
import { scoreGraph } from '@deployment-manager/fitness';
import { sharedFixture } from '@deployment-manager/testkit';
import { createMobilePackager, validateCapacitorConfig, validateMobileArtifact, type MobileSecretPlan, type ServerSideMoves } from '../src/index.ts';

const workspace = loadWorkspace(sharedFixture('fixtures', 'vrooli'));

// What a team would put in each scenario's mobile profile: its app id, its API's public URL, and the swaps it chose.
const PROFILES: Readonly<Record<string, Omit<ProfileContent, 'name' | 'scenario' | 'tiers' | 'secrets'>>> = {
  'picker-wheel': { swaps: [{ from: 'ollama', to: 'openrouter' }], settings: { app_id: 'com.vrooli.pickerwheel', remote_urls: { api: 'https://picker-wheel.example.com/api' } } },
  'mind-maps': { swaps: [{ from: 'postgres', to: 'sqlite' }, { from: 'redis', to: 'in-process-cache' }, { from: 'ollama', to: 'openai' }], settings: { app_id: 'com.vrooli.mindmaps', remote_urls: { api: 'https://mind-maps.example.com/api' } } },
  'tech-tree-designer': { swaps: [{ from: 'ollama', to: 'openrouter' }], settings: { app_id: 'com.vrooli.techtree', remote_urls: { api: 'https://tech-tree.example.com' }, mobile_platforms: ['ios'] } },
};

function assembled(name: string): MobileManifest {
  const p = PROFILES[name];
  if (p === undefined) throw new Error(`no profile for ${name}`);
  const profile: ProfileContent = { name: `${name} mobile`, scenario: name, tiers: ['mobile'], secrets: {}, ...p };
  const { result } = assembleScenario(workspace, name, { tier: 'mobile', profile });
  if (result.manifest.target !== 'mobile') throw new Error('not a mobile manifest');
  return result.manifest;
}

async function pack(manifest: MobileManifest): Promise<{ readonly result: PackResult; readonly files: Readonly<Record<string, string>> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'dm-mobile-fixture-'));
  try {
    const packager = createMobilePackager();
    expect(hasErrors(packager.check(manifest)), JSON.stringify(packager.check(manifest))).toBe(false);
    const result = await packager.pack(manifest, { outDir, log: () => undefined, signal: new AbortController().signal });
    return { result, files: Object.fromEntries(result.artifacts.map((a) => [a.path, readFileSync(join(outDir, a.path), 'utf8')])) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe.each(Object.keys(PROFILES))('%s assembled for mobile, then packed (real fixture)', (name) => {
  const manifest = assembled(name);
  const graph = buildGraph(workspace, name, { policy: 'active' });

  it('packs without errors, every artifact validates offline, and golden files pin the output', async () => {
    const { result, files } = await pack(manifest);
    expect(Object.keys(files)).toEqual(['NEXT-STEPS.md', 'capacitor.config.json', 'runtime-config.json', 'secret-plan.mobile.json', 'server-side-moves.json']);
    expect(validateCapacitorConfig(JSON.parse(files['capacitor.config.json'] as string), 'capacitor.config.json')).toEqual([]);
    for (const [path, text] of Object.entries(files)) {
      if (path.endsWith('.json')) expect(validateMobileArtifact(path, JSON.parse(text)), path).toEqual([]);
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}/${path}`);
    }
    await expect(`${JSON.stringify(result.notes, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}/notes.json`);
  });

  it('moves every dependency fitness rules out on a phone off the device, unless its replacement is embedded', async () => {
    const moves = JSON.parse((await pack(manifest)).files['server-side-moves.json'] as string) as ServerSideMoves;
    const blocked = scoreGraph(graph, { tiers: ['mobile'] }).tiers.mobile?.blockers ?? [];
    const embedded = new Set((manifest.placements ?? []).filter((p) => p.kind === 'embedded').map((p) => p.node));
    for (const id of blocked) if (!embedded.has(id)) expect(moves.moves.find((m) => m.node === id)?.must_move, id).toBe(true);
    for (const m of moves.moves) if (m.must_move) expect(m.why.some((r) => r.blocker), m.dependency).toBe(true);
  });

  it('keeps the secrets of what runs on a server there, and no infrastructure secret on the device', async () => {
    const plan = JSON.parse((await pack(manifest)).files['secret-plan.mobile.json'] as string) as MobileSecretPlan;
    expect(plan.server.map((s) => s.id)).toEqual((manifest.server_secrets ?? []).map((s) => s.id));
    expect(plan.device.map((s) => s.class)).not.toContain('infrastructure');
    const held = new Set(plan.server.map((s) => s.id));
    for (const s of plan.device) expect(held.has(s.id)).toBe(false);
  });
});

describe('picker-wheel specifics', () => {
  it('runs n8n, postgres and qdrant behind the API, ollama as the chosen hosted model, and keeps their secrets on the server', async () => {
    const { files } = await pack(assembled('picker-wheel'));
    const moves = JSON.parse(files['server-side-moves.json'] as string) as ServerSideMoves;
    expect(moves.moves.map((m) => [m.dependency, m.placement, m.via ?? null, m.replacement?.name ?? null, m.replacement?.source ?? null])).toEqual([
      ['n8n', 'behind', 'api', null, null],
      ['ollama', 'hosted', null, 'openrouter', 'manifest'],
      ['postgres', 'behind', 'api', 'managed-postgres', 'swap-catalog'],
      ['qdrant', 'behind', 'api', 'qdrant-cloud', 'swap-catalog'],
    ]);
    const plan = JSON.parse(files['secret-plan.mobile.json'] as string) as MobileSecretPlan;
    expect(plan.server.map((s) => s.env)).toEqual(expect.arrayContaining(['N8N_ENCRYPTION_KEY', 'POSTGRES_PASSWORD', 'POSTGRES_USER', 'QDRANT_API_KEY']));
    // The hosted model is called with the user's own key, as the secrets package classifies it on mobile.
    expect(plan.device.map((s) => [s.id, s.class])).toEqual([['openrouter.api_key', 'user_prompt']]);
  });

  it('without a backend, the packager reports what the assembly could place nowhere', () => {
    const manifest = assembled('picker-wheel');
    const orphaned = { ...manifest, remote_services: [], config: {}, placements: (manifest.placements ?? []).map(({ via: _v, ...p }) => (p.kind === 'behind' ? { ...p, kind: 'unplaced' as const } : { ...p, ...(_v === undefined ? {} : { via: _v }) })) };
    const issues = createMobilePackager().check(orphaned);
    expect(issues.filter((d) => d.code === 'MOBILE_DEPENDENCY_UNPLACED').map((d) => d.severity)).toEqual(['error', 'error', 'error']);
  });
});
