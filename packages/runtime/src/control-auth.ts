/*
 * The control API's bearer token: 32 random bytes, written 0600 where the
 * manifest says (under the app data directory), compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SdkError, boundedReadError, readBoundedFile, textOfBytes } from '@deployment-manager/core';

/** Creates a fresh token and writes it (0600, atomically) to `path`. */
export function writeToken(path: string): string {
  const token = randomBytes(32).toString('hex');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
  return token;
}

/** Largest token file read (a token is 64 characters). */
const TOKEN_MAX_BYTES = 4096;

/** Reads a token file, bounded; throws `FILE_UNREADABLE`, `FILE_NOT_REGULAR` or `FILE_TOO_LARGE` (never echoing the content). */
export function readToken(path: string): string {
  const read = readBoundedFile(path, TOKEN_MAX_BYTES);
  if (read.ok) return textOfBytes(read.bytes).trim();
  if (read.reason === 'not-regular' || read.reason === 'too-large') throw boundedReadError(path, 'control token', read, TOKEN_MAX_BYTES);
  throw new SdkError('FILE_UNREADABLE', `cannot read the control token ${path}`, { hint: 'run as the user that started the bundle', details: { path } });
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** True when an `Authorization` header carries `Bearer <token>`; constant time in the token. */
export function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  // Both sides hashed to 32 bytes, so timingSafeEqual never sees different lengths.
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}
