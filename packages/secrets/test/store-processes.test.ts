import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../src/file-store.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/store-writer.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dm-store-proc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Exit code and stderr of one writer process (stderr names the error when it fails). */
function runWriter(path: string, prefix: string, count: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, path, prefix, String(count)], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve(`exit ${code}${err === '' ? '' : `: ${err.trim()}`}`)));
}

describe('file secret store across processes', () => {
  it('loses no update when three processes write the same store at once', async () => {
    const path = join(dir, 'shared', 'secrets.json');
    const results = await Promise.all(['a', 'b', 'c'].map((p) => runWriter(path, p, 8)));
    expect(results).toEqual(['exit 0', 'exit 0', 'exit 0']);
    const ids = await createFileSecretStore(path).ids();
    expect(ids).toHaveLength(24);
    expect(readdirSync(join(dir, 'shared')).sort()).toEqual(['secrets.json']);
  });

  it('takes over the lock of a killed writer and sweeps the temporary files it left', async () => {
    const path = join(dir, 'killed', 'secrets.json');
    await createFileSecretStore(path).set('first', 'one');
    // What a writer killed with SIGKILL mid-write leaves: its lock (a pid that is gone) and a temp file holding values.
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, at: Date.now() }));
    writeFileSync(`${path}.999999.deadbeef0000.tmp`, '{"version":1,"secrets":{"leaked":"value"}}');
    await createFileSecretStore(path).set('second', 'two');
    expect(await createFileSecretStore(path).ids()).toEqual(['first', 'second']);
    expect(readdirSync(join(dir, 'killed')).sort()).toEqual(['secrets.json']);
  });
});
