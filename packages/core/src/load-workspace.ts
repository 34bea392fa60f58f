import { join, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { SdkError } from './errors.ts';
import { compareIds, spellingKey } from './graph.ts';
import { isDirectory, listDirectories, readJsonFile, statOrUndefined } from './load-files.ts';
import type { DeclaredDependency, NodeKind, ResourceSpec, ScenarioSpec, Workspace, WorkspaceLayout } from './model.ts';
import { loadCompactWorkspace } from './compact-workspace.ts';
import { loaderDiagnostic, sortDiagnostics } from './parse-diagnostics.ts';
import { parseRuntimeJson } from './parse-runtime-json.ts';
import { parseServiceDependencies, parseServiceJson } from './parse-service-json.ts';

/** Options of {@link loadWorkspace}. */
export interface LoadWorkspaceOptions {
  /** Extra names to treat as resources (e.g. from a catalog), besides the `resources/` directories. */
  readonly knownResources?: Iterable<string>;
  /** Extra names to treat as scenarios, besides the `scenarios/` directories and declared scenario dependencies. */
  readonly knownScenarios?: Iterable<string>;
  /**
   * Parse only this scenario and the scenarios and resources it reaches (every declared edge,
   * so the graph of either inclusion policy is whole): what a command about one scenario needs.
   * The graph, scores and the diagnostics of the files it parses are those of a whole load; other
   * manifests are located and service.json files read (each one's declared scenario names count),
   * not parsed. A scenario the workspace does not hold, or a compact workspace file, is loaded in whole.
   */
  readonly scenario?: string;
}

/** Where a manifest was found: the Vrooli location or the flat one. */
interface Located {
  readonly name: string;
  readonly file: string;
  readonly flat: boolean;
}

const COMPACT_FILE = /\.(json|ya?ml)$/i;

/**
 * Loads a workspace from disk: a Vrooli checkout
 * (`scenarios/<n>/.vrooli/service.json`, `resources/<n>/config/runtime.json`),
 * the flat layout (`scenarios/<n>/service.json`, `resources/<n>/runtime.json`),
 * a mix of both, or a compact workspace file (`.json`/`.yaml`). Names are
 * listed first, then every file is parsed knowing all names, so aliases and
 * scenarios listed as resources resolve. A bad file becomes diagnostics and
 * never stops the others. Throws `ROOT_NOT_FOUND` when `root` is neither a
 * directory nor a compact file.
 *
 * @example
 * ```ts
 * const ws = loadWorkspace('path/to/Vrooli');
 * ws.scenarios.get('calendar')?.dependencies.map((d) => `${d.kind}:${d.name}`);
 * ws.diagnostics.filter((d) => d.severity === 'error');
 * ```
 */
export function loadWorkspace(root: string, options: LoadWorkspaceOptions = {}): Workspace {
  const abs = resolve(root);
  const stats = statOrUndefined(abs);
  if (stats?.isFile() === true && COMPACT_FILE.test(abs)) return loadCompactWorkspace(abs);
  if (stats !== undefined && !stats.isFile() && !stats.isDirectory()) {
    throw new SdkError('FILE_NOT_REGULAR', `workspace root ${abs} is neither a directory nor a regular file`, {
      hint: 'pass a directory or a compact workspace .json/.yaml file (not a FIFO or a device such as /dev/zero)',
      details: { root: abs },
    });
  }
  if (stats === undefined || !stats.isDirectory()) {
    throw new SdkError('ROOT_NOT_FOUND', `workspace root ${abs} ${stats === undefined ? 'does not exist' : 'is not a directory'}`, {
      hint: 'pass a Vrooli checkout (with scenarios/ and resources/), a flat fixture directory, or a compact workspace .json/.yaml file',
      details: { root: abs },
    });
  }
  const diagnostics: Diagnostic[] = [];
  const scenarioDirs = listNamed(abs, 'scenarios', diagnostics);
  const resourceDirs = listNamed(abs, 'resources', diagnostics);
  const scenarioFiles = locate(abs, 'scenarios', scenarioDirs, ['.vrooli', 'service.json'], diagnostics);
  const resourceFiles = locate(abs, 'resources', resourceDirs, ['config', 'runtime.json'], diagnostics);

  const read = (files: readonly Located[]): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    for (const f of files) {
      const result = readJsonFile(join(abs, f.file), f.file);
      if (result.ok) out.set(f.name, result.value);
      else diagnostics.push(result.diagnostic);
    }
    return out;
  };
  const serviceJson = read(scenarioFiles);
  const only = options.scenario !== undefined && serviceJson.has(options.scenario) ? options.scenario : undefined;
  const runtimeJson = read(only === undefined ? resourceFiles : []);

  const knownResources = new Set<string>([...resourceDirs, ...(options.knownResources ?? [])]);
  const knownScenarios = new Set<string>([...scenarioDirs, ...(options.knownScenarios ?? []), ...declaredScenarioNames(serviceJson, scenarioFiles)]);

  const scenarios = new Map<string, ScenarioSpec>();
  const resources = new Map<string, ResourceSpec>();
  const files: Record<NodeKind, ReadonlyMap<string, Located>> = { scenario: byName(scenarioFiles), resource: byName(resourceFiles) };
  const parse = (kind: NodeKind, name: string): readonly DeclaredDependency[] => {
    const f = files[kind].get(name);
    if (f === undefined) return [];
    if (kind === 'scenario') {
      if (!serviceJson.has(name)) return [];
      const parsed = parseServiceJson(serviceJson.get(name), { file: f.file, name, knownScenarios, knownResources });
      scenarios.set(name, parsed.scenario);
      diagnostics.push(...parsed.diagnostics);
      return parsed.scenario.dependencies;
    }
    if (only !== undefined) for (const [n, v] of read([f])) runtimeJson.set(n, v);
    if (!runtimeJson.has(name)) return [];
    const parsed = parseRuntimeJson(runtimeJson.get(name), { file: f.file, name, knownScenarios, knownResources });
    resources.set(name, parsed.resource);
    diagnostics.push(...parsed.diagnostics);
    return parsed.resource.dependencies;
  };
  if (only === undefined) {
    for (const f of scenarioFiles) parse('scenario', f.name);
    for (const f of resourceFiles) parse('resource', f.name);
  } else {
    parseReachable(only, files, parse);
  }

  const all = [...scenarioFiles, ...resourceFiles];
  const flatCount = all.filter((f) => f.flat).length;
  const layout: WorkspaceLayout = flatCount > 0 && flatCount === all.length ? 'flat' : 'vrooli';
  if (flatCount > 0 && flatCount < all.length) {
    diagnostics.push(loaderDiagnostic('LAYOUT_MIXED', `${flatCount} of ${all.length} manifests use the flat layout`));
  }
  if (scenarioDirs.length === 0 && resourceDirs.length === 0) {
    diagnostics.push(loaderDiagnostic('WORKSPACE_EMPTY', `${abs} holds no scenarios/ or resources/ directories`));
  }
  return { root: abs, layout, scenarios: sortedMap(scenarios), resources: sortedMap(resources), diagnostics: sortDiagnostics(diagnostics) };
}

