import { exportCanonical, type CloudManifest } from '@deployment-manager/bundle';
import { hasErrors } from '@deployment-manager/core';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';
import { hostLayout } from '@deployment-manager/packager-vps';
import { summarizeManifestChanges, type ManifestChanges } from './manifest-changes.ts';
import { diffManifests, type DiffOperation } from './manifest-diff.ts';
import type { TargetId } from './targets-data.ts';

/** The release to roll back to: its exported manifest and the checksum recorded when it was exported. */
export interface PreviousRelease {
  /** The previous manifest (as read from its export). */
  readonly manifest: unknown;
  /** Lower-case hex SHA-256 of its canonical export (the `.sha256` sidecar). */
  readonly sha256: string;
}

/** How to go back to the previous release. */
export interface RollbackPlan {
  /** True when there is a verified previous release. */
  readonly available: boolean;
  /** Checksum of the release rolled back to. */
  readonly toSha256?: string;
  /** Version of the release rolled back to. */
  readonly toVersion?: string;
  /** Checksum of the release being deployed now. */
  readonly fromSha256: string;
  /** JSON Patch from the new manifest back to the previous one. */
  readonly diff: readonly DiffOperation[];
  /** The same, by meaning. */
  readonly changes?: ManifestChanges;
  /** Ordered steps. */
  readonly steps: readonly string[];
  /** Findings (checksum mismatch blocks; data risks warn). */
  readonly findings: readonly PlanDiagnostic[];
}

type Rec = Readonly<Record<string, unknown>>;

/**
 * Plans a rollback from the manifest being deployed to the previous exported
 * one: verifies the previous manifest hashes to its recorded checksum (a
 * mismatch blocks - it is not the release that was shipped), computes the
 * diff back, warns where stateful services change (a database image or
 * volume rolled back may not read newer data), and lists the target's
 * steps. Pure.
 *
 * @example
 * ```ts
 * const plan = planRollback(current, { manifest: JSON.parse(text), sha256: sidecar }, 'k8s', 'production');
 * plan.steps // ['helm rollback recipe-hub', ...]
 * ```
 */
export function planRollback(current: CloudManifest, previous: PreviousRelease | undefined, target: TargetId, environment: string): RollbackPlan {
  const fromSha256 = exportCanonical(current).sha256;
  if (previous === undefined) {
    return { available: false, fromSha256, diff: [], steps: [], findings: [planDiagnostic('ROLLBACK_NONE', 'no previous release was given, so this deployment has no rollback target', { hint: 'pass the previous export (bundle.json and its .sha256) to plan a rollback (CLI: --previous <bundle.json>)' })] };
  }
  const findings: PlanDiagnostic[] = [];
  let actual: string;
  try {
    actual = exportCanonical(previous.manifest).sha256;
  } catch {
    actual = '';
  }
  const expected = previous.sha256.toLowerCase();
  if (actual !== expected) {
    findings.push(planDiagnostic('ROLLBACK_CHECKSUM_MISMATCH', `the previous manifest hashes to ${actual === '' ? '(not JSON)' : actual}, not to its recorded ${expected}`, { path: '/previous/sha256', hint: 'use the exact previous export (deployment-manager bundle verify <file>), not an edited copy' }));
  }
  const diff = diffManifests(current, previous.manifest);
  const changes = summarizeManifestChanges(current, previous.manifest);
  const resources = new Set(current.services.filter((s) => s.kind === 'resource').map((s) => s.id));
  for (const c of changes.servicesChanged) {
    const risky = c.fields.filter((f) => f === 'image' || f === 'volumes');
    if (resources.has(c.id) && risky.length > 0) {
      findings.push(planDiagnostic('ROLLBACK_DATA_RISK', `rolling back changes ${risky.join(' and ')} of stateful service "${c.id}"; data written by the new version may not be readable by the old one`, { path: `/services/${current.services.findIndex((s) => s.id === c.id)}`, hint: `back up "${c.id}" before deploying, and restore that backup if you roll back` }));
    }
  }
  for (const id of changes.servicesAdded) {
    if (!resources.has(id) && (asRec(asArray(asRec(previous.manifest)['services']).find((s) => asRec(s)['id'] === id))['kind'] === 'resource')) {
      findings.push(planDiagnostic('ROLLBACK_DATA_RISK', `rolling back re-adds stateful service "${id}" with the data it had before this release`, { hint: `check that "${id}" still holds usable data before rolling back` }));
    }
  }
  const version = asRec(asRec(previous.manifest)['app'])['version'];
  const release = current.app.name;
  const layout = hostLayout(current, environment);
  const rerender = `render the previous release's artifacts from its manifest (sha256 ${expected}): deployment-manager plan ${current.app.scenario ?? release} --manifest <previous bundle.json> --env ${environment} --target ${target}`;
  const steps =
    target === 'k8s'
      ? [`helm rollback ${release} (Helm keeps the previous revision: native)`, 'kubectl rollout status for every Deployment and StatefulSet', 'run smoke.sh']
      : target === 'compose'
        ? [rerender, `in that plan's output directory: docker compose -p ${layout.project} -f cloud/compose/compose.yaml -f compose/${layout.composeFile} up -d --remove-orphans`, 'run smoke.sh']
        : [rerender, 'STRATEGY=recreate ./deploy.sh from the previous artifacts (infrastructure is unchanged unless the sizes differ: terraform plan shows it)', 'run smoke.sh'];
  return {
    available: !hasErrors(findings),
    toSha256: expected,
    ...(typeof version === 'string' ? { toVersion: version } : {}),
    fromSha256,
    diff,
    changes,
    steps,
    findings,
  };
}

function asRec(v: unknown): Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : {};
}

function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}
