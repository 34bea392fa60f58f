import type { Diagnostic } from './diagnostics.ts';
import { collectEnvNames } from './json-env-names.ts';
import { exceedsDepth, isJsonObject, jsonTypeName, nonEmptyString, ownField, type JsonObject } from './json-values.ts';
import type { DeclaredDependency, ScenarioSpec } from './model.ts';
import { mergeDuplicateDependencies, parseDependencySection, type ManifestParseContext } from './parse-dependencies.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';
import { guardParse } from './parse-guard.ts';
import { parseDeclaredSecrets, parseHealthChecks, parsePorts } from './parse-service-parts.ts';

/** What {@link parseServiceJson} needs besides the JSON. */
export type ParseServiceContext = ManifestParseContext;

/** A parsed scenario plus everything the parser could not fully understand. */
export interface ParsedService {
  /** The scenario; always present, possibly with no dependencies. */
  readonly scenario: ScenarioSpec;
  /** Findings, each with file and JSON pointer. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses a Vrooli `.vrooli/service.json` into a {@link ScenarioSpec}, reading
 * every dependency shape seen in real files (maps, `required`/`optional`
 * lists or groups mixed with plain entries, `details`, scenarios listed as
 * resources, `resource-<name>` aliases). Pure; never throws on any JSON value:
 * anything it cannot read becomes a diagnostic and the rest still loads.
 *
 * @example
 * ```ts
 * const { scenario, diagnostics } = parseServiceJson(JSON.parse(text), {
 *   file: 'scenarios/shop/.vrooli/service.json',
 *   name: 'shop',
 *   knownScenarios: new Set(['auth']),
 *   knownResources: new Set(['postgres', 'redis']),
 * });
 * scenario.dependencies.map((d) => `${d.kind}:${d.name}`);
 * ```
 */
export function parseServiceJson(json: unknown, ctx: ParseServiceContext): ParsedService {
  return guardParse(ctx.file, () => parseUnguarded(json, ctx));
}

/**
 * The dependencies {@link parseServiceJson} reads from the same JSON, and nothing else (no ports,
 * health checks, secrets or env names, no diagnostics): a cheap first pass over many files.
 */
export function parseServiceDependencies(json: unknown, ctx: ParseServiceContext): readonly DeclaredDependency[] {
  return guardParse(ctx.file, () => (exceedsDepth(json) || !isJsonObject(json) ? [] : dependenciesOf(json, ctx, [])));
}

function dependenciesOf(json: JsonObject, ctx: ParseServiceContext, diagnostics: Diagnostic[]): DeclaredDependency[] {
  const deps = ownField(json, 'dependencies');
  if (isJsonObject(deps)) {
    const dctx = { file: ctx.file, owner: { kind: 'scenario' as const, name: ctx.name }, knownScenarios: ctx.knownScenarios, knownResources: ctx.knownResources };
    const resources = parseDependencySection(ownField(deps, 'resources'), ['dependencies', 'resources'], 'resources', dctx, diagnostics);
    const scenarios = parseDependencySection(ownField(deps, 'scenarios'), ['dependencies', 'scenarios'], 'scenarios', dctx, diagnostics);
    // A scenario listed under `resources` (type: scenario) and again under `scenarios` is one edge.
    return mergeDuplicateDependencies([...resources, ...scenarios], ctx.file, diagnostics);
  }
  if (deps !== undefined && deps !== null) {
    diagnostics.push(loaderDiagnostic('DEPENDENCY_SHAPE_UNKNOWN', `\`dependencies\` is a ${jsonTypeName(deps)}; expected an object with resources and scenarios`, { path: '/dependencies', file: ctx.file }));
  }
  return [];
}

function parseUnguarded(json: unknown, ctx: ParseServiceContext): ParsedService {
  const diagnostics: Diagnostic[] = [];
  // A too-deep document is not kept as `raw`: later JSON.stringify calls would overflow on it.
  const empty = (raw: unknown): ParsedService => ({
    scenario: { name: ctx.name, dependencies: [], ports: [], health: [], secrets: [], envNames: [], file: ctx.file, raw },
    diagnostics,
  });
  if (exceedsDepth(json)) {
    diagnostics.push(loaderDiagnostic('JSON_TOO_DEEP', 'service.json nests too deeply to be a service manifest', { file: ctx.file }));
    return empty(null);
  }
  if (!isJsonObject(json)) {
    diagnostics.push(loaderDiagnostic('DOCUMENT_NOT_OBJECT', `service.json holds a ${jsonTypeName(json)}, not an object`, { file: ctx.file }));
    return empty(json);
  }
  const service = ownField(json, 'service');
  const meta: JsonObject = isJsonObject(service) ? service : json;
  const declaredName = nonEmptyString(ownField(meta, 'name'));
  if (declaredName !== undefined && declaredName !== ctx.name) {
    diagnostics.push(loaderDiagnostic('NAME_MISMATCH', `service.json names the scenario "${declaredName}" but it is loaded as "${ctx.name}"`, { path: isJsonObject(service) ? '/service/name' : '/name', file: ctx.file }));
  }
  const displayName = nonEmptyString(ownField(meta, 'displayName')) ?? nonEmptyString(ownField(meta, 'display_name'));
  const description = nonEmptyString(ownField(meta, 'description'));
  // The top-level `version` of a v1 file is the manifest format version, so only `service.version` counts.
  const version = isJsonObject(service) ? nonEmptyString(ownField(service, 'version')) : undefined;

  const dependencies = dependenciesOf(json, ctx, diagnostics);
  const scenario: ScenarioSpec = {
    name: ctx.name,
    ...(displayName === undefined ? {} : { displayName }),
    ...(description === undefined ? {} : { description }),
    ...(version === undefined ? {} : { version }),
    dependencies,
    ports: parsePorts(ownField(json, 'ports'), ctx.file, diagnostics),
    health: parseHealthChecks(ownField(json, 'lifecycle'), ctx.file, diagnostics),
    secrets: parseDeclaredSecrets(ownField(json, 'deployment'), ctx.file, diagnostics),
    envNames: collectEnvNames(json),
    file: ctx.file,
    raw: json,
  };
  return { scenario, diagnostics };
}
