import { basename, resolve } from 'node:path';
import { jsonPointer, type Diagnostic } from './diagnostics.ts';
import { SdkError } from './errors.ts';
import { compareIds } from './graph.ts';
import { checkCompactEdge, checkCompactResource, checkCompactScenario, isCompactName, type CompactIssue } from './compact-schema.ts';
import type { CompactDependency, CompactPort, CompactResource, CompactScenario } from './compact-types.ts';
import { collectEnvNames } from './json-env-names.ts';
import { exceedsDepth, isJsonObject, jsonTypeName, ownEntries, ownField } from './json-values.ts';
import { parseDataText } from './parse-data-text.ts';
import { inputByteLimit, readTextFileBounded, yamlByteLimit } from './read-bounded.ts';
import { nodeId, parseNodeId, type DeclaredDependency, type NodeId, type ResourceSpec, type ScenarioSpec, type Workspace } from './model.ts';
import { mergeDuplicateDependencies } from './parse-dependencies.ts';
import { loaderDiagnostic, sortDiagnostics } from './parse-diagnostics.ts';
import { guardParse } from './parse-guard.ts';
import { parsePortRange } from './parse-service-parts.ts';

/** Compact-format keys that hold text for people, never configuration. */
const PROSE_KEYS: ReadonlySet<string> = new Set(['description', 'displayName', 'purpose']);

/** Options of {@link parseCompactWorkspace}. */
export interface ParseCompactOptions {
  /** Syntax of `text`. Default: `json` when `file` ends in `.json`, else `yaml`. */
  readonly format?: 'json' | 'yaml';
  /** `Workspace.root` to report. Default: `file`. */
  readonly root?: string;
}

type Segments = (string | number)[];
const TOP_KEYS = new Set(['$schema', 'version', 'scenarios', 'resources', 'edges']);

/**
 * Parses a compact workspace (JSON or YAML text; see the package README and
 * {@link compactWorkspaceJsonSchema}) into a {@link Workspace} with layout
 * `compact`. Throws `PARSE_FAILED` when the text is not JSON/YAML or not a
 * `version: 1` document; an invalid scenario, resource or edge becomes
 * diagnostics and the rest still loads.
 *
 * @example
 * ```ts
 * const ws = parseCompactWorkspace(
 *   'version: 1\nscenarios:\n  shop:\n    dependencies: [postgres, scenario:auth]\n',
 *   'workspace.yaml',
 * );
 * ws.scenarios.get('shop')?.dependencies.map((d) => d.name); // ['postgres', 'auth']
 * ```
 */
export function parseCompactWorkspace(text: string, file: string, options: ParseCompactOptions = {}): Workspace {
  const format = options.format ?? (/\.json$/i.test(file) ? 'json' : 'yaml');
  const doc = guardParse(file, () => parseDataText(text, file, format, COMPACT_PARSE_HINTS));
  return guardParse(file, () => fromDocument(doc, file, options.root ?? file));
}

/**
 * Reads and parses a compact workspace file (`.json`, `.yaml` or `.yml`),
 * bounded: `FILE_NOT_REGULAR` for a FIFO, device or directory, `FILE_TOO_LARGE`
 * over {@link inputByteLimit} (JSON) or the lower {@link yamlByteLimit}
 * (YAML), `FILE_UNREADABLE` when it cannot be read, `PARSE_FAILED` when it is
 * not a compact workspace.
 *
 * @example
 * ```ts
 * const ws = loadCompactWorkspace('deploy/workspace.yaml');
 * buildGraph(ws, 'shop', { policy: 'active' });
 * ```
 */
export function loadCompactWorkspace(path: string): Workspace {
  const abs = resolve(path);
  const file = basename(abs);
  const text = readTextFileBounded(abs, 'workspace file', /\.json$/i.test(file) ? inputByteLimit() : yamlByteLimit());
  return parseCompactWorkspace(text, file, { root: abs });
}

const COMPACT_PARSE_HINTS = {
  syntax: 'fix the syntax; a compact workspace is JSON or YAML',
  alias: 'write every value out: the compact format does not take YAML anchors and aliases',
} as const;

