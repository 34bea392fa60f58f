import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalHost, runCommand } from './deploy-host.ts';
import { renderReleaseScript } from './release-script.ts';

/*
 * release.sh on this machine (bash, tar, sha256sum): an upload is a release
 * only once every file matches SHA256SUMS and the manifest is the one its id
 * names; arguments are checked values; `current` switches by a rename.
 */
const dir = mkdtempSync(join(tmpdir(), 'dm-release-sh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const host = createLocalHost(join(dir, 'srv'));
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A release directory with bundle.json, one file and SHA256SUMS; returns its id. */
function release(name: string, manifest: string): { dir: string; id: string } {
  const d = join(dir, name);
  mkdirSync(join(d, 'services'), { recursive: true });
  writeFileSync(join(d, 'bundle.json'), manifest);
  writeFileSync(join(d, 'services', 'app.js'), 'console.log(1)\n');
  writeFileSync(join(d, 'SHA256SUMS'), `${sha(manifest)}  bundle.json\n${sha('console.log(1)\n')}  services/app.js\n`);
  return { dir: d, id: sha(manifest) };
}

const run = (command: Parameters<typeof host.release>[0], argument?: string, from?: string) =>
  runCommand(host.release(command, argument), from === undefined ? {} : { from: { argv: ['tar', '-C', from, '-cf', '-', '.'] } });

describe('release.sh', () => {
  // Installed before any test: each test stands alone in a shuffled order.
  beforeAll(async () => {
    expect((await runCommand(host.install(host.layout.script), { input: renderReleaseScript() })).code).toBe(0);
  });

  it('refuses an upload whose files do not match SHA256SUMS, accepts the intact one, and switches current by rename', async () => {
    const good = release('good', '{"app":{"version":"1"}}');
    const bad = release('bad', '{"app":{"version":"2"}}');
    writeFileSync(join(bad.dir, 'services', 'app.js'), 'console.log(2)\n');

    expect((await run('receive', bad.id, bad.dir)).code).toBe(0);
    const refused = await run('verify', bad.id);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('does not match its SHA256SUMS');
    expect(existsSync(join(host.layout.root, 'releases', bad.id))).toBe(false);

    // A manifest that is not the one the id names is refused too.
    expect((await run('receive', bad.id, good.dir)).code).toBe(0);
    expect((await run('verify', bad.id)).stderr).toContain(`does not have checksum ${bad.id}`);

    expect((await run('receive', good.id, good.dir)).code).toBe(0);
    expect((await run('verify', good.id)).code).toBe(0);
    expect((await run('switch', good.id)).code).toBe(0);
    expect(readlinkSync(join(host.layout.root, 'current'))).toBe(`releases/${good.id}`);
    expect((await run('current')).stdout).toBe(good.id);
  });

  it.each(['../../etc', 'ABC', `${'a'.repeat(64)}; rm -rf /`, ''])('takes release id %j as a value and refuses it (exit 2)', async (id) => {
    const r = await run('switch', id);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a release id');
  });
});
