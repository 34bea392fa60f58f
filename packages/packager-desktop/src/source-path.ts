/* Paths under the scenario source tree in build.sh, relative to `$SOURCE_ROOT`. */
import { shellQuote } from '@deployment-manager/core';

/** Quotes a path relative to `$SOURCE_ROOT` so the variable expands and the rest does not. */
export function sourcePath(relative: string): string {
  return relative === '' ? '"$SOURCE_ROOT"' : `"$SOURCE_ROOT"/${shellQuote(relative)}`;
}
