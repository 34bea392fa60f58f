// The built single-page app, read into memory once: the server answers only
// for files that exist in the build, so no request path ever reaches the disk.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { SdkError } from '@deployment-manager/core';

/** One file of the built app. */
export interface StaticAsset {
  /** Media type sent as Content-Type. */
  readonly type: string;
  /** The bytes. */
  readonly body: Buffer;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : []));
}

/**
 * Reads every file of the built app under `dir`, keyed by its URL path
 * (`/index.html`, `/assets/index-abc.js`). Throws `FILE_NOT_FOUND` when the
 * app was not built.
 */
export function loadStaticAssets(dir: string): ReadonlyMap<string, StaticAsset> {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new SdkError('FILE_UNREADABLE', `the browser app is not built (no ${join(dir, 'index.html')})`, { hint: 'run pnpm build (it builds packages/ui/dist/app)' });
  }
  return new Map(
    walk(dir).map((file) => [`/${relative(dir, file).split(sep).join('/')}`, { type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) }]),
  );
}
