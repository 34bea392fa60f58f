import type { NodeId, Tier } from '@deployment-manager/core/pure';

/**
 * A capability a dependency provides and a dependent may need, e.g. `sql`,
 * `jsonb`, `vector-search`, `llm-inference`. Open-ended: users may add their own.
 */
export type Capability = string;

/** Operating systems a dependency can run on (or, for hosted services, be reached from). */
export type Os = 'linux' | 'macos' | 'windows' | 'ios' | 'android';

/** CPU architectures. */
export type Arch = 'x64' | 'arm64';

/**
 * Licence classes, from least to most restrictive for redistribution:
 * `hosted-terms` means the code is not shipped at all (a hosted API under terms of service).
 */
export type LicenseClass =
  | 'permissive'
  | 'weak-copyleft'
  | 'strong-copyleft'
  | 'network-copyleft'
  | 'source-available'
  | 'proprietary'
  | 'hosted-terms';

/** Whether a dependency needs a GPU. */
export type GpuNeed = 'none' | 'optional' | 'required';

/** What a dependency needs from the network: nothing, the local machine/LAN, or the internet. */
export type NetworkNeed = 'none' | 'local' | 'internet';

/** What a dependency keeps: nothing, a cache that may be lost, or durable data. */
export type Persistence = 'none' | 'cache' | 'durable';

/**
 * A secret a dependency needs, as a fact for the secrets package (names only,
 * never values). `name` is the environment variable the dependency reads.
 */
export interface SecretFact {
  /** Environment variable / secret id, e.g. `POSTGRES_PASSWORD`. */
  readonly name: string;
  /** What kind of value it is. */
  readonly kind: 'password' | 'username' | 'api-key' | 'token' | 'encryption-key' | 'connection-string';
  /** Whether the dependency cannot start without it. */
  readonly required: boolean;
  /** Free text. */
  readonly description?: string;
}

/** A port a dependency listens on, as a fact for the bundle package. */
export interface PortFact {
  /** Port name, e.g. `sql`, `http`. */
  readonly name: string;
  /** Default port number. */
  readonly port: number;
  /** Protocol spoken. */
  readonly protocol: 'tcp' | 'http' | 'grpc' | 'udp';
}

/**
 * The facts the catalog states about one known dependency. Scores are derived
 * from these facts against a tier's {@link TierConstraints}; nothing is a
 * per-name constant.
 */
export interface CatalogEntry {
  /** Canonical name (the resource name in a Vrooli workspace). */
  readonly name: string;
  /** Other spellings that resolve to this entry (`postgresql`, `pg`...). */
  readonly aliases: readonly string[];
  /** One line: what it is. */
  readonly description: string;
  /** Coarse family (`database`, `cache`, `vector-store`, `llm`, `workflow`...), for display and swap lookup. */
  readonly category: string;
  /** Runs as a separate long-lived server process the app must start and supervise. */
  readonly daemon: boolean;
  /** Network it needs to work. */
  readonly network: NetworkNeed;
  /** Works with no internet connection. */
  readonly offline: boolean;
  /** GPU need. */
  readonly gpu: GpuNeed;
  /** Typical resident memory in MiB. */
  readonly ramMb: number;
  /** Typical disk footprint in MiB (binaries, images, default models). */
  readonly diskMb: number;
  /** Licence: SPDX id (or a short name) and its class. */
  readonly license: { readonly spdx: string; readonly class: LicenseClass };
  /** Where it runs natively (for hosted services: where its clients run). */
  readonly platforms: { readonly os: readonly Os[]; readonly arch: readonly Arch[] };
  /** What it keeps. */
  readonly persistence: Persistence;
  /** Capabilities it provides. */
  readonly provides: readonly Capability[];
  /**
   * Capabilities a dependent is assumed to rely on when it does not declare
   * its needs (postgres: `sql` + `jsonb`). Defaults to {@link provides}.
   */
  readonly assumedNeeds: readonly Capability[];
  /** Catalog names it needs in turn (added transitively when it is swapped in). */
  readonly requires: readonly string[];
  /** Secrets it needs (names only). */
  readonly secrets: readonly SecretFact[];
  /** Ports it listens on. */
  readonly ports: readonly PortFact[];
}

/**
 * A partial entry as users write it; {@link createCatalog} fills the defaults
 * (a self-hosted daemon on linux/macos/windows). `hosted: true` switches the
 * defaults to a hosted API: no daemon, internet needed, reachable from every OS,
 * `hosted-terms` licence, a few MiB of client.
 */
export type CatalogEntryInput = Partial<Omit<CatalogEntry, 'name'>> & { readonly name: string; readonly hosted?: boolean };

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
