/*
 * Reading a file named by a user, bounded: only a regular file (a FIFO would
 * block forever, /dev/zero or /dev/urandom never end, a directory is not
 * text), and no more than a size cap, checked on the opened file before any
 * byte is read and again while reading (a file that grows is cut off, not
 * buffered). The file is opened non-blocking, so naming a FIFO cannot hang.
 *
 * Symbolic links are followed: the checks apply to the file a link points
 * to (it is opened first, then fstat-ed), so a link to a FIFO or /dev/zero is
 * refused like the FIFO or device itself, and a link to a regular file reads
 * that file. Output is where links are refused (see artifact-writer.ts).
 *
 * Caps: DM_MAX_INPUT_BYTES (default 16 MiB) for every input file, and the
 * lower DM_MAX_YAML_BYTES (default 4 MiB) for YAML, which costs several
 * times more time and memory per byte to parse than JSON.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { SdkError } from './errors.ts';

/** Largest input file read by default (16 MiB); override per call, or with `DM_MAX_INPUT_BYTES`. */
export const DEFAULT_MAX_INPUT_BYTES: number = 16 * 1024 * 1024;

/** Largest YAML input read by default (4 MiB); override per call, or with `DM_MAX_YAML_BYTES`. */
export const DEFAULT_MAX_YAML_BYTES: number = 4 * 1024 * 1024;

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

/** The YAML size cap in force: `DM_MAX_YAML_BYTES` from the environment, else {@link DEFAULT_MAX_YAML_BYTES} - never above {@link inputByteLimit}. */
export function yamlByteLimit(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const fromEnv = Number(env['DM_MAX_YAML_BYTES']);
  return Math.min(inputByteLimit(undefined, env), Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_YAML_BYTES);
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

/** The failures of {@link readBoundedFile}. */
export type BoundedReadFailure = Extract<BoundedRead, { readonly ok: false }>;

/**
 * The typed error of a failed bounded read: `FILE_NOT_REGULAR` (FIFO, device,
 * directory), `FILE_TOO_LARGE` (over `limit`) or `FILE_UNREADABLE` (missing,
 * no permission), naming `what` and the path.
 *
 * @example
 * ```ts
 * const r = readBoundedFile(path, 4096);
 * if (!r.ok && r.reason !== 'missing') throw boundedReadError(path, 'token file', r, 4096);
 * ```
 */
export function boundedReadError(path: string, what: string, failure: BoundedReadFailure, limit: number): SdkError {
  const details = { path };
  switch (failure.reason) {
    case 'not-regular':
      return new SdkError('FILE_NOT_REGULAR', `${what} ${path} is not a regular file`, { hint: 'pass a file (not a directory, FIFO or device such as /dev/zero)', details });
    case 'too-large':
      return new SdkError('FILE_TOO_LARGE', `${what} ${path} is larger than ${limit} bytes`, { hint: 'pass a smaller file, or raise the limit with DM_MAX_INPUT_BYTES (DM_MAX_YAML_BYTES for YAML)', details });
    default:
      return new SdkError('FILE_UNREADABLE', `cannot read ${what} ${path}${failure.errno === undefined ? '' : ` (${failure.errno})`}`, { hint: 'check the path and its permissions', details });
  }
}

/** UTF-8 text of bytes read from a file, a leading byte order mark dropped. */
export function textOfBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a user-named UTF-8 text file (BOM stripped), or throws the typed
 * error of {@link boundedReadError}.
 *
 * @example
 * ```ts
 * const text = readTextFileBounded('bundle.json', 'manifest');
 * ```
 */
export function readTextFileBounded(path: string, what: string, maxBytes?: number): string {
  const limit = inputByteLimit(maxBytes);
  const r = readBoundedFile(path, limit);
  if (r.ok) return textOfBytes(r.bytes);
  throw boundedReadError(path, what, r, limit);
}
