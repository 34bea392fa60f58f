import type { EnvironmentOverlay } from './environment.ts';
import { hasErrors } from '@deployment-manager/core';
import type { PlanDiagnostic } from './diagnostic-codes.ts';
import { hostLayout } from '@deployment-manager/packager-vps';
import type { DeploymentInput } from './plan.ts';
import type { TargetRender } from './render-target.ts';
import type { RollbackPlan } from './rollback.ts';
import type { RolloutPlan } from './rollout.ts';
import type { SmokeCheck } from '@deployment-manager/packager-vps';
import { TARGETS, type TargetId } from './targets-data.ts';
import { commandLine, type PlanCommand } from './command-line.ts';
import type { PlanLayout } from './plan-layout.ts';

/** The stages of a deployment, in order. */
export const PLAN_STAGES = ['pre-flight', 'configure', 'package', 'provision', 'deploy', 'verify'] as const;

/** A stage id. */
export type PlanStageId = (typeof PLAN_STAGES)[number];

/** One stage of a plan: what it will do, what it needs, and what blocks it. */
export interface PlanStage {
  /** Stage id. */
  readonly id: PlanStageId;
  /** `blocked` when pre-flight has an error (nothing runs then), else `ready`. */
  readonly status: 'ready' | 'blocked';
  /** What it will do, in order (sentences). */
  readonly actions: readonly string[];
  /** Commands the operator runs for it, as shell lines that run as printed (empty when nothing is run). */
  readonly commands: readonly string[];
  /** The same commands as program and arguments: what `deploy` runs. */
  readonly invocations: readonly PlanCommand[];
  /** What it needs: credentials (by reference), tools, inputs. */
  readonly needs: readonly string[];
  /** Files it renders or reads. */
  readonly artifacts: readonly string[];
  /** Findings that belong to it (pre-flight holds every check's findings). */
  readonly findings: readonly PlanDiagnostic[];
}

/** What {@link buildStages} reads. */
export interface StageInput {
  /** The planner input. */
  readonly input: DeploymentInput;
  /** The environment, when known. */
  readonly env: EnvironmentOverlay | undefined;
  /** The target, when known. */
  readonly target: TargetId | undefined;
  /** The target render, when the manifest was valid. */
  readonly render: TargetRender | undefined;
  /** Rollout plan. */
  readonly rollout: RolloutPlan | undefined;
  /** Rollback plan. */
  readonly rollback: RollbackPlan | undefined;
  /** Smoke checks. */
  readonly smoke: readonly SmokeCheck[];
  /** Every finding, sorted. */
  readonly findings: readonly PlanDiagnostic[];
  /** Where the plan's files are written (the commands name them). */
  readonly layout: PlanLayout;
}

/** A stage before its id, status and findings are known: `run` becomes its commands and invocations. */
type StageBody = Omit<PlanStage, 'id' | 'status' | 'findings' | 'commands' | 'invocations'> & { readonly run: readonly PlanCommand[] };

function describeOverrides(env: EnvironmentOverlay): string {
  const parts: string[] = [];
  if (env.apps?.replicas !== undefined) parts.push(`${env.apps.replicas} replica(s) of every app service`);
  if (env.apps?.env !== undefined) parts.push(`env ${Object.keys(env.apps.env).sort().join(', ')}`);
  for (const id of Object.keys(env.services ?? {}).sort()) parts.push(`overrides of ${id}`);
  if (env.ingress?.host !== undefined) parts.push(`host ${env.ingress.host}`);
  if (env.ingress?.tls !== undefined) parts.push(`tls ${env.ingress.tls ? 'on' : 'off'}`);
  return parts.length === 0 ? 'no overrides' : parts.join('; ');
}

/**
 * Builds the six ordered stages of a plan from its parts. Pure; used by
 * `planDeployment`.
 */
