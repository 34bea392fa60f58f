import type { ManifestTarget } from './manifest.ts';

/** Operating-system spellings the desktop runtime accepts in a platform key (`win` and `mac` are its aliases). */
export const PLATFORM_OSES = ['darwin', 'mac', 'linux', 'windows', 'win'] as const;

/** CPU architecture spellings of a platform key (`x64` is the runtime's name for amd64). */
export const PLATFORM_ARCHES = ['x64', 'arm64', '386', 'arm'] as const;

/**
 * Every `binaries` key the desktop runtime can select: `<os>-<arch>` from
 * {@link PLATFORM_OSES} x {@link PLATFORM_ARCHES}. Anything else (`universal`,
 * `linux`) is never chosen at run time.
 */
export const PLATFORM_KEYS: readonly string[] = PLATFORM_OSES.flatMap((os) => PLATFORM_ARCHES.map((arch) => `${os}-${arch}`));

/** Canonical name of a platform key (`win-x64` and `windows-x64` are one platform). */
export function canonicalPlatform(key: string): string {
  return key.replace(/^windows-/, 'win-').replace(/^mac-/, 'darwin-');
}

/** `{{...}}` variables packagers fill in `build.output_pattern` and `build.args`. */
export const BUILD_TEMPLATE_VARS: readonly string[] = ['platform', 'ext', 'goos', 'goarch', 'output'];

/** Placeholders that resolve without naming a service, per target. */
export const STATIC_PLACEHOLDERS: Readonly<Record<ManifestTarget, readonly string[]>> = {
  desktop: ['data', 'bundle'],
  cloud: [],
  mobile: [],
};
