import { jsonPointer, type Diagnostic } from '@deployment-manager/core';
import { DEFAULT_CATALOG, lookupEntry, secretIdOf, type Catalog } from '@deployment-manager/catalog';
import { checkPlan, type PlannedClass, type PlannedSecret, type SecretPlan } from '@deployment-manager/secrets';
import type { RemoteSecretsManifest } from './secrets-manifest.ts';
import { clientDiagnostic } from './diagnostic-codes.ts';

/** How one secret the manager knows lines up with our plan. */
export interface SecretMatch {
  /** `resource:key` as the manager names it. */
  readonly remote: string;
  /** Our planned secret id, or undefined when we plan no such secret. */
  readonly planned?: string;
  /** The manager's class for the tier (from its bundle plan, or `infrastructure`), when it gave one. */
  readonly remoteClass?: string;
  /** Our class before reconciliation. */
  readonly ourClass?: PlannedClass;
  /** The class in the reconciled plan. */
  readonly effectiveClass?: PlannedClass;
}

/** Our plan after the manager's answer was taken into account, and what differed. */
export interface SecretReconciliation {
  /** Our plan, only ever made stricter: classes come from our rules, and anything the manager keeps off bundles stays off. */
  readonly plan: SecretPlan;
  /** One entry per secret the manager listed. */
  readonly matches: readonly SecretMatch[];
  /** What differed (also merged into the plan's blockers and warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

const BUNDLED: ReadonlySet<PlannedClass> = new Set(['per_install_generated', 'user_prompt', 'remote_fetch']);

/**
 * Maps the secrets manager's deployment manifest onto our {@link SecretPlan},
 * re-applying our own fail-closed rules: our classification stands; the
 * manager can only make a secret stricter (a secret it classifies as
 * `infrastructure` or strips becomes `infrastructure` and leaves the bundle);
 * a secret it knows and we do not plan is reported (a blocker when required)
 * and never bundled; nothing of the manager's free text enters the plan.
 * Pure: same inputs, same output.
 *
 * @example
 * ```ts
 * const { plan, diagnostics } = reconcileSecretPlan(planSecrets(graph, { tier: 'desktop' }), remote);
 * ```
 */
export function reconcileSecretPlan(plan: SecretPlan, remote: RemoteSecretsManifest, catalog: Catalog = DEFAULT_CATALOG): SecretReconciliation {
  const byId = new Map(plan.secrets.map((s) => [s.id, s]));
  const byEnv = new Map<string, PlannedSecret>();
  for (const s of plan.secrets) {
    for (const t of s.targets) if (t.type === 'env') byEnv.set(t.name.toUpperCase(), s);
    const dot = s.id.indexOf('.');
    if (s.origin !== 'catalog' && dot > 0) byEnv.set(s.id.slice(dot + 1).toUpperCase(), s);
  }
  const find = (resource: string, key: string): PlannedSecret | undefined => {
    const entry = lookupEntry(catalog, resource);
    const req = entry?.secrets?.find((r) => r.env.toUpperCase() === key.toUpperCase() || r.key.toLowerCase() === key.toLowerCase());
    const viaCatalog = entry === undefined || req === undefined ? undefined : byId.get(secretIdOf(entry, req));
    return viaCatalog ?? byEnv.get(key.toUpperCase()) ?? byId.get(`${resource}.${key}`);
  };
  const bundleClass = new Map<string, string>();
  for (const b of remote.bundleSecrets) bundleClass.set((b.target?.name ?? b.id).toUpperCase(), b.class);

  const tightened = new Map<string, PlannedSecret>();
  const matches: SecretMatch[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  remote.secrets.forEach((r, index) => {
    const name = `${r.resource}:${r.key}`;
    const path = jsonPointer(['remote', 'secrets', index]);
    const strips = r.classification?.toLowerCase() === 'infrastructure' || r.handlingStrategy?.toLowerCase() === 'strip';
    const remoteClass = strips ? 'infrastructure' : bundleClass.get(r.key.toUpperCase());
    const ours = find(r.resource, r.key);
    if (ours === undefined) {
      matches.push({ remote: name, ...(remoteClass === undefined ? {} : { remoteClass }) });
      diagnostics.push(
        clientDiagnostic('SECRET_REMOTE_UNKNOWN', `the secrets manager lists ${r.required ? 'required' : 'optional'} secret "${name}", which our plan does not contain, so it is not bundled`, {
          path,
          hint: 'add the secret to the catalog record of its dependency or declare it in the scenario, then plan again',
          severity: r.required ? 'error' : 'warning',
        }),
      );
      return;
    }
    seen.add(ours.id);
    let effective: PlannedClass = ours.class;
    if (strips && BUNDLED.has(ours.class)) {
      effective = 'infrastructure';
      tightened.set(ours.id, toInfrastructure(ours, name));
      diagnostics.push(
        clientDiagnostic('SECRET_REMOTE_STRICTER', `the secrets manager keeps "${name}" off bundles; our rules made "${ours.id}" ${ours.class}, so it is now infrastructure`, {
          path,
          hint: 'if the value may ship, change the classification in the secrets manager; overrides here cannot loosen it',
        }),
      );
    } else if (remoteClass !== undefined && remoteClass !== ours.class) {
      diagnostics.push(
        clientDiagnostic('SECRET_REMOTE_CLASS_DIFFERS', `the secrets manager classifies "${name}" as ${remoteClass}; our rules say ${ours.class} for "${ours.id}", which stands`, {
          path,
          hint: 'our rules decide unless the manager is stricter',
        }),
      );
    }
    matches.push({ remote: name, planned: ours.id, ...(remoteClass === undefined ? {} : { remoteClass }), ourClass: ours.class, effectiveClass: effective });
  });
  for (const s of plan.secrets) {
    if (seen.has(s.id) || s.class !== 'remote_fetch') continue;
    diagnostics.push(
      clientDiagnostic('SECRET_REMOTE_MISSING', `secret "${s.id}" is fetched remotely on ${plan.tier}, but the secrets manager does not list it`, {
        path: jsonPointer(['secrets', s.id]),
        hint: 'store it in the secrets manager before deploying',
      }),
    );
  }
  const secrets = plan.secrets.map((s) => tightened.get(s.id) ?? s);
  const findings = checkPlan({ ...plan, secrets });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const notes = diagnostics.filter((d) => d.severity !== 'error');
  const key = (d: Diagnostic): string => `${d.code}\u0000${d.path}\u0000${d.message}`;
  const priorWarnings = new Set(plan.warnings.map(key));
  return {
    plan: {
      ...plan,
      secrets,
      blockers: [...findings.errors, ...errors],
      warnings: [...plan.warnings, ...findings.warnings.filter((d) => !priorWarnings.has(key(d))), ...notes],
    },
    matches,
    diagnostics,
  };
}

function toInfrastructure(s: PlannedSecret, remote: string): PlannedSecret {
  const { generator: _g, prompt: _p, remote: _r, ...rest } = s;
  return { ...rest, class: 'infrastructure', targets: [], rule: 'remote:infrastructure', reason: `the secrets manager keeps ${remote} off bundles` };
}
