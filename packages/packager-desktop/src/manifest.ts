/*
 * TEMPORARY local mirror of the desktop manifest types until
 * `@deployment-manager/bundle` exports them; replaced by re-exports then.
 */

/** Inclusive port range. */
export interface PortRange {
  /** Lowest port. */
  readonly min: number;
  /** Highest port. */
  readonly max: number;
}

/** A secret entry (never a value). */
export interface ManifestSecret {
  /** Id. */
  readonly id: string;
  /** Class. */
  readonly class: 'infrastructure' | 'per_install_generated' | 'user_prompt' | 'remote_fetch';
  /** Free text. */
  readonly description?: string;
  /** Regex. */
  readonly format?: string;
  /** Required. */
  readonly required?: boolean;
  /** Prompt labels. */
  readonly prompt?: { readonly label?: string; readonly description?: string; readonly hint?: string };
  /** Generator spec. */
  readonly generator?: Readonly<Record<string, unknown>>;
  /** Delivery. */
  readonly target: { readonly type: 'env' | 'file'; readonly name: string };
}

/** Executable on one platform. */
export interface DesktopBinary {
  /** Path. */
  readonly path: string;
  /** Args. */
  readonly args?: readonly string[];
  /** Env. */
  readonly env?: Readonly<Record<string, string>>;
  /** Cwd. */
  readonly cwd?: string;
}

/** Build entry. */
export interface DesktopBuild {
  /** Build system. */
  readonly type: 'go' | 'rust' | 'npm' | 'python' | 'custom';
  /** Source dir. */
  readonly source_dir: string;
  /** Entry point. */
  readonly entry_point?: string;
  /** Output pattern. */
  readonly output_pattern?: string;
  /** Args. */
  readonly args?: readonly string[];
  /** Env. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A service. */
export interface DesktopService {
  /** Id. */
  readonly id: string;
  /** Kind. */
  readonly type: 'ui-bundle' | 'api-binary' | 'worker' | 'resource';
  /** Free text. */
  readonly description?: string;
  /** Binaries per platform. */
  readonly binaries: Readonly<Record<string, DesktopBinary>>;
  /** Build. */
  readonly build?: DesktopBuild;
  /** Env. */
  readonly env?: Readonly<Record<string, string>>;
  /** Secret ids. */
  readonly secrets?: readonly string[];
  /** Data dirs. */
  readonly data_dirs?: readonly string[];
  /** Log dir. */
  readonly log_dir?: string;
  /** Ports. */
  readonly ports?: { readonly requested: readonly { readonly name: string; readonly range: PortRange; readonly requires_socket?: boolean; readonly env_var?: string }[] };
  /** Health. */
  readonly health: { readonly type: 'http' | 'tcp' | 'command' | 'log_match'; readonly path?: string; readonly port_name?: string; readonly command?: readonly string[] };
  /** Readiness. */
  readonly readiness: { readonly type: 'health_success' | 'port_open' | 'log_match' | 'dependencies_ready'; readonly port_name?: string; readonly pattern?: string; readonly timeout_ms?: number };
  /** Dependencies. */
  readonly dependencies?: readonly string[];
  /** Migrations. */
  readonly migrations?: readonly { readonly version: string; readonly command: readonly string[]; readonly env?: Readonly<Record<string, string>>; readonly run_on?: string }[];
  /** Assets. */
  readonly assets?: readonly { readonly path: string; readonly sha256?: string; readonly size_bytes?: number }[];
  /** Asset dirs. */
  readonly asset_dirs?: readonly string[];
  /** GPU. */
  readonly gpu?: { readonly requirement?: string };
  /** Critical. */
  readonly critical?: boolean;
  /** Dist root. */
  readonly dist_root?: string;
}

/** Windows signing. */
export interface SigningWindows {
  /** Source. */
  readonly certificate_source: 'file' | 'store' | 'azure_keyvault' | 'aws_kms';
  /** File. */
  readonly certificate_file?: string;
  /** Env name. */
  readonly certificate_password_env?: string;
  /** Thumbprint. */
  readonly certificate_thumbprint?: string;
  /** TSA. */
  readonly timestamp_server?: string;
  /** Digest. */
  readonly sign_algorithm?: 'sha256' | 'sha384' | 'sha512';
  /** Dual. */
  readonly dual_sign?: boolean;
}

/** macOS signing. */
export interface SigningMacos {
  /** Identity. */
  readonly identity: string;
  /** Team. */
  readonly team_id: string;
  /** Hardened runtime. */
  readonly hardened_runtime: boolean;
  /** Notarize. */
  readonly notarize: boolean;
  /** Entitlements. */
  readonly entitlements_file?: string;
  /** Profile. */
  readonly provisioning_profile?: string;
  /** Env name. */
  readonly apple_id_env?: string;
  /** Env name. */
  readonly apple_id_password_env?: string;
  /** Key id. */
  readonly apple_api_key_id?: string;
  /** Key file. */
  readonly apple_api_key_file?: string;
  /** Issuer. */
  readonly apple_api_issuer_id?: string;
}

/** Linux signing. */
export interface SigningLinux {
  /** Key id. */
  readonly gpg_key_id?: string;
  /** Env name. */
  readonly gpg_passphrase_env?: string;
  /** Home. */
  readonly gpg_homedir?: string;
}

/** Code signing. */
export interface CodeSigning {
  /** Switch. */
  readonly enabled: boolean;
  /** Windows. */
  readonly windows?: SigningWindows;
  /** macOS. */
  readonly macos?: SigningMacos;
  /** Linux. */
  readonly linux?: SigningLinux;
}

/** Desktop manifest. */
export interface DesktopManifest {
  /** Version. */
  readonly schema_version: 'v0.1';
  /** Target. */
  readonly target: 'desktop';
  /** App. */
  readonly app: { readonly name: string; readonly version: string; readonly description?: string; readonly scenario?: string };
  /** IPC. */
  readonly ipc: { readonly mode: 'loopback-http'; readonly host: string; readonly port: number; readonly auth_token_path: string };
  /** Telemetry. */
  readonly telemetry: { readonly file: string; readonly upload_url?: string };
  /** Ports. */
  readonly ports?: { readonly default_range?: PortRange; readonly reserved?: readonly number[] | null };
  /** Swaps. */
  readonly swaps?: readonly { readonly original: string; readonly replacement: string; readonly reason?: string; readonly limitations?: string }[];
  /** Secrets. */
  readonly secrets?: readonly ManifestSecret[];
  /** Services. */
  readonly services: readonly DesktopService[];
  /** Signing. */
  readonly code_signing?: CodeSigning;
  /** Catalog requirements. */
  readonly catalog_requirements?: readonly string[];
}
