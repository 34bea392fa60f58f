import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from '@deployment-manager/core';

/** A cloud packager diagnostic code (see {@link CLOUD_DIAGNOSTIC_CODES}). */
export type CloudDiagnosticCode =
  | 'CLOUD_TARGET_MISMATCH'
  | 'CLOUD_SECRET_MULTILINE_ENV'
  | 'CLOUD_GENERATOR_UNSUPPORTED'
  | 'CLOUD_COMPOSE_SCHEMA'
  | 'CLOUD_COMPOSE_SCHEMA_SKIPPED'
  | 'CLOUD_COMPOSE_DEPENDS_ON_UNKNOWN'
  | 'CLOUD_COMPOSE_HEALTHY_WITHOUT_HEALTHCHECK'
  | 'CLOUD_COMPOSE_REFERENCE_UNKNOWN'
  | 'CLOUD_K8S_INVALID'
  | 'CLOUD_K8S_UNKNOWN_FIELD'
  | 'CLOUD_K8S_KIND_UNKNOWN'
  | 'CLOUD_HELM_CHART_INVALID'
  | 'CLOUD_HELM_VALUES_INVALID'
  | 'CLOUD_HELM_RENDER_FAILED'
  | 'CLOUD_HELM_RENDER_MISMATCH';

/**
 * Every code the cloud packager's own checks report (on top of the bundle's
 * `validateManifest` codes), with its fixed severity. Tests and hosts match
 * on codes, never on messages.
 */
export const CLOUD_DIAGNOSTIC_CODES: DiagnosticCodeTable<CloudDiagnosticCode> = defineDiagnosticCodes({
  CLOUD_TARGET_MISMATCH: { severity: 'error', summary: 'the manifest is not a cloud manifest' },
  CLOUD_SECRET_MULTILINE_ENV: { severity: 'warning', summary: 'a key pair is delivered as an environment variable; env files hold one line' },
  CLOUD_GENERATOR_UNSUPPORTED: { severity: 'error', summary: 'a generator the install scripts cannot reproduce (custom alphabet outside printable ASCII)' },
  CLOUD_COMPOSE_SCHEMA: { severity: 'error', summary: 'the generated compose.yaml violates the Compose Specification JSON Schema' },
  CLOUD_COMPOSE_SCHEMA_SKIPPED: { severity: 'info', summary: 'no Compose Specification schema was given, so compose.yaml was checked for meaning only' },
  CLOUD_COMPOSE_DEPENDS_ON_UNKNOWN: { severity: 'error', summary: 'a compose depends_on names a service that does not exist' },
  CLOUD_COMPOSE_HEALTHY_WITHOUT_HEALTHCHECK: { severity: 'error', summary: 'a compose depends_on waits for service_healthy on a service without a healthcheck' },
  CLOUD_COMPOSE_REFERENCE_UNKNOWN: { severity: 'error', summary: 'a compose service uses a volume or secret that is not declared at the top level' },
  CLOUD_K8S_INVALID: { severity: 'error', summary: 'a generated Kubernetes object fails its kubernetes-models schema' },
  CLOUD_K8S_UNKNOWN_FIELD: { severity: 'error', summary: 'a generated Kubernetes object has a field its schema does not know' },
  CLOUD_K8S_KIND_UNKNOWN: { severity: 'error', summary: 'a generated Kubernetes object has a kind no model validates' },
  CLOUD_HELM_CHART_INVALID: { severity: 'error', summary: 'Chart.yaml violates the chart schema' },
  CLOUD_HELM_VALUES_INVALID: { severity: 'error', summary: 'values.yaml does not validate against the generated values.schema.json' },
  CLOUD_HELM_RENDER_FAILED: { severity: 'error', summary: 'a chart template does not render with the default values' },
  CLOUD_HELM_RENDER_MISMATCH: { severity: 'error', summary: 'the chart rendered with its default values differs from the plain Kubernetes manifests' },
});

/** Builds a cloud packager diagnostic from {@link CLOUD_DIAGNOSTIC_CODES}. */
export const cloudDiagnostic: DiagnosticBuilder<CloudDiagnosticCode> = createDiagnosticBuilder(CLOUD_DIAGNOSTIC_CODES);
