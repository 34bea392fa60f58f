import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticBuilder, type DiagnosticCodeTable } from './diagnostic-codes.ts';
import type { Diagnostic } from './diagnostics.ts';

/** Every diagnostic code the loaders emit. Codes are stable: hosts and tests match on them, never on wording. */
export const LOADER_DIAGNOSTIC_CODES = [
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
  'FILE_NOT_REGULAR',
  'PARSE_FAILED',
  'JSON_TOO_DEEP',
  'DOCUMENT_NOT_OBJECT',
  'FIELD_INVALID',
  'NAME_MISMATCH',
  'DEPENDENCY_SHAPE_UNKNOWN',
  'DEPENDENCY_NAME_INVALID',
  'DEPENDENCY_GROUP_IGNORED',
  'DEPENDENCY_GROUPS_MIXED',
  'DEPENDENCY_DETAILS_ORPHAN',
  'DEPENDENCY_MERGED',
  'DEPENDENCY_ALIAS',
  'DEPENDENCY_KIND_INFERRED',
  'DEPENDENCY_FLAG_CONFLICT',
  'DEPENDENCY_DISABLED_BUT_REQUIRED',
  'DEPENDENCY_SELF',
  'PORT_INVALID',
  'HEALTH_CHECK_INVALID',
  'SECRET_INVALID',
  'SOURCE_DUPLICATE',
  'MANIFEST_MISSING',
  'LAYOUT_MIXED',
  'WORKSPACE_EMPTY',
  'REPORT_FIELD_INVALID',
  'REPORT_TIER_UNKNOWN',
  'REPORT_TIER_DUPLICATE',
  'REPORT_SCENARIO_MISMATCH',
  'REPORT_PHANTOM_NODE',
  'COMPACT_INVALID',
  'COMPACT_EDGE_UNKNOWN',
] as const;

/** A diagnostic code emitted by the loaders. */
export type LoaderDiagnosticCode = (typeof LOADER_DIAGNOSTIC_CODES)[number];

