import { DirectedGraph } from 'graphology';
import type { Diagnostic } from './diagnostics.ts';
import { graphDiagnostic } from './graph-diagnostics.ts';
import { SdkError } from './errors.ts';
import {
  nodeId,
  parseNodeId,
  type DeclaredDependency,
  type DependencyEdge,
  type DependencyGraph,
  type DependencyNode,
  type EdgeKind,
  type InclusionPolicy,
  type NodeId,
  type NodeKind,
  type SourceRef,
  type Workspace,
} from './model.ts';

/** Options for {@link buildGraph}. */
export interface BuildGraphOptions {
  /** `all` declared edges, or only `active` (enabled or required). Default `all`. */
  readonly policy?: InclusionPolicy;
}

/** True when the edge is included under the given policy. */
export function isIncluded(edge: { readonly enabled: boolean; readonly required: boolean }, policy: InclusionPolicy): boolean {
  return policy === 'all' || edge.enabled || edge.required;
}

/**
 * Builds the dependency graph of one scenario from a loaded workspace: the
 * scenario, every dependency reachable from it (scenarios, resources, and the
 * resources' own runtime dependencies), each node once.
 *
 * @example
 * ```ts
 * const ws = loadWorkspace('path/to/Vrooli');
 * const graph = buildGraph(ws, 'picker-wheel', { policy: 'active' });
 * graph.nodes.map((n) => n.id); // ['resource:n8n', ..., 'scenario:picker-wheel']
 * ```
 */
export function buildGraph(workspace: Workspace, scenario: string, options: BuildGraphOptions = {}): DependencyGraph {
  const policy = options.policy ?? 'all';
  if (!workspace.scenarios.has(scenario)) {
    const known = [...workspace.scenarios.keys()].sort();
    throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${scenario}" is not in the workspace at ${workspace.root}`, {
      hint: known.length === 0 ? 'the root holds no scenarios; check --root' : `known scenarios: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}`,
      details: { scenario, root: workspace.root },
    });
  }
  const root = nodeId('scenario', scenario);
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<NodeId, DependencyNode>();
  const byFrom = new Map<NodeId, DependencyEdge[]>();
  // Ids seen so far by kind and name: every edge to a node shares one id string.
  const ids: Record<NodeKind, Map<string, NodeId>> = { scenario: new Map([[scenario, root]]), resource: new Map() };
  const queue: NodeId[] = [root];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as NodeId;
    const { kind, name } = parseNodeId(id);
    const spec = kind === 'scenario' ? workspace.scenarios.get(name) : workspace.resources.get(name);
    nodes.set(id, { id, kind, name, defined: spec !== undefined });
    const out: DependencyEdge[] = [];
    for (const declared of spec?.dependencies ?? []) {
      if (!isIncluded(declared, policy)) continue;
      const dep = resolveSpelling(workspace, declared, diagnostics);
      let to = ids[dep.kind].get(dep.name);
      if (to === undefined) {
        ids[dep.kind].set(dep.name, (to = nodeId(dep.kind, dep.name)));
        queue.push(to);
        if (dep.kind === 'scenario' && !workspace.scenarios.has(dep.name)) {
          diagnostics.push(
            graphDiagnostic('SCENARIO_MISSING', `scenario "${dep.name}" is declared as a dependency but is not in the workspace`, {
              path: dep.source.path,
              file: dep.source.file,
              hint: 'the edge is kept; add the scenario to the workspace to analyse its own dependencies',
            }),
          );
        }
      }
      out.push(edgeFromDeclared(id, to, EDGE_KINDS[kind][dep.kind], dep));
    }
    if (out.length > 0) byFrom.set(id, out);
  }
  return finishGraph(root, policy, nodes, byFrom, diagnostics);
}

// Per workspace: its names keyed by their spelling with `_` read as `-`, for dependencies that spell a name the other way.
const SPELLINGS = new WeakMap<Workspace, Record<NodeKind, Map<string, string>>>();

/**
 * The declared dependency, renamed to the workspace's folder when its name
 * differs from one only by `_`/`-` (`node_red` -> `node-red`), with an info
 * diagnostic; any other name as declared.
 */
