import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SdkError, isSdkError, readTextFileBounded } from '@deployment-manager/core';
import { canonicalJson } from './canonical.ts';
import { profileVersionSchema, type ProfileVersion } from './profile.ts';
import { createProfileStore, type ProfileBackend, type ProfileStore, type ProfileStoreOptions } from './profile-store.ts';

/** Options of {@link createFileProfileStore}. */
export interface FileProfileStoreOptions extends ProfileStoreOptions {
  /**
   * Fault-injection seam for tests: called after a version's temp file is
   * fully written and synced, just before it is committed. A crash here must
   * leave the previous version intact.
   */
  readonly beforeCommit?: (tempPath: string) => void;
}

const VERSION_FILE = /^v(\d+)\.json$/;

const fileName = (version: number): string => `v${String(version).padStart(6, '0')}.json`;

function storeError(message: string, cause: unknown, path: string): SdkError {
  return new SdkError('PROFILE_STORE_FAILED', message, { hint: 'check that the store directory exists and is writable', cause, details: { path } });
}

function syncDir(dir: string): void {
  // Makes the new directory entry durable; not supported on every platform (Windows), where it is skipped.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

function fileBackend(dir: string, options: FileProfileStoreOptions): ProfileBackend {
  const profileDir = (id: string): string => join(dir, id);
  const ensureRoot = (): void => {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (cause) {
      throw storeError(`cannot create profile store directory ${dir}`, cause, dir);
    }
  };
  const backend: ProfileBackend = {
    async listIds() {
      try {
        return readdirSync(dir, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw storeError(`cannot list profiles in ${dir}`, cause, dir);
      }
    },
    async read(id) {
      const pdir = profileDir(id);
      let names: string[];
      try {
        names = readdirSync(pdir);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw storeError(`cannot read profile ${id}`, cause, pdir);
      }
      // Temp files of interrupted writes are never committed and are ignored here.
      const numbered = names
        .map((n) => ({ n, m: VERSION_FILE.exec(n) }))
        .filter((x): x is { n: string; m: RegExpExecArray } => x.m !== null)
        .map((x) => ({ name: x.n, version: Number(x.m[1]) }))
        .sort((a, b) => a.version - b.version);
      return numbered.map(({ name, version }, i) => {
        const path = join(pdir, name);
        let parsed: unknown;
        try {
          parsed = JSON.parse(readTextFileBounded(path, 'profile version file'));
        } catch (cause) {
          // A FIFO, device or oversized file keeps the reader's code (FILE_NOT_REGULAR, FILE_TOO_LARGE).
          if (isSdkError(cause)) throw cause;
          throw storeError(`profile version file ${path} is unreadable`, cause, path);
        }
        const result = profileVersionSchema.safeParse(parsed);
        if (!result.success || result.data.version !== version || result.data.id !== id || version !== i + 1) {
          throw storeError(`profile version file ${path} does not hold version ${version} of "${id}" (or a version is missing)`, undefined, path);
        }
        return result.data;
      });
    },
    async reserve(id) {
      ensureRoot();
      try {
        mkdirSync(profileDir(id));
        syncDir(dir);
        return true;
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
          // A directory left by a create that crashed before writing version 1 is free to reuse.
          return (await backend.read(id)).length === 0;
        }
        throw storeError(`cannot create profile ${id}`, cause, profileDir(id));
      }
    },
    async append(version: ProfileVersion) {
      const pdir = profileDir(version.id);
      const target = join(pdir, fileName(version.version));
      const temp = join(pdir, `.tmp-${randomUUID()}`);
      try {
        const fd = openSync(temp, 'wx');
        try {
          writeSync(fd, canonicalJson(version) + '\n');
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
        options.beforeCommit?.(temp);
        // link() is the commit: atomic, and it fails if the version exists, so exactly one writer wins.
        linkSync(temp, target);
        syncDir(pdir);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new SdkError('PROFILE_CONFLICT', `profile "${version.id}" already has version ${version.version}`, {
            hint: 'another writer changed it; read the latest version, re-apply your change and retry',
            details: { id: version.id, version: version.version },
          });
        }
        throw storeError(`cannot write version ${version.version} of profile ${version.id}`, cause, target);
      } finally {
        rmSync(temp, { force: true });
      }
    },
  };
  return backend;
}

/**
 * A profile store on the file system: one directory per profile, one
 * immutable canonical-JSON file per version (`v000001.json`...). Writes are
 * atomic (temp file, fsync, then `link` to the version's name) and
 * optimistic: `link` fails when the version exists, so of two writers that
 * read the same version exactly one commits and the other gets
 * `PROFILE_CONFLICT`. A crash mid-write leaves only an ignored temp file.
 *
 * @example
 * ```ts
 * const store = createFileProfileStore('.deployment-manager/profiles');
 * const v1 = await store.create({ name: 'desk', scenario: 'picker-wheel', tiers: ['desktop'], swaps: [], secrets: {}, settings: {} });
 * ```
 */
export function createFileProfileStore(dir: string, options: FileProfileStoreOptions = {}): ProfileStore {
  return createProfileStore(fileBackend(dir, options), options);
}
