import { createDiagnostic, type Diagnostic } from '@deployment-manager/core';
import { planFinding, type PlanFinding } from './finding.ts';
import type { PlanFindingCode } from './finding-codes.ts';

/** A planner finding as a core `Diagnostic` (what packagers' `check` returns). */
export function findingToDiagnostic(f: PlanFinding): Diagnostic {
  return createDiagnostic({ code: f.code, severity: f.status, path: f.path ?? '', message: f.reason, hint: f.fix_suggestion });
}

/** A core `Diagnostic` (manifest validation, secret plans) as a planner finding under `code`. */
export function diagnosticToFinding(code: PlanFindingCode, d: Diagnostic, prefix = ''): PlanFinding {
  return planFinding(code, d.severity, `${prefix}${d.message} [${d.code}]`, d.hint ?? 'see the diagnostic code in the package docs', d.path);
}
