import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors, isSdkError } from '@deployment-manager/core';
import { packagerContractSuite } from '@deployment-manager/testkit';
import { checkDesktopBundle, createDesktopPackager, planDesktop, validateDesktopArtifact, validateElectronBuilderConfig } from '../src/index.ts';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { sampleManifest } from './sample.ts';

const valid = sampleManifest();
const invalid = { ...valid, services: [] } as unknown as DesktopManifest;

packagerContractSuite('desktop', { create: () => createDesktopPackager(), validBundle: valid, invalidBundle: invalid });

const withOptions = (): ReturnType<typeof createDesktopPackager> =>
  createDesktopPackager({ appId: 'com.example.tally-desk', productName: 'Tally Desk', publish: [{ provider: 'github', owner: 'example', repo: 'tally-desk' }], copyright: 'Copyright 2025 Example' });

describe('desktop packager output', () => {
  it('writes the documented files and pins each one with a golden snapshot', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dm-desktop-'));
    try {
      const result = await withOptions().pack(valid, { outDir, log: () => undefined, signal: new AbortController().signal });
      expect(result.artifacts.map((a) => a.path)).toEqual([
        'app/main.cjs',
        'app/package.json',
        'build-plan.json',
        'build.sh',
        'electron-builder.beta.json',
        'electron-builder.dev.json',
        'electron-builder.stable.json',
        'package.json',
        'runtime/bundle.json',
        'runtime/launch.json',
        'staging-plan.json',
      ]);
      for (const artifact of result.artifacts) {
        expect(validateDesktopArtifact(artifact.path, readFileSync(join(outDir, artifact.path), 'utf8'))).toEqual([]);
        await expect(readFileSync(join(outDir, artifact.path), 'utf8')).toMatchFileSnapshot(`./__snapshots__/sample/${artifact.path}`);
      }
      await expect(`${JSON.stringify(result.notes, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/sample/notes.json');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it("writes configurations that validate against electron-builder's scheme.json", () => {
    const plan = planDesktop(valid, { publish: [{ provider: 'generic', url: 'https://updates.example.com/{{channel}}' }, { provider: 's3', bucket: 'b', path: 'tally/{{channel}}' }] });
    for (const file of plan.files.filter((f) => f.path.startsWith('electron-builder.'))) {
      expect(validateElectronBuilderConfig(JSON.parse(file.content), file.path)).toEqual([]);
    }
    expect(plan.configs.beta?.['publish']).toEqual([
      { provider: 'generic', url: 'https://updates.example.com/beta', channel: 'beta' },
      { provider: 's3', bucket: 'b', path: 'tally/beta', channel: 'beta' },
    ]);
  });

  it('keeps runtime/bundle.json byte-equal to the canonical manifest', () => {
    const plan = planDesktop(valid);
    const text = plan.files.find((f) => f.path === 'runtime/bundle.json')?.content ?? '';
    expect(JSON.parse(text)).toEqual(valid);
    expect(text).not.toMatch(/\n/);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives the dev channel its own identity and maps channels to updater files', () => {
    const plan = planDesktop(valid, { appId: 'com.example.tally' });
    expect(plan.configs.dev?.['appId']).toBe('com.example.tally.dev');
    expect(plan.configs.stable?.['appId']).toBe('com.example.tally');
    expect(plan.configs.beta?.['appId']).toBe('com.example.tally');
    expect((plan.configs.stable?.['extraMetadata'] as Record<string, unknown>)['updateChannel']).toBe('latest');
    expect((plan.configs.dev?.['extraMetadata'] as Record<string, unknown>)['updateChannel']).toBe('alpha');
  });

  it('writes only the channels asked for', () => {
    const plan = planDesktop(valid, { channels: ['stable'] });
    expect(plan.files.filter((f) => f.path.startsWith('electron-builder.')).map((f) => f.path)).toEqual(['electron-builder.stable.json']);
  });

  it('reports lost and emulated semantics as data', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dm-desktop-'));
    try {
      const { notes } = await createDesktopPackager().pack(valid, { outDir, log: () => undefined, signal: new AbortController().signal });
      expect(notes.map((n) => `${n.kind}:${n.feature}:${n.path ?? ''}`).sort()).toEqual([
        'emulated:binaries.path:/services/0/binaries/windows-x64/path',
        'emulated:binaries.path:/services/2/binaries/win-x64/path',
        'emulated:code_signing.linux:/code_signing/linux',
        'emulated:secrets.user_prompt:/secrets/0',
        'lost:gpu:/services/2/gpu',
      ]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('reports a platform a service has no binary for, and refuses to pack it', async () => {
    const issues = checkDesktopBundle(valid, { platforms: ['linux-x64', 'darwin-x64'] });
    expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.path}`)).toEqual([
      'DESKTOP_BINARY_MISSING /services/0/binaries',
      'DESKTOP_BINARY_MISSING /services/1/binaries',
      'DESKTOP_BINARY_MISSING /services/2/binaries',
      'DESKTOP_BINARY_MISSING /services/3/binaries',
    ]);
    const outDir = mkdtempSync(join(tmpdir(), 'dm-desktop-'));
    try {
      const p = createDesktopPackager({ platforms: ['linux-x64', 'darwin-x64'] });
      await expect(p.pack(valid, { outDir, log: () => undefined, signal: new AbortController().signal })).rejects.toSatisfy((e: unknown) => isSdkError(e, 'PACKAGER_CHECK_FAILED'));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('rejects bad options with codes', () => {
    const codes = (o: Parameters<typeof checkDesktopBundle>[1]): string[] => checkDesktopBundle(valid, o).filter((i) => i.severity === 'error').map((i) => i.code);
    expect(codes({ appId: 'not an id' })).toContain('DESKTOP_APP_ID_INVALID');
    expect(codes({ channels: [] })).toContain('DESKTOP_NO_CHANNEL');
    expect(codes({ platforms: ['linux-riscv64'] })).toEqual(expect.arrayContaining(['DESKTOP_PLATFORM_UNKNOWN', 'DESKTOP_NO_PLATFORM']));
    expect(codes({ targets: { linux: ['exe'] } })).toContain('DESKTOP_TARGET_UNKNOWN');
    expect(codes({})).toEqual([]);
  });

  it('flags unsafe paths that would stage outside the bundle', () => {
    const m = structuredClone(valid) as unknown as { services: { binaries: Record<string, { path: string }> }[] };
    m.services[1]!.binaries['linux-x64'] = { path: '../../etc/passwd' };
    const issues = checkDesktopBundle(m as unknown as DesktopManifest);
    expect(issues.some((i) => i.code === 'DESKTOP_PATH_UNSAFE' || i.severity === 'error')).toBe(true);
    expect(hasErrors(issues)).toBe(true);
  });

  it('stages an upper-case pinned hash in the lower case sha256sum prints, and refuses an absolute runtime source', () => {
    const m = structuredClone(valid) as unknown as { services: { assets?: { sha256?: string }[] }[] };
    m.services[2]!.assets![0]!.sha256 = '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08';
    const entries = planDesktop(m as unknown as DesktopManifest).staging.platforms[0]?.entries ?? [];
    expect(entries.find((e) => e.to === 'resources/store/schema.sql')?.sha256).toBe('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    expect(checkDesktopBundle(valid, { runtimeSource: '/opt/runtime' }).map((i) => i.code)).toContain('DESKTOP_PATH_UNSAFE');
  });

  it('warns that placeholder asset hashes are staged unverified and verifies real ones', () => {
    const plan = planDesktop(valid);
    const entries = plan.staging.platforms[0]?.entries ?? [];
    expect(entries.find((e) => e.to === 'resources/store/seed.sql')).toMatchObject({ verify: false });
    expect(entries.find((e) => e.to === 'resources/store/schema.sql')).toMatchObject({ verify: true, sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' });
    expect(checkDesktopBundle(valid).filter((i) => i.code === 'DESKTOP_ASSET_UNVERIFIED').map((i) => i.path)).toEqual(['/services/2/assets/1/sha256']);
  });
});

describe('offline validation of the output', () => {
  it('build.sh passes sh -n and app/main.cjs passes node --check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-desktop-syntax-'));
    try {
      const plan = planDesktop(valid);
      const script = join(dir, 'build.sh');
      const main = join(dir, 'main.cjs');
      writeFileSync(script, plan.files.find((f) => f.path === 'build.sh')?.content ?? '');
      writeFileSync(main, plan.files.find((f) => f.path === 'app/main.cjs')?.content ?? '');
      expect(() => execFileSync('sh', ['-n', script], { stdio: 'pipe' })).not.toThrow();
      expect(() => execFileSync(process.execPath, ['--check', main], { stdio: 'pipe' })).not.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects tampered artifacts with DESKTOP_ARTIFACT_INVALID or the schema code', () => {
    const plan = planDesktop(valid);
    const content = (path: string): Record<string, unknown> => JSON.parse(plan.files.find((f) => f.path === path)?.content ?? '{}') as Record<string, unknown>;
    const staging = content('staging-plan.json') as { platforms: { entries: Record<string, unknown>[] }[] };
    staging.platforms[0]!.entries[0]!['to'] = '../escape';
    expect(validateDesktopArtifact('staging-plan.json', JSON.stringify(staging)).map((d) => d.code)).toContain('DESKTOP_ARTIFACT_INVALID');
    const launch = { ...content('runtime/launch.json'), startupTimeoutMs: -1 };
    expect(validateDesktopArtifact('runtime/launch.json', JSON.stringify(launch)).map((d) => d.path)).toEqual(['/startupTimeoutMs']);
    const build = content('build-plan.json') as { platforms: { signingEnv: unknown[] }[] };
    build.platforms[0]!.signingEnv.push({ name: 'X', fromEnv: 'A; rm -rf /' });
    expect(validateDesktopArtifact('build-plan.json', JSON.stringify(build))).not.toEqual([]);
    expect(validateDesktopArtifact('electron-builder.stable.json', JSON.stringify({ ...content('electron-builder.stable.json'), asar: 'yes' })).map((d) => d.code)).toContain('DESKTOP_CONFIG_SCHEMA');
    expect(validateDesktopArtifact('runtime/bundle.json', JSON.stringify({ ...valid, services: [] })).length).toBeGreaterThan(0);
    expect(validateDesktopArtifact('app/package.json', '{"name":"x"}').map((d) => d.path)).toEqual(['/version', '/main', '/description', '/author']);
    expect(validateDesktopArtifact('build-plan.json', 'not json').map((d) => d.code)).toEqual(['DESKTOP_ARTIFACT_INVALID']);
  });
});
