import { SdkError, buildGraph, loadWorkspace, type DependencyGraph, type InclusionPolicy, type Workspace } from '@deployment-manager/core';
import { requireScenario } from './require-scenario.ts';

/** The option values a graph-reading command passes (see `GRAPH_SOURCE_OPTIONS`). */
export interface GraphSourceValues {
  /** Workspace root (files). */
  readonly root?: string | undefined;
  /** Live analyzer base URL; when set, the graph comes from it. */
  readonly 'analyzer-url'?: string | undefined;
  /** `all` or `active`. */
  readonly policy?: string | undefined;
}

/** Where a command's graph came from. */
export interface GraphSource {
  /** The files, when `--root` holds a workspace (always, without `--analyzer-url`). */
  readonly workspace: Workspace | undefined;
  /** The scenario's graph (from the analyzer or from files). */
  readonly graph: DependencyGraph;
  /** `files` or `analyzer`. */
  readonly origin: 'files' | 'analyzer';
  /** With the analyzer: whether its data is older than the staleness limit. */
  readonly stale: boolean;
}

/** Parses `--policy` (`all` or `active`), with a default. */
export function parsePolicy(value: string | undefined, fallback: InclusionPolicy = 'all'): InclusionPolicy {
  if (value === undefined) return fallback;
  if (value === 'all' || value === 'active') return value;
  throw new SdkError('INVALID_ARGUMENT', `policy "${value}" is not known`, { hint: 'use --policy all or --policy active' });
}

/**
 * Builds a scenario's graph from files (`--root`: only the scenario and what it reaches are parsed)
 * or, with `--analyzer-url`,
 * from the live analyzer - compared with the files when they hold the
 * scenario, differences reported as graph diagnostics. An unknown scenario
 * names the closest one; a scenario whose own file does not parse shows the
 * parse error (file, line, column).
 */
export async function loadGraphSource(scenario: string, values: GraphSourceValues, fallbackPolicy: InclusionPolicy = 'all'): Promise<GraphSource> {
  const policy = parsePolicy(values.policy, fallbackPolicy);
  const root = values.root ?? '.';
  const analyzer = values['analyzer-url'];
  if (analyzer === undefined) {
    const workspace = loadWorkspace(root, { scenario });
    requireScenario(workspace, scenario);
    return { workspace, graph: buildGraph(workspace, scenario, { policy }), origin: 'files', stale: false };
  }
  let workspace: Workspace | undefined;
  try {
    workspace = loadWorkspace(root, { scenario });
  } catch {
    workspace = undefined; // the analyzer alone is enough for the graph
  }
  const files = workspace?.scenarios.has(scenario) === true ? buildGraph(workspace, scenario, { policy }) : undefined;
  // The HTTP client loads only when an analyzer is asked for.
  const { graphFromAnalyzer } = await import('@deployment-manager/clients');
  const live = await graphFromAnalyzer({ baseUrl: analyzer, scenario, policy, ...(files === undefined ? {} : { compareWith: files }) });
  return { workspace, graph: live.graph, origin: 'analyzer', stale: live.stale };
}

/** The workspace, or a clear error for commands that also need the scenario's own files. */
export function requireWorkspace(source: GraphSource, scenario: string): Workspace {
  if (source.workspace === undefined || !source.workspace.scenarios.has(scenario)) {
    throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${scenario}" has no service.json under --root`, {
      hint: 'this command also reads the scenario\'s own services (ports, health); pass --root with the scenario\'s files alongside --analyzer-url',
    });
  }
  return source.workspace;
}
