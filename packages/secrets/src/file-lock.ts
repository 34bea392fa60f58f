/*
 * A lock file beside the secret store, so processes that write the same store
 * take turns: created with O_EXCL (`wx`), it holds the owner's pid. A lock
 * whose owner is gone (the pid is not alive, e.g. after SIGKILL) or that is
 * older than any write takes is stale and is taken over. While the lock is
 * held, no other writer can have a temporary file open, so every leftover
 * temporary file of the store (from a writer that was killed) is removed.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SdkError } from '@deployment-manager/core/pure';

/** How long to wait for another writer, and when a lock counts as stale whatever its pid. */
const WAIT_MS = 10_000;
const STALE_MS = 60_000;

const isCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return isCode(e, 'EPERM');
  }
}

async function isStale(lock: string): Promise<boolean> {
  let owner: { pid?: unknown; at?: unknown };
  try {
    owner = JSON.parse(await readFile(lock, 'utf8')) as { pid?: unknown; at?: unknown };
  } catch (e) {
    // Gone already, or a writer killed between creating and filling it.
    return !isCode(e, 'ENOENT');
  }
  const pid = typeof owner.pid === 'number' ? owner.pid : -1;
  const at = typeof owner.at === 'number' ? owner.at : 0;
  return pid <= 0 || !alive(pid) || Date.now() - at > STALE_MS;
}

/** Removes the store's temporary files left by a writer that was killed (they may hold secret values). */
async function sweep(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dirname(path), n)).catch(() => undefined)));
}

/**
 * Runs `task` holding the lock of the store at `path` (`<path>.lock`),
 * after sweeping stale temporary files. Throws `SECRET_STORE_FAILED` when
 * another live writer holds the lock for longer than the wait.
 */
export async function withStoreLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  let delay = 5;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: Date.now(), token: randomBytes(8).toString('hex') }));
      } finally {
        await handle.close();
      }
      break;
    } catch (e) {
      if (!isCode(e, 'EEXIST')) throw new SdkError('SECRET_STORE_FAILED', `secret store lock ${lock} cannot be created`, { hint: 'check that the directory exists and is writable by this user', cause: e, details: { path } });
    }
    if (await isStale(lock)) {
      await unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new SdkError('SECRET_STORE_FAILED', `secret store ${path} is locked by another process`, { hint: `wait for it to finish; if no deployment-manager process is running, remove ${lock}`, details: { path } });
    await sleep(delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    await sweep(path);
    return await task();
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}
