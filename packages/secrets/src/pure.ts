/**
 * The pure part of `@deployment-manager/secrets`: fail-closed
 * classification, planning, checks, templates and redaction - no randomness,
 * no file system, no `node:` module, so it bundles for the browser.
 * `@deployment-manager/secrets` re-exports all of it plus generation and the
 * file store.
 *
 * @packageDocumentation
 * @module @deployment-manager/secrets/pure
 */
export {
  SECRET_CLASSES,
  SECRET_KINDS,
  type CharsetName,
  type GeneratorSpec,
  type Hosting,
  type PlannedClass,
  type PlannedSecret,
  type PromptSpec,
  type RemoteRef,
  type SecretClass,
  type SecretKind,
  type SecretOrigin,
  type SecretPlan,
  type SecretTarget,
  type SecretUsage,
  type SecretAlias,
  type SuggestedSecret,
  type SwapHint,
} from './types.ts';
export type { AppSecretName, ClassificationOverrides, ClassificationRule, EnvNamePattern, RuleCondition, SecretOverride, SecretPolicy } from './policy-types.ts';
export { DEFAULT_SECRET_POLICY } from './policy/index.ts';
export { dependencySecrets, findAppSecret, matchEnvPattern, mergeSecretPolicies, swapHintsFor, validateSecretPolicy } from './policy.ts';
export { classifySecret, findOverride, ruleMatches, type Classification, type SecretFacts } from './classify.ts';
export { CHARSETS, MIN_ENTROPY_BITS, MAX_GENERATOR_LENGTH, PASSWORD_GROUPS, alphabetOf, checkGenerator, entropyBits } from './generator-spec.ts';
export { checkPrompt, isValidFormat } from './prompt.ts';
export { checkTarget, isBundlePath } from './targets.ts';
export { planSecrets, type PlanSecretsOptions } from './plan.ts';
export { checkPlan, type PlanFindings } from './check-plan.ts';
export { validatePlan } from './validate-plan.ts';
export { createMemorySecretStore, type SecretStore } from './store.ts';
export { renderEnvTemplate } from './render-env.ts';
export {
  renderKubernetesSecrets,
  type KubernetesObject,
  type SecretEnvVar,
  type KubernetesSecretsOptions,
  type KubernetesSecretsRender,
  type RenderableSecret,
  type SecretVolume,
} from './render-k8s.ts';
export { REDACTED, assertNoSecretValues, findSecretLeaks, redact } from './redact.ts';
export { SECRET_DIAGNOSTIC_CODES, type SecretDiagnosticCode } from './diagnostic-codes.ts';
