import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listTree } from '@deployment-manager/testkit';
import { planDesktop, stageBundle } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The sample's linux-x64 staging with every source and packager file in place under a fresh directory. */
function stagedFixture() {
  const root = mkdtempSync(join(tmpdir(), 'dm-stage-'));
  dirs.push(root);
  const plan = planDesktop(sampleManifest(), { platforms: ['linux-x64'], channels: ['stable'] });
  const entries = plan.staging.platforms[0]?.entries ?? [];
  const write = (path: string, body: string): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, body);
  };
  for (const e of entries) {
    const file = plan.files.find((f) => f.path === e.from);
    const base = e.origin === 'source' ? join(root, 'src') : join(root, 'out');
    if (file !== undefined) write(join(base, e.from), file.content);
    else if (e.kind === 'asset-dir') write(join(base, e.from, 'index.html'), '<h1>x</h1>');
    else write(join(base, e.from), e.to === 'resources/store/schema.sql' ? 'test' : `stand-in for ${e.to}`);
  }
  const options = { platform: 'linux-x64', sourceRoot: join(root, 'src'), packagerOut: join(root, 'out'), dest: join(root, 'bundle') };
  return { root, plan, entries, options };
}

describe('stageBundle', () => {
  it('copies one platform of the staging plan, verifies pinned hashes and marks binaries executable', () => {
    const { root, plan, entries, options } = stagedFixture();
    const dest = options.dest;
    expect(stageBundle(plan.staging, options)).toHaveLength(entries.length);
    expect(Object.keys(listTree(dest))).toContain('runtime/runtime.mjs');
    expect(readFileSync(join(dest, 'bundle.json'), 'utf8')).toBe(plan.files.find((f) => f.path === 'runtime/bundle.json')?.content);
    expect(statSync(join(dest, 'bin/linux-x64/tally-api')).mode & 0o111).not.toBe(0);
    expect(stageBundle(plan.staging, { ...options, resolve: (e) => (e.kind === 'runtime' ? null : undefined) }).some((e) => e.kind === 'runtime')).toBe(false);

    writeFileSync(join(root, 'src', 'resources/store/schema.sql'), 'tampered');
    expect(() => stageBundle(plan.staging, options)).toThrow(expect.objectContaining({ code: 'ASSET_INVALID' }));
    expect(() => stageBundle(plan.staging, { ...options, platform: 'win-x64' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  // A scenario's sources are input: what stands at an asset's or a binary's path may be anything.
  const HOSTILE: readonly (readonly [string, (at: string, root: string) => void])[] = [
    ['a FIFO', (at) => execFileSync('mkfifo', [at])],
    ['a link to /dev/zero', (at) => symlinkSync('/dev/zero', at)],
    ['a link to a file outside the sources', (at, root) => {
      writeFileSync(join(root, 'outside'), 'not part of the app');
      symlinkSync(join(root, 'outside'), at);
    }],
  ];
  it.each(HOSTILE)('refuses %s in place of a source file, or inside an asset directory, with FILE_NOT_REGULAR', (_, make) => {
    const { root, plan, entries, options } = stagedFixture();
    const file = entries.find((e) => e.origin === 'source' && e.kind !== 'asset-dir');
    const assetDir = entries.find((e) => e.origin === 'source' && e.kind === 'asset-dir');
    expect([file?.kind, assetDir?.kind]).toEqual([expect.any(String), 'asset-dir']);
    const at = join(options.sourceRoot, file?.from ?? '');
    rmSync(at);
    make(at, root);
    expect(() => stageBundle(plan.staging, options)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));

    const fresh = stagedFixture();
    make(join(fresh.options.sourceRoot, assetDir?.from ?? '', 'hostile'), fresh.root);
    expect(() => stageBundle(fresh.plan.staging, fresh.options)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));
  });
});
