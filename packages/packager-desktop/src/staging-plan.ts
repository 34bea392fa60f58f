import { jsonPointer, type Diagnostic } from '@deployment-manager/core';
import { buildCommands, type ServiceBuild } from './build-commands.ts';
import type { DesktopManifest } from '@deployment-manager/bundle';
import type { AppIdentity } from './options.ts';
import type { ResolvedDesktopOptions } from './options.ts';
import { isSafeRelativePath, joinPosix, toPosixPath } from './paths.ts';
import { binaryKeyFor, platformKeys, platformOf } from './platforms.ts';
import { desktopDiagnostic } from './diagnostic-codes.ts';

/** What a staged file is. */
export type StagingKind = 'binary' | 'asset' | 'asset-dir' | 'runtime' | 'manifest' | 'launch';

/** Where a staged file comes from: the scenario sources, or this packager's output. */
export type StagingOrigin = 'source' | 'out';

/** One file or directory copied into the app's bundled resources. */
export interface StagingEntry {
  /** What it is. */
  readonly kind: StagingKind;
  /** The service it belongs to, when any. */
  readonly service?: string;
  /** `source`: relative to the scenario source root; `out`: relative to the packager output. */
  readonly origin: StagingOrigin;
  /** Path relative to the origin. */
  readonly from: string;
  /** Path inside the bundle directory (`resources/bundle/`), as the manifest spells it in POSIX form. */
  readonly to: string;
  /** Declared lower-case hex SHA-256, when the manifest pins a real hash. */
  readonly sha256?: string;
  /** Declared size in bytes. */
  readonly sizeBytes?: number;
  /** Whether the build script verifies the hash after copying. */
  readonly verify: boolean;
  /** Whether the file must be executable. */
  readonly executable: boolean;
}

/** The staging of one platform: the tree electron-builder copies into the app as `resources/bundle`. */
export interface PlatformStaging {
  /** Platform key. */
  readonly platform: string;
  /** Staging directory, relative to the packager output. */
  readonly root: string;
  /** Entries, sorted by destination. */
  readonly entries: readonly StagingEntry[];
}

/** The whole staging plan (`staging-plan.json`). */
export interface StagingPlan {
  /** Format id. */
  readonly format: 'deployment-manager.desktop.staging-plan/1';
  /** Application. */
  readonly app: AppIdentity;
  /** Directory inside the app's resources that receives each platform's staging root. */
  readonly resourcesDir: 'bundle';
  /** Per platform, in table order. */
  readonly platforms: readonly PlatformStaging[];
}

/** The path of the canonical manifest artifact and of the shell launch file inside the output. */
export const RUNTIME_MANIFEST_PATH = 'runtime/bundle.json';
/** The launch contract read by the generated Electron main process. */
export const LAUNCH_FILE_PATH = 'runtime/launch.json';

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** True when `hash` is a real hex SHA-256 (not a `PLACEHOLDER_...` marker). */
export function isRealSha256(hash: string | undefined): hash is string {
  return hash !== undefined && HEX64.test(hash);
}

/** Where the runtime's Node entry lands inside the bundle (the same file on every platform). */
export const RUNTIME_ENTRY_PATH = 'runtime/runtime.mjs';

/** Where `npm install` in the packager output puts the runtime's self-contained entry (the project package.json pins it). */
export const RUNTIME_ENTRY_SOURCE = 'node_modules/@deployment-manager/runtime/dist/runtime.mjs';

/** SHA-256 of the files this packager generates and stages (known before anything is written). */
export interface GeneratedHashes {
  /** Of `runtime/bundle.json`. */
  readonly manifest: string;
  /** Of `runtime/launch.json`. */
  readonly launch: string;
}

/** The staging plan and the per-platform builds it depends on, plus what is wrong with them. */
export interface StagingResult {
  /** The plan. */
  readonly plan: StagingPlan;
  /** Service builds per platform key. */
  readonly builds: Readonly<Record<string, readonly ServiceBuild[]>>;
  /** Problems found while planning. */
  readonly issues: readonly Diagnostic[];
}

/**
 * Plans which binary and asset goes where for every platform: binaries per
 * platform (built ones taken from their build output), assets with their declared
 * hashes (placeholders are copied unverified and reported), the runtime
 * binary, the canonical `bundle.json` and the shell's `launch.json`.
 * Pure.
 */
