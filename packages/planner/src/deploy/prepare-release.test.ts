import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { hostPlatformKey } from '@deployment-manager/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSha256 } from './file-sha256.ts';
import { prepareRelease } from './prepare-release.ts';

const root = mkdtempSync(join(tmpdir(), 'dm-prepare-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const manifest: DesktopManifest = {
  schema_version: 'v0.1',
  target: 'desktop',
  app: { name: 'prepare-test', version: '1.0.0' },
  ipc: { mode: 'loopback-http', host: '127.0.0.1', port: 47999, auth_token_path: 'runtime/auth-token' },
  telemetry: { file: 'telemetry/events.jsonl' },
  services: [{ id: 'svc', type: 'api-binary', binaries: { [hostPlatformKey()]: { path: 'services/svc.mjs' } }, health: { type: 'log_match' }, readiness: { type: 'log_match', pattern: '^up$' } }],
};

/** A valid bundle directory, with `extra` added inside it. */
function bundleWith(name: string, extra: (dir: string) => void): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'services'), { recursive: true });
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'services', 'svc.mjs'), "console.log('up');\n");
  extra(dir);
  return dir;
}

describe('prepareRelease refuses what a release cannot carry as a file', () => {
  it.skipIf(process.platform === 'win32')('a FIFO in the bundle is FILE_NOT_REGULAR, named, without blocking, and leaves no partial release', async () => {
    const dir = bundleWith('fifo', (d) => execFileSync('mkfifo', [join(d, 'services', 'pipe')]));
    await expect(prepareRelease(dir, join(root, 'fifo-out'))).rejects.toMatchObject({ code: 'FILE_NOT_REGULAR', message: expect.stringContaining('services/pipe') });
    expect(existsSync(join(root, 'fifo-out'))).toBe(false);
  });

  it('a symbolic link that stays inside the bundle carries the file it names; the app data directory is left out', async () => {
    const dir = bundleWith('inner-link', (d) => {
      symlinkSync('svc.mjs', join(d, 'services', 'alias.mjs'));
      mkdirSync(join(d, '.runtime', 'logs'), { recursive: true });
      writeFileSync(join(d, '.runtime', 'logs', 'old.log'), 'from an earlier run');
    });
    const release = await prepareRelease(dir, join(root, 'inner-link-out'));
    expect(readFileSync(join(release.dir, 'services', 'alias.mjs'), 'utf8')).toBe("console.log('up');\n");
    expect(lstatSync(join(release.dir, 'services', 'alias.mjs')).isFile()).toBe(true);
    expect(release.sums).toContain('  services/alias.mjs\n');
    expect(existsSync(join(release.dir, '.runtime'))).toBe(false);
  });

  it('a symbolic link that leaves the bundle is FILE_NOT_REGULAR', async () => {
    const outside = join(root, 'secret.txt');
    writeFileSync(outside, 'not part of the bundle');
    const dir = bundleWith('link', (d) => symlinkSync(outside, join(d, 'services', 'leak.txt')));
    await expect(prepareRelease(dir, join(root, 'link-out'))).rejects.toMatchObject({ code: 'FILE_NOT_REGULAR', message: expect.stringContaining('leak.txt') });
  });
});

describe('fileSha256', () => {
  it('hashes a regular file in chunks as one pass over its bytes does, and refuses a device', () => {
    const file = join(root, 'big.bin');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61);
    bytes.write('end', bytes.length - 3);
    writeFileSync(file, bytes);
    expect(fileSha256(file, 'test file')).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(() => fileSha256('/dev/zero', 'test file')).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));
  });
});
