/*
 * What each deployment target is, as data: how it provisions, what runs the
 * services, which credentials it needs (always references, never values),
 * and how each rollout strategy is carried out there - natively by the
 * platform, emulated by our scripts, or not at all.
 */

import type { Tier } from '@deployment-manager/core';

/** Deployment targets the planner knows. */
export const TARGET_IDS = ['do', 'aws', 'vps', 'compose', 'k8s'] as const;

/** A deployment target id. */
export type TargetId = (typeof TARGET_IDS)[number];

/** Rollout strategies. */
export const ROLLOUT_STRATEGIES = ['recreate', 'rolling', 'blue-green', 'canary'] as const;

/** A rollout strategy. */
export type RolloutStrategy = (typeof ROLLOUT_STRATEGIES)[number];

/** How a target carries out a strategy. */
export interface StrategySupport {
  /** `native` (the platform's own mechanism), `emulated` (our scripts approximate it), `unsupported`. */
  readonly support: 'native' | 'emulated' | 'unsupported';
  /** How, in one sentence. */
  readonly how: string;
}

/** A credential a target needs, named by reference only. */
export interface CredentialRef {
  /** Environment variable (or tool context) that holds it. */
  readonly env: string;
  /** What it is. */
  readonly description: string;
}

/** One deployment target. */
export interface TargetInfo {
  /** Id. */
  readonly id: TargetId;
  /** Human title. */
  readonly title: string;
  /** Who runs the machines. */
  readonly provider: 'digitalocean' | 'aws' | 'self-managed';
  /** How infrastructure is created: Terraform, or nothing (it exists already). */
  readonly provisions: 'terraform' | 'none';
  /** What runs the services: Docker Compose on one host, or Kubernetes. */
  readonly runtime: 'compose-host' | 'compose' | 'kubernetes';
  /** Packagers (by name) whose artifacts the target deploys. */
  readonly packagers: readonly string[];
  /** Credentials, by reference. */
  readonly credentials: readonly CredentialRef[];
  /** Tools the operator's machine needs. */
  readonly tools: readonly string[];
  /** Support per rollout strategy. */
  readonly strategies: Readonly<Record<RolloutStrategy, StrategySupport>>;
  /** Tiers whose manifests it can run (every planner target runs cloud manifests: saas, enterprise). */
  readonly tiers: readonly Tier[];
}

/** Tiers whose manifest is a cloud manifest, the only kind the planner's targets run. */
const CLOUD_TIERS: readonly Tier[] = ['saas', 'enterprise'];

const HOST_STRATEGIES: Readonly<Record<RolloutStrategy, StrategySupport>> = {
  recreate: { support: 'native', how: 'docker compose up -d recreates changed containers in place (brief downtime)' },
  rolling: { support: 'emulated', how: 'deploy.sh scales each app service up with the new image, waits for health, then retires the old containers one by one' },
  'blue-green': { support: 'unsupported', how: 'a single host has no second environment to switch to; use the k8s target or rolling' },
  canary: { support: 'unsupported', how: 'a single host has no traffic splitting; use the k8s target or rolling' },
};

/** The built-in targets. */
export const TARGETS: Readonly<Record<TargetId, TargetInfo>> = {
  do: {
    id: 'do',
    title: 'DigitalOcean droplet (Terraform) running Docker Compose behind Caddy',
    provider: 'digitalocean',
    provisions: 'terraform',
    runtime: 'compose-host',
    packagers: ['cloud', 'terraform-digitalocean'],
    credentials: [
      { env: 'TF_VAR_do_token', description: 'DigitalOcean API token, read by Terraform as var.do_token (sensitive)' },
      { env: 'SSH_AUTH_SOCK', description: 'an ssh agent holding the key whose fingerprint is in var.ssh_key_fingerprints' },
    ],
    tools: ['terraform >= 1.5', 'ssh', 'rsync'],
    strategies: HOST_STRATEGIES,
    tiers: CLOUD_TIERS,
  },
  aws: {
    id: 'aws',
    title: 'AWS EC2 instance (Terraform) running Docker Compose behind Caddy',
    provider: 'aws',
    provisions: 'terraform',
    runtime: 'compose-host',
    packagers: ['cloud', 'terraform-aws'],
    credentials: [
      { env: 'AWS_PROFILE', description: 'an AWS CLI profile (or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) read by the Terraform AWS provider' },
      { env: 'SSH_AUTH_SOCK', description: 'an ssh agent holding the key of the EC2 key pair named in var.key_name' },
    ],
    tools: ['terraform >= 1.5', 'ssh', 'rsync'],
    strategies: HOST_STRATEGIES,
    tiers: CLOUD_TIERS,
  },
  vps: {
    id: 'vps',
    title: 'Existing server or VPS: systemd unit, Caddy reverse proxy and a shell deploy script',
    provider: 'self-managed',
    provisions: 'none',
    runtime: 'compose-host',
    packagers: ['cloud', 'vps'],
    credentials: [
      { env: 'DEPLOY_HOST', description: 'ssh destination of the server (user@host)' },
      { env: 'SSH_AUTH_SOCK', description: 'an ssh agent holding a key the server accepts' },
    ],
    tools: ['ssh', 'rsync'],
    strategies: HOST_STRATEGIES,
    tiers: CLOUD_TIERS,
  },
  compose: {
    id: 'compose',
    title: 'Docker Compose on the current Docker host',
    provider: 'self-managed',
    provisions: 'none',
    runtime: 'compose',
    packagers: ['cloud'],
    credentials: [{ env: 'DOCKER_HOST', description: 'the Docker engine to deploy to (default: the local socket)' }],
    tools: ['docker compose v2'],
    strategies: {
      recreate: HOST_STRATEGIES.recreate,
      rolling: { support: 'emulated', how: 'docker compose up --wait recreates only the services whose image or configuration changed, each once the services it depends on are healthy; a recreated service is briefly down' },
      'blue-green': { support: 'unsupported', how: 'compose alone has no traffic switch; use the k8s target' },
      canary: { support: 'unsupported', how: 'compose alone has no traffic splitting; use the k8s target' },
    },
    tiers: CLOUD_TIERS,
  },
  k8s: {
    id: 'k8s',
    title: 'Kubernetes cluster via the Helm chart',
    provider: 'self-managed',
    provisions: 'none',
    runtime: 'kubernetes',
    packagers: ['cloud'],
    credentials: [{ env: 'KUBECONFIG', description: 'kubeconfig whose current context is the target cluster' }],
    tools: ['kubectl', 'helm >= 3'],
    strategies: {
      recreate: { support: 'native', how: 'Deployment strategy type Recreate' },
      rolling: { support: 'native', how: 'Deployment strategy type RollingUpdate with maxSurge/maxUnavailable' },
      'blue-green': { support: 'emulated', how: 'a second Helm release (the green track) is installed and verified, then the Service selector is patched to it and the old release is removed' },
      canary: { support: 'emulated', how: 'a canary Helm release shares the Service selector; its traffic share is approximated by its replica ratio (no weighted routing without a service mesh)' },
    },
    tiers: CLOUD_TIERS,
  },
};

/** True when `value` names a target. */
export function isTargetId(value: unknown): value is TargetId {
  return typeof value === 'string' && (TARGET_IDS as readonly string[]).includes(value);
}

/**
 * True when a target can run a manifest assembled for `tier` (every planner
 * target runs cloud manifests: saas and enterprise).
 *
 * @example
 * ```ts
 * targetServesTier('do', 'desktop') // false
 * ```
 */
export function targetServesTier(target: TargetId, tier: Tier): boolean {
  return TARGETS[target].tiers.includes(tier);
}