export function planStaging(manifest: DesktopManifest, options: ResolvedDesktopOptions, hashes: GeneratedHashes): StagingResult {
  const issues: Diagnostic[] = [];
  const builds: Record<string, ServiceBuild[]> = {};
  const unsafe = new Set<string>();
  const safe = (path: string, pointer: (string | number)[]): boolean => {
    if (isSafeRelativePath(path)) return true;
    const key = jsonPointer(pointer);
    if (!unsafe.has(key)) {
      unsafe.add(key);
      issues.push(desktopDiagnostic('DESKTOP_PATH_UNSAFE', `path "${path}" is absolute or climbs out of the bundle`, { path: key, hint: 'use a relative path without ".." segments' }));
    }
    return false;
  };

  for (const [i, service] of manifest.services.entries()) {
    for (const key of Object.keys(service.binaries)) {
      if (platformOf(key) === undefined) {
        issues.push(desktopDiagnostic('DESKTOP_PLATFORM_UNKNOWN', `platform key "${key}" of service "${service.id}" is not one this packager builds; that binary is not packaged`, { path: jsonPointer(['services', i, 'binaries', key]), hint: `use one of ${platformKeys().join(', ')}`, severity: 'warning' }));
      }
    }
  }

  if (!isSafeRelativePath(options.runtimeSource)) {
    issues.push(desktopDiagnostic('DESKTOP_PATH_UNSAFE', `runtime source "${options.runtimeSource}" is absolute or climbs out of the packager output`, { hint: `give runtimeSource relative to the packager output, e.g. ${RUNTIME_ENTRY_SOURCE}` }));
  }

  const platforms: PlatformStaging[] = [];
  for (const key of options.platforms) {
    const platform = platformOf(key);
    if (platform === undefined) {
      issues.push(desktopDiagnostic('DESKTOP_PLATFORM_UNKNOWN', `platform "${key}" requested in the options is not one this packager builds`, { hint: `use one of ${platformKeys().join(', ')}` }));
      continue;
    }
    const entries: StagingEntry[] = [];
    for (const [i, service] of manifest.services.entries()) {
      const binaryKey = binaryKeyFor(service.binaries, key);
      const binary = binaryKey === undefined ? undefined : service.binaries[binaryKey];
      if (binaryKey === undefined || binary === undefined) {
        issues.push(desktopDiagnostic('DESKTOP_BINARY_MISSING', `service "${service.id}" has no binary for platform "${key}"`, { path: jsonPointer(['services', i, 'binaries']), hint: `add binaries["${key}"] (with a build entry to compile it), or drop "${key}" from the packaged platforms` }));
        continue;
      }
      if (!safe(binary.path, ['services', i, 'binaries', binaryKey, 'path'])) continue;
      let from = toPosixPath(binary.path);
      if (service.build !== undefined) {
        const build = buildCommands(service.id, service.build, key, platform);
        (builds[key] ??= []).push(build);
        from = build.output;
      }
      entries.push({ kind: 'binary', service: service.id, origin: 'source', from, to: toPosixPath(binary.path), verify: false, executable: true });
      for (const [j, asset] of (service.assets ?? []).entries()) {
        if (!safe(asset.path, ['services', i, 'assets', j, 'path'])) continue;
        const real = isRealSha256(asset.sha256);
        entries.push({
          kind: 'asset',
          service: service.id,
          origin: 'source',
          from: toPosixPath(asset.path),
          to: toPosixPath(asset.path),
          // sha256sum prints lower case; compare like with like.
          ...(real ? { sha256: asset.sha256.toLowerCase() } : {}),
          ...(asset.size_bytes === undefined ? {} : { sizeBytes: asset.size_bytes }),
          verify: real,
          executable: false,
        });
      }
      for (const [j, dir] of (service.asset_dirs ?? []).entries()) {
        if (!safe(dir, ['services', i, 'asset_dirs', j])) continue;
        entries.push({ kind: 'asset-dir', service: service.id, origin: 'source', from: toPosixPath(dir), to: toPosixPath(dir), verify: false, executable: false });
      }
    }
    entries.push({ kind: 'runtime', origin: 'out', from: joinPosix(options.runtimeSource), to: RUNTIME_ENTRY_PATH, verify: false, executable: false });
    entries.push({ kind: 'manifest', origin: 'out', from: RUNTIME_MANIFEST_PATH, to: 'bundle.json', sha256: hashes.manifest, verify: true, executable: false });
    entries.push({ kind: 'launch', origin: 'out', from: LAUNCH_FILE_PATH, to: 'launch.json', sha256: hashes.launch, verify: true, executable: false });
    platforms.push({ platform: key, root: `staging/${key}`, entries: dedupe(entries, key, issues) });
  }

  for (const [i, service] of manifest.services.entries()) {
    for (const [j, asset] of (service.assets ?? []).entries()) {
      if (!isRealSha256(asset.sha256)) {
        issues.push(desktopDiagnostic('DESKTOP_ASSET_UNVERIFIED', `asset "${asset.path}" of service "${service.id}" has no real sha256 (${asset.sha256 === undefined ? 'none' : `"${asset.sha256}"`}); it is staged without verification`, { path: jsonPointer(['services', i, 'assets', j, 'sha256']), hint: 'pin the file with its lower-case hex sha256' }));
      }
    }
  }

  return { plan: { format: 'deployment-manager.desktop.staging-plan/1', app: { name: manifest.app.name, version: manifest.app.version }, resourcesDir: 'bundle', platforms }, builds, issues };
}

/** Sorts by destination, drops exact duplicates (a shared asset) and reports conflicting ones. */
function dedupe(entries: readonly StagingEntry[], platform: string, issues: Diagnostic[]): StagingEntry[] {
  const byTo = new Map<string, StagingEntry>();
  for (const entry of entries) {
    const seen = byTo.get(entry.to);
    if (seen === undefined) byTo.set(entry.to, entry);
    else if (seen.from !== entry.from || seen.origin !== entry.origin || seen.sha256 !== entry.sha256) {
      issues.push(desktopDiagnostic('DESKTOP_STAGING_CONFLICT', `two different files are staged at "${entry.to}" for platform "${platform}" (${seen.from} and ${entry.from})`, { hint: 'give each binary and asset its own path' }));
    }
  }
  return [...byTo.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
}