function fromDocument(doc: unknown, file: string, root: string): Workspace {
  if (!isJsonObject(doc) || exceedsDepth(doc) || ownField(doc, 'version') !== 1) {
    throw new SdkError('PARSE_FAILED', `${file} is not a compact workspace (expected an object with \`version: 1\`, got ${isJsonObject(doc) ? 'another object' : `a ${jsonTypeName(doc)}`})`, {
      hint: 'start the file with `version: 1`; see packages/core/schemas/compact-workspace.schema.json',
      details: { file },
    });
  }
  const diagnostics: Diagnostic[] = [];
  const invalid = (base: Segments, issues: readonly CompactIssue[]): void => {
    for (const issue of issues) diagnostics.push(loaderDiagnostic('COMPACT_INVALID', issue.message, { path: jsonPointer([...base, ...issue.path]), file }));
  };
  for (const [key] of ownEntries(doc)) {
    if (!TOP_KEYS.has(key)) invalid([], [{ path: [key], message: `unknown top-level key "${key}"` }]);
  }
  const scenarioEntries = entriesOf(doc, 'scenarios', invalid);
  const resourceEntries = entriesOf(doc, 'resources', invalid);

  const deps = new Map<NodeId, DeclaredDependency[]>();
  const scenarios = new Map<string, CompactScenario>();
  for (const [name, value] of scenarioEntries) {
    const checked = checkCompactScenario(value);
    if (!checked.ok) invalid(['scenarios', name], checked.issues);
    else {
      scenarios.set(name, checked.value);
      deps.set(nodeId('scenario', name), (checked.value.dependencies ?? []).map((d, i) => toDeclared(d, ['scenarios', name, 'dependencies', i], file)));
    }
  }
  const resources = new Map<string, CompactResource>();
  for (const [name, value] of resourceEntries) {
    const checked = checkCompactResource(value);
    if (!checked.ok) invalid(['resources', name], checked.issues);
    else {
      resources.set(name, checked.value);
      deps.set(nodeId('resource', name), (checked.value.dependencies ?? []).map((d, i) => toDeclared(d, ['resources', name, 'dependencies', i], file)));
    }
  }
  addEdges(ownField(doc, 'edges'), deps, file, diagnostics, invalid);

  const finalDeps = (id: NodeId): DeclaredDependency[] => {
    const self = parseNodeId(id);
    const kept = (deps.get(id) ?? []).filter((d) => {
      if (d.kind !== self.kind || d.name !== self.name) return true;
      diagnostics.push(loaderDiagnostic('DEPENDENCY_SELF', `${d.kind} "${d.name}" declares a dependency on itself`, { path: d.source.path, file }));
      return false;
    });
    return mergeDuplicateDependencies(kept, file, diagnostics);
  };
  const scenarioSpecs = new Map<string, ScenarioSpec>();
  for (const [name, entry] of sorted(scenarios)) scenarioSpecs.set(name, toScenario(name, entry, finalDeps(nodeId('scenario', name)), file, diagnostics));
  const resourceSpecs = new Map<string, ResourceSpec>();
  for (const [name, entry] of sorted(resources)) {
    resourceSpecs.set(name, {
      name,
      dependencies: finalDeps(nodeId('resource', name)),
      ...(entry.startupOrder === undefined ? {} : { startupOrder: entry.startupOrder }),
      ...(entry.startupTimeoutSec === undefined ? {} : { startupTimeoutSec: entry.startupTimeoutSec }),
      ...(entry.priority === undefined ? {} : { priority: entry.priority }),
      extras: entry.extras ?? {},
      file,
    });
  }
  return { root, layout: 'compact', scenarios: scenarioSpecs, resources: resourceSpecs, diagnostics: sortDiagnostics(diagnostics) };
}

function entriesOf(doc: Readonly<Record<string, unknown>>, key: 'scenarios' | 'resources', invalid: (base: Segments, issues: readonly CompactIssue[]) => void): [string, unknown][] {
  const value = ownField(doc, key);
  if (value === undefined) return [];
  if (!isJsonObject(value)) {
    invalid([key], [{ path: [], message: `\`${key}\` is a ${jsonTypeName(value)}; expected a map of name -> entry` }]);
    return [];
  }
  return ownEntries(value).filter(([name]) => {
    if (isCompactName(name)) return true;
    invalid([key, name], [{ path: [], message: 'the name must start with a letter or digit and use only letters, digits, `.`, `_`, `-`' }]);
    return false;
  });
}

