/*
 * The public vocabulary of the runtime: what it is told (options), what it
 * reports (events, status) and what a caller holds (the handle).
 */
import type { ManifestSecret } from '@deployment-manager/bundle';

/** Kinds of {@link RuntimeEvent}, one telemetry line each. */
export const RUNTIME_EVENT_TYPES = [
  'bundle_start',
  'asset_unverified',
  'gpu',
  'port_skipped',
  'port_reallocated',
  'port_unverified',
  'secret',
  'migration',
  'spawn',
  'ready',
  'health_failure',
  'crash',
  'restart',
  'gave_up',
  'stop',
  'kill',
  'bundle_ready',
  'bundle_failed',
  'shutdown',
  'stopped',
] as const;

/** One kind of {@link RuntimeEvent}. */
export type RuntimeEventType = (typeof RUNTIME_EVENT_TYPES)[number];

/** Severity of a {@link RuntimeEvent}, lowest first. */
export const RUNTIME_EVENT_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** One severity of a {@link RuntimeEvent}. */
export type RuntimeEventLevel = (typeof RUNTIME_EVENT_LEVELS)[number];

/**
 * Something the runtime did or saw, as written to the telemetry JSONL file:
 * never a secret value (every string is redacted before it leaves).
 */
export interface RuntimeEvent {
  /** ISO 8601 time. */
  readonly ts: string;
  /** What happened. */
  readonly type: RuntimeEventType;
  /** Severity. */
  readonly level: RuntimeEventLevel;
  /** The service concerned, when one is. */
  readonly service?: string;
  /** Why, in a lower-case sentence. */
  readonly reason?: string;
  /** Facts of the event (pid, port, attempt, exit code, elapsed ms...). */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

/** What a GPU probe found. */
export interface GpuInfo {
  /** Whether a usable GPU is present. */
  readonly available: boolean;
  /** `nvidia`, `dri`, `metal`... when available. */
  readonly kind?: string;
  /** How the answer was reached (shown when a service is refused or degraded). */
  readonly reason: string;
}

/** Finds out whether the machine has a GPU. */
export type GpuProbe = () => Promise<GpuInfo>;

/** A user-prompt secret the host must ask for: labels only. */
export type SecretPromptRequest = ManifestSecret;

/** Life-cycle state of one service. */
export type ServiceState = 'pending' | 'starting' | 'ready' | 'restarting' | 'stopping' | 'stopped' | 'failed';

/** State of the whole bundle. */
export type BundleState = 'starting' | 'ready' | 'stopping' | 'stopped' | 'failed';

/** One service as {@link BundleHandle.status} reports it. */
export interface ServiceStatus {
  /** Service id. */
  readonly id: string;
  /** Current state. */
  readonly state: ServiceState;
  /** Whether the bundle fails when this service gives up. */
  readonly critical: boolean;
  /** Process id of the running process (its process group id too). */
  readonly pid: number | null;
  /** Restarts since the bundle started. */
  readonly restarts: number;
  /** Allocated ports by name. */
  readonly ports: Readonly<Record<string, number>>;
  /** Milliseconds from spawn to ready of the last start. */
  readonly readyMs: number | null;
  /** Why it failed, when it did. */
  readonly reason: string | null;
}

/** The whole bundle's status. */
export interface BundleStatus {
  /** App name and version. */
  readonly app: { readonly name: string; readonly version: string };
  /** Bundle state. */
  readonly state: BundleState;
  /** Why the bundle failed or stopped, when it did. */
  readonly reason: string | null;
  /** Supervisor process id. */
  readonly pid: number;
  /** Every service, in start order. */
  readonly services: readonly ServiceStatus[];
}

/** Where the control API listens and how to authenticate. */
export interface ControlEndpoint {
  /** Always `127.0.0.1`. */
  readonly host: string;
  /** Listening port. */
  readonly port: number;
  /** Absolute path of the 0600 bearer token file. */
  readonly tokenFile: string;
  /** Absolute path of the control file ({@link ControlFile}) that says all this to other processes. */
  readonly controlFile: string;
}

/** What a running bundle publishes in `<appData>/runtime/control.json` (0600) for `deployment-manager runtime`. */
export interface ControlFile {
  /** Format id. */
  readonly format: 'deployment-manager.runtime.control/1';
  /** Supervisor process id. */
  readonly pid: number;
  /** App name and version. */
  readonly app: { readonly name: string; readonly version: string };
  /** Control API host. */
  readonly host: string;
  /** Control API port. */
  readonly port: number;
  /** Absolute path of the bearer token file. */
  readonly tokenFile: string;
  /** Absolute path of the telemetry JSONL file. */
  readonly telemetryFile: string;
  /** Absolute bundle directory. */
  readonly bundleDir: string;
  /** When the supervisor started (ISO 8601). */
  readonly startedAt: string;
}

/** How the bundle ended. */
export interface BundleOutcome {
  /** True for a requested stop, false when a critical service gave up. */
  readonly ok: boolean;
  /** Why it ended. */
  readonly reason: string;
}

/** Options of {@link startBundle}. Every field has a default. */
export interface RuntimeOptions {
  /** Writable per-install directory: data, logs, telemetry, secrets, token (default `<bundle dir>/.runtime`). */
  readonly appData?: string;
  /** Control API port: default the manifest's `ipc.port`, falling back to any free port when it is taken; 0 picks any. */
  readonly controlPort?: number;
  /** GPU facts, or a probe (default: nvidia-smi, /proc/driver/nvidia, /dev/dri). */
  readonly gpu?: GpuInfo | GpuProbe;
  /** Asks the user for a `user_prompt` secret; resolve `undefined` to skip an optional one. Values are kept in the store. */
  readonly prompt?: (secret: SecretPromptRequest) => Promise<string | undefined>;
  /** Receives every event as it happens (also before `startBundle` resolves). */
  readonly onEvent?: (event: RuntimeEvent) => void;
  /** Restarts allowed per service when the manifest's metadata has no `recovery_attempts` (default 3). */
  readonly recoveryAttempts?: number;
  /** First restart delay; doubles per attempt (default 500 ms). */
  readonly backoffInitialMs?: number;
  /** Largest restart delay (default 15 s). */
  readonly backoffMaxMs?: number;
  /** A service that stays up this long has its restart count forgiven (default 60 s). */
  readonly stableAfterMs?: number;
  /** Grace between SIGTERM and SIGKILL when stopping a service (default 10 s). */
  readonly stopTimeoutMs?: number;
  /** Readiness timeout of a service whose manifest gives none (default 30 s). */
  readonly readinessTimeoutMs?: number;
  /** Size at which a service log or the telemetry file is rotated (default 5 MiB). */
  readonly logMaxBytes?: number;
  /** Rotated files kept per log (default 3). */
  readonly logKeep?: number;
  /** The platform key whose binaries run (default the host's, e.g. `linux-x64`). */
  readonly platform?: string;
}

/** A running bundle. */
export interface BundleHandle {
  /** App name and version. */
  readonly app: { readonly name: string; readonly version: string };
  /** Absolute bundle directory. */
  readonly bundleDir: string;
  /** Absolute app data directory. */
  readonly appData: string;
  /** Allocated ports: `{ service: { port_name: port } }`. */
  readonly ports: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The control API. */
  readonly control: ControlEndpoint;
  /** Absolute path of the telemetry JSONL file. */
  readonly telemetryFile: string;
  /** A snapshot of the bundle and its services. */
  status(): BundleStatus;
  /** Every event so far (the last 1000). */
  events(): readonly RuntimeEvent[];
  /** Calls `listener` on every later event; returns the unsubscribe function. */
  subscribe(listener: (event: RuntimeEvent) => void): () => void;
  /** Stops every service in reverse start order (SIGTERM, then SIGKILL after the timeout) and the control API. */
  stop(reason?: string): Promise<BundleOutcome>;
  /** Settles when the bundle has ended, by a stop or because a critical service gave up. */
  readonly done: Promise<BundleOutcome>;
}
