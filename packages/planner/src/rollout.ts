import type { CloudManifest } from '@deployment-manager/bundle';
import type { RolloutSpec } from './environment.ts';
import { planFinding, type PlanFinding } from './finding.ts';
import { hostLayout } from '@deployment-manager/packager-vps';
import { TARGETS, type RolloutStrategy, type StrategySupport, type TargetId } from './targets-data.ts';

/** How a plan rolls a new version out. */
export interface RolloutPlan {
  /** Strategy. */
  readonly strategy: RolloutStrategy;
  /** `native`, `emulated` or `unsupported` on the target. */
  readonly support: StrategySupport['support'];
  /** How the target does it. */
  readonly how: string;
  /** Ordered steps (commands or actions). */
  readonly steps: readonly string[];
  /** Findings (unsupported strategy, emulation notes, bad parameters). */
  readonly findings: readonly PlanFinding[];
}

function checkSpec(spec: RolloutSpec): PlanFinding[] {
  const out: PlanFinding[] = [];
  const whole = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 0);
  if (!whole(spec.maxSurge) || !whole(spec.maxUnavailable)) out.push(planFinding('ROLLOUT_INVALID', 'error', `maxSurge ${String(spec.maxSurge)} / maxUnavailable ${String(spec.maxUnavailable)} must be whole numbers >= 0`, 'use for example maxSurge: 1, maxUnavailable: 0', '/rollout'));
  else if (spec.strategy === 'rolling' && (spec.maxSurge ?? 1) === 0 && (spec.maxUnavailable ?? 0) === 0) out.push(planFinding('ROLLOUT_INVALID', 'error', 'a rolling update with maxSurge 0 and maxUnavailable 0 can never progress', 'set maxSurge to 1 (no downtime) or maxUnavailable to 1', '/rollout'));
  if (spec.canaryPercent !== undefined && (!Number.isInteger(spec.canaryPercent) || spec.canaryPercent < 1 || spec.canaryPercent > 99)) out.push(planFinding('ROLLOUT_INVALID', 'error', `canaryPercent ${String(spec.canaryPercent)} is not a whole number from 1 to 99`, 'use for example canaryPercent: 10', '/rollout/canaryPercent'));
  return out;
}

function k8sSteps(manifest: CloudManifest, spec: RolloutSpec, env: string): string[] {
  const release = manifest.app.name;
  const values = `-f values-${env}.yaml`;
  const apps = manifest.services.filter((s) => s.kind === 'app' && !(s.volumes ?? []).some((v) => v.persistent)).map((s) => s.id).sort();
  const patch = (body: string): string[] => apps.map((id) => `kubectl patch deployment/${id} --type=merge -p '${body}'`);
  switch (spec.strategy) {
    case 'recreate':
      return [...patch('{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'), `helm upgrade --install ${release} ./chart ${values} --wait`];
    case 'rolling':
      return [...patch(`{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":${spec.maxSurge ?? 1},"maxUnavailable":${spec.maxUnavailable ?? 0}}}}}`), `helm upgrade --install ${release} ./chart ${values} --wait`];
    case 'blue-green':
      return [
        `helm install ${release}-green ./chart ${values} --wait (the new version beside the live one)`,
        `run smoke.sh against the green release (SMOKE_URL_<SERVICE>=http://<service>.${release}-green...)`,
        `kubectl patch service/<id> -p '{"spec":{"selector":{"app.kubernetes.io/instance":"${release}-green"}}}' for ${apps.join(', ') || 'each app service'}`,
        `helm uninstall ${release} once traffic is healthy (keep it for an instant switch back until then)`,
      ];
    case 'canary': {
      const pct = spec.canaryPercent ?? 10;
      return [
        `helm install ${release}-canary ./chart ${values} with app replicas sized so the canary holds about ${pct}% of the pods (the Service selects both releases by app.kubernetes.io/name)`,
        'watch error rates and run smoke.sh; traffic share follows the replica ratio, not a weighted route',
        `promote: helm upgrade ${release} to the new version and helm uninstall ${release}-canary; abort: helm uninstall ${release}-canary`,
      ];
    }
  }
}

/**
 * Plans the rollout of a manifest on a target: the strategy's support
 * there (native, emulated, unsupported - see {@link TARGETS}), the steps,
 * and findings (an unsupported strategy blocks; an emulated one is noted).
 * Kubernetes uses its native Deployment strategies for recreate and
 * rolling; blue-green and canary are emulated with a second release. Pure.
 *
 * @example
 * ```ts
 * planRollout(manifest, 'k8s', { strategy: 'canary', canaryPercent: 10 }, 'production').support // 'emulated'
 * ```
 */
export function planRollout(manifest: CloudManifest, target: TargetId, spec: RolloutSpec, environment: string): RolloutPlan {
  const support = TARGETS[target].strategies[spec.strategy];
  const findings = checkSpec(spec);
  if (support.support === 'unsupported') {
    findings.push(planFinding('ROLLOUT_UNSUPPORTED', 'error', `target ${target} cannot do a ${spec.strategy} rollout: ${support.how}`, target === 'k8s' ? 'choose recreate or rolling' : `choose rolling (or recreate), or deploy to the k8s target for ${spec.strategy}`, '/rollout/strategy'));
  } else if (support.support === 'emulated') {
    findings.push(planFinding('ROLLOUT_EMULATED', 'info', `${spec.strategy} on ${target} is emulated: ${support.how}`, 'review the rollout steps; they are scripts, not a platform guarantee', '/rollout/strategy'));
  }
  let steps: string[];
  if (support.support === 'unsupported') steps = [];
  else if (target === 'k8s') steps = k8sSteps(manifest, spec, environment);
  else if (target === 'compose') {
    const l = hostLayout(manifest, environment);
    steps = [`docker compose -p ${l.project} -f ${l.composeFile} -f ${l.overrideFile} ${spec.strategy === 'recreate' ? 'up -d --remove-orphans' : 'up -d --no-deps --scale <service>=2x then retire the old containers, service by service'}`];
  } else {
    steps = [`STRATEGY=${spec.strategy} ./deploy.sh (${support.how})`];
  }
  return { strategy: spec.strategy, support: support.support, how: support.how, steps, findings };
}
