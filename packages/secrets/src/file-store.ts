import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SdkError, readBoundedFile, textOfBytes } from '@deployment-manager/core';
import { withStoreLock } from './file-lock.ts';
import { assertSecretId, assertSecretValue, type SecretStore } from './store.ts';

interface StoreFile {
  readonly version: 1;
  readonly secrets: Record<string, string>;
}

const isCode = (e: unknown, code: string): boolean => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;

async function load(path: string): Promise<Map<string, string>> {
  // Bounded: a FIFO or device in its place is refused, never read (a FIFO would block forever).
  const read = readBoundedFile(path);
  if (!read.ok && read.reason === 'missing') return new Map();
  if (!read.ok) {
    const why = read.reason === 'not-regular' ? 'is not a regular file' : read.reason === 'too-large' ? 'is larger than the input cap (DM_MAX_INPUT_BYTES)' : 'cannot be read';
    throw new SdkError('SECRET_STORE_FAILED', `secret store ${path} ${why}`, { hint: 'check that the file exists, is a regular file and is readable by this user', details: { path } });
  }
  const text = textOfBytes(read.bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // No cause: JSON.parse messages quote the file's content, which holds secret values.
    throw new SdkError('SECRET_STORE_FAILED', `secret store ${path} is not valid json`, { hint: 'restore the file from a backup, or move it away to start a new store (generated secrets will change)', details: { path } });
  }
  const secrets = (data as Partial<StoreFile> | null)?.secrets;
  if (typeof data !== 'object' || data === null || (data as Partial<StoreFile>).version !== 1 || typeof secrets !== 'object' || secrets === null || Array.isArray(secrets) || Object.values(secrets).some((v) => typeof v !== 'string')) {
    throw new SdkError('SECRET_STORE_FAILED', `secret store ${path} does not hold { "version": 1, "secrets": { id: string } }`, { hint: 'the file was not written by this store; restore it or move it away', details: { path } });
  }
  return new Map(Object.entries(secrets));
}

async function save(path: string, values: ReadonlyMap<string, string>): Promise<void> {
  const secrets: Record<string, string> = {};
  for (const id of [...values.keys()].sort()) secrets[id] = values.get(id) as string;
  const body = JSON.stringify({ version: 1, secrets } satisfies StoreFile, null, 2) + '\n';
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    // Created 0600 from the start (never readable by others, not even briefly), then renamed over the old file atomically.
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new SdkError('SECRET_STORE_FAILED', `secret store ${path} cannot be written`, { hint: 'check that the directory exists and is writable by this user', cause: e, details: { path } });
  }
}

/**
 * A {@link SecretStore} in one JSON file, written atomically (temp file + rename)
 * with mode 0600. Writes are serialized within the process and, through a
 * lock file beside the store (O_EXCL, taken over when its owner is dead),
 * across processes: concurrent writers never lose each other's updates, and
 * temporary files a killed writer left (which may hold values) are swept.
 *
 * @example
 * ```ts
 * const store = createFileSecretStore('.deployment-manager/secrets.json');
 * await materializeSecrets(plan, store); // second run reuses every value
 * ```
 */
export function createFileSecretStore(path: string): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };
  const locked = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    } catch (e) {
      throw new SdkError('SECRET_STORE_FAILED', `secret store directory of ${path} cannot be created`, { hint: 'check that the parent directory is writable by this user', cause: e, details: { path } });
    }
    return withStoreLock(path, task);
  };
  return {
    get: async (id) => {
      assertSecretId(id);
      return serial(async () => (await load(path)).get(id));
    },
    set: async (id, value) => {
      assertSecretId(id);
      assertSecretValue(id, value);
      return serial(() =>
        locked(async () => {
          const values = await load(path);
          values.set(id, value);
          await save(path, values);
        }),
      );
    },
    delete: async (id) => {
      assertSecretId(id);
      return serial(() =>
        locked(async () => {
          const values = await load(path);
          if (!values.delete(id)) return false;
          await save(path, values);
          return true;
        }),
      );
    },
    ids: async () => serial(async () => [...(await load(path)).keys()].sort()),
  };
}
