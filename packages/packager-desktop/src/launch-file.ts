import type { DesktopManifest } from '@deployment-manager/bundle';
import type { ResolvedDesktopOptions } from './options.ts';
import { runtimeDestination } from './staging-plan.ts';

/** The UI the shell opens once the runtime reports ready. */
export interface LaunchEntry {
  /** Service id. */
  readonly service: string;
  /** Name of its requested port. */
  readonly portName: string;
  /** URL path to open. */
  readonly path: string;
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
  readonly app: { readonly name: string; readonly version: string; readonly productName: string };
  /** The canonical manifest, inside the bundle directory. */
  readonly manifest: { readonly path: 'bundle.json' };
  /** The runtime binary per platform key and its arguments (`{bundle}`, `{appData}` expand at launch). */
  readonly runtime: { readonly paths: Readonly<Record<string, string>>; readonly args: readonly string[] };
  /** The runtime's control API. */
  readonly ipc: {
    readonly host: string;
    readonly port: number;
    /** Relative to the app data directory. */
    readonly authTokenPath: string;
    readonly healthPath: '/healthz';
    readonly readyPath: '/readyz';
    readonly portsPath: '/ports';
    readonly shutdownPath: '/shutdown';
  };
  /** The UI to open, or `null` when the bundle has no UI service with a port. */
  readonly entry: LaunchEntry | null;
  /** How long the shell waits for readiness: the sum of every service's readiness timeout. */
  readonly startupTimeoutMs: number;
}

/** Readiness timeout assumed for a service that declares none. */
export const DEFAULT_READINESS_TIMEOUT_MS = 30_000;

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
    runtime: {
      paths: Object.fromEntries(options.platforms.map((p) => [p, runtimeDestination(p)])),
      args: ['--manifest', '{bundle}/bundle.json', '--app-data', '{appData}'],
    },
    ipc: {
      host: manifest.ipc.host,
      port: manifest.ipc.port,
      authTokenPath: manifest.ipc.auth_token_path,
      healthPath: '/healthz',
      readyPath: '/readyz',
      portsPath: '/ports',
      shutdownPath: '/shutdown',
    },
    entry: findLaunchEntry(manifest),
    startupTimeoutMs: manifest.services.reduce((sum, s) => sum + (s.readiness.timeout_ms ?? DEFAULT_READINESS_TIMEOUT_MS), 0),
  };
}
