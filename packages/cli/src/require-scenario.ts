import { closestMatch, SdkError, type SdkErrorCode, type Workspace } from '@deployment-manager/core';

/** Loader codes that say the file could not be read at all: the error keeps them. */
const FILE_CODES: ReadonlySet<string> = new Set(['FILE_UNREADABLE', 'FILE_NOT_REGULAR', 'FILE_TOO_LARGE']);

/** True for a file under `scenarios/<scenario>/` (either layout). */
function isScenarioFile(file: string, scenario: string): boolean {
  const [top, name] = file.replace(/\\/g, '/').split('/');
  return top === 'scenarios' && name === scenario;
}

/**
 * Checks that the workspace holds `scenario`. When it does not, the error
 * says why: the scenario's own file could not be read (`FILE_NOT_REGULAR`,
 * `FILE_TOO_LARGE`, `FILE_UNREADABLE`) or did not parse (`PARSE_FAILED` with
 * the loader's message: file, line and column), or no such scenario exists
 * (`SCENARIO_NOT_FOUND` naming the closest scenario there is).
 */
export function requireScenario(workspace: Workspace, scenario: string): void {
  if (workspace.scenarios.has(scenario)) return;
  const own = workspace.diagnostics.find((d) => d.severity === 'error' && d.file !== undefined && isScenarioFile(d.file, scenario));
  if (own !== undefined) {
    throw new SdkError(FILE_CODES.has(own.code) ? (own.code as SdkErrorCode) : 'PARSE_FAILED', `scenario "${scenario}" cannot be read: ${own.message}`, { hint: own.hint ?? 'fix the file and run again', details: { scenario, file: own.file } });
  }
  const known = [...workspace.scenarios.keys()];
  const near = closestMatch(scenario, known);
  throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${scenario}" is not in the workspace at ${workspace.root}`, {
    hint:
      near !== undefined
        ? `did you mean "${near}"?`
        : known.length === 0
          ? 'the workspace holds no scenarios; check --root'
          : `${known.length} scenario(s) there, e.g. ${known.slice(0, 5).join(', ')}; check the name or --root`,
    details: { scenario, root: workspace.root },
  });
}
