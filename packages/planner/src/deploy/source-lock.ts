/*
 * One build at a time per source directory: builds write their outputs into
 * the sources (`bin/`, `dist/`) and staging copies them, so two deploys of
 * one checkout must not interleave. The lock is a file created with O_EXCL
 * holding the owner's pid; a lock whose owner is gone is taken over.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SdkError, boundedReadError, readBoundedFile, textOfBytes } from '@deployment-manager/core';

/** Most bytes a lock file holds (a pid and a little slack); more is not our lock. */
const LOCK_BYTES = 64;

/** The lock file of a source directory. */
export const SOURCE_LOCK_FILE = '.deployment-manager-build.lock';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Runs `work` holding the build lock of `dir`, waiting (bounded by
 * `timeoutMs`, default 10 minutes) while another live process holds it.
 * Throws `DEPLOY_FAILED` when the wait runs out, and `FILE_NOT_REGULAR` /
 * `FILE_TOO_LARGE` when what is at the lock's path is no lock (a FIFO, a device, a large file).
 */
export async function withSourceLock<T>(dir: string, work: () => Promise<T>, timeoutMs = 600_000): Promise<T> {
  const file = join(dir, SOURCE_LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new SdkError('FILE_WRITE_FAILED', `cannot create the build lock ${file}`, { hint: 'the source directory must be writable for a build', cause: e });
      // Bounded and regular-file-only: a FIFO planted at the lock's path must not hang the deploy.
      const read = readBoundedFile(file, LOCK_BYTES);
      if (!read.ok && read.reason !== 'missing') throw boundedReadError(file, 'build lock', read, LOCK_BYTES);
      const owner = read.ok ? Number(textOfBytes(read.bytes)) : Number.NaN; // missing: released between the two calls
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(file, { force: true });
      else if (Date.now() > deadline) throw new SdkError('DEPLOY_FAILED', `another build of ${dir} (pid ${owner}) holds ${SOURCE_LOCK_FILE}`, { hint: 'wait for it to end, or remove the file if no build runs' });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}
