import { createDiagnostic, type Diagnostic, type Severity } from './diagnostics.ts';

/** Severity and hint of one loader diagnostic code. */
export interface LoaderDiagnosticRule {
  /** How bad it is. */
  readonly severity: Severity;
  /** What to do about it. */
  readonly hint: string;
}

/** Every diagnostic code the loaders emit. Codes are stable: hosts and tests match on them, never on wording. */
export const LOADER_DIAGNOSTIC_CODES = [
  'FILE_UNREADABLE',
  'FILE_TOO_LARGE',
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

/** Severity and hint of every loader diagnostic code (rules as data). */
export const LOADER_DIAGNOSTICS: Readonly<Record<LoaderDiagnosticCode, LoaderDiagnosticRule>> = {
  FILE_UNREADABLE: { severity: 'error', hint: 'check that the file exists and is readable; the other files were still loaded' },
  FILE_TOO_LARGE: { severity: 'error', hint: 'the file is larger than the loader accepts; it was skipped' },
  PARSE_FAILED: { severity: 'error', hint: 'fix the JSON/YAML syntax; the other files were still loaded' },
  JSON_TOO_DEEP: { severity: 'error', hint: 'the document nests deeper than any real manifest; it was not interpreted' },
  DOCUMENT_NOT_OBJECT: { severity: 'error', hint: 'the file must hold a JSON object at its top level' },
  FIELD_INVALID: { severity: 'warning', hint: 'the field has the wrong type; its default was used' },
  NAME_MISMATCH: { severity: 'info', hint: 'the directory name is used as the id; align the declared name with it' },
  DEPENDENCY_SHAPE_UNKNOWN: { severity: 'warning', hint: 'use a map name -> {required, enabled, ...} or {required: [...], optional: [...]}' },
  DEPENDENCY_NAME_INVALID: { severity: 'warning', hint: 'give every dependency a non-empty string name; the entry was skipped' },
  DEPENDENCY_GROUP_IGNORED: { severity: 'info', hint: 'only `required`, `optional` and `details` are dependency groups; this list was not read as dependencies' },
  DEPENDENCY_GROUPS_MIXED: { severity: 'info', hint: '`required`/`optional` were read as groups and the other keys as plain entries; prefer one shape per file' },
  DEPENDENCY_DETAILS_ORPHAN: { severity: 'warning', hint: 'a `details` entry names a dependency that neither `required` nor `optional` lists; it was ignored' },
  DEPENDENCY_MERGED: { severity: 'info', hint: 'the same dependency is declared twice; the declarations were merged (required and enabled OR-ed)' },
  DEPENDENCY_ALIAS: { severity: 'info', hint: 'declare the resource by its own name' },
  DEPENDENCY_KIND_INFERRED: { severity: 'info', hint: 'add `"type": "scenario"` or move the entry to `dependencies.scenarios`' },
  DEPENDENCY_FLAG_CONFLICT: { severity: 'info', hint: 'the entry says otherwise than its group; the entry\'s own flag was used' },
  DEPENDENCY_DISABLED_BUT_REQUIRED: { severity: 'warning', hint: 'the edge is required but not enabled; it stays in `active` graphs because required wins - set `enabled: true` if it is used' },
  DEPENDENCY_SELF: { severity: 'warning', hint: 'a dependency on itself means nothing; the entry was dropped' },
  PORT_INVALID: { severity: 'warning', hint: 'ports are integers 1..65535 and ranges look like "15000-19999"; the bad value was dropped' },
  HEALTH_CHECK_INVALID: { severity: 'warning', hint: 'a health check needs a string `name` and `type`; the check was skipped' },
  SECRET_INVALID: { severity: 'warning', hint: 'a declared secret needs a string `secret_id`; the entry was skipped' },
  SOURCE_DUPLICATE: { severity: 'info', hint: 'both the .vrooli/ file and the flat file exist; the .vrooli/ file was used' },
  MANIFEST_MISSING: { severity: 'info', hint: 'the directory has no manifest file; it was only used as a known name' },
  LAYOUT_MIXED: { severity: 'info', hint: 'the workspace mixes the Vrooli layout (.vrooli/, config/) with the flat layout; both were read' },
  WORKSPACE_EMPTY: { severity: 'warning', hint: 'point the loader at a directory that holds scenarios/ or resources/, or at a compact workspace file' },
  REPORT_FIELD_INVALID: { severity: 'warning', hint: 'the deployment report field has an unexpected shape; it was skipped' },
  REPORT_TIER_UNKNOWN: { severity: 'warning', hint: 'use a tier id such as desktop, tier-2-desktop or 2; the entry was skipped' },
  REPORT_TIER_DUPLICATE: { severity: 'warning', hint: 'two spellings of one tier; the first was kept' },
  REPORT_SCENARIO_MISMATCH: { severity: 'warning', hint: 'the report was written for another scenario; regenerate it' },
  REPORT_PHANTOM_NODE: { severity: 'warning', hint: 'the predecessor read a `required`/`optional` group as a dependency; ignore this node when comparing' },
  COMPACT_INVALID: { severity: 'error', hint: 'see the compact workspace JSON Schema (packages/core/schemas/compact-workspace.schema.json); the entry was skipped' },
  COMPACT_EDGE_UNKNOWN: { severity: 'error', hint: 'an edge starts at a scenario or resource the file does not declare; declare it or fix the id' },
};

/** Builds a loader {@link Diagnostic} whose severity and hint come from {@link LOADER_DIAGNOSTICS}. */
export function loaderDiagnostic(code: LoaderDiagnosticCode, file: string | undefined, path: string, message: string): Diagnostic {
  const rule: LoaderDiagnosticRule = LOADER_DIAGNOSTICS[code];
  return createDiagnostic({ code, severity: rule.severity, file, path, message, hint: rule.hint });
}

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
