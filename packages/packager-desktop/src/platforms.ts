import { canonicalPlatform } from '@deployment-manager/bundle';

/**
 * The desktop platforms this packager can target, as data: how each platform
 * key of a manifest's `binaries` maps to an electron-builder OS/arch, a Go
 * GOOS/GOARCH pair, a Rust target triple and an executable suffix.
 */

/** Operating systems, spelled as electron-builder's FileSet `${os}` macro spells them. */
export type DesktopOs = 'linux' | 'win' | 'mac';

/** Facts about one platform key. */
export interface DesktopPlatform {
  /** electron-builder OS section (`linux`, `win`, `mac`). */
  readonly os: DesktopOs;
  /** electron-builder architecture (`x64`, `arm64`, `ia32`, `armv7l`). */
  readonly arch: 'x64' | 'arm64' | 'ia32' | 'armv7l';
  /** Go `GOOS`. */
  readonly goos: 'linux' | 'windows' | 'darwin';
  /** Go `GOARCH`. */
  readonly goarch: 'amd64' | 'arm64' | '386' | 'arm';
  /** Rust target triple used for cross compilation. */
  readonly rustTarget: string;
  /** Executable suffix (`.exe` on Windows). */
  readonly ext: '' | '.exe';
  /** electron-builder CLI flag selecting the OS. */
  readonly builderFlag: '--linux' | '--win' | '--mac';
}

/** Every platform key the packager understands, in build order. */
export const DESKTOP_PLATFORMS: Readonly<Record<string, DesktopPlatform>> = {
  'linux-x64': { os: 'linux', arch: 'x64', goos: 'linux', goarch: 'amd64', rustTarget: 'x86_64-unknown-linux-gnu', ext: '', builderFlag: '--linux' },
  'linux-arm64': { os: 'linux', arch: 'arm64', goos: 'linux', goarch: 'arm64', rustTarget: 'aarch64-unknown-linux-gnu', ext: '', builderFlag: '--linux' },
  'linux-386': { os: 'linux', arch: 'ia32', goos: 'linux', goarch: '386', rustTarget: 'i686-unknown-linux-gnu', ext: '', builderFlag: '--linux' },
  'linux-arm': { os: 'linux', arch: 'armv7l', goos: 'linux', goarch: 'arm', rustTarget: 'armv7-unknown-linux-gnueabihf', ext: '', builderFlag: '--linux' },
  'win-x64': { os: 'win', arch: 'x64', goos: 'windows', goarch: 'amd64', rustTarget: 'x86_64-pc-windows-gnu', ext: '.exe', builderFlag: '--win' },
  'win-arm64': { os: 'win', arch: 'arm64', goos: 'windows', goarch: 'arm64', rustTarget: 'aarch64-pc-windows-msvc', ext: '.exe', builderFlag: '--win' },
  'win-386': { os: 'win', arch: 'ia32', goos: 'windows', goarch: '386', rustTarget: 'i686-pc-windows-gnu', ext: '.exe', builderFlag: '--win' },
  'darwin-x64': { os: 'mac', arch: 'x64', goos: 'darwin', goarch: 'amd64', rustTarget: 'x86_64-apple-darwin', ext: '', builderFlag: '--mac' },
  'darwin-arm64': { os: 'mac', arch: 'arm64', goos: 'darwin', goarch: 'arm64', rustTarget: 'aarch64-apple-darwin', ext: '', builderFlag: '--mac' },
};

/** Platforms packed when neither the options nor the manifest name any. */
export const DEFAULT_DESKTOP_PLATFORMS: readonly string[] = ['linux-x64', 'win-x64', 'darwin-x64', 'darwin-arm64'];

/** Installer formats per OS, as electron-builder target names. */
export const DEFAULT_OS_TARGETS: Readonly<Record<DesktopOs, readonly string[]>> = {
  linux: ['AppImage', 'deb'],
  win: ['nsis', 'msi'],
  mac: ['dmg', 'pkg'],
};

/** The facts of a platform key (any accepted spelling), or `undefined` when this packager cannot build it. */
export function platformOf(key: string): DesktopPlatform | undefined {
  const canonical = canonicalPlatform(key);
  return Object.hasOwn(DESKTOP_PLATFORMS, canonical) ? DESKTOP_PLATFORMS[canonical] : undefined;
}

/** The binary of a service for a canonical platform key, under whichever spelling the manifest used. */
export function binaryKeyFor(binaries: Readonly<Record<string, unknown>>, platformKey: string): string | undefined {
  return Object.keys(binaries).find((k) => canonicalPlatform(k) === platformKey);
}

/** Known platform keys in table order (stable output order everywhere). */
export function platformKeys(): readonly string[] {
  return Object.keys(DESKTOP_PLATFORMS);
}

/** electron-builder target names per OS (what `targets` options may name). */
export const KNOWN_OS_TARGETS: Readonly<Record<DesktopOs, readonly string[]>> = {
  linux: ['AppImage', 'deb', 'rpm', 'snap', 'flatpak', 'pacman', 'apk', 'freebsd', 'p5p', 'tar.gz', 'tar.xz', 'tar.bz2', 'zip', '7z', 'dir'],
  win: ['nsis', 'nsis-web', 'portable', 'appx', 'msi', 'msiwrapped', 'squirrel', 'zip', '7z', 'tar.gz', 'dir'],
  mac: ['dmg', 'pkg', 'mas', 'mas-dev', 'zip', '7z', 'tar.gz', 'dir'],
};
