/*
 * Reading a file named by a user, bounded: only a regular file (a FIFO would
 * block forever, /dev/zero or /dev/urandom never end, a directory is not
 * text), and no more than a size cap, checked on the opened file before any
 * byte is read and again while reading (a file that grows is cut off, not
 * buffered). The file is opened non-blocking, so naming a FIFO cannot hang.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { SdkError } from './errors.ts';

/** Largest input file read by default (16 MiB); override per call, or with `DM_MAX_INPUT_BYTES`. */
export const DEFAULT_MAX_INPUT_BYTES: number = 16 * 1024 * 1024;

/** What {@link readBoundedFile} found. */
export type BoundedRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'missing' | 'not-regular' | 'too-large' | 'unreadable'; readonly size?: number; readonly errno?: string };

/** The size cap in force: `maxBytes`, else `DM_MAX_INPUT_BYTES` from the environment, else {@link DEFAULT_MAX_INPUT_BYTES}. */
export function inputByteLimit(maxBytes?: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  if (maxBytes !== undefined) return maxBytes;
  const fromEnv = Number(env['DM_MAX_INPUT_BYTES']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_INPUT_BYTES;
}

const errnoOf = (error: unknown): string => (typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unknown error');

/**
 * Reads a regular file of at most `maxBytes` bytes (default
 * {@link inputByteLimit}), as a result: never blocks on a FIFO, never reads
 * a device, never buffers more than the cap.
 *
 * @example
 * ```ts
 * const r = readBoundedFile('service.json');
 * if (!r.ok) console.log(r.reason); // 'not-regular' for /dev/zero
 * ```
 */
export function readBoundedFile(path: string, maxBytes: number = inputByteLimit()): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const errno = errnoOf(error);
    return { ok: false, reason: errno === 'ENOENT' || errno === 'ENOTDIR' ? 'missing' : 'unreadable', errno };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'not-regular' };
    if (stats.size > maxBytes) return { ok: false, reason: 'too-large', size: stats.size };
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return { ok: false, reason: 'too-large', size: length };
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { ok: false, reason: 'too-large', size: length };
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', errno: errnoOf(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a user-named UTF-8 text file (BOM stripped), or throws the typed
 * error: `FILE_UNREADABLE` (missing, no permission), `FILE_NOT_REGULAR`
 * (FIFO, device, directory) or `FILE_TOO_LARGE` (over the cap).
 *
 * @example
 * ```ts
 * const text = readTextFileBounded('bundle.json', 'manifest');
 * ```
 */
export function readTextFileBounded(path: string, what: string, maxBytes?: number): string {
  const limit = inputByteLimit(maxBytes);
  const r = readBoundedFile(path, limit);
  if (r.ok) {
    const text = r.bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  const details = { path };
  switch (r.reason) {
    case 'not-regular':
      throw new SdkError('FILE_NOT_REGULAR', `${what} ${path} is not a regular file`, { hint: 'pass a file (not a directory, FIFO or device such as /dev/zero)', details });
    case 'too-large':
      throw new SdkError('FILE_TOO_LARGE', `${what} ${path} is larger than ${limit} bytes`, { hint: 'pass a smaller file, or raise the limit with DM_MAX_INPUT_BYTES', details });
    default:
      throw new SdkError('FILE_UNREADABLE', `cannot read ${what} ${path}${r.errno === undefined ? '' : ` (${r.errno})`}`, { hint: 'check the path and its permissions', details });
  }
}
