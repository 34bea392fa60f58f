import { jsonPointer, type Diagnostic } from './diagnostics.ts';
import { finiteNumber, hasOwnField, isJsonObject, jsonTypeName, nonEmptyString, omitFields, ownEntries, ownField, type JsonObject } from './json-values.ts';
import type { DeclaredDependency, NodeKind } from './model.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';

/**
 * Which declaration a dependency section comes from: service.json
 * `dependencies.resources`, `dependencies.scenarios`, or runtime.json.
 */
export type DependencySectionKind = 'resources' | 'scenarios' | 'runtime';

/** What a dependency section parser needs to know about its surroundings. */
export interface DependencyParseContext extends KnownNames {
  /** The file, for sources and diagnostics. */
  readonly file: string;
  /** The declaring scenario or resource (self-dependencies are dropped). */
  readonly owner: { readonly kind: NodeKind; readonly name: string };
}

/** The workspace's names a dependency is resolved against. */
export interface KnownNames {
  /** Names that are scenarios (a `resources` entry with such a name becomes a scenario edge). */
  readonly knownScenarios: ReadonlySet<string>;
  /** Names that are resources (`resource-<name>` aliases resolve against them). */
  readonly knownResources: ReadonlySet<string>;
}

/** What the parser of one scenario or resource file needs besides its JSON. */
export interface ManifestParseContext extends KnownNames {
  /** The file, relative to the workspace root where possible. */
  readonly file: string;
  /** The scenario or resource name (its directory name in a Vrooli workspace). */
  readonly name: string;
}

type Segments = (string | number)[];
type Group = 'required' | 'optional';
type Shape = 'map' | 'list' | 'group';

interface RawEntry {
  readonly name: string;
  readonly path: Segments;
  readonly entry: JsonObject;
  readonly group: Group | undefined;
  readonly shape: Shape;
}

const GROUPS: readonly Group[] = ['required', 'optional'];
const OWN_FIELDS = ['name', 'required', 'enabled', 'purpose', 'version'];
const EMPTY: JsonObject = Object.freeze({});

/**
 * Normalizes one dependency section, whatever shape the file used, into
 * declared dependencies in file order (duplicates merged). Never throws;
 * problems become diagnostics pushed onto `diagnostics`.
 *
 * Defaults when a flag is absent: `required` comes from the group
 * (`required`/`optional`), else true. `enabled` is false for plain map entries
 * of service.json `dependencies.resources` (the predecessor reads an absent
 * flag as false) and for runtime.json optional dependencies; true otherwise.
 */
export function parseDependencySection(
  section: unknown,
  base: Segments,
  kind: DependencySectionKind,
  ctx: DependencyParseContext,
  diagnostics: Diagnostic[],
  forcedGroup?: Group,
): DeclaredDependency[] {
  const raw = collectEntries(section, base, ctx.file, diagnostics, forcedGroup);
  const deps: DeclaredDependency[] = [];
  for (const item of raw) {
    const dep = normalizeEntry(item, kind, ctx, diagnostics);
    if (dep !== undefined) deps.push(dep);
  }
  return mergeDuplicateDependencies(deps, ctx.file, diagnostics);
}

/**
 * Merges declarations of the same (kind, name) into one, keeping the first
 * one's position, with an info diagnostic per merged duplicate.
 */
export function mergeDuplicateDependencies(deps: readonly DeclaredDependency[], file: string, diagnostics: Diagnostic[]): DeclaredDependency[] {
  const merged = new Map<string, DeclaredDependency>();
  for (const dep of deps) {
    const key = `${dep.kind}:${dep.name}`;
    const prior = merged.get(key);
    if (prior === undefined) {
      merged.set(key, dep);
      continue;
    }
    diagnostics.push(loaderDiagnostic('DEPENDENCY_MERGED', `dependency "${dep.name}" is also declared at ${prior.source.path}; merged into one ${dep.kind} edge`, { path: dep.source.path, file }));
    merged.set(key, mergeDependencies(prior, dep));
  }
  return [...merged.values()];
}

/** Merges two declarations of one dependency: flags OR-ed, the first declaration's fields win. */
function mergeDependencies(a: DeclaredDependency, b: DeclaredDependency): DeclaredDependency {
  const purpose = a.purpose ?? b.purpose;
  const version = a.version ?? b.version;
  return {
    name: a.name,
    kind: a.kind,
    required: a.required || b.required,
    enabled: a.enabled || b.enabled,
    ...(purpose === undefined ? {} : { purpose }),
    ...(version === undefined ? {} : { version }),
    attributes: Object.fromEntries([...ownEntries(b.attributes), ...ownEntries(a.attributes)]),
    source: a.source,
  };
}

