import { z } from 'zod';
import {
  MANIFEST_SCHEMA_VERSION,
  appSchema,
  envMapSchema,
  secretSchemaFor,
  swapSchema,
  type ManifestApp,
  type ManifestSecret,
  type ManifestSwap,
} from './manifest-common.ts';

/*
 * The mobile manifest (our design): a Capacitor-style app runs the scenario's
 * built UI on the device; everything that needs a server runs remotely and is
 * reached by URL; libraries that can run on the device are embedded. Public
 * configuration may reference a remote service as `${id.url}`. Secrets live
 * in the device's secure storage, never in the app package.
 */

/** Mobile platforms. */
export const MOBILE_PLATFORMS = ['ios', 'android'] as const;

/** A server-side endpoint the app talks to. */
export interface MobileRemoteService {
  /** Unique id, referenced as `${id.url}`. */
  readonly id: string;
  /** Free text. */
  readonly description?: string;
  /** Base URL (`https://api.example.com`); https except for loopback development. */
  readonly url: string;
  /** Health path on that URL. */
  readonly health_path?: string;
  /** Whether the app is unusable without it. */
  readonly required?: boolean;
  /** The dependency (scenario service or resource) this endpoint stands for. */
  readonly provides?: string;
}

/** A library compiled into the app (a swap target such as sqlite). */
export interface MobileEmbedded {
  /** Unique id. */
  readonly id: string;
  /** `library` (pure code) or `plugin` (native Capacitor plugin). */
  readonly kind: 'library' | 'plugin';
  /** Package name, when known (`@capacitor-community/sqlite`). */
  readonly package?: string;
  /** The dependency it replaces or provides. */
  readonly provides?: string;
  /** Free text. */
  readonly description?: string;
}

/** Where the built web UI of a mobile app is. */
export interface MobileWeb {
  /** Directory of the built UI, relative to the scenario (`ui/dist`). */
  readonly dir: string;
  /** Entry file inside it; default `index.html`. */
  readonly index?: string;
}

/** A mobile app manifest: UI bundle, remote services, embedded libraries, secrets in secure storage. */
export interface MobileManifest {
  /** Format version. */
  readonly schema_version: typeof MANIFEST_SCHEMA_VERSION;
  /** Discriminator. */
  readonly target: 'mobile';
  /** Application identity. */
  readonly app: ManifestApp;
  /** Reverse-DNS application id (`com.example.pickerwheel`). */
  readonly app_id: string;
  /** Platforms to build. */
  readonly platforms: readonly (typeof MOBILE_PLATFORMS)[number][];
  /** The built web UI. */
  readonly web: MobileWeb;
  /** Server-side endpoints. */
  readonly remote_services: readonly MobileRemoteService[];
  /** Embedded libraries and plugins. */
  readonly embedded?: readonly MobileEmbedded[];
  /** Swaps applied. */
  readonly swaps?: readonly ManifestSwap[];
  /** Secrets (never values), delivered to secure storage. */
  readonly secrets?: readonly ManifestSecret<'secure_storage'>[];
  /** Public runtime configuration (`${id.url}` placeholders allowed). */
  readonly config?: Readonly<Record<string, string>>;
  /** Device permissions the app declares. */
  readonly permissions?: readonly string[];
}

/** The reverse-DNS pattern of {@link MobileManifest.app_id}. */
export const APP_ID_PATTERN = '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+$';

/**
 * Zod schema of {@link MobileManifest}.
 *
 * @example
 * ```ts
 * mobileManifestSchema.safeParse(value).success
 * ```
 */
export const mobileManifestSchema: z.ZodType<MobileManifest> = z
  .strictObject({
    schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
    target: z.literal('mobile'),
    app: appSchema,
    app_id: z.string().regex(new RegExp(APP_ID_PATTERN)),
    platforms: z.array(z.enum(MOBILE_PLATFORMS)).min(1),
    web: z.strictObject({ dir: z.string().min(1), index: z.string().exactOptional() }),
    remote_services: z.array(
      z
        .strictObject({
          id: z.string().min(1),
          description: z.string().exactOptional(),
          url: z.string().min(1),
          health_path: z.string().exactOptional(),
          required: z.boolean().exactOptional(),
          provides: z.string().exactOptional(),
        })
        .meta({ id: 'mobile_remote_service' }),
    ),
    embedded: z
      .array(
        z
          .strictObject({
            id: z.string().min(1),
            kind: z.enum(['library', 'plugin']),
            package: z.string().exactOptional(),
            provides: z.string().exactOptional(),
            description: z.string().exactOptional(),
          })
          .meta({ id: 'mobile_embedded' }),
      )
      .exactOptional(),
    swaps: z.array(swapSchema).exactOptional(),
    secrets: z.array(secretSchemaFor(['secure_storage'], 'mobile_secret')).exactOptional(),
    config: envMapSchema.exactOptional(),
    permissions: z.array(z.string()).exactOptional(),
  })
  .meta({ title: 'Mobile app manifest v0.1', description: 'UI bundle, remote services, embedded libraries and secure-storage secrets for a mobile app.' });
