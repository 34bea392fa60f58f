import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SdkError } from '@deployment-manager/core';
import type { CacheEntry, CacheStore } from './cache.ts';
import { fingerprint } from './fingerprint.ts';

/**
 * A {@link CacheStore} that keeps one JSON file per key in `dir` (created on
 * first write). A missing, unreadable or corrupt file reads as a miss; a
 * directory that cannot be written throws `INVALID_ARGUMENT`.
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
      let text: string;
      try {
        text = await readFile(file(key), 'utf8');
      } catch {
        return undefined;
      }
      try {
        const parsed = JSON.parse(text) as Partial<CacheEntry> & { key?: unknown };
        if (parsed.key !== key || typeof parsed.storedAt !== 'number' || typeof parsed.producedAt !== 'number' || !('value' in parsed)) return undefined;
        return { value: parsed.value, storedAt: parsed.storedAt, producedAt: parsed.producedAt };
      } catch {
        return undefined;
      }
    },
    async set(key, entry) {
      const path = file(key);
      const tmp = `${path}.${process.pid}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(tmp, JSON.stringify({ key, storedAt: entry.storedAt, producedAt: entry.producedAt, value: entry.value }), 'utf8');
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