/** Severity, meaning and hint of every loader diagnostic code (rules as data). */
export const LOADER_DIAGNOSTICS: DiagnosticCodeTable<LoaderDiagnosticCode> = defineDiagnosticCodes({
  FILE_UNREADABLE: { severity: 'error', summary: 'a file could not be read', hint: 'check that the file exists and is readable; the other files were still loaded' },
  FILE_TOO_LARGE: { severity: 'error', summary: 'a file is larger than the loader accepts', hint: 'the file is larger than the loader accepts (DM_MAX_INPUT_BYTES); it was skipped' },
  FILE_NOT_REGULAR: { severity: 'error', summary: 'a manifest path is no regular file', hint: 'a manifest must be a regular file (not a directory, FIFO or device); it was skipped' },
  PARSE_FAILED: { severity: 'error', summary: 'a file is not valid JSON or YAML', hint: 'fix the JSON/YAML syntax; the other files were still loaded' },
  JSON_TOO_DEEP: { severity: 'error', summary: 'a document nests deeper than the loader interprets', hint: 'the document nests deeper than any real manifest; it was not interpreted' },
  DOCUMENT_NOT_OBJECT: { severity: 'error', summary: 'a file does not hold an object at its top level', hint: 'the file must hold a JSON object at its top level' },
  FIELD_INVALID: { severity: 'warning', summary: 'a field has the wrong type', hint: 'the field has the wrong type; its default was used' },
  NAME_MISMATCH: { severity: 'info', summary: 'a declared name differs from its directory name', hint: 'the directory name is used as the id; align the declared name with it' },
  DEPENDENCY_SHAPE_UNKNOWN: { severity: 'warning', summary: 'a dependencies section has a shape the loader does not read', hint: 'use a map name -> {required, enabled, ...} or {required: [...], optional: [...]}' },
  DEPENDENCY_NAME_INVALID: { severity: 'warning', summary: 'a dependency entry has no usable name', hint: 'give every dependency a non-empty string name; the entry was skipped' },
  DEPENDENCY_GROUP_IGNORED: { severity: 'info', summary: 'a list beside the dependency groups was not read as dependencies', hint: 'only `required`, `optional` and `details` are dependency groups; this list was not read as dependencies' },
  DEPENDENCY_GROUPS_MIXED: { severity: 'info', summary: 'a section mixes groups and plain entries', hint: '`required`/`optional` were read as groups and the other keys as plain entries; prefer one shape per file' },
  DEPENDENCY_DETAILS_ORPHAN: { severity: 'warning', summary: 'a `details` entry names an undeclared dependency', hint: 'a `details` entry names a dependency that neither `required` nor `optional` lists; it was ignored' },
  DEPENDENCY_MERGED: { severity: 'info', summary: 'one dependency is declared twice and was merged', hint: 'the same dependency is declared twice; the declarations were merged (required and enabled OR-ed)' },
  DEPENDENCY_ALIAS: { severity: 'info', summary: 'a dependency was declared by an alias of its name', hint: 'declare the resource by its own name' },
  DEPENDENCY_KIND_INFERRED: { severity: 'info', summary: 'a resource entry was read as a scenario', hint: 'add `"type": "scenario"` or move the entry to `dependencies.scenarios`' },
  DEPENDENCY_FLAG_CONFLICT: { severity: 'info', summary: 'the flag of an entry contradicts its group', hint: 'the entry says otherwise than its group; the entry\'s own flag was used' },
  DEPENDENCY_DISABLED_BUT_REQUIRED: { severity: 'warning', summary: 'an edge is required but not enabled', hint: 'the edge is required but not enabled; it stays in `active` graphs because required wins - set `enabled: true` if it is used' },
  DEPENDENCY_SELF: { severity: 'warning', summary: 'an entry depends on itself', hint: 'a dependency on itself means nothing; the entry was dropped' },
  PORT_INVALID: { severity: 'warning', summary: 'a port or port range is not valid', hint: 'ports are integers 1..65535 and ranges look like "15000-19999"; the bad value was dropped' },
  HEALTH_CHECK_INVALID: { severity: 'warning', summary: 'a health check lacks its name or type', hint: 'a health check needs a string `name` and `type`; the check was skipped' },
  SECRET_INVALID: { severity: 'warning', summary: 'a declared secret has no `secret_id`', hint: 'a declared secret needs a string `secret_id`; the entry was skipped' },
  SOURCE_DUPLICATE: { severity: 'info', summary: 'both a .vrooli/ file and a flat file exist', hint: 'both the .vrooli/ file and the flat file exist; the .vrooli/ file was used' },
  MANIFEST_MISSING: { severity: 'info', summary: 'a directory has no manifest file', hint: 'the directory has no manifest file; it was only used as a known name' },
  LAYOUT_MIXED: { severity: 'info', summary: 'the workspace mixes the Vrooli and flat layouts', hint: 'the workspace mixes the Vrooli layout (.vrooli/, config/) with the flat layout; both were read' },
  WORKSPACE_EMPTY: { severity: 'warning', summary: 'the root holds neither scenarios nor resources', hint: 'point the loader at a directory that holds scenarios/ or resources/, or at a compact workspace file' },
  REPORT_FIELD_INVALID: { severity: 'warning', summary: 'a deployment report field has an unexpected shape', hint: 'the deployment report field has an unexpected shape; it was skipped' },
  REPORT_TIER_UNKNOWN: { severity: 'warning', summary: 'a deployment report names an unknown tier', hint: 'use a tier id such as desktop, tier-2-desktop or 2; the entry was skipped' },
  REPORT_TIER_DUPLICATE: { severity: 'warning', summary: 'a deployment report spells one tier twice', hint: 'two spellings of one tier; the first was kept' },
  REPORT_SCENARIO_MISMATCH: { severity: 'warning', summary: 'a deployment report was written for another scenario', hint: 'the report was written for another scenario; regenerate it' },
  REPORT_PHANTOM_NODE: { severity: 'warning', summary: 'a deployment report node is a group misread as a dependency', hint: 'the predecessor read a `required`/`optional` group as a dependency; ignore this node when comparing' },
  COMPACT_INVALID: { severity: 'error', summary: 'a compact workspace entry violates its schema', hint: 'see the compact workspace JSON Schema (packages/core/schemas/compact-workspace.schema.json); the entry was skipped' },
  COMPACT_EDGE_UNKNOWN: { severity: 'error', summary: 'a compact workspace edge starts at an undeclared node', hint: 'an edge starts at a scenario or resource the file does not declare; declare it or fix the id' },
});

/** Builds a loader diagnostic: severity and hint come from {@link LOADER_DIAGNOSTICS}. */
export const loaderDiagnostic: DiagnosticBuilder<LoaderDiagnosticCode> = createDiagnosticBuilder(LOADER_DIAGNOSTICS);

/** Orders diagnostics by file, path, code and message, so output never depends on read order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string[] => [d.file ?? '', d.path, d.code, d.message];
  return [...diagnostics].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as string;
      const y = kb[i] as string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}