function listNamed(root: string, folder: string, diagnostics: Diagnostic[]): string[] {
  const dir = join(root, folder);
  if (!isDirectory(dir)) return [];
  const names = listDirectories(dir);
  if (names === undefined) {
    diagnostics.push(loaderDiagnostic('FILE_UNREADABLE', `directory ${folder}/ could not be listed`, { file: folder }));
    return [];
  }
  return names;
}

// A manifest path that exists is located even when it is no regular file (a FIFO, a
// directory): reading it then says so, instead of calling the manifest missing.
const exists = (path: string): boolean => statOrUndefined(path) !== undefined;

// Prefers the Vrooli location (`<dir>/<nested...>`) over the flat one (`<dir>/<file>`).
function locate(root: string, folder: string, names: readonly string[], nested: readonly [string, string], diagnostics: Diagnostic[]): Located[] {
  const out: Located[] = [];
  for (const name of names) {
    const vrooli = `${folder}/${name}/${nested[0]}/${nested[1]}`;
    const flat = `${folder}/${name}/${nested[1]}`;
    const hasVrooli = exists(join(root, vrooli));
    const hasFlat = exists(join(root, flat));
    if (hasVrooli && hasFlat) {
      diagnostics.push(loaderDiagnostic('SOURCE_DUPLICATE', `${name} has both ${vrooli} and ${flat}`, { file: flat }));
    }
    if (hasVrooli) out.push({ name, file: vrooli, flat: false });
    else if (hasFlat) out.push({ name, file: flat, flat: true });
    else diagnostics.push(loaderDiagnostic('MANIFEST_MISSING', `${folder}/${name} has neither ${nested.join('/')} nor ${nested[1]}`, { file: `${folder}/${name}` }));
  }
  return out;
}

// Every name some scenario declares as a scenario (under `scenarios`, or `type: "scenario"`).
function declaredScenarioNames(serviceJson: ReadonlyMap<string, unknown>, files: readonly Located[]): string[] {
  const none = new Set<string>();
  const names: string[] = [];
  for (const f of files) {
    if (!serviceJson.has(f.name)) continue;
    const dependencies = parseServiceDependencies(serviceJson.get(f.name), { file: f.file, name: f.name, knownScenarios: none, knownResources: none });
    for (const dep of dependencies) if (dep.kind === 'scenario') names.push(dep.name);
  }
  return names;
}

function byName(files: readonly Located[]): Map<string, Located> {
  return new Map(files.map((f) => [f.name, f]));
}

/**
 * Parses `scenario` and, breadth first, every manifest its edges reach - under every name that
 * the graph could resolve the edge to (the name itself, else a folder spelt alike but for `_`/`-`).
 */
function parseReachable(scenario: string, files: Record<NodeKind, ReadonlyMap<string, Located>>, parse: (kind: NodeKind, name: string) => readonly DeclaredDependency[]): void {
  const spellings: Record<NodeKind, Map<string, string[]>> = { scenario: new Map(), resource: new Map() };
  for (const kind of ['scenario', 'resource'] as const) {
    for (const name of files[kind].keys()) spellings[kind].set(spellingKey(name), [...(spellings[kind].get(spellingKey(name)) ?? []), name]);
  }
  const seen = new Set<string>([`scenario:${scenario}`]);
  const queue: [NodeKind, string][] = [['scenario', scenario]];
  for (let head = 0; head < queue.length; head++) {
    const [kind, name] = queue[head] as [NodeKind, string];
    for (const dep of parse(kind, name)) {
      // A located name that does not parse resolves like an absent one, so both are parsed.
      for (const n of [dep.name, ...(spellings[dep.kind].get(spellingKey(dep.name)) ?? [])]) {
        if (seen.has(`${dep.kind}:${n}`)) continue;
        seen.add(`${dep.kind}:${n}`);
        queue.push([dep.kind, n]);
      }
    }
  }
}

function sortedMap<T>(map: ReadonlyMap<string, T>): Map<string, T> {
  return new Map([...map.entries()].sort(([a], [b]) => compareIds(a, b)));
}
