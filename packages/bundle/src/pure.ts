/**
 * The pure part of `@deployment-manager/bundle`: manifest types and schemas,
 * assembly, schema and semantic validation, canonical JSON, profiles and their
 * history - no file system, no `node:` module, so it bundles for the browser.
 * `@deployment-manager/bundle` re-exports all of it plus the checksum
 * (`node:crypto`), export files and the file profile store.
 *
 * @packageDocumentation
 * @module @deployment-manager/bundle/pure
 */
export {
  MANIFEST_SCHEMA_VERSION,
  SECRET_CLASSES,
  HEALTH_TYPES,
  READINESS_TYPES,
  type SecretClass,
  type PortRange,
  type ManifestApp,
  type ManifestSwap,
  type SecretPrompt,
  type SecretTarget,
  type ManifestSecret,
  type HealthCheck,
  type ReadinessCheck,
} from './manifest-common.ts';
export {
  DESKTOP_BUILD_TYPES,
  DESKTOP_SERVICE_TYPES,
  MIGRATION_RUN_ON,
  desktopManifestSchema,
  type CodeSigning,
  type DesktopAsset,
  type DesktopBinary,
  type DesktopBuild,
  type DesktopIpc,
  type DesktopManifest,
  type DesktopMigration,
  type DesktopPortRequest,
  type DesktopPorts,
  type DesktopService,
  type DesktopServicePorts,
  type DesktopGpu,
  type DesktopTelemetry,
  type SigningLinux,
  type SigningMacos,
  type SigningWindows,
} from './manifest-desktop.ts';
export {
  CLOUD_SERVICE_KINDS,
  cloudManifestSchema,
  type CloudBuild,
  type CloudIngress,
  type CloudManifest,
  type CloudPort,
  type CloudResources,
  type CloudRoute,
  type CloudService,
  type CloudVolume,
} from './manifest-cloud.ts';
export { APP_ID_PATTERN, MOBILE_PLATFORMS, mobileManifestSchema, type MobileWeb, type MobileEmbedded, type MobileManifest, type MobileRemoteService, type MobileMoveReason, type MobilePlacement, type MobilePlacementKind, type MobileReplacement, type MobileServerSecret } from './manifest-mobile.ts';
export { isServerSide } from './mobile-placement.ts';
export { MANIFEST_SCHEMAS, MANIFEST_TARGETS, isManifestTarget, type Manifest, type ManifestOf, type ManifestSchemas, type ManifestTarget } from './manifest.ts';
export {
  MANIFEST_JSON_SCHEMAS,
  generateAllJsonSchemas,
  generateManifestJsonSchema,
  generateProfileExportJsonSchema,
  PROFILE_EXPORT_SCHEMA_FILE,
  manifestSchemaFileName,
  serializeJsonSchema,
  type JsonSchema,
} from './json-schemas.ts';
export { PLATFORM_ARCHES, PLATFORM_KEYS, PLATFORM_OSES, BUILD_TEMPLATE_VARS, STATIC_PLACEHOLDERS, canonicalPlatform } from './known-values.ts';
export { MANIFEST_DIAGNOSTIC_CODES, MANIFEST_DIAGNOSTIC_CODE_NAMES, type ManifestDiagnosticCode } from './diagnostic-codes.ts';
export { validateManifest, semanticDiagnostics } from './validate-manifest.ts';
export { findPlaceholders, type Placeholder } from './check-placeholders.ts';
export { pathEscape } from './check-paths.ts';
export { planDesktopPorts, type PortAssignment, type PortPlan } from './port-plan.ts';
export { canonicalJson, prettyJson } from './canonical.ts';
export {
  PROFILE_ID_PATTERN,
  profileContentSchema,
  profileExportSchema,
  profileVersionSchema,
  type JsonValue,
  type ProfileContent,
  type ProfileExport,
  type ProfileSecretChoice,
  type ProfileSwap,
  type ProfileVersion,
} from './profile.ts';
export { applyProfilePatch, diffProfiles, findVersion, nextVersion, rollbackVersion, type ProfileChange, type ProfilePatch } from './profile-history.ts';
export {
  createMemoryProfileStore,
  createProfileStore,
  type ProfileBackend,
  type ProfileRollback,
  type ProfileStore,
  type ProfileStoreOptions,
  type ProfileSummary,
  type ProfileUpdate,
} from './profile-store.ts';
export { issueDrafts, swapIssueDraft, type IssueDraft, type SwapIssueFacts, type SwapIssueInput } from './issue-drafts.ts';
export {
  decisionsFromSuggestions,
  needsEngineering,
  swapDecisionsDocument,
  type SwapDecision,
  type SwapDecisionStatus,
  type SwapDecisionsDocument,
} from './swap-decisions.ts';
export { assembleManifest, type AssembleOptions, type AssembleResult } from './assemble.ts';
export { planAssembly, targetOfTier, type AssemblyPlan, type LinkedSecret, type PlanAssemblyOptions, type PlannedResource, type ResourceMode } from './assembly-plan.ts';
export { scenarioServices, type ScenarioBuild, type ScenarioService } from './scenario-services.ts';
export { DEFAULT_CONTAINER_PORTS, DEFAULT_DESKTOP_PLATFORMS, DEFAULT_PORT_RANGE, PORT_BLOCK_SIZE, PORT_PLAN_OFFSET, UI_PORT_NAMES } from './assembly-data.ts';
export { SWAP_SELECTIONS, assembleScenario, type AssembleScenarioOptions, type ScenarioAssembly, type SwapSelection } from './assemble-scenario.ts';
