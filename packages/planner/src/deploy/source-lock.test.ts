import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_LOCK_FILE, withSourceLock } from './source-lock.ts';

const dir = mkdtempSync(join(tmpdir(), 'dm-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('withSourceLock', () => {
  it('runs overlapping builds of one directory one after the other', async () => {
    const order: string[] = [];
    const job = (name: string) => withSourceLock(dir, async () => {
      order.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 50));
      order.push(`${name} out`);
    });
    await Promise.all([job('a'), job('b'), job('c')]);
    // Never two inside at once: every "in" is followed by its own "out".
    for (let i = 0; i < order.length; i += 2) expect(order[i + 1]).toBe((order[i] as string).replace(' in', ' out'));
    expect(existsSync(join(dir, SOURCE_LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose owner is gone', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const pid = child.pid as number;
    await new Promise((r) => child.once('exit', r));
    writeFileSync(join(dir, SOURCE_LOCK_FILE), String(pid));
    expect(await withSourceLock(dir, async () => 'ran', 5000)).toBe('ran');
  });

  it('gives up with DEPLOY_FAILED while a live process holds it', async () => {
    writeFileSync(join(dir, SOURCE_LOCK_FILE), String(process.pid));
    await expect(withSourceLock(dir, async () => 'ran', 300)).rejects.toMatchObject({ code: 'DEPLOY_FAILED' });
    rmSync(join(dir, SOURCE_LOCK_FILE));
  });
});

describe.skipIf(process.platform === 'win32')('withSourceLock reads the lock bounded', () => {
  it('refuses a FIFO at the lock path instead of blocking on it', async () => {
    const fifoDir = mkdtempSync(join(tmpdir(), 'dm-lock-fifo-'));
    try {
      execFileSync('mkfifo', [join(fifoDir, SOURCE_LOCK_FILE)]);
      await expect(withSourceLock(fifoDir, async () => 'ran', 300)).rejects.toMatchObject({ code: 'FILE_NOT_REGULAR' });
    } finally {
      rmSync(fifoDir, { recursive: true, force: true });
    }
  });

  it('refuses a lock file far larger than a pid with FILE_TOO_LARGE', async () => {
    writeFileSync(join(dir, SOURCE_LOCK_FILE), '1'.repeat(4096));
    await expect(withSourceLock(dir, async () => 'ran', 300)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    rmSync(join(dir, SOURCE_LOCK_FILE));
  });
});