function addEdges(
  edges: unknown,
  deps: Map<NodeId, DeclaredDependency[]>,
  file: string,
  diagnostics: Diagnostic[],
  invalid: (base: Segments, issues: readonly CompactIssue[]) => void,
): void {
  if (edges === undefined) return;
  if (!Array.isArray(edges)) {
    invalid(['edges'], [{ path: [], message: `\`edges\` is a ${jsonTypeName(edges)}; expected a list` }]);
    return;
  }
  edges.forEach((value, index) => {
    const checked = checkCompactEdge(value);
    if (!checked.ok) return invalid(['edges', index], checked.issues);
    const edge = checked.value;
    const list = deps.get(edge.from as NodeId);
    if (list === undefined) {
      diagnostics.push(loaderDiagnostic('COMPACT_EDGE_UNKNOWN', `edge starts at "${edge.from}", which the file does not declare`, { path: jsonPointer(['edges', index, 'from']), file }));
      return;
    }
    const to = parseNodeId(edge.to as NodeId);
    list.push(toDeclared({ ...edge, name: to.name, kind: to.kind }, ['edges', index], file));
  });
}

function toDeclared(dep: CompactDependency, path: Segments, file: string): DeclaredDependency {
  const source = { file, path: jsonPointer(path) };
  if (typeof dep === 'string') {
    const m = /^(scenario|resource):(.*)$/.exec(dep);
    return { name: m === null ? dep : (m[2] as string), kind: m?.[1] === 'scenario' ? 'scenario' : 'resource', required: true, enabled: true, attributes: {}, source };
  }
  return {
    name: dep.name,
    kind: dep.kind ?? 'resource',
    required: dep.required ?? true,
    enabled: dep.enabled ?? true,
    ...(dep.purpose === undefined ? {} : { purpose: dep.purpose }),
    ...(dep.version === undefined ? {} : { version: dep.version }),
    attributes: dep.attributes ?? {},
    source,
  };
}

function toScenario(name: string, entry: CompactScenario, dependencies: DeclaredDependency[], file: string, diagnostics: Diagnostic[]): ScenarioSpec {
  const ports = ownEntries(entry.ports ?? {}).map(([portName, raw]) => {
    const spec = raw as CompactPort;
    const range = spec.range === undefined ? undefined : parsePortRange(spec.range);
    if (spec.range !== undefined && range === undefined) {
      diagnostics.push(loaderDiagnostic('PORT_INVALID', `port "${portName}" has a range that is not "low-high" within 1..65535`, { path: jsonPointer(['scenarios', name, 'ports', portName, 'range']), file }));
    }
    return {
      name: portName,
      ...(spec.env === undefined ? {} : { env: spec.env }),
      ...(spec.port === undefined ? {} : { port: spec.port }),
      ...(range === undefined ? {} : { range }),
      ...(spec.description === undefined ? {} : { description: spec.description }),
    };
  });
  const health = (entry.health ?? []).map((h) => ({
    name: h.name,
    type: h.type,
    ...(h.target === undefined ? {} : { target: h.target }),
    critical: h.critical ?? true,
    ...(h.timeoutMs === undefined ? {} : { timeoutMs: h.timeoutMs }),
  }));
  const secrets = (entry.secrets ?? []).map((s, i) => ({
    name: s.name,
    ...(s.description === undefined ? {} : { description: s.description }),
    required: s.required ?? true,
    source: { file, path: jsonPointer(['scenarios', name, 'secrets', i]) },
  }));
  // Prose is not configuration: a dependency's purpose or a description that mentions "$A" names no
  // variable (and export, which writes dependencies inline, then reads back what it wrote).
  const envNames = [...new Set([...(entry.env ?? []), ...collectEnvNames(entry, PROSE_KEYS)])].sort();
  return {
    name,
    ...(entry.displayName === undefined ? {} : { displayName: entry.displayName }),
    ...(entry.description === undefined ? {} : { description: entry.description }),
    ...(entry.version === undefined ? {} : { version: entry.version }),
    dependencies,
    ports,
    health,
    secrets,
    envNames,
    file,
    raw: entry,
  };
}

function sorted<T>(map: ReadonlyMap<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => compareIds(a, b));
}
