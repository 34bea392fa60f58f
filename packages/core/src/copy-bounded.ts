/*
 * Copying a file or a directory tree named by input (a manifest's asset, a
 * built service) the way read-bounded.ts reads one file: regular files and
 * directories only (a FIFO would block the copy forever, a device such as
 * /dev/zero never ends, a socket is not data), symbolic links followed only
 * while they stay inside the directory the input belongs to (a link to
 * /etc/shadow in a scenario's sources must not land in a bundle), and a cap
 * on the bytes copied, checked on each opened file before its first byte and
 * again while copying. Each file is opened non-blocking and fstat-ed, so what
 * is checked is what is read. Memory stays bounded: fixed-size chunks.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, statSync, writeSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SdkError } from './errors.ts';

/** Largest total size of one copied input (a file or a tree) by default (2 GiB); override per call, or with `DM_MAX_ASSET_BYTES`. */
export const DEFAULT_MAX_ASSET_BYTES: number = 2 * 1024 * 1024 * 1024;

/** The asset size cap in force: `maxBytes`, else `DM_MAX_ASSET_BYTES` from the environment, else {@link DEFAULT_MAX_ASSET_BYTES}. */
export function assetByteLimit(maxBytes?: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  if (maxBytes !== undefined) return maxBytes;
  const fromEnv = Number(env['DM_MAX_ASSET_BYTES']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_ASSET_BYTES;
}

/** Options of {@link copyInputTree}. */
export interface CopyInputOptions {
  /** What is copied, for messages (`asset "web/index.html"`). */
  readonly what: string;
  /** The directory `from` and every link under it must stay inside once resolved. Default: `from` itself. */
  readonly root?: string;
  /** Cap on the bytes copied in all (default {@link assetByteLimit}). */
  readonly maxBytes?: number;
  /** A path under `from` left out (neither copied nor checked), e.g. a bundle's own app data directory. */
  readonly exclude?: string;
}

/** What {@link copyInputTree} copied. */
export interface CopiedInput {
  /** Regular files copied. */
  readonly files: number;
  /** Bytes copied. */
  readonly bytes: number;
  /** Hex SHA-256 of the bytes copied, when `from` is one file. */
  readonly sha256?: string;
}

const CHUNK = 1024 * 1024;

const errnoOf = (error: unknown): string => (typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unknown error');

const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep));
};

interface CopyState {
  readonly what: string;
  readonly root: string;
  readonly limit: number;
  /** Real paths of the directories being copied (a link back up would loop). */
  readonly open: Set<string>;
  /** Path (as walked, under `from`) that is left out. */
  readonly exclude: string | undefined;
  files: number;
  bytes: number;
}

function notRegular(state: CopyState, path: string, kind: string): SdkError {
  return new SdkError('FILE_NOT_REGULAR', `${state.what}: ${path} is ${kind}`, {
    hint: 'copy regular files and directories only (no FIFO, socket or device), and keep symbolic links inside the directory they belong to',
    details: { path },
  });
}

function tooLarge(state: CopyState, path: string): SdkError {
  return new SdkError('FILE_TOO_LARGE', `${state.what}: ${path} takes the copy over ${state.limit} bytes`, { hint: 'stage smaller files, or raise the limit with DM_MAX_ASSET_BYTES', details: { path } });
}

/** The real path of `path`, refused when it leaves the root. */
function resolveInside(state: CopyState, path: string): string {
  let real: string;
  try {
    real = realpathSync(path);
  } catch (cause) {
    const errno = errnoOf(cause);
    if (errno === 'ENOENT' || errno === 'ENOTDIR' || errno === 'ELOOP') throw notRegular(state, path, 'missing, or a symbolic link that leads nowhere');
    throw new SdkError('FILE_UNREADABLE', `${state.what}: cannot read ${path} (${errno})`, { hint: 'check the path and its permissions', cause, details: { path } });
  }
  if (!isInside(state.root, real)) throw notRegular(state, path, `a symbolic link that leaves ${state.root}`);
  return real;
}

/** Copies one regular file (`real`, already resolved) to `to`, returning the SHA-256 of the bytes copied. */
function copyFile(state: CopyState, shown: string, real: string, to: string): string {
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `${state.what}: cannot read ${shown} (${errnoOf(cause)})`, { hint: 'check the path and its permissions', cause, details: { path: shown } });
  }
  let out: number | undefined;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(state, shown, stats.isFIFO() ? 'a FIFO' : stats.isSocket() ? 'a socket' : 'a device');
    if (state.bytes + stats.size > state.limit) throw tooLarge(state, shown);
    try {
      out = openSync(to, 'w', stats.mode & 0o777);
    } catch (cause) {
      throw new SdkError('FILE_WRITE_FAILED', `${state.what}: cannot write ${to} (${errnoOf(cause)})`, { hint: 'check that the destination is a writable directory', cause, details: { path: to } });
    }
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(stats.size, 1)));
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      state.bytes += n;
      // A file that grows while it is copied is cut off at the cap, not followed.
      if (state.bytes > state.limit) throw tooLarge(state, shown);
      hash.update(buffer.subarray(0, n));
      for (let off = 0; off < n; ) off += writeSync(out, buffer, off, n - off);
    }
    state.files++;
    return hash.digest('hex');
  } finally {
    closeSync(fd);
    if (out !== undefined) closeSync(out);
  }
}

function copyNode(state: CopyState, shown: string, path: string, to: string): string | undefined {
  if (state.exclude !== undefined && relative(state.exclude, shown) === '') return undefined;
  const real = resolveInside(state, path);
  const stats = statSync(real);
  if (stats.isFile()) return copyFile(state, shown, real, to);
  if (!stats.isDirectory()) return copyFile(state, shown, real, to); // refused there, after open + fstat
  if (state.open.has(real)) throw notRegular(state, shown, 'a symbolic link to a directory that contains it');
  state.open.add(real);
  mkdirSync(to, { recursive: true, mode: stats.mode & 0o777 });
  for (const name of readdirSync(real).sort()) copyNode(state, join(shown, name), join(real, name), join(to, name));
  state.open.delete(real);
  return undefined;
}

/**
 * Copies the file or directory tree `from` to `to` (created; a file there is
 * replaced), regular files and directories only. Throws `FILE_NOT_REGULAR`
 * for a FIFO, socket or device anywhere in it, or a symbolic link that leaves
 * `options.root` (or dangles, or loops), `FILE_TOO_LARGE` when the copy would
 * pass the cap, `FILE_UNREADABLE` when a file cannot be read.
 *
 * @example
 * ```ts
 * const { sha256 } = copyInputTree('src/web/logo.png', 'bundle/web/logo.png', { what: 'asset "web/logo.png"', root: 'src' });
 * ```
 */
export function copyInputTree(from: string, to: string, options: CopyInputOptions): CopiedInput {
  const what = options.what;
  const limit = assetByteLimit(options.maxBytes);
  const rootState: CopyState = { what, root: '/', limit, open: new Set(), exclude: options.exclude, files: 0, bytes: 0 };
  const root = options.root === undefined ? resolveInside(rootState, from) : resolveInside(rootState, options.root);
  const state: CopyState = { ...rootState, root };
  const sha256 = copyNode(state, from, from, to);
  return { files: state.files, bytes: state.bytes, ...(sha256 === undefined ? {} : { sha256 }) };
}
