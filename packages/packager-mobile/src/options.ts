
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
}