export function buildStages(s: StageInput): PlanStage[] {
  const blocked = hasErrors(s.findings);
  const status = blocked ? 'blocked' : 'ready';
  const t = s.target === undefined ? undefined : TARGETS[s.target];
  const m = s.render?.manifest;
  const paths = s.render?.files.map((f) => f.path) ?? [];
  const envName = s.env?.name ?? s.input.environment;
  const layout = m === undefined ? undefined : hostLayout(m, envName);
  const secrets = m?.secrets ?? [];
  const supplied = secrets.filter((x) => x.class === 'user_prompt' || (x.class === 'remote_fetch' && s.target !== 'k8s'));
  const generated = secrets.filter((x) => x.class === 'per_install_generated');
  const source = s.render?.secretSource;
  const apps = m?.services.filter((x) => x.kind === 'app' && x.image === undefined).map((x) => x.id) ?? [];
  const stage = (id: PlanStage['id'], body: StageBody, findings: readonly PlanDiagnostic[] = []): PlanStage => {
    const { run, ...rest } = body;
    return { id, status, ...rest, commands: run.map(commandLine), invocations: run, findings };
  };
  const files = s.layout;
  const compose = (verb: string): PlanCommand => ({ argv: ['docker', 'compose', '-f', `${files.cloudDir}/compose/compose.yaml`, verb] });
  const remote = t?.runtime === 'compose-host' || s.target === 'k8s';
  const supplied2 = supplied.map((x) => x.target.name);

  const tf = (...args: string[]): PlanCommand => ({ argv: ['terraform', `-chdir=${files.targetDir}/terraform`, ...args] });
  const provision: StageBody =
    t?.provisions === 'terraform'
      ? {
          actions: [
            `create one ${s.render?.cost.ok === true ? s.render.cost.estimate.size.id : '(no size fits)'} host in ${s.input.region ?? (s.target === 'do' ? 'nyc3' : 'us-east-1')} with a data volume and a firewall open to ssh, http and https only`,
            'boot it with cloud-init: Docker, Compose v2, rsync, Docker data on the volume',
          ],
          run: [tf('init', '-input=false'), tf('plan', '-input=false', '-out=tfplan'), tf('show', 'tfplan'), tf('apply', '-input=false', 'tfplan')],
          needs: [...t.credentials.map((c) => `${c.env}: ${c.description}`), ...t.tools],
          artifacts: paths.filter((f) => f.startsWith('terraform/') || f === 'cloud-init.yaml'),
        }
      : {
          actions: [
            s.target === 'vps'
              ? 'nothing is created: the server must exist, reachable over ssh, with Docker, the Compose plugin (docker compose) and rsync'
              : s.target === 'k8s'
                ? 'nothing is created: the cluster must exist with an ingress controller, a default storage class and (for remote secrets) External Secrets'
                : 'nothing is created: the Docker host must exist',
          ],
          run: [],
          needs: t?.credentials.map((c) => `${c.env}: ${c.description}`) ?? [],
          artifacts: [],
        };

  return [
    stage(
      'pre-flight',
      {
        actions: [
          `check fitness of the dependency graph for tier ${s.input.tier}`,
          `check the secret plan, and that ${supplied.length} operator-supplied secret(s) are in ${source === undefined ? 'the secret source' : `${source.kind} ${source.ref}`}`,
          'validate the manifest (schema and meaning) against the scenario, version and tier asked for',
          `check target ${s.input.target}: sizes, features it cannot express, rollout support`,
          'estimate the monthly cost and check guardrails and quotas',
          'verify the previous release checksum for rollback',
        ],
        run: [],
        needs: ['the assembled manifest', 'the (swapped) dependency graph', 'the names of the secrets present in the secret source (never values)'],
        artifacts: [],
      },
      s.findings,
    ),
    stage('configure', {
      actions: [
        `apply environment "${envName}": ${s.env === undefined ? 'unknown environment' : describeOverrides(s.env)}`,
        ...(supplied.length === 0 ? [] : [`deliver ${supplied.length} operator secret(s) from ${source?.ref ?? 'the secret source'}: ${supplied.map((x) => x.target.name).join(', ')}`]),
        ...(generated.length === 0 ? [] : [`generate ${generated.length} per-install secret(s) on first deploy and keep them: ${generated.map((x) => x.id).join(', ')}`]),
        ...(s.target === 'compose' || s.target === 'k8s'
          ? [`write the secrets with the cloud packager's create-secrets.sh${supplied2.length === 0 ? '' : `, with ${supplied2.join(', ')} exported from ${source?.ref ?? 'the secret source'} in its environment`}`]
          : t?.runtime === 'compose-host'
            ? ['deploy.sh uploads the operator secrets and generates the per-install ones on the host']
            : []),
      ],
      run:
        s.target === 'compose'
          ? [{ argv: ['sh', `${files.cloudDir}/compose/create-secrets.sh`] }]
          : s.target === 'k8s' && m !== undefined
            ? [{ argv: ['sh', `${files.cloudDir}/kubernetes/create-secrets.sh`, '--namespace', hostLayout(m, envName).project] }]
            : [],
      needs: source === undefined ? [] : [`${source.kind} ${source.ref} holding ${supplied.map((x) => x.target.name).join(', ') || 'no operator secrets'}`],
      artifacts: paths.filter((f) => f.startsWith('compose.') || f.startsWith('values-')),
    }),
    stage('package', {
      actions: [
        `write the manifest to ${files.manifest} and the cloud packager's ${s.target === 'k8s' ? 'Kubernetes manifests and Helm chart' : 'compose.yaml'} under ${files.cloudDir}/ (plan --out, or deploy)`,
        ...(t === undefined ? [] : [`write the ${s.input.target} files under ${files.targetDir}/: ${paths.join(', ')}`]),
        ...(apps.length === 0 ? [] : [`build ${remote ? 'and push ' : ''}the images of ${apps.join(', ')} (version ${m?.app.version ?? s.input.version}); their build contexts are relative to ${files.cloudDir}/compose/`]),
      ],
      run: apps.length === 0 ? [] : [compose('build'), ...(remote ? [compose('push')] : [])],
      needs: apps.length === 0 || !remote ? [] : ['a container registry the target can pull from (the cloud packager\'s imageRegistry option)'],
      artifacts: paths,
    }),
    stage('provision', provision),
    stage('deploy', {
      actions: [`roll out with ${s.rollout?.strategy ?? 'an unknown strategy'} (${s.rollout?.support ?? 'unknown'}): ${s.rollout?.how ?? ''}`.trim(), ...(s.rollout?.steps ?? [])],
      run: [...(s.rollout?.commands ?? [])],
      needs: t?.tools ?? [],
      artifacts: layout === undefined || t?.runtime !== 'compose-host' ? [] : ['deploy.sh', layout.unit, 'Caddyfile'],
    }),
    stage('verify', {
      actions: [
        `run ${s.smoke.length} smoke check(s): ${s.smoke.map((c) => c.name).join(', ')}`,
        s.rollback?.available === true ? `on failure, roll back to ${s.rollback.toVersion ?? 'the previous release'} (sha256 ${s.rollback.toSha256 ?? '?'})` : 'on failure, fix forward: no verified previous release to roll back to',
        ...(t?.runtime === 'compose-host' ? ['deploy.sh runs smoke.sh on the host after the rollout'] : []),
      ],
      run: t === undefined || t.runtime === 'compose-host' ? [] : [{ argv: ['bash', `${files.targetDir}/smoke.sh`] }],
      needs: [],
      artifacts: ['smoke.sh'],
    }),
  ];
}
