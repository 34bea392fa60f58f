import type { CloudManifest } from '@deployment-manager/bundle';
import type { RolloutSpec } from './environment.ts';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';
import { dnsName, hostLayout } from '@deployment-manager/packager-vps';
import type { PlanCommand } from './command-line.ts';
import { planLayout, type PlanLayout } from './plan-layout.ts';
import { TARGETS, type RolloutStrategy, type StrategySupport, type TargetId } from './targets-data.ts';

/** How a plan rolls a new version out. */
export interface RolloutPlan {
  /** Strategy. */
  readonly strategy: RolloutStrategy;
  /** `native`, `emulated` or `unsupported` on the target. */
  readonly support: StrategySupport['support'];
  /** How the target does it. */
  readonly how: string;
  /** Ordered manual steps (prose), for what no command does: the emulated blue-green and canary flows. */
  readonly steps: readonly string[];
  /** Commands that carry the rollout out, in order; each runs as printed (see {@link commandLine}). */
  readonly commands: readonly PlanCommand[];
  /** Findings (unsupported strategy, emulation notes, bad parameters). */
  readonly findings: readonly PlanDiagnostic[];
}

function checkSpec(spec: RolloutSpec): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  const whole = (n: number | undefined): boolean => n === undefined || (Number.isInteger(n) && n >= 0);
  if (!whole(spec.maxSurge) || !whole(spec.maxUnavailable)) out.push(planDiagnostic('ROLLOUT_INVALID', `maxSurge ${String(spec.maxSurge)} / maxUnavailable ${String(spec.maxUnavailable)} must be whole numbers >= 0`, { path: '/rollout', hint: 'use for example maxSurge: 1, maxUnavailable: 0' }));
  else if (spec.strategy === 'rolling' && (spec.maxSurge ?? 1) === 0 && (spec.maxUnavailable ?? 0) === 0) out.push(planDiagnostic('ROLLOUT_INVALID', 'a rolling update with maxSurge 0 and maxUnavailable 0 can never progress', { path: '/rollout', hint: 'set maxSurge to 1 (no downtime) or maxUnavailable to 1' }));
  if (spec.canaryPercent !== undefined && (!Number.isInteger(spec.canaryPercent) || spec.canaryPercent < 1 || spec.canaryPercent > 99)) out.push(planDiagnostic('ROLLOUT_INVALID', `canaryPercent ${String(spec.canaryPercent)} is not a whole number from 1 to 99`, { path: '/rollout/canaryPercent', hint: 'use for example canaryPercent: 10' }));
  return out;
}

/** Manual steps (prose) and the commands that run as printed, of one rollout. */
interface RolloutWork {
  readonly steps: string[];
  readonly commands: PlanCommand[];
}

/** The Helm release, namespace, chart and values file of a manifest in an environment. */
export function helmTarget(manifest: CloudManifest, environment: string, layout: PlanLayout): { readonly release: string; readonly namespace: string; readonly chart: string; readonly values: string } {
  return { release: dnsName(manifest.app.name), namespace: hostLayout(manifest, environment).project, chart: `${layout.cloudDir}/helm/${manifest.app.name}`, values: `${layout.targetDir}/values-${environment}.yaml` };
}

function k8sWork(manifest: CloudManifest, spec: RolloutSpec, env: string, layout: PlanLayout): RolloutWork {
  const { release, namespace, chart, values } = helmTarget(manifest, env, layout);
  const apps = manifest.services.filter((s) => s.kind === 'app' && !(s.volumes ?? []).some((v) => v.persistent)).map((s) => s.id).sort();
  const helm = (name: string): PlanCommand => ({ argv: ['helm', 'upgrade', '--install', name, chart, '-f', values, '--namespace', namespace, '--create-namespace', '--atomic', '--wait', '--timeout', '10m'] });
  // The chart renders Deployments with Kubernetes' default strategy; later rollouts follow the patched one.
  const patch = (body: string): PlanCommand[] => apps.map((id) => ({ argv: ['kubectl', 'patch', `deployment/${id}`, '--namespace', namespace, '--type=merge', '-p', body] }));
  switch (spec.strategy) {
    case 'recreate':
      return { steps: [], commands: [helm(release), ...patch('{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}')] };
    case 'rolling':
      return { steps: [], commands: [helm(release), ...patch(`{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":${spec.maxSurge ?? 1},"maxUnavailable":${spec.maxUnavailable ?? 0}}}}}`)] };
    case 'blue-green':
      return {
        steps: [
          `install the new version beside the live one as release ${release}-green (helm upgrade --install ${release}-green ... --atomic --wait)`,
          `run smoke.sh against the green release (SMOKE_URL_<SERVICE>=http://<service>.${release}-green...)`,
          `patch the selector of ${apps.join(', ') || 'each app service'} to app.kubernetes.io/instance=${release}-green`,
          `helm uninstall ${release} once traffic is healthy (keep it for an instant switch back until then)`,
        ],
        commands: [],
      };
    case 'canary': {
      const pct = spec.canaryPercent ?? 10;
      return {
        steps: [
          `install release ${release}-canary with app replicas sized so the canary holds about ${pct}% of the pods (the Service selects both releases by app.kubernetes.io/name)`,
          'watch error rates and run smoke.sh; traffic share follows the replica ratio, not a weighted route',
          `promote: upgrade ${release} to the new version and uninstall ${release}-canary; abort: uninstall ${release}-canary`,
        ],
        commands: [],
      };
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
export function planRollout(manifest: CloudManifest, target: TargetId, spec: RolloutSpec, environment: string, layout: PlanLayout = planLayout('out', target)): RolloutPlan {
  const support = TARGETS[target].strategies[spec.strategy];
  const findings = checkSpec(spec);
  if (support.support === 'unsupported') {
    findings.push(planDiagnostic('ROLLOUT_UNSUPPORTED', `target ${target} cannot do a ${spec.strategy} rollout: ${support.how}`, { path: '/rollout/strategy', hint: target === 'k8s' ? 'choose recreate or rolling' : `choose rolling (or recreate), or deploy to the k8s target for ${spec.strategy}` }));
  } else if (support.support === 'emulated') {
    findings.push(planDiagnostic('ROLLOUT_EMULATED', `${spec.strategy} on ${target} is emulated: ${support.how}`, { path: '/rollout/strategy', hint: 'review the rollout steps; they are scripts, not a platform guarantee' }));
  }
  let work: RolloutWork = { steps: [], commands: [] };
  if (support.support === 'unsupported') work = { steps: [], commands: [] };
  else if (target === 'k8s') work = k8sWork(manifest, spec, environment, layout);
  else if (target === 'compose') {
    // The cloud packager's compose.yaml first (its directory is the project directory: build contexts and secrets/ resolve there), the environment's override over it.
    const { project, composeFile } = hostLayout(manifest, environment);
    work = { steps: [], commands: [{ argv: ['docker', 'compose', '-p', project, '-f', `${layout.cloudDir}/compose/compose.yaml`, '-f', `${layout.targetDir}/${composeFile}`, 'up', '-d', '--wait', '--remove-orphans'] }] };
  } else {
    work = { steps: [], commands: [{ env: { STRATEGY: spec.strategy }, argv: ['bash', `${layout.targetDir}/deploy.sh`] }] };
  }
  return { strategy: spec.strategy, support: support.support, how: support.how, steps: work.steps, commands: work.commands, findings };
}
