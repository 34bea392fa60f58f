import { z } from 'zod';
import {
  MANIFEST_SCHEMA_VERSION,
  appSchema,
  envMapSchema,
  freeObjectSchema,
  healthSchema,
  jsonRecord,
  portRangeSchema,
  readinessSchema,
  secretSchema,
  swapSchema,
  type HealthCheck,
  type ManifestApp,
  type ManifestSecret,
  type ManifestSwap,
  type PortRange,
  type ReadinessCheck,
} from './manifest-common.ts';

/*
 * The desktop manifest: the predecessor's `bundle.json` v0.1, field for field.
 * Every manifest this schema accepts also validates against the predecessor's
 * published draft-07 schema; ours is stricter (unknown keys are errors, and a
 * few fields the predecessor's runtime reads but its schema forgot are typed:
 * `app.scenario`, `env_var`, `asset_dirs`, `dist_root`, `catalog_requirements`).
 */

/** The loopback control channel between the Electron shell and the runtime. */
export interface DesktopIpc {
  /** Only `loopback-http` exists. */
  readonly mode: 'loopback-http';
  /** Loopback host (`127.0.0.1`). */
  readonly host: string;
  /** Control API port. */
  readonly port: number;
  /** Bundle-relative path of the auth token file. */
  readonly auth_token_path: string;
}

/** Where the runtime writes deployment telemetry. */
export interface DesktopTelemetry {
  /** Bundle-relative JSONL file. */
  readonly file: string;
  /** Optional upload endpoint. */
  readonly upload_url?: string;
}

/** Global port allocation rules. */
export interface DesktopPorts {
  /** Range every requested port must lie in. */
  readonly default_range?: PortRange;
  /** Ports the allocator never hands out. */
  readonly reserved?: readonly number[] | null;
}

/** The executable of a service on one platform (`linux-x64`, `darwin-arm64`, `win-x64`...). */
export interface DesktopBinary {
  /** Bundle-relative path. */
  readonly path: string;
  /** Arguments (placeholders allowed). */
  readonly args?: readonly string[];
  /** Extra environment for this platform (placeholders allowed). */
  readonly env?: Readonly<Record<string, string>>;
  /** Bundle-relative working directory. */
  readonly cwd?: string;
}

/** Build systems a packager can compile a service with. */
export const DESKTOP_BUILD_TYPES = ['go', 'rust', 'npm', 'python', 'custom'] as const;

