import { isSdkError, parseDeploymentReport, type DeploymentReportResult, type Diagnostic, type ReportDependencyNode } from '@deployment-manager/core';
import { z } from 'zod';

/**
 * The analyzer's DAG export (`GET /api/v1/scenarios/{s}/dag/export?recursive=true`):
 * the report's dependency tree with its timestamp, parsed like a report.
 */
export interface AnalyzerDagExport {
  /** The scenario analysed. */
  readonly scenario: string;
  /** Whether children were included. */
  readonly recursive: boolean;
  /** When the underlying report was produced (ISO 8601). */
  readonly generatedAt?: string;
  /** The dependency tree (pointers point into the answer's `dag`). */
  readonly dependencies: readonly ReportDependencyNode[];
  /** Nodes the parser skipped or flagged. */
  readonly diagnostics: readonly Diagnostic[];
}

// Runs core's report parser inside zod, so a body that is not a report (or a
// report of another scenario) becomes an HTTP_UNEXPECTED_SHAPE issue.
function parsedWith<T>(scenario: string | undefined, parse: (json: unknown) => T & { readonly scenario: string }): z.ZodType<T> {
  return z.unknown().transform((json, ctx) => {
    try {
      const out = parse(json);
      if (scenario !== undefined && out.scenario !== scenario) {
        ctx.addIssue({ code: 'custom', path: ['scenario'], message: `the answer is about scenario "${out.scenario}", not "${scenario}"` });
        return z.NEVER;
      }
      return out;
    } catch (error) {
      if (!isSdkError(error)) throw error;
      ctx.addIssue({ code: 'custom', path: ['scenario'], message: 'not a deployment report: expected an object with a string `scenario`' });
      return z.NEVER;
    }
  });
}

/**
 * Validates an analyzer deployment report with core's `parseDeploymentReport`
 * (`file` names the source in diagnostics); with `scenario`, also checks the
 * report is about that scenario.
 */
export function deploymentReportSchema(file: string, scenario?: string): z.ZodType<DeploymentReportResult> {
  return parsedWith(scenario, (json) => {
    const result = parseDeploymentReport(json, file);
    return Object.assign(result, { scenario: result.report.scenario });
  }).transform(({ report, diagnostics }) => ({ report, diagnostics }));
}

/** Validates an analyzer DAG export (its `dag` is a report's dependency tree). */
export function dagExportSchema(file: string, scenario?: string): z.ZodType<AnalyzerDagExport> {
  return parsedWith(scenario, (json) => {
    const body = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
    const asReport = { scenario: body['scenario'], generated_at: body['generated_at'], dependencies: body['dag'] };
    const { report, diagnostics } = parseDeploymentReport(asReport, file);
    const fix = (pointer: string): string => pointer.replace(/^\/dependencies/, '/dag');
    const relocate = (n: ReportDependencyNode): ReportDependencyNode => ({ ...n, pointer: fix(n.pointer), children: n.children.map(relocate) });
    return {
      scenario: report.scenario,
      recursive: body['recursive'] !== false,
      ...(report.generatedAt === undefined ? {} : { generatedAt: report.generatedAt }),
      dependencies: report.dependencies.map(relocate),
      diagnostics: diagnostics.map((d) => ({ ...d, path: fix(d.path) })),
    };
  });
}