function collectEntries(section: unknown, base: Segments, file: string, diagnostics: Diagnostic[], forcedGroup: Group | undefined): RawEntry[] {
  if (section === undefined || section === null) return [];
  if (Array.isArray(section)) return listEntries(section, base, forcedGroup, forcedGroup === undefined ? 'list' : 'group', file, diagnostics);
  if (!isJsonObject(section)) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_SHAPE_UNKNOWN', `dependencies are a ${jsonTypeName(section)}; expected an object or a list`, { path: jsonPointer(base), file }));
    return [];
  }
  const hasGroups = GROUPS.some((g) => hasOwnField(section, g));
  const details = hasGroups ? ownField(section, 'details') : undefined;
  const detailMap = isJsonObject(details) ? details : undefined;
  if (hasGroups && details !== undefined && detailMap === undefined) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_SHAPE_UNKNOWN', `\`details\` is a ${jsonTypeName(details)}; expected a map of name -> details`, { path: jsonPointer([...base, 'details']), file }));
  }
  const out: RawEntry[] = [];
  const plainKeys: string[] = [];
  for (const [key, value] of ownEntries(section)) {
    const path = [...base, key];
    if (hasGroups && (key === 'required' || key === 'optional')) {
      for (const item of groupEntries(value, path, key, file, diagnostics)) out.push(item);
    } else if (hasGroups && key === 'details') {
      continue;
    } else if (Array.isArray(value)) {
      diagnostics.push(loaderDiagnostic('DEPENDENCY_GROUP_IGNORED', `list "${key}" is not a dependency group; it was not read as dependencies`, { path: jsonPointer(path), file }));
    } else {
      plainKeys.push(key);
      out.push(mapEntry(key, value, path, forcedGroup, forcedGroup === undefined ? 'map' : 'group', file, diagnostics));
    }
  }
  if (hasGroups && plainKeys.length > 0) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_GROUPS_MIXED', `\`required\`/\`optional\` groups are mixed with plain entries (${plainKeys.join(', ')})`, { path: jsonPointer(base), file }));
  }
  if (detailMap !== undefined) return attachDetails(out, detailMap, [...base, 'details'], file, diagnostics);
  return out;
}

function groupEntries(value: unknown, path: Segments, group: Group, file: string, diagnostics: Diagnostic[]): RawEntry[] {
  if (Array.isArray(value)) return listEntries(value, path, group, 'group', file, diagnostics);
  if (isJsonObject(value)) return ownEntries(value).map(([name, entry]) => mapEntry(name, entry, [...path, name], group, 'group', file, diagnostics));
  if (value !== null) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_SHAPE_UNKNOWN', `group "${group}" is a ${jsonTypeName(value)}; expected a list or a map`, { path: jsonPointer(path), file }));
  }
  return [];
}

function listEntries(items: readonly unknown[], base: Segments, group: Group | undefined, shape: Shape, file: string, diagnostics: Diagnostic[]): RawEntry[] {
  const out: RawEntry[] = [];
  items.forEach((item, index) => {
    const path = [...base, index];
    if (typeof item === 'string') {
      out.push({ name: item, path, entry: EMPTY, group, shape });
    } else if (isJsonObject(item) && typeof ownField(item, 'name') === 'string') {
      out.push({ name: ownField(item, 'name') as string, path, entry: item, group, shape });
    } else {
      diagnostics.push(loaderDiagnostic('DEPENDENCY_NAME_INVALID', `list item is a ${jsonTypeName(item)} without a string name`, { path: jsonPointer(path), file }));
    }
  });
  return out;
}

function mapEntry(name: string, value: unknown, path: Segments, group: Group | undefined, shape: Shape, file: string, diagnostics: Diagnostic[]): RawEntry {
  if (isJsonObject(value)) return { name, path, entry: value, group, shape };
  // A scalar where an object was expected: keep the dependency (its name is clear), use defaults.
  diagnostics.push(loaderDiagnostic('DEPENDENCY_SHAPE_UNKNOWN', `entry "${name}" is a ${jsonTypeName(value)}; expected an object, defaults were used`, { path: jsonPointer(path), file }));
  const entry: JsonObject = typeof value === 'boolean' ? { enabled: value } : EMPTY;
  return { name, path, entry, group, shape };
}

function attachDetails(entries: RawEntry[], details: JsonObject, path: Segments, file: string, diagnostics: Diagnostic[]): RawEntry[] {
  const listed = new Set(entries.map((e) => e.name));
  for (const [name, value] of ownEntries(details)) {
    if (!listed.has(name)) {
      diagnostics.push(loaderDiagnostic('DEPENDENCY_DETAILS_ORPHAN', `details for "${name}", which no group lists`, { path: jsonPointer([...path, name]), file }));
    } else if (!isJsonObject(value)) {
      diagnostics.push(loaderDiagnostic('DEPENDENCY_SHAPE_UNKNOWN', `details for "${name}" are a ${jsonTypeName(value)}; expected an object`, { path: jsonPointer([...path, name]), file }));
    }
  }
  return entries.map((e) => {
    const extra = ownField(details, e.name);
    if (!isJsonObject(extra)) return e;
    return { ...e, entry: Object.fromEntries([...ownEntries(extra), ...ownEntries(e.entry)]) };
  });
}

