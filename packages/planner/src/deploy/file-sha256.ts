/*
 * SHA-256 of a file of a release, read like every input the deploy code
 * reads: only a regular file (opened non-blocking and fstat-ed first, so a
 * FIFO cannot hang the deploy and a device such as /dev/zero cannot feed it
 * forever), in fixed chunks (memory stays bounded however large a bundle's
 * binaries are), and only the bytes the file had when it was opened.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { SdkError } from '@deployment-manager/core';

const CHUNK = 1024 * 1024;

/**
 * The hex SHA-256 of the regular file at `path`. Throws `FILE_NOT_REGULAR`
 * (a FIFO, device, socket or directory) or `FILE_UNREADABLE`, naming `what`.
 *
 * @example
 * ```ts
 * fileSha256('release/bundle.json', 'bundle file') // '4a2504...'
 * ```
 */
export function fileSha256(path: string, what: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `cannot read ${what} ${path}`, { hint: 'check the path and its permissions', cause, details: { path } });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new SdkError('FILE_NOT_REGULAR', `${what} ${path} is not a regular file`, { hint: 'a bundle holds regular files and directories only (no FIFO, socket or device)', details: { path } });
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(stats.size, 1)));
    for (let left = stats.size; left > 0; ) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, left), null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      left -= n;
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
