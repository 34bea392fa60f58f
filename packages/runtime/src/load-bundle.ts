/*
 * Reading the bundle: a manifest path (or the directory holding bundle.json),
 * or a manifest object with its directory, validated as a desktop manifest by
 * the bundle package before anything else happens.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateManifest, type DesktopManifest } from '@deployment-manager/bundle';
import { SdkError, readTextFileBounded } from '@deployment-manager/core';

/** A validated desktop manifest and the directory its relative paths start from. */
export interface LoadedBundle {
  /** The manifest, as validated. */
  readonly manifest: DesktopManifest;
  /** Absolute bundle directory. */
  readonly bundleDir: string;
}

/** What {@link startBundle} accepts: a bundle directory, a `bundle.json` path, or a manifest and its directory. */
export type BundleSource = string | { readonly manifest: unknown; readonly bundleDir: string };

/** The `bundle.json` of a path that is either that file or its directory. */
export function manifestPathOf(path: string): string {
  const abs = resolve(path);
  try {
    return statSync(abs).isDirectory() ? join(abs, 'bundle.json') : abs;
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `bundle ${abs} does not exist`, { hint: 'pass a bundle directory or its bundle.json', cause, details: { path: abs } });
  }
}

/**
 * Loads and validates a desktop bundle. Throws `FILE_UNREADABLE`,
 * `FILE_NOT_REGULAR`, `FILE_TOO_LARGE` or `PARSE_FAILED` for a file it cannot read and `MANIFEST_INVALID` (the first
 * issues in the message, all of them in `details.issues`) for anything
 * `validateManifest` refuses or a manifest of another target.
 *
 * @example
 * ```ts
 * const { manifest, bundleDir } = loadBundle('out/staging/linux-x64');
 * ```
 */
export function loadBundle(source: BundleSource): LoadedBundle {
  let raw: unknown;
  let bundleDir: string;
  let label: string;
  if (typeof source === 'string') {
    const file = manifestPathOf(source);
    bundleDir = dirname(file);
    label = file;
    const text = readTextFileBounded(file, 'bundle manifest');
    try {
      raw = JSON.parse(text) as unknown;
    } catch (cause) {
      throw new SdkError('PARSE_FAILED', `${file} is not valid json`, { hint: 'the manifest is written by `deployment-manager bundle export` or `package`', cause, details: { path: file } });
    }
  } else {
    raw = source.manifest;
    bundleDir = resolve(source.bundleDir);
    label = 'the manifest';
  }
  const result = validateManifest(raw);
  if (!result.ok) {
    const first = result.issues.slice(0, 3).map((i) => `${i.code} at ${i.path || '/'}: ${i.message}`);
    throw new SdkError('MANIFEST_INVALID', `${label} is not a valid manifest (${first.join('; ')})`, {
      hint: 'run `deployment-manager bundle validate` on it and fix every error',
      details: { issues: result.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) },
    });
  }
  if (result.value.target !== 'desktop') {
    throw new SdkError('MANIFEST_INVALID', `${label} targets ${result.value.target}, not desktop`, { hint: 'the runtime runs desktop bundles only' });
  }
  return { manifest: result.value as DesktopManifest, bundleDir };
}
