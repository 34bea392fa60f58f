import type { SwapEffort } from '@deployment-manager/catalog';
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

/** Where a dependency of a mobile app runs. */
export type MobilePlacementKind = 'embedded' | 'remote' | 'behind' | 'hosted' | 'unplaced';

/** One reason, from the fitness model, why a dependency cannot (or need not) run on the phone. */
export interface MobileMoveReason {
  /** The catalog fact behind it (`daemon`, `ramMb`, `platforms.os`, `unknown`...). */
  readonly fact: string;
  /** Whether this fact alone rules the device out. */
  readonly blocker: boolean;
  /** Lower-case sentence. */
  readonly message: string;
}

/** What stands in for a dependency off the device. */
export interface MobileReplacement {
  /** Catalog name of the replacement. */
  readonly name: string;
  /** `manifest`: the manifest's own swap; `swap-catalog`: a swap its catalog record offers. */
  readonly source: 'manifest' | 'swap-catalog';
  /** Whether it is a hosted API or managed service (nothing for us to run). */
  readonly hosted: boolean;
  /** Work needed, when the swap states it. */
  readonly effort?: SwapEffort;
  /** What changes for the app, when the swap states it. */
  readonly note?: string;
  /** Capabilities the original provides that the replacement does not. */
  readonly lacks: readonly string[];
  /** Fitness gain on the mobile tier, for suggestions. */
  readonly gain?: number;
}

/** Where one dependency of the app runs, and why - decided at assembly, rendered by the mobile packager. */
export interface MobilePlacement {
  /** The dependency's name. */
  readonly dependency: string;
  /** Its node id (`resource:postgres`). */
  readonly node: string;
  /** Where it runs. */
  readonly kind: MobilePlacementKind;
  /** The embedded entry or remote service it runs as or behind. */
  readonly via?: string;
  /** The replacement the manifest swaps it for. */
  readonly swapped_to?: string;
  /** The catalog record it resolved to, or null when unknown. */
  readonly catalog: string | null;
  /** Whether it is itself a hosted API. */
  readonly hosted: boolean;
  /** Reached through required edges (an unplaced required dependency breaks the app). */
  readonly required: boolean;
  /** True when the fitness model rules it out on a phone (a blocker, or unknown). */
  readonly must_move: boolean;
  /** The fitness reasons on the mobile tier. */
  readonly why: readonly MobileMoveReason[];
  /** The manifest's swap, else the best hosted replacement its record offers, else null. */
  readonly replacement: MobileReplacement | null;
  /** Other hosted replacements its record offers. */
  readonly alternatives: readonly MobileReplacement[];
}

/** A secret that stays on a server with a dependency that runs there; the app never holds it. */
export interface MobileServerSecret {
  /** Planned secret id (`postgres.password`). */
  readonly id: string;
  /** Environment variable the server reads. */
  readonly env: string;
  /** What kind of value it is. */
  readonly kind: string;
  /** The dependency (node id) that owns it. */
  readonly dependency: string;
  /** The remote service whose server holds it. */
  readonly held_by: string;
  /** Lower-case sentence. */
  readonly reason: string;
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
  /** Where each dependency runs (decided at assembly). */
  readonly placements?: readonly MobilePlacement[];
  /** Secrets that stay on servers with the dependencies that run there (names only). */
  readonly server_secrets?: readonly MobileServerSecret[];
}

/** The reverse-DNS pattern of {@link MobileManifest.app_id}. */
export const APP_ID_PATTERN = '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+$';

const replacementSchema = z
  .strictObject({
    name: z.string().min(1),
    source: z.enum(['manifest', 'swap-catalog']),
    hosted: z.boolean(),
    effort: z.enum(['low', 'medium', 'high']).exactOptional(),
    note: z.string().exactOptional(),
    lacks: z.array(z.string()),
    gain: z.number().exactOptional(),
  })
  .meta({ id: 'mobile_replacement' });

const placementSchema = z
  .strictObject({
    dependency: z.string().min(1),
    node: z.string().regex(/^(resource|scenario):./),
    kind: z.enum(['embedded', 'remote', 'behind', 'hosted', 'unplaced']),
    via: z.string().min(1).exactOptional(),
    swapped_to: z.string().min(1).exactOptional(),
    catalog: z.string().nullable(),
    hosted: z.boolean(),
    required: z.boolean(),
    must_move: z.boolean(),
    why: z.array(z.strictObject({ fact: z.string(), blocker: z.boolean(), message: z.string() })),
    replacement: replacementSchema.nullable(),
    alternatives: z.array(replacementSchema),
  })
  .meta({ id: 'mobile_placement' });

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
    placements: z.array(placementSchema).exactOptional(),
    server_secrets: z
      .array(
        z
          .strictObject({ id: z.string().min(1), env: z.string().min(1), kind: z.string().min(1), dependency: z.string().min(1), held_by: z.string().min(1), reason: z.string() })
          .meta({ id: 'mobile_server_secret' }),
      )
      .exactOptional(),
  })
  .meta({ title: 'Mobile app manifest v0.1', description: 'UI bundle, remote services, embedded libraries and secure-storage secrets for a mobile app.' });
