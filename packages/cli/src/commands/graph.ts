import { dependencyOrder, findCycles, getNode, type DependencyGraph, type Diagnostic, type NodeId } from '@deployment-manager/core';
import { defineCommand, type Command } from '../command.ts';
import { GRAPH_SOURCE_OPTIONS } from '../common-options.ts';
import { loadGraphSource } from '../graph-source.ts';
import { colour } from '../io.ts';
import { writeJson } from '../json-output.ts';
import { writeLines } from '../text-output.ts';

/** The exact `graph --json` document. */
export interface GraphJson {
  /** Scenario name. */
  readonly scenario: string;
  /** Every node once. */
  readonly nodes: readonly { id: NodeId; kind: string; name: string }[];
  /** Every edge. */
  readonly edges: readonly { from: NodeId; to: NodeId; required: boolean; enabled: boolean }[];
  /** Dependencies before dependents. */
  readonly order: readonly NodeId[];
  /** Elementary cycles as closed paths. */
  readonly cycles: readonly NodeId[][];
  /** Loader and graph diagnostics. */
  readonly diagnostics: readonly { code: string; severity: string; file: string | null; path: string; message: string; hint: string | null }[];
}

/** Builds the `graph --json` document from a graph and the workspace diagnostics. */
export function graphToJson(scenario: string, graph: DependencyGraph, diagnostics: readonly Diagnostic[]): GraphJson {
  return {
    scenario,
    nodes: graph.nodes.map((n) => ({ id: n.id, kind: n.kind, name: n.name })),
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, required: e.required, enabled: e.enabled })),
    order: dependencyOrder(graph),
    cycles: findCycles(graph),
    diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, file: d.file ?? null, path: d.path, message: d.message, hint: d.hint ?? null })),
  };
}

/** Diagnostics that concern the files of the graph's nodes (workspace diagnostics are many). */
function relevantDiagnostics(graph: DependencyGraph, workspaceDiagnostics: readonly Diagnostic[], files: ReadonlySet<string>): Diagnostic[] {
  return [...workspaceDiagnostics.filter((d) => d.file !== undefined && files.has(d.file)), ...graph.diagnostics];
}

/**
 * `deployment-manager graph <scenario> --root <dir> [--policy all|active] [--json]`:
 * the scenario's dependency graph as a tree, or the {@link GraphJson} document.
 *
 * @example
 * ```sh
 * deployment-manager graph picker-wheel --root ../Vrooli --json
 * ```
 */
export const graphCommand: Command = defineCommand({
  description: 'Loads the scenario and everything it depends on (transitively) and prints the graph as a tree: * required, ? optional, (off) disabled. With --json: nodes, edges, dependency order, cycles and the diagnostics of the files involved.',
  positionals: [{ name: 'scenario', description: 'the scenario (a folder under scenarios/, or a name in a compact workspace)' }],
  options: GRAPH_SOURCE_OPTIONS,
  examples: ['graph recipe-hub --root examples/end-to-end/workspace', 'graph picker-wheel --root ../Vrooli --policy active --json'],
  run: async ({ values, json, positionals: [scenario = ''] }, io) => {
    const { workspace, graph } = await loadGraphSource(scenario, values);
    const files = new Set<string>();
    for (const n of graph.nodes) {
      const spec = n.kind === 'scenario' ? workspace?.scenarios.get(n.name) : workspace?.resources.get(n.name);
      if (spec !== undefined) files.add(spec.file);
    }
    const doc = graphToJson(scenario, graph, relevantDiagnostics(graph, workspace?.diagnostics ?? [], files));
    if (json) writeJson(io, doc);
    else writeLines(io, graphTreeLines(graph, doc, io.isTTY));
    return 0;
  },
});

/** Human output: a tree from the root, `*` required / `?` optional, `(off)` disabled, repeats marked. */
export function renderGraphTree(graph: DependencyGraph, doc: GraphJson, tty: boolean): string {
  return `${[...graphTreeLines(graph, doc, tty)].join('\n')}\n`;
}

interface TreeFrame {
  readonly id: NodeId;
  readonly prefix: string;
  readonly edges: readonly DependencyGraph['edges'][number][];
  next: number;
}

/**
 * The lines of {@link renderGraphTree}, one at a time (a huge graph is printed
 * as it is walked, never held as one string), walked with a stack of its own
 * so a long chain of scenarios cannot overflow the call stack.
 */
function* graphTreeLines(graph: DependencyGraph, doc: GraphJson, tty: boolean): Generator<string> {
  yield colour(tty, 'bold', graph.root);
  const byFrom = new Map<NodeId, DependencyGraph['edges'][number][]>();
  for (const e of graph.edges) {
    const list = byFrom.get(e.from);
    if (list === undefined) byFrom.set(e.from, [e]);
    else list.push(e);
  }
  const printed = new Set<NodeId>([graph.root]);
  // The nodes from the root to the one being printed: an edge back to one of them closes a cycle.
  const onPath = new Set<NodeId>([graph.root]);
  const stack: TreeFrame[] = [{ id: graph.root, prefix: '', edges: byFrom.get(graph.root) ?? [], next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as TreeFrame;
    const e = frame.edges[frame.next];
    if (e === undefined) {
      stack.pop();
      onPath.delete(frame.id);
      continue;
    }
    frame.next++;
    const last = frame.next === frame.edges.length;
    const mark = e.required ? colour(tty, 'red', '*') : colour(tty, 'grey', '?');
    const off = e.enabled ? '' : colour(tty, 'yellow', ' (off)');
    const node = getNode(graph, e.to);
    const missing = !node.defined && node.kind === 'scenario' ? colour(tty, 'yellow', ' (missing)') : '';
    const cyc = onPath.has(e.to) ? colour(tty, 'red', ' (cycle)') : '';
    const seen = !cyc && printed.has(e.to) && (byFrom.get(e.to) ?? []).length > 0 ? colour(tty, 'grey', ' (see above)') : '';
    yield `${frame.prefix}${last ? '└─ ' : '├─ '}${mark} ${e.to}${off}${missing}${cyc}${seen}`;
    if (!cyc && !seen) {
      printed.add(e.to);
      onPath.add(e.to);
      stack.push({ id: e.to, prefix: frame.prefix + (last ? '   ' : '│  '), edges: byFrom.get(e.to) ?? [], next: 0 });
    }
  }
  yield '';
  yield `${doc.nodes.length} nodes, ${doc.edges.length} edges, ${doc.cycles.length} cycles   (* required, ? optional)`;
  for (const c of doc.cycles) yield colour(tty, 'red', `cycle: ${c.join(' -> ')}`);
  for (const d of doc.diagnostics) {
    const sev = d.severity === 'error' ? colour(tty, 'red', 'error') : d.severity === 'warning' ? colour(tty, 'yellow', 'warning') : colour(tty, 'grey', 'info');
    yield `${sev} ${d.code} ${d.file ?? ''}${d.path}: ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;
  }
}
