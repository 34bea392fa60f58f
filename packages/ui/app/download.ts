// The exported manifest in the page: canonical JSON bytes, their SHA-256 by
// WebCrypto, and a download link for exactly those bytes.

/** Canonical bytes ready to download, with their checksum. */
export interface ManifestFile {
  /** The UTF-8 bytes of the canonical JSON. */
  readonly bytes: Uint8Array;
  /** Lower-case hex SHA-256 of `bytes`. */
  readonly sha256: string;
  /** An object URL of the bytes (revoke when done). */
  readonly url: string;
}

/** Hashes canonical JSON text with WebCrypto and makes a download URL of the same bytes. */
export async function manifestFile(canonicalText: string): Promise<ManifestFile> {
  const bytes = new TextEncoder().encode(canonicalText);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
  return { bytes, sha256, url };
}
