/*
 * Asset verification before anything starts: every service binary of this
 * platform must exist, and every pinned asset must exist with its declared
 * size and SHA-256. A placeholder hash cannot be checked; it is reported.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, createReadStream, fstatSync, openSync, statSync } from 'node:fs';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { SdkError } from '@deployment-manager/core';
import { binaryFor, insideDir } from './service-command.ts';

/**
 * SHA-256 (lower-case hex) of a regular file, streamed. The file is opened
 * non-blocking and checked on the open descriptor, so a FIFO swapped in after
 * an earlier check cannot hang it: `FILE_NOT_REGULAR` for anything else.
 */
export async function sha256File(path: string): Promise<string> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    throw new SdkError('FILE_NOT_REGULAR', `${path} is not a regular file`, { hint: 'a bundle holds regular files and directories only; re-stage or reinstall it', details: { path } });
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream('', { fd })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** An asset whose hash is a placeholder, so only its presence was checked. */
export interface UnverifiedAsset {
  /** Service id. */
  readonly service: string;
  /** Bundle-relative path. */
  readonly path: string;
}

function mustExist(abs: string, what: string, service: string): number {
  try {
    const st = statSync(abs);
    if (!st.isFile()) throw new Error('not a file');
    return st.size;
  } catch {
    throw new SdkError('ASSET_INVALID', `${what} of service "${service}" is missing: ${abs}`, {
      hint: 'the bundle is incomplete; re-stage or reinstall it',
      details: { service, path: abs },
    });
  }
}

/**
 * Checks the binaries of `platform` and every asset; throws `ASSET_INVALID`
 * naming the first missing or corrupt file (declared and actual hash), and
 * returns the assets that could not be verified (placeholder hashes).
 *
 * @example
 * ```ts
 * const unverified = await verifyAssets(manifest, bundleDir, 'linux-x64');
 * ```
 */
export async function verifyAssets(manifest: DesktopManifest, bundleDir: string, platform: string): Promise<UnverifiedAsset[]> {
  const unverified: UnverifiedAsset[] = [];
  for (const service of manifest.services) {
    const binary = binaryFor(service, platform);
    mustExist(insideDir(bundleDir, binary.path.split('\\').join('/'), `binary of service "${service.id}"`), `binary "${binary.path}"`, service.id);
    for (const asset of service.assets ?? []) {
      const abs = insideDir(bundleDir, asset.path, `asset of service "${service.id}"`);
      const size = mustExist(abs, `asset "${asset.path}"`, service.id);
      if (asset.size_bytes !== undefined && size !== asset.size_bytes) {
        throw new SdkError('ASSET_INVALID', `asset "${asset.path}" of service "${service.id}" is corrupt: ${size} bytes, expected ${asset.size_bytes}`, {
          hint: 'the file changed after packaging; reinstall the bundle',
          details: { service: service.id, path: abs, size, expected: asset.size_bytes },
        });
      }
      if (asset.sha256 === undefined || !HEX64.test(asset.sha256)) {
        unverified.push({ service: service.id, path: asset.path });
        continue;
      }
      const actual = await sha256File(abs);
      if (actual !== asset.sha256.toLowerCase()) {
        throw new SdkError('ASSET_INVALID', `asset "${asset.path}" of service "${service.id}" is corrupt: sha256 ${actual}, expected ${asset.sha256.toLowerCase()}`, {
          hint: 'the file changed after packaging; reinstall the bundle',
          details: { service: service.id, path: abs, sha256: actual, expected: asset.sha256.toLowerCase() },
        });
      }
    }
  }
  return unverified;
}
