import type { Tier } from '@deployment-manager/core/pure';
import type { Arch, LicenseClass, Os } from '@deployment-manager/catalog';
import type { SubScoreName } from './types.ts';

/** How a tier treats one fact: a deduction from a sub-score, and whether it blocks. */
export interface Tolerance {
  /** Points taken from the sub-score (0 = fine). */
  readonly delta: number;
  /** The fact makes the dependency unusable on the tier. */
  readonly blocker: boolean;
}

/**
 * What one tier tolerates, as data. The scorer reads only these numbers, so
 * a host can tune a tier (or define a stricter desktop) without code.
 */
export interface TierConstraints {
  /** The tier. */
  readonly tier: Tier;
  /** One line: what a deployment on this tier looks like. */
  readonly description: string;
  /** A separate server process that must be started and supervised. */
  readonly daemon: Tolerance;
  /** Needing the internet (a hosted API), i.e. not working offline. */
  readonly internet: Tolerance;
  /** GPU: what a dependency that requires one costs, and one that can use one. */
  readonly gpuRequired: Tolerance;
  /** Cost of an optional GPU that will usually be absent (slow CPU fallback). */
  readonly gpuOptional: Tolerance;
  /** RAM one dependency may use before deductions start, MiB. */
  readonly ramBudgetMb: number;
  /** Disk one dependency may use before deductions start, MiB. */
  readonly diskBudgetMb: number;
  /** The whole graph's RAM budget, MiB (a warning when exceeded). */
  readonly totalRamBudgetMb: number;
  /** The whole graph's disk budget, MiB (a warning when exceeded). */
  readonly totalDiskBudgetMb: number;
  /** Operating systems the tier must cover; each one missing costs an equal share of platform_support. */
  readonly os: readonly Os[];
  /** Architectures the tier must cover; each one missing costs `archDelta`. */
  readonly arch: readonly Arch[];
  /** Points per missing architecture. */
  readonly archDelta: number;
  /** Licensing deductions per licence class, for the way this tier distributes software. */
  readonly license: Readonly<Record<LicenseClass, Tolerance>>;
  /** Score ceiling of an unsupported dependency (a blocker caps the score). */
  readonly blockerCap: number;
}

const ok: Tolerance = { delta: 0, blocker: false };
const cost = (delta: number, blocker = false): Tolerance => ({ delta, blocker });

/** Weights of the sub-scores in a dependency's score (they sum to 1). */
export const SUBSCORE_WEIGHTS: Readonly<Record<SubScoreName, number>> = {
  portability: 0.35,
  resources: 0.3,
  licensing: 0.15,
  platform_support: 0.2,
};

/** Built-in constraints of the five tiers. */
export const TIER_CONSTRAINTS: Readonly<Record<Tier, TierConstraints>> = {
  local: {
    tier: 'local',
    description: 'the full stack on a developer machine or dev server: anything that runs locally is fine',
    daemon: ok, internet: ok, gpuRequired: cost(10), gpuOptional: ok,
    ramBudgetMb: 16384, diskBudgetMb: 100000, totalRamBudgetMb: 32768, totalDiskBudgetMb: 500000,
    os: ['linux'], arch: ['x64'], archDelta: 0,
    license: { 'permissive': ok, 'weak-copyleft': ok, 'strong-copyleft': ok, 'network-copyleft': ok, 'source-available': ok, 'proprietary': ok, 'hosted-terms': ok },
    blockerCap: 20,
  },
  desktop: {
    tier: 'desktop',
    description: 'a self-contained app on a user laptop (windows, macos, linux): no admin, no server to babysit, should work offline',
    daemon: cost(50), internet: cost(25), gpuRequired: cost(60), gpuOptional: cost(15),
    ramBudgetMb: 1024, diskBudgetMb: 2048, totalRamBudgetMb: 4096, totalDiskBudgetMb: 8192,
    os: ['windows', 'macos', 'linux'], arch: ['x64', 'arm64'], archDelta: 15,
    license: {
      'permissive': ok, 'weak-copyleft': cost(5), 'strong-copyleft': cost(25), 'network-copyleft': cost(30),
      'source-available': cost(40), 'proprietary': cost(60), 'hosted-terms': cost(5),
    },
    blockerCap: 20,
  },
  mobile: {
    tier: 'mobile',
    description: 'an ios/android app: no background servers, no gpu compute, a few hundred MiB at most, app-store licence rules',
    daemon: cost(100, true), internet: cost(10), gpuRequired: cost(100, true), gpuOptional: cost(20),
    ramBudgetMb: 256, diskBudgetMb: 200, totalRamBudgetMb: 1024, totalDiskBudgetMb: 1024,
    os: ['ios', 'android'], arch: ['arm64'], archDelta: 50,
    license: {
      'permissive': ok, 'weak-copyleft': cost(10), 'strong-copyleft': cost(50), 'network-copyleft': cost(50),
      'source-available': cost(50), 'proprietary': cost(60), 'hosted-terms': cost(5),
    },
    blockerCap: 20,
  },
  saas: {
    tier: 'saas',
    description: 'a hosted multi-tenant install on linux servers or containers we operate',
    daemon: cost(5), internet: ok, gpuRequired: cost(30), gpuOptional: cost(5),
    ramBudgetMb: 4096, diskBudgetMb: 20000, totalRamBudgetMb: 16384, totalDiskBudgetMb: 100000,
    os: ['linux'], arch: ['x64'], archDelta: 0,
    license: {
      'permissive': ok, 'weak-copyleft': ok, 'strong-copyleft': cost(5), 'network-copyleft': cost(40),
      'source-available': cost(60), 'proprietary': cost(30), 'hosted-terms': cost(5),
    },
    blockerCap: 20,
  },
  enterprise: {
    tier: 'enterprise',
    description: 'an on-prem or appliance install at a customer: linux, possibly air-gapped, strict licence review',
    daemon: ok, internet: cost(40), gpuRequired: cost(15), gpuOptional: ok,
    ramBudgetMb: 8192, diskBudgetMb: 50000, totalRamBudgetMb: 65536, totalDiskBudgetMb: 500000,
    os: ['linux'], arch: ['x64', 'arm64'], archDelta: 10,
    license: {
      'permissive': ok, 'weak-copyleft': cost(5), 'strong-copyleft': cost(15), 'network-copyleft': cost(25),
      'source-available': cost(40), 'proprietary': cost(20), 'hosted-terms': cost(15),
    },
    blockerCap: 20,
  },
};
