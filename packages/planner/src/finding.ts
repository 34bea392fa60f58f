import { PLAN_FINDING_CODES, type FindingStage, type PlanFindingCode } from './finding-codes.ts';

/**
 * One pre-flight finding in the seeds' shape: `status`, `stage`, `reason`
 * and `fix_suggestion` (snake case, as the predecessor's reports), plus a
 * stable `code` and, when it is about one place, a JSON `path`.
 */
export interface PlanFinding {
  /** `error` blocks the deployment; `warning` and `info` do not. */
  readonly status: 'error' | 'warning' | 'info';
  /** The pre-flight stage it belongs to. */
  readonly stage: FindingStage;
  /** Stable code (tests match on it). */
  readonly code: PlanFindingCode;
  /** What is wrong, naming the offending value (`Missing ENV: OPENAI_API_KEY`). */
  readonly reason: string;
  /** What to do about it. */
  readonly fix_suggestion: string;
  /** JSON pointer into the manifest or input, when it is about one place. */
  readonly path?: string;
}

/** Builds a {@link PlanFinding}; the stage comes from the code's entry in {@link PLAN_FINDING_CODES}. */
export function planFinding(code: PlanFindingCode, status: PlanFinding['status'], reason: string, fix: string, path?: string): PlanFinding {
  return { status, stage: PLAN_FINDING_CODES[code].stage, code, reason, fix_suggestion: fix, ...(path === undefined ? {} : { path }) };
}

/** True when any finding blocks (status `error`). */
export function isBlocked(findings: readonly PlanFinding[]): boolean {
  return findings.some((f) => f.status === 'error');
}
