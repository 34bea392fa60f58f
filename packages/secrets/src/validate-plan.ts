import { isTier, type ValidationResult } from '@deployment-manager/core/pure';
import { checkPlan } from './check-plan.ts';
import type { SecretPlan } from './types.ts';
import { secretDiagnostic } from './diagnostic-codes.ts';

/**
 * Validates a secret plan for use in a bundle, recomputing every check rather
 * than trusting the plan's own `blockers`: no infrastructure or unclassified
 * secret is bundled (a required one blocks), `per_install_generated` has a strong
 * enough generator, `user_prompt` a prompt whose format compiles, `remote_fetch` a
 * remote key (and a warning that first run needs network), targets are valid,
 * unique and inside the bundle, and every secret a service uses exists and vice versa.
 *
 * @example
 * ```ts
 * const result = validatePlan(planSecrets(graph, { tier: 'desktop' }));
 * if (!result.ok) console.error(result.issues.map((d) => d.code));
 * ```
 */
export function validatePlan(plan: SecretPlan): ValidationResult<SecretPlan> {
  if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.secrets) || !Array.isArray(plan.usage)) {
    const issue = secretDiagnostic('SECRET_PLAN_SHAPE', 'the value is not a secret plan (secrets and usage arrays missing)', { hint: 'pass the result of planSecrets' });
    return { ok: false, issues: [issue], warnings: [] };
  }
  const findings = checkPlan(plan);
  const issues = isTier(plan.tier)
    ? findings.errors
    : [secretDiagnostic('SECRET_PLAN_SHAPE', `plan tier "${String(plan.tier)}" is not a deployment tier`, { path: '/tier', hint: 'plan for one of local, desktop, mobile, saas, enterprise' }), ...findings.errors];
  return issues.length === 0 ? { ok: true, value: plan, warnings: findings.warnings } : { ok: false, issues, warnings: findings.warnings };
}
