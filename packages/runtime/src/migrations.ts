/*
 * Migrations, once per version: a service's migrations run in manifest order
 * right before the service first starts (its dependencies are ready by then),
 * and each success is recorded at once in a state file under the app data
 * directory, so a migration that succeeded never runs again and one that
 * failed stops the start-up and runs again on the next start.
 *
 * `run_on`: absent or `upgrade` - once per version (a fresh install is an
 * upgrade from nothing); `always` - on every start; `first_install` - only on
 * an install that has never been ready before (otherwise recorded as skipped).
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DesktopMigration } from '@deployment-manager/bundle';
import { SdkError, boundedReadError, inputByteLimit, readBoundedFile, textOfBytes } from '@deployment-manager/core';

/** The migration state file. */
export interface MigrationState {
  /** Format version. */
  readonly version: 1;
  /** App version of the first start that became ready; absent on a fresh install. */
  installed_version?: string;
  /** Per service, per migration version: when it was applied (or `skipped`). */
  readonly applied: Record<string, Record<string, string>>;
}

/** Reads the state file (bounded); a missing file is a fresh install. Throws `PARSE_FAILED` for a damaged one, `FILE_NOT_REGULAR`/`FILE_TOO_LARGE` for no state file. */
export function readMigrationState(path: string): MigrationState {
  const read = readBoundedFile(path, inputByteLimit());
  if (!read.ok && read.reason === 'missing') return { version: 1, applied: {} };
  if (!read.ok) throw boundedReadError(path, 'migration state', read, inputByteLimit());
  try {
    const data = JSON.parse(textOfBytes(read.bytes)) as Partial<MigrationState>;
    if (data.version !== 1 || typeof data.applied !== 'object' || data.applied === null) throw new Error('shape');
    return data as MigrationState;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `migration state ${path} is damaged`, { hint: 'restore it from a backup; deleting it makes every migration run again', cause, details: { path } });
  }
}

/** Writes the state file atomically. */
export function writeMigrationState(path: string, state: MigrationState): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** What to do with one migration now. */
export type MigrationAction = 'run' | 'skip' | 'done';

/** Decides one migration: `done` (already applied), `skip` (first_install on an old install) or `run`. */
export function migrationAction(state: MigrationState, service: string, migration: DesktopMigration): MigrationAction {
  const runOn = migration.run_on ?? 'upgrade';
  if (runOn === 'always') return 'run';
  if (state.applied[service]?.[migration.version] !== undefined) return 'done';
  if (runOn === 'first_install' && state.installed_version !== undefined) return 'skip';
  return 'run';
}

/** Records a migration as applied (or skipped) and saves the state. */
export function recordMigration(path: string, state: MigrationState, service: string, version: string, value: string): void {
  (state.applied[service] ??= {})[version] = value;
  writeMigrationState(path, state);
}
