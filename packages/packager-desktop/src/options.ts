import { canonicalPlatform, type CodeSigning, type DesktopManifest } from '@deployment-manager/bundle';
import { DEFAULT_DESKTOP_PLATFORMS, DEFAULT_OS_TARGETS, platformKeys, type DesktopOs } from './platforms.ts';
import { RUNTIME_ENTRY_SOURCE } from './staging-plan.ts';

/** Name and version of the app a plan is for. */
export interface AppIdentity {
  /** `app.name` of the manifest. */
  readonly name: string;
  /** `app.version` of the manifest. */
  readonly version: string;
}

/** The update channels a desktop app can be released on. */
export const UPDATE_CHANNELS = ['dev', 'beta', 'stable'] as const;

/** One update channel: `dev`, `beta` or `stable`. */
export type UpdateChannel = (typeof UPDATE_CHANNELS)[number];

/**
 * Where releases are published for auto-update. Credentials are never part
 * of the options: electron-builder reads them from the environment at build
 * time (`GH_TOKEN`, `AWS_ACCESS_KEY_ID`...). In a `generic` url, `{{channel}}`
 * is replaced by the channel name.
 */
export type DesktopPublishTarget = GithubPublishTarget | GenericPublishTarget | S3PublishTarget;

/** GitHub releases (token from `GH_TOKEN` at build time). */
export interface GithubPublishTarget {
  /** Provider. */
  readonly provider: 'github';
  /** Repository owner. */
  readonly owner: string;
  /** Repository name. */
  readonly repo: string;
  /** Whether the repository is private. */
  readonly private?: boolean;
}

/** Any static HTTP server serving the update files. */
export interface GenericPublishTarget {
  /** Provider. */
  readonly provider: 'generic';
  /** Base URL; `{{channel}}` expands to the channel name. */
  readonly url: string;
}

/** An S3 bucket (credentials from `AWS_*` at build time). */
export interface S3PublishTarget {
  /** Provider. */
  readonly provider: 's3';
  /** Bucket name. */
  readonly bucket: string;
  /** Region. */
  readonly region?: string;
  /** Key prefix; `{{channel}}` expands to the channel name. */
  readonly path?: string;
}

/** Options of {@link createDesktopPackager}; every field has a default. */
export interface DesktopPackagerOptions {
  /** Reverse-DNS application id (default `com.deployment-manager.<app name>`). */
  readonly appId?: string;
  /** Product name shown to users (default: the manifest's `app.name`). */
  readonly productName?: string;
  /** Platform keys to package (default: those the manifest's binaries name, else linux-x64, win-x64, darwin-x64, darwin-arm64). */
  readonly platforms?: readonly string[];
  /** electron-builder targets per OS (default AppImage+deb, nsis+msi, dmg+pkg). */
  readonly targets?: Partial<Readonly<Record<DesktopOs, readonly string[]>>>;
  /** Update channels to write a configuration for (default dev, beta, stable). */
  readonly channels?: readonly UpdateChannel[];
  /** Publish providers (default none: no auto-update feed). */
  readonly publish?: readonly DesktopPublishTarget[];
  /** Code signing settings; replace the manifest's `code_signing` when given. */
  readonly signing?: CodeSigning;
  /** Electron version the shell is built with. */
  readonly electronVersion?: string;
  /** Where the runtime's self-contained Node entry is found, relative to the packager output (default: where `npm install` there puts `@deployment-manager/runtime`'s `dist/runtime.mjs`). */
  readonly runtimeSource?: string;
  /** Copyright line. */
  readonly copyright?: string;
  /** Freedesktop category of the Linux packages (default `Utility`). */
  readonly linuxCategory?: string;
  /** Maintainer of the Linux packages, `Name <email>` (deb needs one). */
  readonly maintainer?: string;
}

/** {@link DesktopPackagerOptions} with every default applied for one manifest. */
export interface ResolvedDesktopOptions {
  /** Application id. */
  readonly appId: string;
  /** Product name. */
  readonly productName: string;
  /** Platform keys to package, in table order. */
  readonly platforms: readonly string[];
  /** Targets per OS. */
  readonly targets: Readonly<Record<DesktopOs, readonly string[]>>;
  /** Channels, in dev, beta, stable order. */
  readonly channels: readonly UpdateChannel[];
  /** Publish providers. */
  readonly publish: readonly DesktopPublishTarget[];
  /** Effective signing settings, when any. */
  readonly signing: CodeSigning | undefined;
  /** Electron version. */
  readonly electronVersion: string;
  /** Runtime entry source, relative to the packager output. */
  readonly runtimeSource: string;
  /** Copyright line, when given. */
  readonly copyright: string | undefined;
  /** Linux category. */
  readonly linuxCategory: string;
  /** Linux package maintainer. */
  readonly maintainer: string;
}

/** The Electron version generated shells pin unless told otherwise. */
export const DEFAULT_ELECTRON_VERSION = '45.4.1';

/** The electron-builder version the generated files were validated against. */
export const ELECTRON_BUILDER_VERSION = '26.17.0';

/** Lower-case, dash-separated form of a name, safe in ids and file names. */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'app' : slug;
}

/** The platform keys a manifest ships binaries for (known keys only, table order). */
function manifestPlatforms(manifest: DesktopManifest): string[] {
  const named = new Set<string>();
  for (const service of manifest.services) for (const key of Object.keys(service.binaries)) named.add(canonicalPlatform(key));
  return platformKeys().filter((k) => named.has(k));
}

/**
 * Applies the defaults of {@link DesktopPackagerOptions} for one manifest.
 * Unknown platform keys are kept so that `check` can report them.
 */
export function resolveDesktopOptions(manifest: DesktopManifest, options: DesktopPackagerOptions = {}): ResolvedDesktopOptions {
  const fromManifest = manifestPlatforms(manifest);
  const requested = options.platforms ?? (fromManifest.length > 0 ? fromManifest : DEFAULT_DESKTOP_PLATFORMS);
  const known = platformKeys();
  const platforms = [...new Set(requested.map((k) => canonicalPlatform(k)))].sort((a, b) => rank(known, a) - rank(known, b) || (a < b ? -1 : a > b ? 1 : 0));
  const channels = UPDATE_CHANNELS.filter((c) => (options.channels ?? UPDATE_CHANNELS).includes(c));
  return {
    appId: options.appId ?? `com.deployment-manager.${slugify(manifest.app.name)}`,
    productName: options.productName ?? manifest.app.name,
    platforms,
    targets: { ...DEFAULT_OS_TARGETS, ...options.targets },
    channels,
    publish: options.publish ?? [],
    signing: options.signing ?? manifest.code_signing,
    electronVersion: options.electronVersion ?? DEFAULT_ELECTRON_VERSION,
    runtimeSource: options.runtimeSource ?? RUNTIME_ENTRY_SOURCE,
    copyright: options.copyright,
    linuxCategory: options.linuxCategory ?? 'Utility',
    maintainer: options.maintainer ?? `${options.productName ?? manifest.app.name} maintainers <maintainers@${slugify(manifest.app.name)}.invalid>`,
  };
}

function rank(known: readonly string[], key: string): number {
  const i = known.indexOf(key);
  return i === -1 ? known.length : i;
}
