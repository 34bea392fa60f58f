/**
 * Mobile packager: a Capacitor configuration (validated against the JSON
 * Schema generated from `@capacitor/cli`'s `CapacitorConfig`, plus
 * Capacitor's app id rule), the dependencies that must run off the device
 * with their hosted replacements, and the mobile secret plan.
 *
 * @packageDocumentation
 * @module @deployment-manager/packager-mobile
 */
export { MOBILE_PACKAGER_NAME, checkMobileBundle, createMobilePackager } from './packager.ts';
export { MOBILE_DIAGNOSTIC_CODES, type MobileDiagnosticCode } from './diagnostic-codes.ts';
export { MOBILE_FILES, planMobile, type MobileFile, type MobilePlan } from './plan-mobile.ts';
export type { CapacitorLogging, MobileAndroidOptions, MobileIosOptions, MobilePackagerOptions } from './options.ts';
export { validateMobileManifest } from './validate.ts';
export { CAPACITOR_APP_ID_PATTERN, checkAppId } from './app-id.ts';
export { JAVA_RESERVED_WORDS } from './java-keywords.ts';
export { createCapacitorConfig, type CapacitorConfigJson } from './capacitor-config.ts';
export { CAPACITOR_CLI_VERSION, capacitorSchemaPath, validateCapacitorConfig } from './capacitor-schema.ts';
export { ARTIFACT_SCHEMAS, validateMobileArtifact } from './artifact-schemas.ts';
export { schemaPath } from './schema-files.ts';
export { backendOf, providedNode, rootOf } from './placement.ts';
export { renderServerSideMoves, type MoveReason, type Replacement, type ServerSideMove, type ServerSideMoves } from './server-side-moves.ts';
export { planMobileSecrets, type DeviceSecret, type MobileRemoteRef, type MobileSecretPlan, type MobileSecretsInput, type MobileSecretsResult, type ServerSecret } from './secret-plan.ts';
export { createRuntimeConfig, joinUrl, resolveUrls, type RuntimeConfig } from './runtime-config.ts';
export { mobileNotes } from './notes.ts';
export { renderNextSteps, type NextStepsInput } from './next-steps.ts';
export { isLoopbackUrl } from './urls.ts';
