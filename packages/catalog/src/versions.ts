// Version ranges a dependent declares (`"version": ">=15"`) checked against
// the version a record provides, with the `semver` package.
import semver from 'semver';
import type { CatalogEntry } from './types.ts';

/** What {@link checkVersion} found. */
export type VersionCheck =
  | { readonly status: 'ok' | 'no-range' | 'not-applicable' }
  | { readonly status: 'unknown-version' | 'bad-range' | 'unsatisfied'; readonly range: string; readonly version?: string };

/**
 * Whether `entry` satisfies a version range declared against `declaredFor`
 * (the name the dependent declared it for). The range applies when the
 * record is that dependency or a drop-in for it (`compatibleWith`); for any
 * other record (postgres swapped for sqlite) it is `not-applicable` -
 * capabilities, not versions, say what such a swap loses. Versions are
 * coerced (`16.6` reads as `16.6.0`); a range that is not a semver range
 * (`latest`, `*`, empty) is `no-range`, except garbage, which is `bad-range`.
 *
 * @example
 * ```ts
 * checkVersion(lookupEntry(DEFAULT_CATALOG, 'postgres')!, 'postgres', '>=15').status; // 'ok'
 * ```
 */
export function checkVersion(entry: Pick<CatalogEntry, 'name' | 'version' | 'compatibleWith'>, declaredFor: string, range: string | undefined): VersionCheck {
  const wanted = range?.trim() ?? '';
  if (wanted === '' || wanted === '*' || wanted === 'latest' || wanted === 'x') return { status: 'no-range' };
  if (entry.name !== declaredFor && !entry.compatibleWith.includes(declaredFor)) return { status: 'not-applicable' };
  const valid = semver.validRange(wanted, { loose: true });
  if (valid === null) return { status: 'bad-range', range: wanted };
  const version = entry.version === undefined ? null : semver.coerce(entry.version);
  if (version === null) return { status: 'unknown-version', range: wanted };
  return semver.satisfies(version, valid, { loose: true }) ? { status: 'ok' } : { status: 'unsatisfied', range: wanted, version: version.version };
}
