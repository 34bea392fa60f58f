/**
 * Desktop packager: electron-builder configuration per update channel
 * (validated against electron-builder's `scheme.json`), the runtime
 * manifest for the bundled supervisor, a staging plan and a build plan.
 *
 * @packageDocumentation
 * @module @deployment-manager/packager-desktop
 */
export { DESKTOP_PACKAGER_NAME, checkDesktopBundle, createDesktopPackager } from './packager.ts';
export { DESKTOP_DIAGNOSTIC_CODES, type DesktopDiagnosticCode } from './diagnostic-codes.ts';
export { planDesktop, type DesktopFile, type DesktopPlan } from './plan-desktop.ts';
export {
  DEFAULT_ELECTRON_VERSION,
  ELECTRON_BUILDER_VERSION,
  UPDATE_CHANNELS,
  resolveDesktopOptions,
  type DesktopPackagerOptions,
  type AppIdentity,
  type DesktopPublishTarget,
  type GenericPublishTarget,
  type GithubPublishTarget,
  type S3PublishTarget,
  type ResolvedDesktopOptions,
  type UpdateChannel,
} from './options.ts';
export { DESKTOP_PLATFORMS, DEFAULT_DESKTOP_PLATFORMS, DEFAULT_OS_TARGETS, KNOWN_OS_TARGETS, binaryKeyFor, platformOf, type DesktopOs, type DesktopPlatform } from './platforms.ts';
export { UPDATER_CHANNEL, createElectronBuilderConfig, electronBuilderConfigPath, type ElectronBuilderConfig } from './electron-builder-config.ts';
export { electronBuilderSchemaPath, validateElectronBuilderConfig } from './electron-builder-schema.ts';
export { planSigning, type GpgSigning, type SigningEnv, type SigningEnvLiteral, type SigningEnvReference, type SigningPlan } from './signing.ts';
export { LAUNCH_FILE_PATH, RUNTIME_ENTRY_PATH, RUNTIME_ENTRY_SOURCE, RUNTIME_MANIFEST_PATH, isRealSha256, planStaging, type GeneratedHashes, type StagingResult, type PlatformStaging, type StagingEntry, type StagingKind, type StagingOrigin, type StagingPlan } from './staging-plan.ts';
export { createBuildPlan, type BuildPlan, type PackageCommand, type PlatformBuildPlan } from './build-plan.ts';
export { buildCommands, type BuildStep, type ServiceBuild } from './build-commands.ts';
export { renderBuildScript } from './build-script.ts';
export { createLaunchFile, findLaunchEntry, type LaunchApp, type LaunchEntry, type LaunchFile, type LaunchIpc, type LaunchManifestRef, type LaunchRuntime } from './launch-file.ts';
export { desktopNotes } from './notes.ts';
export { validateDesktopArtifact } from './validate-artifact.ts';
export { validateDesktopManifest } from './validate.ts';
export { BUILD_PLAN_SCHEMA, LAUNCH_FILE_SCHEMA, STAGING_PLAN_SCHEMA } from './artifact-schemas.ts';
export { stageBundle, type StageBundleOptions } from './stage-bundle.ts';
