import type { Diagnostic } from './diagnostics.ts';
import type { Tier } from './tiers.ts';

/** What a graph node stands for: an application (scenario) or an infrastructure resource. */
export type NodeKind = 'scenario' | 'resource';

/** A graph node id: `scenario:<name>` or `resource:<name>`. */
export type NodeId = `${NodeKind}:${string}`;

/** Where a fact was read from: a file and an RFC 6901 pointer inside it. */
export interface SourceRef {
  /** File path relative to the workspace root (or as given). */
  readonly file: string;
  /** JSON pointer to the declaring entry. */
  readonly path: string;
}

/**
 * One dependency as declared by a scenario's service.json, a resource's
 * runtime.json or a compact file, normalized whatever shape the file used.
 */
export interface DeclaredDependency {
  /** Normalized name (`resource-postgres` becomes `postgres` when postgres is a real resource). */
  readonly name: string;
  /** Whether the target is a resource or another scenario. */
  readonly kind: NodeKind;
  /** The edge must be satisfied for the dependent to work. */
  readonly required: boolean;
  /** The dependent currently switches this dependency on. */
  readonly enabled: boolean;
  /** The declared purpose, when given. */
  readonly purpose?: string;
  /** Version or range, when given. */
  readonly version?: string;
  /** Everything else the entry declared, kept verbatim (free-form extras). */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Where it was declared. */
  readonly source: SourceRef;
}

/** A port a scenario's own service exposes (from service.json `ports`). */
export interface PortSpec {
  /** Port name, e.g. `api`, `ui`. */
  readonly name: string;
  /** Environment variable that carries it. */
  readonly env?: string;
  /** Fixed port, when declared. */
  readonly port?: number;
  /** Allowed range, when declared (`[low, high]`). */
  readonly range?: readonly [number, number];
  /** Free text. */
  readonly description?: string;
}

/** A health check declared by a scenario (lifecycle.health). */
export interface HealthCheckSpec {
  /** Check name, e.g. `api_endpoint`. */
  readonly name: string;
  /** `http`, `tcp`, `command`... as declared. */
  readonly type: string;
  /** HTTP path or command target. */
  readonly target?: string;
  /** Whether a failure is critical. */
  readonly critical: boolean;
  /** Timeout in milliseconds. */
  readonly timeoutMs?: number;
}

/** A secret a scenario declares for itself (not inferred). */
export interface DeclaredSecret {
  /** Secret id / environment variable name. */
  readonly name: string;
  /** Free text. */
  readonly description?: string;
  /** Whether the scenario cannot start without it. */
  readonly required: boolean;
  /**
   * The classification the scenario declares per tier (`deployment.tiers.<tier>.secrets[].classification`):
   * `infrastructure` stays with the operator, `service` is made per install, `user` is asked from the user.
   * Each applies to its own tier only.
   */
  readonly classification?: Readonly<Partial<Record<Tier, DeclaredClassification>>>;
  /** Where it was declared. */
  readonly source: SourceRef;
}

/** A secret classification as the Vrooli service schema spells it. */
export type DeclaredClassification = 'infrastructure' | 'service' | 'user';

/** A scenario (application) as loaded from its service.json or a compact file. */
export interface ScenarioSpec {
  /** Scenario name (directory name in a Vrooli workspace). */
  readonly name: string;
  /** Display name, description, version, tags... from `service`. */
  readonly displayName?: string;
  /** One-line description. */
  readonly description?: string;
  /** Version string from `service.version`. */
  readonly version?: string;
  /** Declared dependencies (resources and scenarios), in file order. */
  readonly dependencies: readonly DeclaredDependency[];
  /** Ports of the scenario's own services. */
  readonly ports: readonly PortSpec[];
  /** Health checks of the scenario's own services. */
  readonly health: readonly HealthCheckSpec[];
  /** Secrets the scenario declares itself. */
  readonly secrets: readonly DeclaredSecret[];
  /** Environment variable names referenced anywhere in the file (for secret heuristics). */
  readonly envNames: readonly string[];
  /** The file it came from. */
  readonly file: string;
  /** The parsed file, kept for later stages (lifecycle, deployment hints). Treat as untrusted JSON. */
  readonly raw: unknown;
}

