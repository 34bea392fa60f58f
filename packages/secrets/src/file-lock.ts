/*
 * A lock file beside the secret store, so processes that write the same store
 * take turns. The lock appears whole or not at all: its content (the owner's
 * pid, time and a random token) is written to a draft file first and then
 * hard-linked to `<path>.lock`, which fails when the lock exists - so no
 * reader ever sees a half-written lock and takes a live owner for a dead one.
 * A lock whose owner is gone (the pid is not alive, e.g. after SIGKILL) or
 * that is older than any write takes is stale and is taken over; a lock is
 * released only by the owner whose token it holds. While the lock is held, no
 * other writer can have a temporary file open, so every leftover temporary
 * file of the store (from a writer that was killed) is removed.
 */
import { randomBytes } from 'node:crypto';
import { link, readdir, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SdkError, readBoundedFile, textOfBytes } from '@deployment-manager/core';

/** How long to wait for other writers (generous: a loaded machine is slow), and when a lock counts as stale whatever its pid. */
const WAIT_MS = 30_000;
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
  // Bounded: a lock is a few bytes; a FIFO or device in its place is stale, never read.
  const read = readBoundedFile(lock, 4096);
  if (!read.ok) return read.reason !== 'missing';
  try {
    owner = JSON.parse(textOfBytes(read.bytes)) as { pid?: unknown; at?: unknown };
  } catch {
    // Not a lock this code wrote (a lock appears whole): stale.
    return true;
  }
  const pid = typeof owner.pid === 'number' ? owner.pid : -1;
  const at = typeof owner.at === 'number' ? owner.at : 0;
  return pid <= 0 || !alive(pid) || Date.now() - at > STALE_MS;
}

/** The pid in a lock draft's name (`<store>.lock.<pid>.<hex>`), if `name` is one. */
function draftOwner(store: string, name: string): number | undefined {
  const prefix = `${store}.lock.`;
  if (!name.startsWith(prefix)) return undefined;
  const [pid, hex, ...rest] = name.slice(prefix.length).split('.');
  return rest.length === 0 && pid !== undefined && /^\d+$/.test(pid) && hex !== undefined && /^[0-9a-f]+$/.test(hex) ? Number(pid) : undefined;
}

/**
 * Removes the store's temporary files left by a writer that was killed (they
 * may hold secret values), and the lock drafts of writers that are gone.
 */
async function sweep(path: string): Promise<void> {
  const store = basename(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const leftover = (n: string): boolean => {
    if (n.startsWith(`${store}.`) && n.endsWith('.tmp')) return true;
    const pid = draftOwner(store, n);
    return pid !== undefined && !alive(pid);
  };
  await Promise.all(names.filter(leftover).map((n) => unlink(join(dirname(path), n)).catch(() => undefined)));
}

/** Creates the lock whole (a draft, then a hard link that fails when the lock exists); false when it exists. */
async function tryLock(path: string, lock: string, content: string): Promise<boolean> {
  const draft = `${lock}.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    await writeFile(draft, content, { flag: 'wx', mode: 0o600 });
    await link(draft, lock);
    return true;
  } catch (e) {
    if (isCode(e, 'EEXIST')) return false;
    throw new SdkError('SECRET_STORE_FAILED', `secret store lock ${lock} cannot be created`, { hint: 'check that the directory exists and is writable by this user', cause: e, details: { path } });
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** Removes the lock if it is still ours (a lock taken over as stale belongs to its new owner). */
async function release(lock: string, content: string): Promise<void> {
  const read = readBoundedFile(lock, 4096);
  if (read.ok && textOfBytes(read.bytes) === content) await unlink(lock).catch(() => undefined);
}

/**
 * Runs `task` holding the lock of the store at `path` (`<path>.lock`),
 * after sweeping stale temporary files. Throws `SECRET_STORE_FAILED` when
 * another live writer holds the lock for longer than the wait.
 */
export async function withStoreLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const content = JSON.stringify({ pid: process.pid, at: Date.now(), token: randomBytes(8).toString('hex') });
  const deadline = Date.now() + WAIT_MS;
  let delay = 5;
  while (!(await tryLock(path, lock, content))) {
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
    await release(lock, content);
  }
}