function normalizeEntry(item: RawEntry, section: DependencySectionKind, ctx: DependencyParseContext, diagnostics: Diagnostic[]): DeclaredDependency | undefined {
  const pointer = jsonPointer(item.path);
  const trimmed = nonEmptyString(item.name);
  if (trimmed === undefined) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_NAME_INVALID', 'dependency name is empty', { path: pointer, file: ctx.file }));
    return undefined;
  }
  const { kind, name } = classify(trimmed, item.entry, section, ctx, pointer, diagnostics);
  if (kind === ctx.owner.kind && name === ctx.owner.name) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_SELF', `${kind} "${name}" declares a dependency on itself`, { path: pointer, file: ctx.file }));
    return undefined;
  }
  const groupRequired = item.group === undefined ? undefined : item.group === 'required';
  const required = readFlag(item, 'required', groupRequired, groupRequired ?? true, ctx.file, pointer, diagnostics);
  const enabledDefault = (section === 'resources' && item.shape === 'map') || (section === 'runtime' && item.group === 'optional') ? false : true;
  const enabled = readFlag(item, 'enabled', undefined, enabledDefault, ctx.file, pointer, diagnostics);
  if (required && !enabled) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_DISABLED_BUT_REQUIRED', `dependency "${name}" is required but not enabled${hasOwnField(item.entry, 'enabled') ? '' : ' (no `enabled` flag)'}`, { path: pointer, file: ctx.file }));
  }
  const purpose = readText(item.entry, 'purpose', ctx.file, pointer, diagnostics, false);
  const version = readText(item.entry, 'version', ctx.file, pointer, diagnostics, true);
  return {
    name,
    kind,
    required,
    enabled,
    ...(purpose === undefined ? {} : { purpose }),
    ...(version === undefined ? {} : { version }),
    attributes: omitFields(item.entry, OWN_FIELDS),
    source: { file: ctx.file, path: pointer },
  };
}

function classify(name: string, entry: JsonObject, section: DependencySectionKind, ctx: DependencyParseContext, pointer: string, diagnostics: Diagnostic[]): { kind: NodeKind; name: string } {
  if (section === 'scenarios') return { kind: 'scenario', name };
  const type = ownField(entry, 'type');
  if (type === 'scenario') return { kind: 'scenario', name };
  let resolved = name;
  if (name.startsWith('resource-') && !ctx.knownResources.has(name) && ctx.knownResources.has(name.slice('resource-'.length))) {
    resolved = name.slice('resource-'.length);
    diagnostics.push(loaderDiagnostic('DEPENDENCY_ALIAS', `"${name}" was read as resource "${resolved}"`, { path: pointer, file: ctx.file }));
  }
  if (type !== 'resource' && !ctx.knownResources.has(resolved) && ctx.knownScenarios.has(resolved)) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_KIND_INFERRED', `"${resolved}" is declared as a resource but is a known scenario; read as a scenario dependency`, { path: pointer, file: ctx.file }));
    return { kind: 'scenario', name: resolved };
  }
  return { kind: 'resource', name: resolved };
}

function readFlag(item: RawEntry, key: 'required' | 'enabled', group: boolean | undefined, fallback: boolean, file: string, pointer: string, diagnostics: Diagnostic[]): boolean {
  const value = ownField(item.entry, key);
  if (typeof value === 'boolean') {
    if (group !== undefined && value !== group) {
      diagnostics.push(loaderDiagnostic('DEPENDENCY_FLAG_CONFLICT', `\`${key}: ${String(value)}\` inside the "${item.group ?? ''}" group`, { path: `${pointer}/${key}`, file }));
    }
    return value;
  }
  if (value !== undefined) {
    diagnostics.push(loaderDiagnostic('FIELD_INVALID', `\`${key}\` is a ${jsonTypeName(value)}; expected a boolean, ${String(fallback)} was used`, { path: `${pointer}/${key}`, file }));
  }
  return fallback;
}

function readText(entry: JsonObject, key: string, file: string, pointer: string, diagnostics: Diagnostic[], numbersToo: boolean): string | undefined {
  const value = ownField(entry, key);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (numbersToo && finiteNumber(value) !== undefined) return String(value);
  diagnostics.push(loaderDiagnostic('FIELD_INVALID', `\`${key}\` is a ${jsonTypeName(value)}; expected a string, it was ignored`, { path: `${pointer}/${key}`, file }));
  return undefined;
}
