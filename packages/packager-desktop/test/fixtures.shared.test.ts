import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { hasErrors, type PackResult } from '@deployment-manager/core';
import { expectGoldenArtifacts, sharedFixture } from '@deployment-manager/testkit';
import { checkDesktopBundle, createDesktopPackager, validateDesktopArtifact } from '../src/index.ts';

const read = (...p: string[]): unknown => JSON.parse(readFileSync(sharedFixture('fixtures', 'vrooli', ...p), 'utf8'));
const manifest = (name: string): DesktopManifest => read('manifests', name) as DesktopManifest;
const officialSchema = new Ajv({ allErrors: true, strict: false }).compile(read('schemas', 'bundle-schema.desktop.v0.1.json') as object);

async function packAndValidate(m: DesktopManifest): Promise<{ result: PackResult; files: Record<string, string> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'dm-desktop-shared-'));
  try {
    const result = await createDesktopPackager().pack(m, { outDir, log: () => undefined, signal: new AbortController().signal });
    const files = Object.fromEntries(result.artifacts.map((a) => [a.path, readFileSync(join(outDir, a.path), 'utf8')]));
    for (const [path, content] of Object.entries(files)) expect(validateDesktopArtifact(path, content), path).toEqual([]);
    // The runtime manifest must still satisfy the predecessor's published schema, so its runtime keeps working.
    expect(officialSchema(JSON.parse(files['runtime/bundle.json'] ?? '{}')), JSON.stringify(officialSchema.errors)).toBe(true);
    return { result, files };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe('desktop packager on the predecessor reference manifests', () => {
  it('desktop-happy (picker-wheel): every artifact validates offline, pinned by golden files', async () => {
    const { result, files } = await packAndValidate(manifest('desktop-happy.json'));
    await expectGoldenArtifacts(files, './__snapshots__/desktop-happy');
    expect(result.notes.map((n) => n.feature).sort()).toEqual(['binaries.path', 'binaries.path', 'binaries.path', 'secrets.user_prompt']);
    const staging = JSON.parse(files['staging-plan.json'] ?? '{}') as { platforms: { platform: string; entries: { to: string; verify: boolean }[] }[] };
    expect(staging.platforms.map((p) => p.platform)).toEqual(['linux-x64', 'win-x64', 'darwin-x64', 'darwin-arm64']);
    expect(staging.platforms[0]?.entries.find((e) => e.to === 'data/picker-wheel/seed.sql')?.verify).toBe(false);
    expect(checkDesktopBundle(manifest('desktop-happy.json')).map((d) => d.code)).toEqual(expect.arrayContaining(['ASSET_HASH_PLACEHOLDER', 'DESKTOP_ASSET_UNVERIFIED']));
  });

  it('desktop-playwright: refuses the six ${playwright.http} placeholders that resolve to nothing', () => {
    const issues = checkDesktopBundle(manifest('desktop-playwright.json'));
    expect(hasErrors(issues)).toBe(true);
    expect(issues.filter((d) => d.code === 'PLACEHOLDER_UNRESOLVED')).toHaveLength(6);
  });

  it('desktop-playwright, placeholders pointed at the real service id: packs, notes the GPU need as lost', async () => {
    const text = readFileSync(sharedFixture('fixtures', 'vrooli', 'manifests', 'desktop-playwright.json'), 'utf8').replaceAll('${playwright.http}', '${playwright-driver.http}');
    const { result } = await packAndValidate(JSON.parse(text) as DesktopManifest);
    expect(result.notes.filter((n) => n.kind === 'lost').map((n) => `${n.feature} ${n.path}`)).toEqual(['gpu /services/3/gpu']);
  });

  it('desktop-with-build: refuses services with empty binaries (the schema says at least one)', () => {
    const issues = checkDesktopBundle(manifest('desktop-with-build.json'));
    expect(hasErrors(issues)).toBe(true);
  });

  it('desktop-with-build, binaries filled from its build outputs: cross-compile commands per platform', async () => {
    const m = structuredClone(manifest('desktop-with-build.json')) as unknown as { services: { id: string; binaries: Record<string, { path: string }>; migrations?: { run_on?: string }[] }[] };
    const platforms = ['linux-x64', 'win-x64', 'darwin-arm64'];
    for (const s of m.services) {
      s.binaries = Object.fromEntries(platforms.map((p) => [p, { path: s.id === 'ui' ? 'ui/dist' : `bin/${p}/${s.id}${p.startsWith('win') ? '.exe' : ''}` }]));
      for (const mig of s.migrations ?? []) if (mig.run_on === 'install') mig.run_on = 'first_install';
    }
    const { result, files } = await packAndValidate(m as unknown as DesktopManifest);
    const plan = JSON.parse(files['build-plan.json'] ?? '{}') as { platforms: { platform: string; builds: { service: string; steps: { argv: string[]; env: Record<string, string> }[] }[] }[] };
    const win = plan.platforms.find((p) => p.platform === 'win-x64');
    expect(win?.builds.map((b) => b.service)).toEqual(['api', 'worker', 'custom-tool']);
    expect(win?.builds[0]?.steps[0]).toMatchObject({ argv: ['go', 'build', '-ldflags', '-s -w', '-o', 'bin/win-x64/my-app-api.exe', './cmd/api'], env: { GOOS: 'windows', GOARCH: 'amd64', CGO_ENABLED: '0' } });
    expect(win?.builds[1]?.steps[0]?.argv).toEqual(['cargo', 'build', '--release', '--target', 'x86_64-pc-windows-gnu', '--bin', 'worker']);
    expect(win?.builds[2]?.steps[0]?.argv).toEqual(['make', 'build', 'GOOS=windows', 'GOARCH=amd64', 'OUTPUT=bin/win-x64/custom-tool.exe']);
    expect(result.notes.filter((n) => n.feature === 'migrations.run_on')).toHaveLength(1);
  });
});