function resolveSpelling(workspace: Workspace, dep: DeclaredDependency, diagnostics: Diagnostic[]): DeclaredDependency {
  const specs = dep.kind === 'scenario' ? workspace.scenarios : workspace.resources;
  if (specs.has(dep.name)) return dep;
  let spellings = SPELLINGS.get(workspace);
  if (spellings === undefined) {
    const index = (names: Iterable<string>): Map<string, string> => new Map([...names].map((n) => [spellingKey(n), n]));
    SPELLINGS.set(workspace, (spellings = { scenario: index(workspace.scenarios.keys()), resource: index(workspace.resources.keys()) }));
  }
  const name = spellings[dep.kind].get(spellingKey(dep.name));
  if (name === undefined) return dep;
  diagnostics.push(
    graphDiagnostic('DEPENDENCY_NAME_NORMALIZED', `${dep.kind} dependency "${dep.name}" is read as "${name}", the workspace's spelling`, {
      path: dep.source.path,
      file: dep.source.file,
      hint: `spell it "${name}" to match the folder`,
    }),
  );
  return { ...dep, name };
}

/** An edge as accepted by {@link createGraph}; missing fields get defaults. */
export interface EdgeInput {
  /** The dependent. */
  readonly from: NodeId;
  /** The dependency. */
  readonly to: NodeId;
  /** Default true. */
  readonly required?: boolean;
  /** Default true. */
  readonly enabled?: boolean;
  /** Default `{ file: '<memory>', path: '' }`. */
  readonly source?: SourceRef;
  /** Default `{}`. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** Input of {@link createGraph}. */
export interface CreateGraphInput {
  /** The root node. Added if absent. */
  readonly root: NodeId;
  /** Default `all`. */
  readonly policy?: InclusionPolicy;
  /** Extra nodes (endpoints of edges are added automatically, `defined: true`). */
  readonly nodes?: readonly { readonly id: NodeId; readonly defined?: boolean }[];
  /** Edges; duplicates of one (from, to) pair are merged (required/enabled OR-ed). */
  readonly edges: readonly EdgeInput[];
  /** Diagnostics to carry. */
  readonly diagnostics?: readonly Diagnostic[];
}

/**
 * Creates a normalized {@link DependencyGraph} from nodes and edges: nodes and
 * edges sorted, duplicate edges merged, so equal inputs in any order give
 * deep-equal graphs.
 *
 * @example
 * ```ts
 * const g = createGraph({ root: 'scenario:app', edges: [{ from: 'scenario:app', to: 'resource:postgres' }] });
 * ```
 */
export function createGraph(input: CreateGraphInput): DependencyGraph {
  const nodes = new Map<NodeId, DependencyNode>();
  const addNode = (id: NodeId, defined: boolean): void => {
    const existing = nodes.get(id);
    if (existing === undefined) {
      const { kind, name } = parseNodeId(id);
      if (kind !== 'scenario' && kind !== 'resource') {
        throw new SdkError('INVALID_ARGUMENT', `node id "${id}" has no scenario: or resource: prefix`, { hint: 'build ids with nodeId(kind, name)' });
      }
      nodes.set(id, { id, kind, name, defined });
    } else if (!defined) {
      // Listed as undefined anywhere: undefined wins (an edge endpoint alone never redefines it).
      nodes.set(id, { ...existing, defined: false });
    }
  };
  addNode(input.root, true);
  for (const n of input.nodes ?? []) addNode(n.id, n.defined ?? true);
  const diagnostics: Diagnostic[] = [...(input.diagnostics ?? [])];
  // Edges by dependent; inputs usually list one dependent's edges together, so look its list up once per run.
  const byFrom = new Map<NodeId, DependencyEdge[]>();
  let from: NodeId | undefined;
  let list: DependencyEdge[] = [];
  for (const e of input.edges) {
    if (e.from !== from) {
      from = e.from;
      addNode(from, true);
      const known = byFrom.get(from);
      if (known === undefined) byFrom.set(from, (list = []));
      else list = known;
    }
    addNode(e.to, true);
    list.push({
      from: e.from,
      to: e.to,
      kind: EDGE_KINDS[(nodes.get(e.from) as DependencyNode).kind][(nodes.get(e.to) as DependencyNode).kind],
      required: e.required ?? true,
      enabled: e.enabled ?? true,
      source: e.source ?? { file: '<memory>', path: '' },
      attributes: e.attributes ?? {},
    });
  }
  return finishGraph(input.root, input.policy ?? 'all', nodes, byFrom, diagnostics);
}

/**
 * The normal form shared by {@link buildGraph} and {@link createGraph}: nodes
 * sorted by id; edges sorted by (from, to), that is dependents in node order
 * and each one's edges sorted by dependency, stably, so duplicates of a pair
 * meet in input order and merge into the first (flags OR-ed).
 */
function finishGraph(root: NodeId, policy: InclusionPolicy, nodes: ReadonlyMap<NodeId, DependencyNode>, byFrom: ReadonlyMap<NodeId, DependencyEdge[]>, diagnostics: Diagnostic[]): DependencyGraph {
  const sortedNodes = [...nodes.values()].sort((a, b) => compareIds(a.id, b.id));
  const sortedEdges: DependencyEdge[] = [];
  for (const n of sortedNodes) {
    const out = byFrom.get(n.id);
    if (out === undefined) continue;
    out.sort((a, b) => compareIds(a.to, b.to));
    let prior: DependencyEdge | undefined;
    for (const e of out) {
      if (prior !== undefined && prior.to === e.to) {
        prior = { ...prior, required: prior.required || e.required, enabled: prior.enabled || e.enabled };
        sortedEdges[sortedEdges.length - 1] = prior;
      } else {
        sortedEdges.push((prior = e));
      }
    }
  }
  return { root, policy, nodes: sortedNodes, edges: sortedEdges, diagnostics };
}

/** Edge kinds by the kinds of their endpoints (shared strings, not one per edge). */
const EDGE_KINDS: Readonly<Record<NodeKind, Readonly<Record<NodeKind, EdgeKind>>>> = {
  scenario: { scenario: 'scenario-scenario', resource: 'scenario-resource' },
  resource: { scenario: 'resource-scenario', resource: 'resource-resource' },
};

/** A dependency name as the graph matches spellings: `_` read as `-` (`node_red` finds `node-red`). */
export function spellingKey(name: string): string {
  return name.replace(/_/g, '-');
}

/** Code-unit string comparison, independent of locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function edgeFromDeclared(from: NodeId, to: NodeId, kind: EdgeKind, dep: DeclaredDependency): DependencyEdge {
  let attributes = dep.attributes;
  if (dep.purpose !== undefined || dep.version !== undefined) {
    const copy: Record<string, unknown> = { ...dep.attributes };
    if (dep.purpose !== undefined) copy['purpose'] = dep.purpose;
    if (dep.version !== undefined) copy['version'] = dep.version;
    attributes = copy;
  }
  return { from, to, kind, required: dep.required, enabled: dep.enabled, source: dep.source, attributes };
}

const INDEX = new WeakMap<DependencyGraph, DirectedGraph>();

/**
 * The graphology view of a graph (built once per graph object and cached).
 * Edge direction: dependent -> dependency. Node attributes: `kind`, `name`,
 * `defined`; edge attributes: `required`, `enabled`.
 */
export function toGraphology(graph: DependencyGraph): DirectedGraph {
  const cached = INDEX.get(graph);
  if (cached !== undefined) return cached;
  const g = new DirectedGraph({ allowSelfLoops: true });
  for (const n of graph.nodes) g.addNode(n.id, { kind: n.kind, name: n.name, defined: n.defined });
  for (const e of graph.edges) g.addDirectedEdge(e.from, e.to, { required: e.required, enabled: e.enabled });
  INDEX.set(graph, g);
  return g;
}

const NODES = new WeakMap<DependencyGraph, Map<NodeId, DependencyNode>>();

/** Looks a node up by id (through a per-graph index built once), or throws `NODE_NOT_FOUND`. */
export function getNode(graph: DependencyGraph, id: NodeId): DependencyNode {
  let byId = NODES.get(graph);
  if (byId === undefined) NODES.set(graph, (byId = new Map(graph.nodes.map((n) => [n.id, n]))));
  const node = byId.get(id);
  if (node === undefined) {
    throw new SdkError('NODE_NOT_FOUND', `node "${id}" is not in the graph of ${graph.root}`, { hint: 'node ids look like resource:postgres or scenario:calendar' });
  }
  return node;
}

