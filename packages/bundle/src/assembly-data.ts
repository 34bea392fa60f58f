import type { PortRange } from './manifest-common.ts';

/** Desktop platforms a manifest ships when the profile does not say (`settings.platforms`). */
export const DEFAULT_DESKTOP_PLATFORMS: readonly string[] = ['darwin-arm64', 'darwin-x64', 'linux-x64', 'win-x64'];

/** Desktop port range when the profile does not say (`settings.port_range`). */
export const DEFAULT_PORT_RANGE: PortRange = { min: 47000, max: 47999 };

/** Ports per request block in an assembled desktop port plan. */
export const PORT_BLOCK_SIZE = 20;

/** Ports at the start of the range kept free (the IPC port takes the first one). */
export const PORT_PLAN_OFFSET = 10;

/** Container port of a scenario service by role when service.json fixes none. */
export const DEFAULT_CONTAINER_PORTS: Readonly<Record<'ui' | 'api' | 'worker', number>> = { ui: 3000, api: 8080, worker: 8090 };

/** Names of scenario ports that are user interfaces (the rest are APIs). */
export const UI_PORT_NAMES: readonly string[] = ['ui', 'web', 'frontend', 'client', 'app'];
