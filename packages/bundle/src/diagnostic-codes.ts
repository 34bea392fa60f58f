import type { Severity } from '@deployment-manager/core';

/** What a manifest diagnostic code means and how bad it is. */
export interface DiagnosticCodeInfo {
  /** Severity every diagnostic of this code has. */
  readonly severity: Severity;
  /** One-line meaning. */
  readonly summary: string;
}

/**
 * Every code `validateManifest` can report, with its fixed severity. A code
 * never changes meaning; tests and hosts match on codes, not on messages.
 */
export const MANIFEST_DIAGNOSTIC_CODES = {
  MANIFEST_NOT_OBJECT: { severity: 'error', summary: 'the manifest is not a JSON object' },
  MANIFEST_TARGET_UNKNOWN: { severity: 'error', summary: '`target` is missing or not desktop, cloud or mobile' },
  SCHEMA_REQUIRED: { severity: 'error', summary: 'a required property is missing' },
  SCHEMA_UNKNOWN_PROPERTY: { severity: 'error', summary: 'a property the schema does not define (typo or unsupported field)' },
  SCHEMA_TYPE: { severity: 'error', summary: 'a value has the wrong JSON type' },
  SCHEMA_ENUM: { severity: 'error', summary: 'a value is not one of the allowed constants' },
  SCHEMA_MIN_ITEMS: { severity: 'error', summary: 'an array has too few items' },
  SCHEMA_MIN_PROPERTIES: { severity: 'error', summary: 'an object has too few properties (e.g. empty `binaries`)' },
  SCHEMA_MIN_LENGTH: { severity: 'error', summary: 'a string is empty where text is required' },
  SCHEMA_RANGE: { severity: 'error', summary: 'a number is below its minimum or above its maximum' },
  SCHEMA_PATTERN: { severity: 'error', summary: 'a string does not match its pattern' },
  SCHEMA_INVALID: { severity: 'error', summary: 'any other schema violation' },
  SERVICE_ID_DUPLICATE: { severity: 'error', summary: 'two services (or remote/embedded entries) share an id' },
  DEPENDENCY_UNKNOWN: { severity: 'error', summary: 'a service depends on an id that is not a service' },
  DEPENDENCY_CYCLE: { severity: 'error', summary: 'services depend on each other in a cycle (ordered path in the message)' },
  SECRET_ID_DUPLICATE: { severity: 'error', summary: 'two secrets share an id' },
  SECRET_UNKNOWN: { severity: 'error', summary: 'a service references a secret id that is not declared' },
  SECRET_UNUSED: { severity: 'warning', summary: 'a declared secret is used by no service' },
  SECRET_TARGET_DUPLICATE: { severity: 'error', summary: 'two secrets are delivered to the same variable, file or key' },
  SECRET_GENERATOR_MISSING: { severity: 'error', summary: 'a per_install_generated secret has no generator' },
  SECRET_PROMPT_MISSING: { severity: 'error', summary: 'a user_prompt secret has no prompt' },
  SECRET_INFRASTRUCTURE_BUNDLED: { severity: 'error', summary: 'an infrastructure secret is in a manifest (it must never leave the operator)' },
  SECRET_FORMAT_INVALID: { severity: 'error', summary: 'a secret `format` is not a valid regular expression' },
  PLACEHOLDER_UNRESOLVED: { severity: 'error', summary: 'a `${...}` placeholder names no service port (or static) of the manifest' },
  PLACEHOLDER_MALFORMED: { severity: 'error', summary: 'a `${` is not closed or is empty' },
  BUILD_TEMPLATE_UNKNOWN: { severity: 'warning', summary: 'a `{{...}}` build template variable is not one packagers fill' },
  PORT_NAME_UNKNOWN: { severity: 'error', summary: 'a `port_name` names no port of its service' },
  PORT_NAME_DUPLICATE: { severity: 'error', summary: 'a service declares one port name twice' },
  PORT_INVALID: { severity: 'error', summary: 'a port number is outside 1..65535' },
  PORT_RANGE_INVALID: { severity: 'error', summary: 'a port range is empty (min > max) or outside 1..65535' },
  PORT_RANGE_PRIVILEGED: { severity: 'warning', summary: 'a port range reaches below 1024 (needs privileges on most systems)' },
  PORT_RANGE_OUTSIDE_DEFAULT: { severity: 'error', summary: 'a requested range is not inside `ports.default_range`' },
  PORT_RANGE_OVERLAP: { severity: 'error', summary: 'two requested ranges overlap' },
  PORT_RANGE_COVERS_RESERVED: { severity: 'warning', summary: 'a requested range contains a reserved port (the allocator skips it)' },
  PORT_RANGE_COVERS_IPC: { severity: 'error', summary: 'a requested range contains the IPC port, which is not reserved' },
  PORT_UNALLOCATABLE: { severity: 'error', summary: 'allocating ports in dependency order leaves a request without a free port' },
  IPC_HOST_NOT_LOOPBACK: { severity: 'error', summary: 'the IPC host is not a loopback address' },
  HEALTH_PORT_REQUIRED: { severity: 'error', summary: 'an http or tcp health check has no `port_name`' },
  HEALTH_COMMAND_REQUIRED: { severity: 'error', summary: 'a command health check has no command' },
  READINESS_PORT_REQUIRED: { severity: 'error', summary: 'a port_open readiness has no `port_name`' },
  READINESS_PATTERN_REQUIRED: { severity: 'error', summary: 'a log_match readiness has no pattern' },
  READINESS_PATTERN_INVALID: { severity: 'error', summary: 'a readiness pattern is not a valid regular expression' },
  MIGRATION_RUN_ON_UNKNOWN: { severity: 'error', summary: '`run_on` is not always, first_install or upgrade (the runtime would never run it)' },
  MIGRATION_VERSION_DUPLICATE: { severity: 'error', summary: 'a service declares one migration version twice' },
  MIGRATION_COMMAND_EMPTY: { severity: 'error', summary: 'a migration has an empty command' },
  PLATFORM_KEY_UNKNOWN: { severity: 'error', summary: 'a `binaries` key is not a platform the runtime selects (e.g. `universal`)' },
  BINARY_PLATFORM_GAP: { severity: 'warning', summary: 'a service ships no binary for a platform other services ship' },
  ASSET_HASH_PLACEHOLDER: { severity: 'warning', summary: 'an asset hash is a placeholder, not a real SHA-256' },
  ASSET_HASH_INVALID: { severity: 'error', summary: 'an asset hash is not 64 hex digits' },
  PATH_ESCAPES_ROOT: { severity: 'error', summary: 'a path is absolute or climbs out of its root with `..`' },
  TELEMETRY_URL_INVALID: { severity: 'warning', summary: '`telemetry.upload_url` is not an http(s) URL' },
  SWAP_DUPLICATE: { severity: 'error', summary: 'one dependency is swapped twice' },
  CLOUD_IMAGE_MISSING: { severity: 'error', summary: 'a cloud service has neither `image` nor `build`' },
  VOLUME_NAME_DUPLICATE: { severity: 'error', summary: 'a service declares one volume name twice' },
  VOLUME_PATH_NOT_ABSOLUTE: { severity: 'error', summary: 'a volume mount path is not absolute' },
  VOLUME_SHARED_BY_REPLICAS: { severity: 'warning', summary: 'a persistent volume is mounted by more than one replica' },
  INGRESS_SERVICE_UNKNOWN: { severity: 'error', summary: 'an ingress route targets an unknown service' },
  REMOTE_URL_INVALID: { severity: 'error', summary: 'a remote service URL is not an absolute http(s) URL' },
  REMOTE_URL_INSECURE: { severity: 'warning', summary: 'a remote service URL uses plain http off loopback' },
  ASSEMBLY_TIER_UNSUPPORTED: { severity: 'error', summary: 'assembly: the tier has no manifest target (local runs from source)' },
  ASSEMBLY_TIER_NOT_IN_PROFILE: { severity: 'warning', summary: 'assembly: the tier assembled for is not one of the profile\'s tiers' },
  ASSEMBLY_SCENARIO_MISMATCH: { severity: 'error', summary: 'assembly: graph, profile and scenario spec name different scenarios' },
  ASSEMBLY_RESOURCE_UNKNOWN: { severity: 'error', summary: 'assembly: a resource is not in the catalog, so how it runs is unknown' },
  ASSEMBLY_SCENARIO_NOT_BUNDLED: { severity: 'warning', summary: 'assembly: a scenario dependency is not bundled (reach it remotely or bundle it separately)' },
  ASSEMBLY_SECRET_NOT_BUNDLED: { severity: 'info', summary: 'assembly: a planned secret stays out of the manifest (infrastructure or unclassified)' },
  ASSEMBLY_SECRET_NO_TARGET: { severity: 'error', summary: 'assembly: a bundled secret has no delivery target in the plan' },
  ASSEMBLY_PORTS_EXHAUSTED: { severity: 'error', summary: 'assembly: the port range is too small for every port block' },
  ASSEMBLY_IMAGE_GUESSED: { severity: 'warning', summary: 'assembly: no known container image for a resource; `<name>:latest` was written' },
  ASSEMBLY_DEFAULT_USED: { severity: 'warning', summary: 'assembly: a value the profile should set (app id, URL) was defaulted' },
} as const;

/** A code `validateManifest` can report. */
export type ManifestDiagnosticCode = keyof typeof MANIFEST_DIAGNOSTIC_CODES;
