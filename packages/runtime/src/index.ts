/**
 * Runs a desktop bundle: verified assets, GPU requirements, ports on
 * 127.0.0.1, secrets, migrations, ordered start, health, restarts, a control
 * API and JSONL telemetry.
 *
 * @packageDocumentation
 * @module @deployment-manager/runtime
 */
export {
  RUNTIME_EVENT_LEVELS,
  RUNTIME_EVENT_TYPES,
  type BundleHandle,
  type BundleOutcome,
  type BundleState,
  type BundleStatus,
  type ControlEndpoint,
  type ControlFile,
  type GpuInfo,
  type GpuProbe,
  type RuntimeEvent,
  type RuntimeEventLevel,
  type RuntimeEventType,
  type RuntimeOptions,
  type SecretPromptRequest,
  type ServiceState,
  type ServiceStatus,
} from './types.ts';
export { startBundle, defaultAppData, tailFile, MIGRATION_TIMEOUT_MS, MAX_PORT_MOVES } from './start-bundle.ts';
export { loadBundle, manifestPathOf, type BundleSource, type LoadedBundle } from './load-bundle.ts';
export { verifyAssets, sha256File, type UnverifiedAsset } from './verify-assets.ts';
export { detectGpu, decideGpu, gpuInfo, type GpuDecision } from './gpu.ts';
export { allocatePorts, canBind, reallocatePort, type PortAllocation, type SkippedPort } from './port-allocator.ts';
export { parseProcNetTcp, portHolder, type ListeningSocket, type PortHolder } from './port-holder.ts';
export { startWaves, servicePolicy, type ServicePolicy } from './start-order.ts';
export { expandPlaceholders, hostPlatformKey, type PlaceholderValues } from './service-command.ts';
export { migrationAction, readMigrationState, type MigrationAction, type MigrationState } from './migrations.ts';
export { controlFilePath, readControlFile } from './control-file.ts';
export { readToken } from './control-auth.ts';
export { MAX_TAIL_LINES } from './control-api.ts';
export { createRotatingFile, type RotatingFile } from './rotating-file.ts';
export { WATCHDOG_SOURCE } from './watchdog.ts';
export { connectControl, createControlClient, type ControlAddress, type ControlClient, type ControlResponse } from './control-client.ts';
