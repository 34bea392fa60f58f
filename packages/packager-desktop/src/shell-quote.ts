/** POSIX shell quoting for generated scripts. */

/** Quotes one word for POSIX `sh`: single quotes, embedded `'` escaped; nothing inside expands. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes a path relative to `$SOURCE_ROOT` so the variable expands and the rest does not. */
export function sourcePath(relative: string): string {
  return relative === '' ? '"$SOURCE_ROOT"' : `"$SOURCE_ROOT"/${shellQuote(relative)}`;
}