/** How to compile a service binary when it is not pre-built. */
export interface DesktopBuild {
  /** Build system. */
  readonly type: (typeof DESKTOP_BUILD_TYPES)[number];
  /** Source directory, relative to the scenario. */
  readonly source_dir: string;
  /** Entry point (`./cmd/api`). */
  readonly entry_point?: string;
  /** Output path pattern with `{{platform}}`, `{{ext}}`, `{{goos}}`, `{{goarch}}`, `{{output}}`. */
  readonly output_pattern?: string;
  /** Extra build arguments. */
  readonly args?: readonly string[];
  /** Build environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A port a service asks the runtime to allocate. */
export interface DesktopPortRequest {
  /** Port name, referenced as `${service.name}` and by `port_name`. */
  readonly name: string;
  /** Range to allocate from. */
  readonly range: PortRange;
  /** Whether the service needs a real socket. */
  readonly requires_socket?: boolean;
  /** Environment variable that receives the port. */
  readonly env_var?: string;
}

/** Known values of {@link DesktopMigration.run_on}. */
export const MIGRATION_RUN_ON = ['always', 'first_install', 'upgrade'] as const;

/** A migration the runtime runs before starting a service. */
export interface DesktopMigration {
  /** Unique, ordered version. */
  readonly version: string;
  /** Command and arguments (placeholders allowed). */
  readonly command: readonly string[];
  /** Extra environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** When it runs: one of {@link MIGRATION_RUN_ON} (checked semantically). */
  readonly run_on?: string;
}

/** A file shipped with a service, pinned by hash. */
export interface DesktopAsset {
  /** Bundle-relative path. */
  readonly path: string;
  /** Hex SHA-256 of the file. */
  readonly sha256?: string;
  /** Expected size. */
  readonly size_bytes?: number;
}

/** The ports a desktop service asks for. */
export interface DesktopServicePorts {
  /** Requests, allocated in order. */
  readonly requested: readonly DesktopPortRequest[];
}

/** What a desktop service needs from a GPU. */
export interface DesktopGpu {
  /** `optional_with_cpu_fallback`, `required`... */
  readonly requirement?: string;
}

/** Service kinds of the desktop runtime. */
export const DESKTOP_SERVICE_TYPES = ['ui-bundle', 'api-binary', 'worker', 'resource'] as const;

/** One process the desktop runtime supervises. */
export interface DesktopService {
  /** Unique id. */
  readonly id: string;
  /** Kind. */
  readonly type: (typeof DESKTOP_SERVICE_TYPES)[number];
  /** Free text. */
  readonly description?: string;
  /** Executable per platform key (see `PLATFORM_KEYS`). */
  readonly binaries: Readonly<Record<string, DesktopBinary>>;
  /** How to build the binaries. */
  readonly build?: DesktopBuild;
  /** Environment (placeholders allowed). */
  readonly env?: Readonly<Record<string, string>>;
  /** Ids of manifest secrets delivered to this service. */
  readonly secrets?: readonly string[];
  /** Data directories (relative to the app data dir). */
  readonly data_dirs?: readonly string[];
  /** Log directory. */
  readonly log_dir?: string;
  /** Ports to allocate. */
  readonly ports?: DesktopServicePorts;
  /** Health check. */
  readonly health: HealthCheck;
  /** Readiness rule. */
  readonly readiness: ReadinessCheck;
  /** Ids of services that must be ready first. */
  readonly dependencies?: readonly string[];
  /** Migrations. */
  readonly migrations?: readonly DesktopMigration[];
  /** Shipped files. */
  readonly assets?: readonly DesktopAsset[];
  /** Directories copied whole into the bundle. */
  readonly asset_dirs?: readonly string[];
  /** GPU needs. */
  readonly gpu?: DesktopGpu;
  /** Whether the app fails when this service fails. */
  readonly critical?: boolean;
  /** Free-form extras. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Static root for `ui-bundle` services. */
  readonly dist_root?: string;
}

/** Windows code signing. */
export interface SigningWindows {
  /** Where the certificate comes from. */
  readonly certificate_source: 'file' | 'store' | 'azure_keyvault' | 'aws_kms';
  /** Certificate file. */
  readonly certificate_file?: string;
  /** Env var holding the certificate password (the name, never the value). */
  readonly certificate_password_env?: string;
  /** Certificate thumbprint. */
  readonly certificate_thumbprint?: string;
  /** Timestamp server URL. */
  readonly timestamp_server?: string;
  /** Digest. */
  readonly sign_algorithm?: 'sha256' | 'sha384' | 'sha512';
  /** SHA-1 + SHA-256 dual signing. */
  readonly dual_sign?: boolean;
}

/** macOS code signing and notarization. */
export interface SigningMacos {
  /** Signing identity. */
  readonly identity: string;
  /** Apple team id. */
  readonly team_id: string;
  /** Hardened runtime. */
  readonly hardened_runtime: boolean;
  /** Notarize. */
  readonly notarize: boolean;
  /** Entitlements plist. */
  readonly entitlements_file?: string;
  /** Provisioning profile. */
  readonly provisioning_profile?: string;
  /** Env var names (never values). */
  readonly apple_id_env?: string;
  /** Env var name of the app-specific password. */
  readonly apple_id_password_env?: string;
  /** App Store Connect API key id. */
  readonly apple_api_key_id?: string;
  /** API key file. */
  readonly apple_api_key_file?: string;
  /** API issuer id. */
  readonly apple_api_issuer_id?: string;
}

/** Linux package signing. */
export interface SigningLinux {
  /** GPG key id. */
  readonly gpg_key_id?: string;
  /** Env var name of the passphrase. */
  readonly gpg_passphrase_env?: string;
  /** GPG home directory. */
  readonly gpg_homedir?: string;
}

/** Code signing settings per OS. */
export interface CodeSigning {
  /** Master switch. */
  readonly enabled: boolean;
  /** Windows. */
  readonly windows?: SigningWindows;
  /** macOS. */
  readonly macos?: SigningMacos;
  /** Linux. */
  readonly linux?: SigningLinux;
}

/**
 * A desktop bundle manifest (`bundle.json` v0.1): what the desktop runtime
 * starts, in which order, on which ports, with which secrets.
 */
export interface DesktopManifest {
  /** Format version. */
  readonly schema_version: typeof MANIFEST_SCHEMA_VERSION;
  /** Discriminator. */
  readonly target: 'desktop';
  /** Application identity. */
  readonly app: ManifestApp;
  /** Control channel. */
  readonly ipc: DesktopIpc;
  /** Telemetry sink. */
  readonly telemetry: DesktopTelemetry;
  /** Port rules. */
  readonly ports?: DesktopPorts;
  /** Swaps applied. */
  readonly swaps?: readonly ManifestSwap[];
  /** Secrets (never values). */
  readonly secrets?: readonly ManifestSecret[];
  /** Supervised services. */
  readonly services: readonly DesktopService[];
  /** Code signing. */
  readonly code_signing?: CodeSigning;
  /** Bundle directories that must exist before launch. */
  readonly catalog_requirements?: readonly string[];
}

const binarySchema = z
  .strictObject({
    path: z.string().min(1),
    args: z.array(z.string()).exactOptional(),
    env: envMapSchema.exactOptional(),
    cwd: z.string().exactOptional(),
  })
  .meta({ id: 'binary' });

const buildSchema = z
  .strictObject({
    type: z.enum(DESKTOP_BUILD_TYPES),
    source_dir: z.string().min(1),
    entry_point: z.string().exactOptional(),
    output_pattern: z.string().exactOptional(),
    args: z.array(z.string()).exactOptional(),
    env: envMapSchema.exactOptional(),
  })
  .meta({ id: 'build' });

const portRequestSchema = z
  .strictObject({
    name: z.string().min(1),
    range: portRangeSchema,
    requires_socket: z.boolean().exactOptional(),
    env_var: z.string().exactOptional(),
  })
  .meta({ id: 'port_request' });

const migrationSchema = z
  .strictObject({
    version: z.string().min(1),
    command: z.array(z.string()),
    env: envMapSchema.exactOptional(),
    run_on: z.string().exactOptional(),
  })
  .meta({ id: 'migration' });

const assetSchema = z
  .strictObject({ path: z.string().min(1), sha256: z.string().exactOptional(), size_bytes: z.int().min(0).exactOptional() })
  .meta({ id: 'asset' });

const binariesSchema = jsonRecord(binarySchema)
  .refine((r) => Object.keys(r).length >= 1, { message: 'at least one platform binary is required' })
  .meta({ minProperties: 1 });

const serviceSchema = z
  .strictObject({
    id: z.string().min(1),
    type: z.enum(DESKTOP_SERVICE_TYPES),
    description: z.string().exactOptional(),
    binaries: binariesSchema,
    build: buildSchema.exactOptional(),
    env: envMapSchema.exactOptional(),
    secrets: z.array(z.string()).exactOptional(),
    data_dirs: z.array(z.string()).exactOptional(),
    log_dir: z.string().exactOptional(),
    ports: z.strictObject({ requested: z.array(portRequestSchema) }).exactOptional(),
    health: healthSchema,
    readiness: readinessSchema,
    dependencies: z.array(z.string()).exactOptional(),
    migrations: z.array(migrationSchema).exactOptional(),
    assets: z.array(assetSchema).exactOptional(),
    asset_dirs: z.array(z.string()).exactOptional(),
    gpu: z.strictObject({ requirement: z.string().exactOptional() }).exactOptional(),
    critical: z.boolean().exactOptional(),
    metadata: freeObjectSchema.exactOptional(),
    dist_root: z.string().exactOptional(),
  })
  .meta({ id: 'service' });

const codeSigningSchema = z
  .strictObject({
    enabled: z.boolean(),
    windows: z
      .strictObject({
        certificate_source: z.enum(['file', 'store', 'azure_keyvault', 'aws_kms']),
        certificate_file: z.string().exactOptional(),
        certificate_password_env: z.string().exactOptional(),
        certificate_thumbprint: z.string().exactOptional(),
        timestamp_server: z.string().exactOptional(),
        sign_algorithm: z.enum(['sha256', 'sha384', 'sha512']).exactOptional(),
        dual_sign: z.boolean().exactOptional(),
      })
      .exactOptional(),
    macos: z
      .strictObject({
        identity: z.string().min(1),
        team_id: z.string().min(1),
        hardened_runtime: z.boolean(),
        notarize: z.boolean(),
        entitlements_file: z.string().exactOptional(),
        provisioning_profile: z.string().exactOptional(),
        apple_id_env: z.string().exactOptional(),
        apple_id_password_env: z.string().exactOptional(),
        apple_api_key_id: z.string().exactOptional(),
        apple_api_key_file: z.string().exactOptional(),
        apple_api_issuer_id: z.string().exactOptional(),
      })
      .exactOptional(),
    linux: z
      .strictObject({
        gpg_key_id: z.string().exactOptional(),
        gpg_passphrase_env: z.string().exactOptional(),
        gpg_homedir: z.string().exactOptional(),
      })
      .exactOptional(),
  })
  .meta({ id: 'code_signing' });

/**
 * Zod schema of {@link DesktopManifest}.
 *
 * @example
 * ```ts
 * desktopManifestSchema.safeParse(JSON.parse(text)).success
 * ```
 */
export const desktopManifestSchema: z.ZodType<DesktopManifest> = z
  .strictObject({
    schema_version: z.literal(MANIFEST_SCHEMA_VERSION),
    target: z.literal('desktop'),
    app: appSchema,
    ipc: z
      .strictObject({
        mode: z.literal('loopback-http'),
        host: z.string().min(1),
        port: z.int().min(1),
        auth_token_path: z.string().min(1),
      })
      .meta({ id: 'ipc' }),
    telemetry: z.strictObject({ file: z.string().min(1), upload_url: z.string().exactOptional() }).meta({ id: 'telemetry' }),
    ports: z
      .strictObject({ default_range: portRangeSchema.exactOptional(), reserved: z.array(z.int()).nullable().exactOptional() })
      .meta({ id: 'ports' })
      .exactOptional(),
    swaps: z.array(swapSchema).exactOptional(),
    secrets: z.array(secretSchema).exactOptional(),
    services: z.array(serviceSchema).min(1),
    code_signing: codeSigningSchema.exactOptional(),
    catalog_requirements: z.array(z.string()).exactOptional(),
  })
  .meta({ title: 'Desktop bundle manifest v0.1', description: 'A desktop bundle manifest (bundle.json), compatible with the predecessor schema v0.1.' });
