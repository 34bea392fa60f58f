/*
 * The control file: how another process (`deployment-manager runtime`, the
 * Electron shell) finds a running bundle - `<appData>/runtime/control.json`,
 * 0600, written when the control API listens and removed when it stops.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SdkError, boundedReadError, readBoundedFile, textOfBytes } from '@deployment-manager/core';
import type { ControlFile } from './types.ts';

/** Largest control file read (a real one is a few hundred bytes). */
const CONTROL_FILE_MAX_BYTES = 64 * 1024;

/** Where the control file of an app data directory is. */
export function controlFilePath(appData: string): string {
  return join(appData, 'runtime', 'control.json');
}

/** Writes the control file atomically with mode 0600. */
export function writeControlFile(path: string, content: ControlFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Removes the control file. */
export function removeControlFile(path: string): void {
  rmSync(path, { force: true });
}

/**
 * Reads the control file of an app data directory, bounded; throws
 * `RUNTIME_NOT_RUNNING` when there is none (no bundle runs there) and
 * `FILE_NOT_REGULAR` or `FILE_TOO_LARGE` when it is no control file.
 *
 * @example
 * ```ts
 * const { host, port, tokenFile } = readControlFile('/home/me/.local/share/deployment-manager/recipe-hub');
 * ```
 */
export function readControlFile(appData: string): ControlFile {
  const path = controlFilePath(appData);
  const read = readBoundedFile(path, CONTROL_FILE_MAX_BYTES);
  if (!read.ok && read.reason !== 'missing') throw boundedReadError(path, 'control file', read, CONTROL_FILE_MAX_BYTES);
  if (!read.ok) {
    throw new SdkError('RUNTIME_NOT_RUNNING', `no bundle is running with app data ${appData} (no ${path})`, {
      hint: 'start it with `deployment-manager run <bundle>`, or pass the --app-data it was started with',
      details: { path },
    });
  }
  try {
    const data = JSON.parse(textOfBytes(read.bytes)) as ControlFile;
    if (data.format !== 'deployment-manager.runtime.control/1') throw new Error('format');
    return data;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `${path} is not a runtime control file`, { hint: 'remove it if no bundle is running', cause, details: { path } });
  }
}
