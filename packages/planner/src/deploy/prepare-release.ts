/*
 * A release as uploaded: the bundle's files (its own app data left out),
 * the runtime program when the bundle has none, and SHA256SUMS over every
 * file, which the host checks (`sha256sum -c`) before the release exists
 * there. Its id is the SHA-256 of its bundle.json - the manifest checksum
 * `bundle export` prints.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { copyInputTree, SdkError } from '@deployment-manager/core';
import { defaultAppData, loadBundle, type LoadedBundle } from '@deployment-manager/runtime';
import { fileSha256 } from './file-sha256.ts';
import { writeRuntimeProgram } from './runtime-program.ts';

/** The path of the runtime program inside a release (the desktop packager's staging path). */
export const RELEASE_RUNTIME_PATH = 'runtime/runtime.mjs';

/** A release ready to upload. */
export interface PreparedRelease {
  /** Local directory holding exactly what is uploaded. */
  readonly dir: string;
  /** Release id: SHA-256 of its bundle.json. */
  readonly id: string;
  /** Its manifest (the bundle's bundle.json). */
  readonly manifest: DesktopManifest;
  /** The validated manifest and bundle directory it came from. */
  readonly bundle: LoadedBundle;
  /** SHA256SUMS text (`<sha256>  <path>` per file, sorted). */
  readonly sums: string;
  /** Number of files (SHA256SUMS excluded). */
  readonly files: number;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(root, p)).isFile())
    .map((p) => p.split(sep).join('/'))
    .sort();
}

/**
 * Validates the bundle (the runtime's `loadBundle`: a desktop manifest),
 * copies it into `dest` without its app data directory, adds the runtime
 * program when it lacks one, and writes SHA256SUMS. Throws what `loadBundle`
 * throws for a bad bundle, and `MANIFEST_INVALID` for a file name that
 * SHA256SUMS cannot carry (a newline or a backslash), and `FILE_NOT_REGULAR` for a FIFO, socket or
 * device in the bundle or a symbolic link that leaves it (core's `copyInputTree`: nothing is left
 * at `dest` then), `FILE_TOO_LARGE` past `DM_MAX_ASSET_BYTES`.
 *
 * @example
 * ```ts
 * const release = await prepareRelease('out/bundle', 'work/release');
 * release.id // '4a2504...'
 * ```
 */
export async function prepareRelease(bundleDir: string, dest: string): Promise<PreparedRelease> {
  const bundle = loadBundle(bundleDir);
  const appData = defaultAppData(bundle.bundleDir);
  rmSync(dest, { recursive: true, force: true });
  try {
    // Regular files and directories only, links followed while they stay inside the bundle: the
    // release carries what the links name, and never a file from outside the bundle.
    copyInputTree(bundle.bundleDir, dest, { what: 'bundle', exclude: appData });
  } catch (error) {
    rmSync(dest, { recursive: true, force: true });
    throw error;
  }
  rmSync(join(dest, 'SHA256SUMS'), { force: true });
  if (!existsSync(join(dest, RELEASE_RUNTIME_PATH))) await writeRuntimeProgram(join(dest, RELEASE_RUNTIME_PATH));
  const files = listFiles(dest);
  const bad = files.find((f) => /[\n\\]/.test(f));
  if (bad !== undefined) throw new SdkError('MANIFEST_INVALID', `bundle file ${JSON.stringify(bad)} has a newline or backslash in its name, which SHA256SUMS cannot list`, { hint: 'rename it in the scenario sources' });
  const sums = files.map((f) => `${fileSha256(join(dest, f), 'bundle file')}  ${f}\n`).join('');
  writeFileSync(join(dest, 'SHA256SUMS'), sums);
  return { dir: dest, id: fileSha256(join(dest, 'bundle.json'), 'bundle manifest'), manifest: bundle.manifest, bundle, sums, files: files.length };
}
