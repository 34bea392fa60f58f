import type { Diagnostic } from './diagnostics.ts';
import { exceedsDepth, finiteNumber, isJsonObject, jsonTypeName, nonEmptyString, omitFields, ownField, type JsonObject } from './json-values.ts';
import type { ResourceSpec } from './model.ts';
import { mergeDuplicateDependencies, parseDependencySection, type DependencyParseContext, type ManifestParseContext } from './parse-dependencies.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';
import { guardParse } from './parse-guard.ts';

/** What {@link parseRuntimeJson} needs besides the JSON. */
export type ParseRuntimeContext = ManifestParseContext;

/** A parsed resource plus everything the parser could not fully understand. */
export interface ParsedRuntime {
  /** The resource; always present. */
  readonly resource: ResourceSpec;
  /** Findings, each with file and JSON pointer. */
  readonly diagnostics: readonly Diagnostic[];
}

const OWN_KEYS = ['dependencies', 'optional_dependencies', 'startup_order', 'startup_timeout', 'priority'];
const NAME_KEYS = ['name', 'resource_name', 'resource'];

/**
 * Parses a Vrooli resource `config/runtime.json` into a {@link ResourceSpec}:
 * `dependencies` as a list (required) or `{required, optional, ...}`,
 * `optional_dependencies` (optional, not enabled), `startup_order`,
 * `startup_timeout` (seconds) and `priority` (also read from a `lifecycle`
 * block when absent at the top), every other field kept verbatim in `extras`.
 * Pure; never throws on any JSON value.
 *
 * @example
 * ```ts
 * const { resource } = parseRuntimeJson({ startup_order: 550, dependencies: ['postgres'] }, {
 *   file: 'resources/keycloak/config/runtime.json',
 *   name: 'keycloak',
 *   knownResources: new Set(['postgres']),
 *   knownScenarios: new Set(),
 * });
 * resource.dependencies[0]?.name; // 'postgres'
 * ```
 */
export function parseRuntimeJson(json: unknown, ctx: ParseRuntimeContext): ParsedRuntime {
  return guardParse(ctx.file, () => parseUnguarded(json, ctx));
}

function parseUnguarded(json: unknown, ctx: ParseRuntimeContext): ParsedRuntime {
  const diagnostics: Diagnostic[] = [];
  if (!isJsonObject(json) || exceedsDepth(json)) {
    diagnostics.push(
      exceedsDepth(json)
        ? loaderDiagnostic('JSON_TOO_DEEP', 'runtime.json nests too deeply to be a runtime manifest', { file: ctx.file })
        : loaderDiagnostic('DOCUMENT_NOT_OBJECT', `runtime.json holds a ${jsonTypeName(json)}, not an object`, { file: ctx.file }),
    );
    return { resource: { name: ctx.name, dependencies: [], extras: {}, file: ctx.file }, diagnostics };
  }
  for (const key of NAME_KEYS) {
    const declared = nonEmptyString(ownField(json, key));
    if (declared !== undefined && declared !== ctx.name) {
      diagnostics.push(loaderDiagnostic('NAME_MISMATCH', `runtime.json names the resource "${declared}" but it is loaded as "${ctx.name}"`, { path: `/${key}`, file: ctx.file }));
    }
  }
  const dctx: DependencyParseContext = { file: ctx.file, owner: { kind: 'resource', name: ctx.name }, knownScenarios: ctx.knownScenarios, knownResources: ctx.knownResources };
  const declared = parseDependencySection(ownField(json, 'dependencies'), ['dependencies'], 'runtime', dctx, diagnostics);
  const optional = parseDependencySection(ownField(json, 'optional_dependencies'), ['optional_dependencies'], 'runtime', dctx, diagnostics, 'optional');
  const lifecycle: JsonObject = isJsonObject(ownField(json, 'lifecycle')) ? (ownField(json, 'lifecycle') as JsonObject) : {};
  const field = (key: string): { value: unknown; path: string } =>
    ownField(json, key) !== undefined ? { value: ownField(json, key), path: `/${key}` } : { value: ownField(lifecycle, key), path: `/lifecycle/${key}` };
  const startupOrder = readNumber(field('startup_order'), ctx.file, diagnostics);
  const startupTimeoutSec = readNumber(field('startup_timeout'), ctx.file, diagnostics);
  const priorityField = field('priority');
  const priority = typeof priorityField.value === 'string' ? priorityField.value : undefined;
  if (priorityField.value !== undefined && priority === undefined) {
    diagnostics.push(loaderDiagnostic('FIELD_INVALID', `\`priority\` is a ${jsonTypeName(priorityField.value)}; expected a string, it was ignored`, { path: priorityField.path, file: ctx.file }));
  }
  const resource: ResourceSpec = {
    name: ctx.name,
    dependencies: mergeDuplicateDependencies([...declared, ...optional], ctx.file, diagnostics),
    ...(startupOrder === undefined ? {} : { startupOrder }),
    ...(startupTimeoutSec === undefined ? {} : { startupTimeoutSec }),
    ...(priority === undefined ? {} : { priority }),
    extras: omitFields(json, OWN_KEYS),
    file: ctx.file,
  };
  return { resource, diagnostics };
}

function readNumber(field: { value: unknown; path: string }, file: string, diagnostics: Diagnostic[]): number | undefined {
  if (field.value === undefined) return undefined;
  const n = finiteNumber(field.value);
  if (n !== undefined && n >= 0) return n;
  diagnostics.push(loaderDiagnostic('FIELD_INVALID', `value is a ${jsonTypeName(field.value)}, not a non-negative finite number; it was ignored`, { path: field.path, file }));
  return undefined;
}
