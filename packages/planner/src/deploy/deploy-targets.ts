/*
 * The targets `deploy` knows, as data: how each is deployed (a release of
 * the bundle runtime on a host, or the plan's commands through the target's
 * own tools), and the tools it needs on this machine.
 */

/** Ids of the deploy targets. */
export const DEPLOY_TARGET_IDS = ['local', 'vps', 'compose', 'k8s', 'do', 'aws'] as const;

/** A deploy target id. */
export type DeployTargetId = (typeof DEPLOY_TARGET_IDS)[number];

/** What `deploy` does for a target. */
export interface DeployTargetInfo {
  /** `release`: the desktop bundle, run by the bundle runtime under releases/<sha256>/ on a host; `plan`: the plan's commands, run with the target's tools. */
  readonly kind: 'release' | 'plan';
  /** The tier the manifest is assembled for by default. */
  readonly tier: 'desktop' | 'saas';
  /** The tools this machine needs (the plan's own commands name theirs too). */
  readonly tools: readonly string[];
  /** One line for the help. */
  readonly how: string;
}

/** Every deploy target. */
export const DEPLOY_TARGETS: Readonly<Record<DeployTargetId, DeployTargetInfo>> = {
  local: { kind: 'release', tier: 'desktop', tools: ['bash', 'tar', 'sha256sum', 'setsid', 'nohup'], how: 'this machine: the bundle runtime serves releases/<sha256>/ under --deploy-root' },
  vps: { kind: 'release', tier: 'desktop', tools: ['ssh', 'tar'], how: 'a server over the system ssh: upload, checksum check, start under the bundle runtime (a systemd unit where the host runs systemd, else setsid), health gate, switch current' },
  compose: { kind: 'plan', tier: 'saas', tools: [], how: 'docker compose up --wait with the plan files' },
  k8s: { kind: 'plan', tier: 'saas', tools: [], how: 'helm upgrade --install --atomic --wait with the plan files' },
  do: { kind: 'plan', tier: 'saas', tools: [], how: 'terraform init, plan, show (confirmed), apply on DigitalOcean' },
  aws: { kind: 'plan', tier: 'saas', tools: [], how: 'terraform init, plan, show (confirmed), apply on AWS' },
};

/** True for a deploy target id. */
export function isDeployTargetId(value: string): value is DeployTargetId {
  return (DEPLOY_TARGET_IDS as readonly string[]).includes(value);
}