/** A resource as loaded from its runtime.json (or a compact file). */
export interface ResourceSpec {
  /** Resource name. */
  readonly name: string;
  /** Resource -> resource dependencies. */
  readonly dependencies: readonly DeclaredDependency[];
  /** Startup order hint (lower starts earlier). */
  readonly startupOrder?: number;
  /** Startup timeout in seconds. */
  readonly startupTimeoutSec?: number;
  /** Priority as declared. */
  readonly priority?: string;
  /** Every other field of runtime.json, verbatim. */
  readonly extras: Readonly<Record<string, unknown>>;
  /** The file it came from. */
  readonly file: string;
}

/** Which on-disk layout a workspace was read from. */
export type WorkspaceLayout = 'vrooli' | 'flat' | 'compact';

/**
 * Everything a loader read: scenarios and resources by name, plus every
 * diagnostic. Loading never stops at a bad file.
 */
export interface Workspace {
  /** Absolute root directory (or the compact file's path). */
  readonly root: string;
  /** Layout detected. */
  readonly layout: WorkspaceLayout;
  /** Scenarios by name. */
  readonly scenarios: ReadonlyMap<string, ScenarioSpec>;
  /** Resources by name (only those with a runtime.json or compact entry). */
  readonly resources: ReadonlyMap<string, ResourceSpec>;
  /** Everything the loaders could not fully understand. */
  readonly diagnostics: readonly Diagnostic[];
}

/** A node of a {@link DependencyGraph}. Each dependency appears exactly once. */
export interface DependencyNode {
  /** `scenario:<name>` or `resource:<name>`. */
  readonly id: NodeId;
  /** Scenario or resource. */
  readonly kind: NodeKind;
  /** Bare name. */
  readonly name: string;
  /** False when the workspace has no definition for it (missing scenario, resource without runtime.json). */
  readonly defined: boolean;
}

/** The kind of an edge, from the kinds of its endpoints. */
export type EdgeKind = 'scenario-resource' | 'scenario-scenario' | 'resource-resource' | 'resource-scenario';

/** A directed edge: `from` depends on `to`. */
export interface DependencyEdge {
  /** The dependent. */
  readonly from: NodeId;
  /** The dependency. */
  readonly to: NodeId;
  /** Endpoint kinds. */
  readonly kind: EdgeKind;
  /** Must be satisfied. */
  readonly required: boolean;
  /** Switched on. */
  readonly enabled: boolean;
  /** Where it was declared. */
  readonly source: SourceRef;
  /** Free-form extras from the declaration (purpose, version, config...). */
  readonly attributes: Readonly<Record<string, unknown>>;
}

/**
 * Which declared edges a graph includes: `all` declared edges, or only
 * `active` ones (enabled or required). A disabled-but-required edge is active.
 */
export type InclusionPolicy = 'all' | 'active';

/**
 * A scenario's dependency DAG (or graph with cycles, reported): every node
 * once, reachable from `root`, as plain readonly data.
 */
export interface DependencyGraph {
  /** The scenario the graph was built for. */
  readonly root: NodeId;
  /** The inclusion policy used. */
  readonly policy: InclusionPolicy;
  /** Nodes sorted by id. */
  readonly nodes: readonly DependencyNode[];
  /** Edges sorted by (from, to). At most one edge per (from, to). */
  readonly edges: readonly DependencyEdge[];
  /** Diagnostics about this graph (missing scenarios, cycles, duplicates...). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Builds a node id from a kind and a name.
 *
 * @example
 * ```ts
 * nodeId('resource', 'postgres') // 'resource:postgres'
 * ```
 */
export function nodeId(kind: NodeKind, name: string): NodeId {
  return `${kind}:${name}`;
}

/** Splits a node id into its kind and name. */
export function parseNodeId(id: NodeId): { kind: NodeKind; name: string } {
  const i = id.indexOf(':');
  return { kind: id.slice(0, i) as NodeKind, name: id.slice(i + 1) };
}
