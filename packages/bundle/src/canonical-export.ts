// Canonical export with its checksum: the bytes hashed are the bytes a writer
// writes. Hashing uses node:crypto, so this file stays out of the browser entry;
// a browser hashes canonicalJson's UTF-8 bytes with WebCrypto instead.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';

/** Canonical bytes of a value and their checksum. */
export interface CanonicalExport {
  /** UTF-8 bytes of {@link CanonicalExport.text}: exactly what is written and hashed. */
  readonly bytes: Uint8Array;
  /** RFC 8785 canonical JSON text. */
  readonly text: string;
  /** Lower-case hex SHA-256 of `bytes`. */
  readonly sha256: string;
}

/** Lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Canonical JSON of a value, its UTF-8 bytes and their SHA-256 - the bytes
 * hashed are the bytes a writer must write. Pure.
 *
 * @example
 * ```ts
 * const { bytes, sha256 } = exportCanonical(manifest);
 * ```
 */
export function exportCanonical(value: unknown): CanonicalExport {
  const text = canonicalJson(value);
  const bytes = new TextEncoder().encode(text);
  return { bytes, text, sha256: sha256Hex(bytes) };
}

