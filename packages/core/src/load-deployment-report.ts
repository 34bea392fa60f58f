import { join } from 'node:path';
import { SdkError } from './errors.ts';
import { isFile, readJsonFile } from './load-files.ts';
import type { Workspace } from './model.ts';
import type { DeploymentReportResult } from './parse-deployment-report-types.ts';
import { parseDeploymentReport } from './parse-deployment-report.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';

/**
 * Reads and parses a predecessor `deployment-report.json`. Throws
 * `FILE_UNREADABLE` when it cannot be read and `PARSE_FAILED` when it is not
 * JSON or not a report; smaller problems are diagnostics.
 *
 * @example
 * ```ts
 * const { report } = loadDeploymentReport('scenarios/calendar/.vrooli/deployment/deployment-report.json');
 * Object.keys(report.aggregates); // ['desktop', 'enterprise', 'local', 'mobile', 'saas', 'server']
 * ```
 */
export function loadDeploymentReport(path: string, file: string = path): DeploymentReportResult {
  const read = readJsonFile(path, file);
  if (!read.ok) {
    const code = read.diagnostic.code === 'PARSE_FAILED' ? 'PARSE_FAILED' : 'FILE_UNREADABLE';
    throw new SdkError(code, read.diagnostic.message, { hint: read.diagnostic.hint ?? 'check the path', details: { file } });
  }
  return parseDeploymentReport(read.value, file);
}

/**
 * Finds and loads the deployment report of a scenario in a Vrooli or flat
 * workspace (`scenarios/<n>/.vrooli/deployment/deployment-report.json`, else
 * `scenarios/<n>/deployment-report.json`); `undefined` when there is none or
 * the workspace is compact. Throws `SCENARIO_NOT_FOUND` for an unknown scenario.
 *
 * @example
 * ```ts
 * const ws = loadWorkspace('path/to/Vrooli');
 * const found = findDeploymentReport(ws, 'calendar');
 * found?.diagnostics.filter((d) => d.code === 'REPORT_PHANTOM_NODE');
 * ```
 */
export function findDeploymentReport(workspace: Workspace, scenario: string): DeploymentReportResult | undefined {
  if (!workspace.scenarios.has(scenario)) {
    throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${scenario}" is not in the workspace at ${workspace.root}`, {
      hint: 'load the workspace first and pass one of its scenario names',
      details: { scenario, root: workspace.root },
    });
  }
  if (workspace.layout === 'compact') return undefined;
  for (const file of [`scenarios/${scenario}/.vrooli/deployment/deployment-report.json`, `scenarios/${scenario}/deployment-report.json`]) {
    const abs = join(workspace.root, file);
    if (!isFile(abs)) continue;
    const result = loadDeploymentReport(abs, file);
    if (result.report.scenario === scenario) return result;
    const mismatch = loaderDiagnostic('REPORT_SCENARIO_MISMATCH', `the report is about "${result.report.scenario}", not "${scenario}"`, { path: '/scenario', file });
    return { report: result.report, diagnostics: [mismatch, ...result.diagnostics] };
  }
  return undefined;
}
