import { jsonPointer, type PackagerNote } from '@deployment-manager/core';

/** Builds a note; `at` is a path into the manifest. */
export function note(kind: PackagerNote['kind'], feature: string, message: string, at?: readonly (string | number)[]): PackagerNote {
  return { kind, feature, message, ...(at === undefined ? {} : { path: jsonPointer(at) }) };
}

/** Notes sorted by path, then feature, without duplicates (stable, deterministic output). */
export function sortNotes(notes: readonly PackagerNote[]): PackagerNote[] {
  const seen = new Set<string>();
  const key = (n: PackagerNote): string => `${n.path ?? ''}\u0000${n.feature}\u0000${n.kind}\u0000${n.message}`;
  return [...notes]
    .filter((n) => (seen.has(key(n)) ? false : (seen.add(key(n)), true)))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
