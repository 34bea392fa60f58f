import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SdkError, boundedReadError, inputByteLimit, readBoundedFile, textOfBytes } from '@deployment-manager/core';
import { canonicalJson } from './canonical.ts';
import { exportCanonical, sha256Hex, type CanonicalExport } from './canonical-export.ts';

/**
 * Writes `bytes` to `path` atomically: a temp file in the same directory,
 * fsync, rename over the target. A crash leaves the old file or the new one,
 * never a torn one. The folder is created when missing. Throws
 * `FILE_WRITE_FAILED` (cause kept) when it cannot.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (cause) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // no temp file to remove (its folder is not one)
    }
    throw new SdkError('FILE_WRITE_FAILED', `could not write ${path}`, { hint: 'check that the folder is writable', cause, details: { path } });
  }
}

/** The sidecar checksum file of an export: `<path>.sha256`. */
export function checksumPath(path: string): string {
  return `${path}.sha256`;
}

/**
 * Writes a value as canonical JSON to `path` and its checksum to
 * `<path>.sha256` (`<hex>  <file name>`, the `sha256sum` format), both
 * atomically. The hash is of exactly the bytes written.
 *
 * @example
 * ```ts
 * const { sha256 } = writeExport(manifest, 'out/bundle.json');
 * verifyExport('out/bundle.json').ok // true
 * ```
 */
export function writeExport(value: unknown, path: string): CanonicalExport {
  const exported = exportCanonical(value);
  writeFileAtomic(path, exported.bytes);
  writeFileAtomic(checksumPath(path), new TextEncoder().encode(`${exported.sha256}  ${basename(path)}\n`));
  return exported;
}

/** What {@link verifyExport} found. */
export interface ExportVerification {
  /** True when the file hashes to the recorded checksum and is canonical JSON. */
  readonly ok: boolean;
  /** SHA-256 of the file's bytes. */
  readonly actual: string;
  /** The checksum recorded in `<path>.sha256`, when there is one. */
  readonly expected: string | undefined;
  /** Whether the bytes are exactly the canonical form of the JSON they hold. */
  readonly canonical: boolean;
}

/**
 * Re-hashes an exported file's bytes and compares them with its `.sha256`
 * sidecar (or with `expected`, when given), and checks the bytes are
 * canonical. Throws `FILE_UNREADABLE`, `FILE_NOT_REGULAR` or `FILE_TOO_LARGE`
 * when the file cannot be read (a FIFO or device is never read).
 *
 * @example
 * ```ts
 * const v = verifyExport('out/bundle.json');
 * if (!v.ok) console.error(`expected ${v.expected}, got ${v.actual}`);
 * ```
 */
export function verifyExport(path: string, expected?: string): ExportVerification {
  const read = readBoundedFile(path);
  if (!read.ok) throw boundedReadError(path, 'export', read, inputByteLimit());
  const bytes = read.bytes;
  let recorded = expected;
  if (recorded === undefined) {
    // A sidecar that is missing, or no regular file of at most 4 KiB, records nothing.
    const sidecar = readBoundedFile(checksumPath(path), 4096);
    recorded = sidecar.ok ? textOfBytes(sidecar.bytes).trim().split(/\s+/)[0] : undefined;
  }
  const actual = sha256Hex(bytes);
  let canonical = false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    canonical = canonicalJson(JSON.parse(text)) === text;
  } catch {
    canonical = false;
  }
  const want = recorded?.toLowerCase();
  return { ok: want !== undefined && want === actual && canonical, actual, expected: want, canonical };
}
