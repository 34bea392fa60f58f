// Real Vrooli scenarios from ../shared: picker-wheel, mind-maps and tech-tree-designer, each with a
// hand-written mobile manifest (test/fixtures/<name>.mobile.json) packed against its real graph.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, loadWorkspace, type PackResult } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';
import { applySwaps, scoreGraph } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { createMobilePackager, validateCapacitorConfig, validateMobileArtifact, type MobileSecretPlan, type ServerSideMoves } from '../src/index.ts';

// packages/packager-mobile/test -> /work (the directory holding main/ and shared/).
const ROOT = fileURLToPath(new URL('../../../../shared/fixtures/vrooli/', import.meta.url));
const workspace = loadWorkspace(ROOT);
const scenarios = [...workspace.scenarios.values()];
const manifestOf = (name: string): MobileManifest => JSON.parse(readFileSync(new URL(`./fixtures/${name}.mobile.json`, import.meta.url), 'utf8')) as MobileManifest;

interface Packed {
  readonly result: PackResult;
  readonly files: Readonly<Record<string, string>>;
}

async function pack(name: string): Promise<Packed> {
  const graph = buildGraph(workspace, name, { policy: 'active' });
  const outDir = mkdtempSync(join(tmpdir(), `dm-mobile-${name}-`));
  try {
    const packager = createMobilePackager({ graph, scenarios });
    const issues = packager.check(manifestOf(name));
    expect(issues.filter((d) => d.severity !== 'info')).toEqual([]);
    const result = await packager.pack(manifestOf(name), { outDir, log: () => undefined, signal: new AbortController().signal });
    const files = Object.fromEntries(result.artifacts.map((a) => [a.path, readFileSync(join(outDir, a.path), 'utf8')]));
    return { result, files };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe.each(['picker-wheel', 'mind-maps', 'tech-tree-designer'])('%s on mobile (real fixture)', (name) => {
  const graph = buildGraph(workspace, name, { policy: 'active' });
  const manifest = manifestOf(name);

  it('packs without errors, every artifact validates offline, and golden files pin the output', async () => {
    const { result, files } = await pack(name);
    expect(Object.keys(files)).toEqual(['NEXT-STEPS.md', 'capacitor.config.json', 'runtime-config.json', 'secret-plan.mobile.json', 'server-side-moves.json']);
    expect(validateCapacitorConfig(JSON.parse(files['capacitor.config.json'] as string), 'capacitor.config.json')).toEqual([]);
    for (const [path, text] of Object.entries(files)) {
      if (path.endsWith('.json')) expect(validateMobileArtifact(path, JSON.parse(text)), path).toEqual([]);
      await expect(text).toMatchFileSnapshot(`./__snapshots__/${name}/${path}`);
    }
    await expect(`${JSON.stringify(result.notes, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}/notes.json`);
  });

  it('moves every dependency fitness rules out on a phone off the device, unless the manifest embeds its replacement', async () => {
    const { files } = await pack(name);
    const moves = JSON.parse(files['server-side-moves.json'] as string) as ServerSideMoves;
    const blocked = scoreGraph(graph, { tiers: ['mobile'] }).tiers.mobile?.blockers ?? [];
    const embedded = new Set((manifest.swaps ?? []).filter((s) => (manifest.embedded ?? []).some((e) => e.provides === `resource:${s.replacement}`)).map((s) => `resource:${s.original}`));
    for (const id of blocked) {
      if (embedded.has(id)) continue;
      expect(moves.moves.find((m) => m.node === id)?.must_move, id).toBe(true);
    }
    for (const m of moves.moves) if (m.must_move) expect(m.why.some((r) => r.blocker), m.dependency).toBe(true);
  });

  it('keeps every infrastructure secret of the mobile plan on a server, and none on the device', async () => {
    const { files } = await pack(name);
    const plan = JSON.parse(files['secret-plan.mobile.json'] as string) as MobileSecretPlan;
    const swapped = applySwaps(graph, (manifest.swaps ?? []).map((s) => ({ from: s.original, to: s.replacement })));
    const infrastructure = planSecrets(swapped, { tier: 'mobile', scenarios }).secrets.filter((s) => s.class === 'infrastructure').map((s) => s.id);
    expect(plan.server.map((s) => s.id)).toEqual(expect.arrayContaining(infrastructure));
    expect(plan.device.map((s) => s.class)).not.toContain('infrastructure');
    for (const s of plan.device.filter((d) => d.class === 'remote_fetch')) expect(s.remote?.key.length).toBeGreaterThan(0);
  });
});

describe('picker-wheel specifics', () => {
  it('the secrets package blocks picker-wheel on mobile, and running it behind a backend is what clears that', async () => {
    const graph = buildGraph(workspace, 'picker-wheel', { policy: 'active' });
    const blockers = planSecrets(graph, { tier: 'mobile', scenarios }).blockers.map((d) => d.code);
    expect(blockers.length).toBeGreaterThan(0);
    expect(new Set(blockers)).toEqual(new Set(['SECRET_INFRASTRUCTURE_REQUIRED']));
    const { files } = await pack('picker-wheel');
    const moves = JSON.parse(files['server-side-moves.json'] as string) as ServerSideMoves;
    expect(moves.moves.map((m) => [m.dependency, m.placement, m.via ?? null, m.replacement?.name ?? null, m.replacement?.source ?? null])).toEqual([
      ['n8n', 'behind', 'api', null, null],
      ['ollama', 'hosted', null, 'openrouter', 'manifest'],
      ['postgres', 'behind', 'api', 'managed-postgres', 'swap-catalog'],
      ['qdrant', 'behind', 'api', 'qdrant-cloud', 'swap-catalog'],
    ]);
    const plan = JSON.parse(files['secret-plan.mobile.json'] as string) as MobileSecretPlan;
    expect(plan.server.map((s) => s.env).sort()).toEqual(['N8N_API_KEY', 'N8N_ENCRYPTION_KEY', 'N8N_WEBHOOK_SECRET', 'POSTGRES_PASSWORD', 'POSTGRES_USER', 'QDRANT_API_KEY']);
    // The hosted model is called with the user's own key, as the secrets package classifies it on mobile.
    expect(plan.device.map((s) => [s.id, s.class, s.planned ?? null])).toEqual([
      ['device_key', 'per_install_generated', null],
      ['openrouter_key', 'user_prompt', 'openrouter.api_key'],
    ]);
  });

  it('without the backend, the real graph shows what the manifest leaves unplaced', () => {
    const graph = buildGraph(workspace, 'picker-wheel', { policy: 'active' });
    const manifest = { ...manifestOf('picker-wheel'), remote_services: [], config: {} };
    const issues = createMobilePackager({ graph, scenarios }).check(manifest);
    expect(issues.filter((d) => d.code === 'MOBILE_DEPENDENCY_UNPLACED').map((d) => [d.severity, d.path])).toEqual([
      ['error', '/graph/nodes/resource:n8n'],
      ['error', '/graph/nodes/resource:postgres'],
      ['error', '/graph/nodes/resource:qdrant'],
    ]);
  });
});
