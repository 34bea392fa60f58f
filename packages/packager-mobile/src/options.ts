import type { DependencyGraph, ScenarioSpec } from '@deployment-manager/core';
import type { Catalog } from '@deployment-manager/catalog';
import type { ClassificationOverrides, SecretPolicy } from '@deployment-manager/secrets';

/** How Capacitor logs (its `loggingBehavior`). */
export type CapacitorLogging = 'none' | 'debug' | 'production';

/**
 * Android build settings written to `android.buildOptions`. Passwords are
 * deliberately absent: Capacitor would store them in plain text in
 * `capacitor.config.json`; pass them to `npx cap build` from the CI's secret
 * store instead.
 */
export interface MobileAndroidOptions {
  /** `AAB` (Play Store) or `APK`. */
  readonly releaseType?: 'AAB' | 'APK';
  /** Path of the keystore, relative to the project root. */
  readonly keystorePath?: string;
  /** Alias of the signing key in the keystore. */
  readonly keystoreAlias?: string;
  /** Product flavor to build. */
  readonly flavor?: string;
}

/** iOS build settings written to `ios` and `ios.buildOptions`. */
export interface MobileIosOptions {
  /** Xcode scheme (default `App`). */
  readonly scheme?: string;
  /** `automatic` or `manual` code signing. */
  readonly signingStyle?: 'automatic' | 'manual';
  /** Export method, e.g. `app-store-connect`. */
  readonly exportMethod?: string;
}

/** Options of {@link createMobilePackager}; every field is optional. */
export interface MobilePackagerOptions {
  /** Application id; replaces the manifest's `app_id`. */
  readonly appId?: string;
  /** Name shown under the app icon (default: the manifest's `app.name`). */
  readonly appName?: string;
  /** WebView background colour (`#rrggbb`). */
  readonly backgroundColor?: string;
  /** Capacitor logging; absent leaves Capacitor's default (`debug`: logs in debug builds only). */
  readonly loggingBehavior?: CapacitorLogging;
  /** Android build settings (written only when Android is built). */
  readonly android?: MobileAndroidOptions;
  /** iOS build settings (written only when iOS is built). */
  readonly ios?: MobileIosOptions;
  /**
   * Id of the remote service that serves `remote_fetch` secrets (default:
   * the remote service that provides the root scenario, else the first
   * required one, else the first).
   */
  readonly secretStore?: string;
  /**
   * The scenario's dependency graph. With it the packager also finds
   * dependencies the manifest does not place (on the device or on a server)
   * and plans secrets over the real graph; without it, over the dependencies
   * the manifest names.
   */
  readonly graph?: DependencyGraph;
  /** The root scenario's spec (declared secrets), for secret planning. */
  readonly scenario?: ScenarioSpec;
  /** Specs of other scenarios in the graph, for secret planning. */
  readonly scenarios?: readonly ScenarioSpec[];
  /** Secret classification overrides (see `@deployment-manager/secrets`). */
  readonly secretOverrides?: ClassificationOverrides;
  /** Secret policy (default: the secrets package's built-in policy). */
  readonly secretPolicy?: SecretPolicy;
  /** Dependency catalog (default: the built-in one); its records also say which swaps exist. */
  readonly catalog?: Catalog;
}
