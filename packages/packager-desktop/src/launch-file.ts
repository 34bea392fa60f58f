import type { DesktopManifest } from '@deployment-manager/bundle';
import type { ResolvedDesktopOptions } from './options.ts';
import { RUNTIME_ENTRY_PATH } from './staging-plan.ts';

/** The UI the shell opens once the runtime reports ready. */
export interface LaunchEntry {
  /** Service id. */
  readonly service: string;
  /** Name of its requested port. */
  readonly portName: string;
  /** URL path to open. */
  readonly path: string;
}

/** The app as the shell shows it. */
export interface LaunchApp {
  /** Manifest app name. */
  readonly name: string;
  /** Manifest app version. */
  readonly version: string;
  /** Product name (window title, dialogs). */
  readonly productName: string;
}

/** Where the canonical manifest is inside the bundle directory. */
export interface LaunchManifestRef {
  /** Always `bundle.json`. */
  readonly path: 'bundle.json';
}

/**
 * How the shell starts the runtime: the self-contained Node entry of
 * `@deployment-manager/runtime`, run with the shell's own Node (Electron with
 * `ELECTRON_RUN_AS_NODE=1`), so no per-platform binary is needed.
 */
export interface LaunchRuntime {
  /** The runtime's Node entry, relative to the bundle directory. */
  readonly entry: string;
  /** Arguments after the entry; `{bundle}` and `{appData}` expand at launch. */
  readonly args: readonly string[];
}

/** The runtime's control API (the predecessor runtime's endpoints). */
export interface LaunchIpc {
  /** Loopback host. */
  readonly host: string;
  /** Port. */
  readonly port: number;
  /** Bearer token file, relative to the app data directory. */
  readonly authTokenPath: string;
  /** The runtime's control file (actual host, port and token file), relative to the app data directory. */
  readonly controlFilePath: 'runtime/control.json';
  /** Unauthenticated liveness endpoint. */
  readonly healthPath: '/healthz';
  /** Readiness endpoint (`{ ready: boolean }`). */
  readonly readyPath: '/readyz';
  /** Allocated ports (`{ service: { port_name: port } }`). */
  readonly portsPath: '/ports';
  /** Graceful shutdown endpoint. */
  readonly shutdownPath: '/shutdown';
}

/**
 * The launch contract between the generated Electron shell and the bundled
 * supervisor runtime (`launch.json`): how to start the runtime, where its
 * control API listens, and which UI to open. The runtime itself reads
 * `bundle.json`.
 */
export interface LaunchFile {
  /** Format id. */
  readonly format: 'deployment-manager.desktop.launch/1';
  /** Application. */
  readonly app: LaunchApp;
  /** The canonical manifest, inside the bundle directory. */
  readonly manifest: LaunchManifestRef;
  /** The runtime binary per platform key and its arguments. */
  readonly runtime: LaunchRuntime;
  /** The runtime's control API. */
  readonly ipc: LaunchIpc;
  /** The UI to open, or `null` when the bundle has no UI service with a port. */
  readonly entry: LaunchEntry | null;
  /** How long the shell waits for readiness: the sum of every service's readiness timeout. */
  readonly startupTimeoutMs: number;
}

/** Readiness timeout assumed for a service that declares none. */
const DEFAULT_READINESS_TIMEOUT_MS = 30_000;

/** The UI entry of a manifest: the first `ui-bundle` service with a port (`http` preferred). */
export function findLaunchEntry(manifest: DesktopManifest): LaunchEntry | null {
  for (const service of manifest.services) {
    if (service.type !== 'ui-bundle') continue;
    const ports = service.ports?.requested ?? [];
    const port = ports.find((p) => p.name === 'http') ?? ports[0];
    if (port !== undefined) return { service: service.id, portName: port.name, path: '/' };
  }
  return null;
}

/** Builds the {@link LaunchFile} for a manifest. Pure. */
export function createLaunchFile(manifest: DesktopManifest, options: ResolvedDesktopOptions): LaunchFile {
  return {
    format: 'deployment-manager.desktop.launch/1',
    app: { name: manifest.app.name, version: manifest.app.version, productName: options.productName },
    manifest: { path: 'bundle.json' },
    runtime: { entry: RUNTIME_ENTRY_PATH, args: ['--manifest', '{bundle}/bundle.json', '--app-data', '{appData}'] },
    ipc: {
      host: manifest.ipc.host,
      port: manifest.ipc.port,
      authTokenPath: manifest.ipc.auth_token_path,
      controlFilePath: 'runtime/control.json',
      healthPath: '/healthz',
      readyPath: '/readyz',
      portsPath: '/ports',
      shutdownPath: '/shutdown',
    },
    entry: findLaunchEntry(manifest),
    startupTimeoutMs: manifest.services.reduce((sum, s) => sum + (s.readiness.timeout_ms ?? DEFAULT_READINESS_TIMEOUT_MS), 0),
  };
}
