import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readBoundedFile, SdkError, textOfBytes } from '@deployment-manager/core';
import type { CacheEntry, CacheStore } from './cache.ts';
import { fingerprint } from './fingerprint.ts';

/**
 * A {@link CacheStore} that keeps one JSON file per key in `dir` (created on
 * first write). A missing, unreadable or corrupt file reads as a miss, and so
 * does anything but a regular file within the input size cap (a FIFO there
 * cannot hang a read); entries are written to an exclusively created temporary
 * file of a random name and renamed into place, so a link waiting at a
 * predictable name is never written through. A directory that cannot be
 * written throws `INVALID_ARGUMENT`.
 *
 * @example
 * ```ts
 * const cache = createFreshnessCache({ store: createFileCacheStore('.cache/deployment-manager') });
 * ```
 */
export function createFileCacheStore(dir: string): CacheStore {
  const file = (key: string): string => join(dir, `${fingerprint(key).slice(0, 40)}.json`);
  return {
    async get(key) {
      const read = readBoundedFile(file(key));
      if (!read.ok) return undefined;
      try {
        const parsed = JSON.parse(textOfBytes(read.bytes)) as Partial<CacheEntry> & { key?: unknown };
        if (parsed.key !== key || typeof parsed.storedAt !== 'number' || typeof parsed.producedAt !== 'number' || !('value' in parsed)) return undefined;
        return { value: parsed.value, storedAt: parsed.storedAt, producedAt: parsed.producedAt };
      } catch {
        return undefined;
      }
    },
    async set(key, entry) {
      const path = file(key);
      const tmp = `${path}.${randomBytes(8).toString('hex')}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(tmp, JSON.stringify({ key, storedAt: entry.storedAt, producedAt: entry.producedAt, value: entry.value }), { encoding: 'utf8', flag: 'wx' });
        await rename(tmp, path);
      } catch (error) {
        await rm(tmp, { force: true }).catch(() => undefined);
        throw new SdkError('INVALID_ARGUMENT', `cache directory "${dir}" cannot be written`, {
          hint: 'point the cache at a writable directory, or use the memory store',
          cause: error,
          details: { dir },
        });
      }
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}
