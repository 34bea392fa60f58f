import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { loadWorkspace } from '@deployment-manager/core';
import { assembleScenario } from '@deployment-manager/bundle';
import { EXAMPLE_ROOT } from '@deployment-manager/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, buildCommandsFor, hasProgram } from './build-bundle.ts';

const { result } = assembleScenario(loadWorkspace(EXAMPLE_ROOT), 'recipe-hub', { tier: 'desktop', acceptSuggested: true });
if (!result.ok) throw new Error('the example did not assemble for desktop');
const manifest = result.manifest as DesktopManifest;
const dir = mkdtempSync(join(tmpdir(), 'dm-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buildBundle', () => {
  it("lists the build plan's commands for this platform: npm ci and npm run build in each service", () => {
    expect(buildCommandsFor(manifest, 'linux-x64').map((c) => `${c.cwd}: ${c.argv.join(' ')}`)).toEqual(['api: npm ci', 'api: npm run build', 'ui: npm ci', 'ui: npm run build']);
  });

  it('refuses a build tool that is not installed by name, before running anything', async () => {
    const tool = 'dm-no-such-compiler';
    expect(hasProgram(tool)).toBe(false);
    const goManifest = { ...manifest, services: manifest.services.map((s) => (s.id === 'api' ? { ...s, build: { type: 'custom' as const, source_dir: 'api', args: [tool, 'build'] } } : s)) } as DesktopManifest;
    await expect(buildBundle(goManifest, { sourceRoot: join(EXAMPLE_ROOT, 'scenarios/recipe-hub'), workDir: join(dir, 'refused') })).rejects.toMatchObject({ code: 'TOOL_MISSING', details: { tool } });
  });
});
