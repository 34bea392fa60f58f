// What the server and the page say to each other besides the workspace: the
// session the page starts from and the events of a packaging job. Types only,
// so the page imports them without pulling any Node module.
import type { InclusionPolicy } from '@deployment-manager/core/pure';

/** What the page learns first: which scenarios exist and which one to open. */
export interface UiSession {
  /** The scenario to open, or null to show the picker. */
  readonly scenario: string | null;
  /** Every scenario in the workspace, sorted. */
  readonly scenarios: readonly string[];
  /** Graph inclusion policy. */
  readonly policy: InclusionPolicy;
  /** The workspace root, for display. */
  readonly root: string;
  /** Deployment plan targets the planner knows. */
  readonly planTargets: readonly string[];
  /** Environments the planner knows. */
  readonly environments: readonly string[];
}

/** The part of a planner `DeploymentPlan` the page shows (the server sends all of it). */
export interface PlanView {
  /** Target id. */
  readonly target: string;
  /** Environment name. */
  readonly environment: string;
  /** Tier planned for. */
  readonly tier: string;
  /** Success, or where and why it stops. */
  readonly outcome: { readonly status: 'success'; readonly urls: readonly string[] } | { readonly status: 'error'; readonly stage: string; readonly reason: string; readonly fix_suggestion: string };
  /** The stages in order. */
  readonly stages: readonly { readonly id: string; readonly status: 'ready' | 'blocked'; readonly actions: readonly string[]; readonly commands: readonly string[] }[];
  /** Pre-flight and planning findings: the planner's diagnostics. */
  readonly findings: readonly { readonly severity: 'error' | 'warning' | 'info'; readonly code: string; readonly path: string; readonly message: string; readonly hint?: string }[];
  /** Monthly cost, when the target has prices. */
  readonly cost?: {
    readonly monthlyUsd: number;
    readonly source: string;
    readonly lines: readonly { readonly item: string; readonly quantity: number; readonly unitUsd: number; readonly monthlyUsd: number }[];
  };
}

/** One step of a packaging job, as the page shows it. */
export interface PackageEvent {
  /** 0, 1, 2... in order. */
  readonly seq: number;
  /** Which step. */
  readonly stage: 'assemble' | 'export' | 'pack' | 'done' | 'failed';
  /** Lower-case sentence (no secret values: the manifest holds none). */
  readonly message: string;
  /** 0..1 when known. */
  readonly progress?: number;
  /** On `done`: what was written, relative to the job's directory. */
  readonly artifacts?: readonly { readonly path: string; readonly sha256: string; readonly bytes: number }[];
  /** On `done`: the exported manifest's checksum. */
  readonly manifestSha256?: string;
  /** On `done` and `failed`: the job's directory. */
  readonly outDir?: string;
}
