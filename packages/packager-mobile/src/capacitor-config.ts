import type { MobileManifest } from '@deployment-manager/bundle';
import { isLoopbackUrl } from './urls.ts';
import type { CapacitorLogging, MobilePackagerOptions } from './options.ts';

/**
 * The part of `@capacitor/cli`'s `CapacitorConfig` this packager writes
 * (a test pins that it is assignable to the real type). Never holds a
 * password: keystore passwords are left to the build command.
 */
export interface CapacitorConfigJson {
  /** Reverse-domain app id. */
  readonly appId: string;
  /** Name under the icon. */
  readonly appName: string;
  /** Directory of the built web assets. */
  readonly webDir: string;
  /** WebView background colour. */
  readonly backgroundColor?: string;
  /** Logging behaviour. */
  readonly loggingBehavior?: CapacitorLogging;
  /** WebView server settings. */
  readonly server?: {
    /** Local scheme on Android (Capacitor's default, `https`, written out). */
    readonly androidScheme?: string;
    /** Start page when it is not `/index.html`. */
    readonly appStartPath?: string;
    /** Allow plain http (development against a loopback service only). */
    readonly cleartext?: boolean;
  };
  /** Android settings. */
  readonly android?: {
    /** Product flavor. */
    readonly flavor?: string;
    /** Release build settings (never passwords). */
    readonly buildOptions?: {
      /** `AAB` or `APK`. */
      readonly releaseType?: 'AAB' | 'APK';
      /** Keystore path. */
      readonly keystorePath?: string;
      /** Signing key alias. */
      readonly keystoreAlias?: string;
    };
  };
  /** iOS settings. */
  readonly ios?: {
    /** Xcode scheme. */
    readonly scheme?: string;
    /** Release build settings. */
    readonly buildOptions?: {
      /** `automatic` or `manual` signing. */
      readonly signingStyle?: 'automatic' | 'manual';
      /** Export method. */
      readonly exportMethod?: string;
    };
  };
}

function compact<T extends object>(value: T): T | undefined {
  return Object.keys(value).length === 0 ? undefined : value;
}

/**
 * Builds `capacitor.config.json` for a mobile manifest: identity, web
 * directory, start page (`web.index` as `server.appStartPath`), cleartext
 * only when a remote service is plain http on loopback (development), and
 * the platform build options given. Pure; validate the result with
 * `validateCapacitorConfig`.
 *
 * @example
 * ```ts
 * createCapacitorConfig(manifest, { appName: 'Picker Wheel' }).appId; // manifest.app_id
 * ```
 */
export function createCapacitorConfig(manifest: MobileManifest, options: MobilePackagerOptions = {}): CapacitorConfigJson {
  const index = manifest.web.index;
  const cleartext = manifest.remote_services.some((r) => r.url.startsWith('http:') && isLoopbackUrl(r.url));
  const server = compact({
    androidScheme: 'https',
    ...(index !== undefined && index !== 'index.html' ? { appStartPath: index.startsWith('/') ? index : `/${index}` } : {}),
    ...(cleartext ? { cleartext: true } : {}),
  });
  const a = options.android ?? {};
  const androidBuild = compact({
    ...(a.releaseType === undefined ? {} : { releaseType: a.releaseType }),
    ...(a.keystorePath === undefined ? {} : { keystorePath: a.keystorePath }),
    ...(a.keystoreAlias === undefined ? {} : { keystoreAlias: a.keystoreAlias }),
  });
  const android = manifest.platforms.includes('android')
    ? compact({ ...(a.flavor === undefined ? {} : { flavor: a.flavor }), ...(androidBuild === undefined ? {} : { buildOptions: androidBuild }) })
    : undefined;
  const i = options.ios ?? {};
  const iosBuild = compact({
    ...(i.signingStyle === undefined ? {} : { signingStyle: i.signingStyle }),
    ...(i.exportMethod === undefined ? {} : { exportMethod: i.exportMethod }),
  });
  const ios = manifest.platforms.includes('ios')
    ? compact({ ...(i.scheme === undefined ? {} : { scheme: i.scheme }), ...(iosBuild === undefined ? {} : { buildOptions: iosBuild }) })
    : undefined;
  return {
    appId: options.appId ?? manifest.app_id,
    appName: options.appName ?? manifest.app.name,
    webDir: manifest.web.dir,
    ...(options.backgroundColor === undefined ? {} : { backgroundColor: options.backgroundColor }),
    ...(options.loggingBehavior === undefined ? {} : { loggingBehavior: options.loggingBehavior }),
    ...(server === undefined ? {} : { server }),
    ...(android === undefined ? {} : { android }),
    ...(ios === undefined ? {} : { ios }),
  };
}
