// picker-wheel's mobile manifest assembled by the bundle package (graph + swap decisions + secret plan + profile)
// from the real fixtures, then packed: the assembly and the packager agree on what runs where.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, hasErrors, loadWorkspace } from '@deployment-manager/core';
import { assembleManifest, decisionsFromSuggestions, type MobileManifest, type ProfileContent } from '@deployment-manager/bundle';
import { applySwaps, suggestSwaps, type SwapSpec } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';
import { createMobilePackager, validateMobileArtifact, type MobileSecretPlan, type ServerSideMoves } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../../../shared/fixtures/vrooli/', import.meta.url));
const workspace = loadWorkspace(ROOT);
const scenarios = [...workspace.scenarios.values()];

describe('picker-wheel assembled by the bundle package, then packed', () => {
  const spec = workspace.scenarios.get('picker-wheel');
  const graph = buildGraph(workspace, 'picker-wheel', { policy: 'active' });
  const swaps: SwapSpec[] = [{ from: 'ollama', to: 'openrouter' }];
  const profile: ProfileContent = {
    name: 'picker-wheel mobile',
    scenario: 'picker-wheel',
    tiers: ['mobile'],
    swaps,
    secrets: {},
    settings: { app_id: 'com.vrooli.pickerwheel', remote_urls: { api: 'https://picker-wheel.example.com/api' }, mobile_platforms: ['ios', 'android'] },
  };

  it('packs the assembled manifest with no error, and every JSON artifact validates', async () => {
    if (spec === undefined) throw new Error('picker-wheel is missing from the fixtures');
    const plan = planSecrets(applySwaps(graph, swaps, { tier: 'mobile' }), { tier: 'mobile', scenario: spec, scenarios });
    const assembled = assembleManifest(graph, decisionsFromSuggestions(suggestSwaps(graph, 'mobile'), swaps), plan, profile, { scenario: spec });
    const manifest = assembled.manifest as MobileManifest;
    expect(manifest.target).toBe('mobile');
    const packager = createMobilePackager({ graph, scenario: spec, scenarios });
    const issues = packager.check(manifest);
    expect(hasErrors(issues), JSON.stringify(issues)).toBe(false);
    const outDir = mkdtempSync(join(tmpdir(), 'dm-mobile-assembled-'));
    try {
      const result = await packager.pack(manifest, { outDir, log: () => undefined, signal: new AbortController().signal });
      const read = (p: string): unknown => JSON.parse(readFileSync(join(outDir, p), 'utf8'));
      for (const a of result.artifacts) if (a.mediaType === 'application/json') expect(validateMobileArtifact(a.path, read(a.path)), a.path).toEqual([]);
      const moves = read('server-side-moves.json') as ServerSideMoves;
      // The assembly puts the scenario's API on a server; every resource the device cannot run is behind it.
      const backend = manifest.remote_services.find((r) => r.provides === 'scenario:picker-wheel')?.id;
      expect(backend).toBeDefined();
      expect(moves.backend).toBe(backend);
      const embedded = new Set((manifest.embedded ?? []).map((e) => e.provides));
      for (const id of ['resource:n8n', 'resource:postgres', 'resource:qdrant']) {
        if (embedded.has(id)) continue;
        expect(moves.moves.find((m) => m.node === id)).toMatchObject({ placement: 'behind', via: backend, must_move: true });
      }
      const secrets = read('secret-plan.mobile.json') as MobileSecretPlan;
      expect(secrets.device.map((s) => s.class)).not.toContain('infrastructure');
      expect(secrets.server.map((s) => s.env)).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD', 'QDRANT_API_KEY']));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
