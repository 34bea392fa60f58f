import type { Diagnostic } from './diagnostics.ts';
import type { NodeKind } from './model.ts';
import type { TierId } from './tiers.ts';

// Typed, camelCase view of the predecessor's `deployment-report.json`. Tier
// keys are normalized to TierId (`server` kept as its own tier).

/** Per-tier (or per-dependency) values keyed by normalized tier id. */
export type ReportTierMap<T> = Readonly<Partial<Record<TierId, T>>>;

/** A resource footprint estimate as the predecessor wrote it (all optional, often zeros). */
export interface ReportRequirements {
  /** RAM in MiB. */
  readonly ramMb?: number;
  /** Disk in MiB. */
  readonly diskMb?: number;
  /** CPU cores. */
  readonly cpuCores?: number;
  /** Needs a GPU. */
  readonly gpu?: boolean;
  /** Network needs, free text. */
  readonly network?: string;
  /** Where the estimate came from. */
  readonly source?: string;
  /** How sure the estimate is. */
  readonly confidence?: string;
}

/** How one dependency fits one tier, according to the predecessor. */
export interface ReportTierSupport {
  /** Whether the tier is supported. */
  readonly supported?: boolean;
  /** 0..1 score. */
  readonly fitnessScore?: number;
  /** Why not (when unsupported). */
  readonly reason?: string;
  /** Free text. */
  readonly notes?: string;
  /** Suggested replacements. */
  readonly alternatives: readonly string[];
  /** Tier-specific footprint. */
  readonly requirements?: ReportRequirements;
}

/** One node of the report's dependency tree (a tree: shared nodes repeat). */
export interface ReportDependencyNode {
  /** Dependency name as written. */
  readonly name: string;
  /** `resource`, `scenario` or whatever the report says. */
  readonly type: string;
  /** `type` when it is `resource` or `scenario`. */
  readonly kind?: NodeKind;
  /** Resource class, when given. */
  readonly resourceType?: string;
  /** Relative path of a scenario dependency. */
  readonly path?: string;
  /** `declared`, `detected`... */
  readonly source?: string;
  /** Footprint estimate. */
  readonly requirements?: ReportRequirements;
  /** Fitness per tier. */
  readonly tierSupport: ReportTierMap<ReportTierSupport>;
  /** Suggested replacements (any tier). */
  readonly alternatives: readonly string[];
  /** Free text. */
  readonly notes?: string;
  /** Dependencies of a scenario node. */
  readonly children: readonly ReportDependencyNode[];
  /** True for a node named `required`/`optional`: a group the predecessor misread as a dependency. */
  readonly phantom: boolean;
  /** JSON pointer of the node inside the report file. */
  readonly pointer: string;
}

/** The predecessor's roll-up for one tier. */
export interface ReportTierAggregate {
  /** 0..1 score. */
  readonly fitnessScore: number;
  /** Number of dependencies the predecessor counted (tree occurrences). */
  readonly dependencyCount: number;
  /** Names of dependencies that block the tier. */
  readonly blockingDependencies: readonly string[];
  /** Summed footprint. */
  readonly estimatedRequirements: { readonly ramMb: number; readonly diskMb: number; readonly cpuCores: number };
}

/** A file the predecessor's bundle manifest lists. */
export interface ReportBundleFile {
  /** Relative path. */
  readonly path: string;
  /** Kind of file (`api-binary`, `ui-bundle`...). */
  readonly type: string;
  /** Whether it existed when the report was made. */
  readonly exists: boolean;
  /** Free text. */
  readonly notes?: string;
}

/** A dependency the predecessor's bundle manifest lists (flattened, distinct). */
export interface ReportBundleDependency {
  /** Dependency name. */
  readonly name: string;
  /** `resource` or `scenario`. */
  readonly type: string;
  /** Resource class, when given. */
  readonly resourceType?: string;
  /** Fitness per tier. */
  readonly tierSupport: ReportTierMap<ReportTierSupport>;
  /** Suggested replacements. */
  readonly alternatives: readonly string[];
}

/** The predecessor's bundle manifest skeleton inside a report. */
export interface ReportBundleManifest {
  /** Scenario name. */
  readonly scenario?: string;
  /** ISO timestamp. */
  readonly generatedAt?: string;
  /** Files to ship. */
  readonly files: readonly ReportBundleFile[];
  /** Distinct dependencies. */
  readonly dependencies: readonly ReportBundleDependency[];
}

/** A predecessor `deployment-report.json`, typed. */
export interface DeploymentReport {
  /** Scenario the report is about. */
  readonly scenario: string;
  /** `report_version`, when given. */
  readonly reportVersion?: number;
  /** ISO timestamp, when given. */
  readonly generatedAt?: string;
  /** The dependency tree. */
  readonly dependencies: readonly ReportDependencyNode[];
  /** Roll-ups per tier (empty in some real reports). */
  readonly aggregates: ReportTierMap<ReportTierAggregate>;
  /** The bundle manifest skeleton, when present. */
  readonly bundleManifest?: ReportBundleManifest;
  /** `metadata_gaps` verbatim (secret requirements, swap suggestions...). Untrusted JSON. */
  readonly metadataGaps?: Readonly<Record<string, unknown>>;
  /** The file it came from. */
  readonly file: string;
  /** The parsed file. Untrusted JSON. */
  readonly raw: unknown;
}

/** A parsed report plus everything the parser could not fully understand. */
export interface DeploymentReportResult {
  /** The typed report. */
  readonly report: DeploymentReport;
  /** Findings, each with file and JSON pointer. */
  readonly diagnostics: readonly Diagnostic[];
}
