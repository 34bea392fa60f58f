import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleScenario, type DesktopManifest } from '@deployment-manager/bundle';
import { hasErrors, loadWorkspace } from '@deployment-manager/core';
import { expectGoldenArtifacts, sharedFixture } from '@deployment-manager/testkit';
import { createDesktopPackager, validateDesktopArtifact } from '../src/index.ts';

const workspace = loadWorkspace(sharedFixture('fixtures', 'vrooli'));

/** The desktop manifest the bundle package assembles for a scenario, after the suggested swaps. */
function assembled(name: string): DesktopManifest {
  const { result } = assembleScenario(workspace, name, { tier: 'desktop', acceptSuggested: true });
  expect(result.ok, name).toBe(true);
  expect(result.manifest.target).toBe('desktop');
  return result.manifest as DesktopManifest;
}

async function packed(m: DesktopManifest): Promise<Record<string, string>> {
  const outDir = mkdtempSync(join(tmpdir(), 'dm-desktop-scenario-'));
  try {
    const result = await createDesktopPackager().pack(m, { outDir, log: () => undefined, signal: new AbortController().signal });
    return Object.fromEntries(result.artifacts.map((a) => [a.path, readFileSync(join(outDir, a.path), 'utf8')]));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe('desktop packager on manifests assembled from the fixture scenarios', () => {
  it.each(['picker-wheel', 'app-monitor', 'image-generation-pipeline'])('%s: packs, and every artifact validates offline', async (name) => {
    const m = assembled(name);
    expect(hasErrors(createDesktopPackager().check(m))).toBe(false);
    const files = await packed(m);
    for (const [path, content] of Object.entries(files)) expect(validateDesktopArtifact(path, content), `${name} ${path}`).toEqual([]);
    // Each service is staged on each platform the manifest ships, and built where it has a build entry.
    const staging = JSON.parse(files['staging-plan.json'] ?? '{}') as { platforms: { entries: { kind: string; service?: string }[] }[] };
    for (const p of staging.platforms) expect(new Set(p.entries.filter((e) => e.kind === 'binary').map((e) => e.service))).toEqual(new Set(m.services.map((s) => s.id)));
    const plan = JSON.parse(files['build-plan.json'] ?? '{}') as { platforms: { builds: { service: string }[] }[] };
    for (const p of plan.platforms) expect(p.builds.map((b) => b.service)).toEqual(m.services.filter((s) => s.build !== undefined).map((s) => s.id));
  });

  it('picker-wheel assembled: golden files', async () => {
    const files = await packed(assembled('picker-wheel'));
    await expectGoldenArtifacts(files, './__snapshots__/picker-wheel-assembled');
  });

  it('every scenario that assembles for desktop also packs, with valid artifacts', async () => {
    let count = 0;
    for (const name of [...workspace.scenarios.keys()].sort()) {
      const { result } = assembleScenario(workspace, name, { tier: 'desktop', acceptSuggested: true });
      if (!result.ok) continue;
      count++;
      const files = await packed(result.manifest as DesktopManifest);
      for (const [path, content] of Object.entries(files)) expect(validateDesktopArtifact(path, content), `${name} ${path}`).toEqual([]);
    }
    expect(count).toBeGreaterThanOrEqual(30);
  });
});
