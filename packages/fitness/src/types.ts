import type { NodeId, Tier } from '@deployment-manager/core/pure';
import type { GpuNeed } from '@deployment-manager/catalog';

/** The sub-scores of a per-tier score, each 0..100. */
export interface SubScores {
  /** Can it move to the tier at all: daemons, network, offline. */
  readonly portability: number;
  /** Does it fit the tier's RAM, disk and GPU. */
  readonly resources: number;
  /** Does its licence allow this kind of distribution. */
  readonly licensing: number;
  /** Does it run on the tier's operating systems and architectures. */
  readonly platform_support: number;
}

/** The name of a sub-score. */
export type SubScoreName = keyof SubScores;

/** One explained deduction: which dependency, which fact, how much, why. */
export interface Reason {
  /** The dependency (node id, or catalog name outside a graph). */
  readonly dependency: string;
  /** The fact that caused it, e.g. `daemon`, `ramMb`, `license.class`, `platforms.os`, `unknown`. */
  readonly fact: string;
  /** The sub-score it lowered. */
  readonly subscore: SubScoreName;
  /** The change applied to that sub-score (negative, or 0 for a note). */
  readonly delta: number;
  /** Whether this alone makes the dependency unusable on the tier. */
  readonly blocker: boolean;
  /** Lower-case sentence. */
  readonly message: string;
}

/** The score of one dependency on one tier. */
export interface DependencyTierScore {
  /** `known` when the catalog has an entry; `unknown` otherwise (then `score` is null). */
  readonly verdict: 'known' | 'unknown';
  /** 0..100, or null for an unknown dependency. */
  readonly score: number | null;
  /** False when any reason is a blocker (unknown dependencies are not claimed supported). */
  readonly supported: boolean;
  /** Sub-scores (all null-free for known dependencies; zeros for unknown ones). */
  readonly subscores: SubScores;
  /** Every deduction. */
  readonly reasons: readonly Reason[];
  /** For unknown dependencies: what to do. */
  readonly hint?: string;
}

/** Total resource needs of a graph on a tier (known dependencies only). */
export interface ResourceNeeds {
  /** Sum of typical RAM, MiB. */
  readonly ramMb: number;
  /** Sum of typical disk, MiB. */
  readonly diskMb: number;
  /** Strongest GPU need. */
  readonly gpu: GpuNeed;
  /** Number of daemons to run. */
  readonly daemons: number;
  /** Dependencies that need the internet. */
  readonly internet: readonly NodeId[];
}

/** How a node counts in the graph score. */
export type NodeRole = 'required' | 'optional' | 'disabled';

/** A dependency's line in a graph report. */
export interface DependencyFitness {
  /** Node id. */
  readonly id: NodeId;
  /** Node name. */
  readonly name: string;
  /** The catalog entry it resolved to, if any. */
  readonly entry: string | null;
  /** Reached via required edges, only optional ones, or only disabled ones. */
  readonly role: NodeRole;
  /** Weight in the graph score. */
  readonly weight: number;
  /** Per-tier scores. */
  readonly tiers: Readonly<Partial<Record<Tier, DependencyTierScore>>>;
}

/** A graph's fitness on one tier. */
export interface TierFitness {
  /** Weighted mean over distinct known dependencies, 0..100 (100 for a graph with none). */
  readonly score: number;
  /** Weighted mean of each sub-score. */
  readonly subscores: SubScores;
  /** Required dependencies that are not supported. */
  readonly blockers: readonly NodeId[];
  /** Unsupported optional dependencies, unknown dependencies, budget overruns. */
  readonly warnings: readonly string[];
  /** Every deduction of every dependency, in node order. */
  readonly reasons: readonly Reason[];
  /** Summed needs. */
  readonly needs: ResourceNeeds;
  /** Share of the total weight that is known to the catalog, 0..1. */
  readonly coverage: number;
}

/** A graph's fitness on every tier asked for. */
export interface FitnessReport {
  /** The root scenario. */
  readonly root: NodeId;
  /** Per tier. */
  readonly tiers: Readonly<Partial<Record<Tier, TierFitness>>>;
  /** Per distinct dependency (root excluded), sorted by id. */
  readonly dependencies: readonly DependencyFitness[];
  /** Nodes the catalog does not know. */
  readonly unknown: readonly NodeId[];
}
