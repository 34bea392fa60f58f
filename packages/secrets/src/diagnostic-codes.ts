/* Every diagnostic code the secrets package reports, with its severity and meaning (rules as data). */
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core/pure';

/** A code the secrets package reports (see {@link SECRET_DIAGNOSTIC_CODES}). */
export type SecretDiagnosticCode =
  | 'SECRET_CATALOG_INVALID'
  | 'SECRET_CLASS_INVALID'
  | 'SECRET_DEPENDENCY_ABSENT'
  | 'SECRET_FORMAT_INVALID'
  | 'SECRET_GENERATOR_INVALID'
  | 'SECRET_GENERATOR_MISSING'
  | 'SECRET_GENERATOR_WEAK'
  | 'SECRET_ID_DUPLICATE'
  | 'SECRET_INFRASTRUCTURE_BUNDLED'
  | 'SECRET_INFRASTRUCTURE_OPTIONAL'
  | 'SECRET_INFRASTRUCTURE_REQUIRED'
  | 'SECRET_NEEDS_NETWORK'
  | 'SECRET_PLAN_SHAPE'
  | 'SECRET_PROMPT_INVALID'
  | 'SECRET_PROMPT_MISSING'
  | 'SECRET_REMOTE_KEY_MISSING'
  | 'SECRET_REQUIREMENTS_UNKNOWN'
  | 'SECRET_SCENARIO_UNREAD'
  | 'SECRET_SUGGESTED'
  | 'SECRET_TARGET_DUPLICATE'
  | 'SECRET_TARGET_ESCAPE'
  | 'SECRET_TARGET_INVALID'
  | 'SECRET_TARGET_MISSING'
  | 'SECRET_UNCLASSIFIED'
  | 'SECRET_UNUSED'
  | 'SECRET_USAGE_MISMATCH'
  | 'SECRET_USAGE_UNKNOWN'
  | 'SECRET_VALUE_EMPTY'
  | 'SECRET_VALUE_FORMAT'
  | 'SECRET_VALUE_MULTILINE'
  | 'SECRET_VALUE_SHAPE';

/**
 * Every code the secrets package reports (plan checks, catalog and policy
 * checks, provided values, planning notes). Tests and hosts match on codes.
 */
export const SECRET_DIAGNOSTIC_CODES: DiagnosticCodeTable<SecretDiagnosticCode> = defineDiagnosticCodes({
  SECRET_CATALOG_INVALID: { severity: 'error', summary: 'a secret catalog record or classification rule is malformed' },
  SECRET_CLASS_INVALID: { severity: 'error', summary: 'a planned secret has a class that is not one of the four' },
  SECRET_DEPENDENCY_ABSENT: { severity: 'warning', summary: 'a declared secret belongs to a dependency that is not in the graph, so it is not planned' },
  SECRET_FORMAT_INVALID: { severity: 'error', summary: 'a prompt `format` is not a valid regular expression' },
  SECRET_GENERATOR_INVALID: { severity: 'error', summary: 'a generator spec is malformed' },
  SECRET_GENERATOR_MISSING: { severity: 'error', summary: 'a per_install_generated secret has no generator' },
  SECRET_GENERATOR_WEAK: { severity: 'error', summary: 'a generator makes too little entropy' },
  SECRET_ID_DUPLICATE: { severity: 'error', summary: 'two planned secrets share an id' },
  SECRET_INFRASTRUCTURE_BUNDLED: { severity: 'error', summary: 'an infrastructure secret has bundle targets' },
  SECRET_INFRASTRUCTURE_OPTIONAL: { severity: 'warning', summary: 'an optional secret is operator infrastructure on the tier, so its feature is off' },
  SECRET_INFRASTRUCTURE_REQUIRED: { severity: 'error', summary: 'a required secret is operator infrastructure on the tier and cannot ship' },
  SECRET_NEEDS_NETWORK: { severity: 'warning', summary: 'a remote_fetch secret needs network access on first run' },
  SECRET_PLAN_SHAPE: { severity: 'error', summary: 'the value is not a secret plan' },
  SECRET_PROMPT_INVALID: { severity: 'error', summary: 'a prompt is malformed (no label, a field not a string)' },
  SECRET_PROMPT_MISSING: { severity: 'error', summary: 'a user_prompt secret has no prompt' },
  SECRET_REMOTE_KEY_MISSING: { severity: 'error', summary: 'a remote_fetch secret has no remote key (where in the store to fetch it from)' },
  SECRET_REQUIREMENTS_UNKNOWN: { severity: 'warning', summary: 'the secrets of a dependency are unknown, so none are planned for it' },
  SECRET_SCENARIO_UNREAD: { severity: 'warning', summary: 'a scenario in the graph was not given, so its declared secrets are not planned' },
  SECRET_SUGGESTED: { severity: 'warning', summary: 'an env var looks like a secret but is not declared' },
  SECRET_TARGET_DUPLICATE: { severity: 'error', summary: 'two secrets are delivered to the same env name or file' },
  SECRET_TARGET_ESCAPE: { severity: 'error', summary: 'a file target is not a relative path inside the bundle' },
  SECRET_TARGET_INVALID: { severity: 'error', summary: 'a target is malformed or names an invalid variable' },
  SECRET_TARGET_MISSING: { severity: 'error', summary: 'a bundled secret has no target' },
  SECRET_UNCLASSIFIED: { severity: 'error', summary: 'a secret has no class on the tier, so it is not bundled' },
  SECRET_UNUSED: { severity: 'error', summary: 'a planned secret is used by no service' },
  SECRET_USAGE_MISMATCH: { severity: 'error', summary: 'the consumers of a secret differ from the services that use it' },
  SECRET_USAGE_UNKNOWN: { severity: 'error', summary: 'a service uses a secret the plan does not hold' },
  SECRET_VALUE_EMPTY: { severity: 'error', summary: 'a provided value is empty' },
  SECRET_VALUE_FORMAT: { severity: 'error', summary: 'a provided value does not match its format' },
  SECRET_VALUE_MULTILINE: { severity: 'error', summary: 'a multi-line value goes to an environment variable' },
  SECRET_VALUE_SHAPE: { severity: 'error', summary: 'a provided value does not have the shape its generator makes' },
});

/** Builds a secrets diagnostic from {@link SECRET_DIAGNOSTIC_CODES}. */
export const secretDiagnostic: DiagnosticBuilder<SecretDiagnosticCode> = createDiagnosticBuilder(SECRET_DIAGNOSTIC_CODES);
