/**
 * Cloud packager: a Docker Compose file, plain Kubernetes manifests and a
 * Helm chart from a cloud manifest, each validated offline (Compose
 * Specification schema, kubernetes-models plus an unknown-field check, the
 * chart rendered back to the plain manifests). Secrets are never values.
 *
 * @packageDocumentation
 * @module @deployment-manager/packager-cloud
 */
export { CLOUD_PACKAGER_NAME, checkCloudBundle, createCloudPackager } from './packager.ts';
export { planCloud, type CloudFile, type CloudPlan } from './plan-cloud.ts';
export { CLOUD_TARGETS, DEFAULT_WAIT_IMAGE, resolveCloudOptions, type CloudPackagerOptions, type CloudTarget, type ResolvedCloudOptions, type SecretStoreRef } from './options.ts';
export { CLOUD_DIAGNOSTIC_CODES, type CloudDiagnosticCode } from './diagnostic-codes.ts';
export { checkCloudNames, validateCloudManifest } from './cloud-checks.ts';
export { composeYaml, renderCompose, renderManifestCompose, type ComposeFile, type ComposeRender } from './compose.ts';
export { envFileOf } from './secret-wiring.ts';
export { secretKey } from './names.ts';
export { bundledComposeSchema, checkComposeSemantics, composeSchemaPath, validateComposeSchema } from './compose-validate.ts';
export { renderKubernetes, type KubernetesFile, type KubernetesRender, type KubernetesSecretWiring } from './kubernetes.ts';
export { KUBERNETES_KINDS, unknownFields, validateKubernetesObject, type KubernetesSchemaError } from './kubernetes-validate.ts';
export { renderSecrets } from './secret-wiring.ts';
export { fillHoles, type Hole, type HoleMode, type ValueSchema } from './holes.ts';
export { helmSecretTemplate, type HelmSecretTemplate } from './helm-secret.ts';
export { buildHelmChart, renderHelmChart, type HelmChart, type RenderHelmChartOptions } from './helm-chart.ts';
export { renderHelmTemplate, type HelmRenderContext } from './helm-render.ts';
export { CHART_YAML_SCHEMA } from './chart-yaml-schema.ts';
export { renderComposeSecretsScript, renderKubernetesSecretsScript } from './secret-scripts.ts';
