import { compareIds, type Diagnostic } from '@deployment-manager/core/pure';
import { checkGenerator } from './generator-spec.ts';
import { checkPrompt } from './prompt.ts';
import { checkTarget } from './targets.ts';
import { SECRET_CLASSES, type PlannedSecret, type SecretPlan } from './types.ts';
import { secretDiagnostic, type SecretDiagnosticCode } from './diagnostic-codes.ts';

/** Errors (blocking) and warnings found in a plan's secrets and usage. */
export interface PlanFindings {
  /** Blocking problems. */
  readonly errors: readonly Diagnostic[];
  /** Non-blocking notes. */
  readonly warnings: readonly Diagnostic[];
}

const swapText = (s: PlannedSecret): string => s.removedBy.map((h) => `swap ${h.from} -> ${h.to}`).join(' or ');

/** Sorts diagnostics by path, then code, then message, so equal plans give equal output. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => compareIds(a.path, b.path) || compareIds(a.code, b.code) || compareIds(a.message, b.message));
}

function checkSecret(s: PlannedSecret, path: string, tier: string, errors: Diagnostic[], warnings: Diagnostic[]): void {
  const err = (code: SecretDiagnosticCode, message: string, hint: string, at = ''): void => {
    errors.push(secretDiagnostic(code, message, { path: path + at, hint }));
  };
  const bundled = s.class !== 'infrastructure' && s.class !== 'unclassified';
  if (s.class === 'unclassified') {
    err(
      'SECRET_UNCLASSIFIED',
      `secret "${s.id}" has no class on tier ${tier}, so it is not bundled`,
      `add an override such as { "id": "${s.id}", "class": "user_prompt" } (optionally limited to this scenario and tier) or a classification rule` +
        (s.removedBy.length > 0 ? `; ${swapText(s)} removes it` : ''),
      '/class',
    );
  } else if (!(SECRET_CLASSES as readonly string[]).includes(s.class)) {
    err('SECRET_CLASS_INVALID', `secret "${s.id}" has unknown class "${String(s.class)}"`, `use one of ${SECRET_CLASSES.join(', ')}`, '/class');
  }
  if (s.class === 'infrastructure') {
    if (s.targets.length > 0) err('SECRET_INFRASTRUCTURE_BUNDLED', `infrastructure secret "${s.id}" has bundle targets`, 'infrastructure secrets never enter a bundle: remove its targets', '/targets');
    const remedy = s.removedBy.length > 0 ? `${swapText(s)} removes it on ${tier}` : 'no known swap removes it; run the dependency as a remote service or override the class';
    if (s.required) {
      err('SECRET_INFRASTRUCTURE_REQUIRED', `secret "${s.id}" is operator infrastructure on tier ${tier} and cannot ship in the bundle`, remedy, '/class');
    } else {
      warnings.push(secretDiagnostic('SECRET_INFRASTRUCTURE_OPTIONAL', `optional secret "${s.id}" is operator infrastructure on tier ${tier}; the feature that needs it will be off`, { path: path + '/class', hint: remedy }));
    }
  }
  if (s.class === 'per_install_generated') {
    if (s.generator === undefined) err('SECRET_GENERATOR_MISSING', `generated secret "${s.id}" has no generator`, 'add a generator such as { "type": "random", "length": 32, "charset": "alnum" }', '/generator');
    else errors.push(...checkGenerator(s.generator, path + '/generator'));
  }
  if (s.class === 'user_prompt') {
    if (s.prompt === undefined) err('SECRET_PROMPT_MISSING', `prompted secret "${s.id}" has no prompt`, 'add a prompt with a label and description', '/prompt');
    else errors.push(...checkPrompt(s.prompt, path + '/prompt'));
  }
  if (s.class === 'remote_fetch') {
    if (s.remote === undefined || typeof s.remote.key !== 'string' || s.remote.key === '') {
      err('SECRET_REMOTE_KEY_MISSING', `remote secret "${s.id}" has no remote key`, 'add remote: { "key": "path/in/store" }', '/remote');
    }
    warnings.push(secretDiagnostic('SECRET_NEEDS_NETWORK', `secret "${s.id}" is fetched remotely, so the first run needs network access to its secret store`, { path: path + '/class', hint: 'make sure the install can reach the secret store, or classify it as user_prompt for offline installs' }));
  }
  if (bundled && s.targets.length === 0) err('SECRET_TARGET_MISSING', `bundled secret "${s.id}" has no target`, 'add an env or file target', '/targets');
  s.targets.forEach((t, j) => errors.push(...checkTarget(t, `${path}/targets/${j}`)));
}

/**
 * Checks the secrets and usage of a plan against the rules every bundle plan must
 * keep: classes known and complete (generator, prompt, remote), no infrastructure
 * or unclassified secret bundled, targets valid and unique, usage consistent.
 * Used by both the planner and {@link validatePlan}.
 */
export function checkPlan(plan: Pick<SecretPlan, 'tier' | 'secrets' | 'usage'>): PlanFindings {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const ids = new Map<string, number>();
  const targets = new Map<string, string>();
  plan.secrets.forEach((s, i) => {
    const path = `/secrets/${i}`;
    if (ids.has(s.id)) errors.push(secretDiagnostic('SECRET_ID_DUPLICATE', `secret id "${s.id}" appears twice`, { path: path + '/id', hint: 'give each secret a unique id' }));
    ids.set(s.id, i);
    checkSecret(s, path, plan.tier, errors, warnings);
    s.targets.forEach((t, j) => {
      // File systems on desktop are often case-insensitive; env names are not.
      const key = t.type === 'file' ? `file:${t.name.toLowerCase()}` : `env:${t.name}`;
      const prior = targets.get(key);
      if (prior !== undefined) {
        errors.push(secretDiagnostic('SECRET_TARGET_DUPLICATE', `${t.type} target "${t.name}" of "${s.id}" is also used by "${prior}"`, { path: `${path}/targets/${j}`, hint: 'give each secret its own env name or file path (override its targets)' }));
      } else {
        targets.set(key, s.id);
      }
    });
  });
  // The services that use each secret of the plan (one lookup per listed use: a plan can list 500k).
  const usedBy = new Map<string, Set<string>>(plan.secrets.map((s) => [s.id, new Set<string>()]));
  plan.usage.forEach((u, i) => {
    u.secrets.forEach((id, j) => {
      const users = usedBy.get(id);
      if (users !== undefined) users.add(u.service);
      else errors.push(secretDiagnostic('SECRET_USAGE_UNKNOWN', `service "${u.service}" uses secret "${id}", which is not in the plan`, { path: `/usage/${i}/secrets/${j}`, hint: 'add the secret to the plan or remove it from the service' }));
    });
  });
  plan.secrets.forEach((s, i) => {
    const users = usedBy.get(s.id) ?? new Set<string>();
    if (users.size === 0) {
      errors.push(secretDiagnostic('SECRET_UNUSED', `secret "${s.id}" is used by no service`, { path: `/secrets/${i}`, hint: 'remove it from the plan or list it under a service in usage' }));
    } else if (users.size !== s.consumers.length || s.consumers.some((c) => !users.has(c))) {
      errors.push(secretDiagnostic('SECRET_USAGE_MISMATCH', `consumers of secret "${s.id}" differ from the services that use it`, { path: `/secrets/${i}/consumers`, hint: 'rebuild the plan with planSecrets instead of editing usage by hand' }));
    }
  });
  return { errors: sortDiagnostics(errors), warnings: sortDiagnostics(warnings) };
}
