// What the page computes from the workspace, with the SDK's own functions:
// the scenario's graph and scores, and per tier the effect of the chosen swaps.
import { TIERS, buildGraph, type DependencyGraph, type InclusionPolicy, type NodeId, type ScenarioSpec, type Tier, type Workspace } from '@deployment-manager/core/pure';
import { applySwaps, cascade, scoreGraph, suggestSwaps, type Cascade, type FitnessReport, type SwapSpec, type SwapSuggestion } from '@deployment-manager/fitness';
import { planSecrets, type SecretPlan } from '@deployment-manager/secrets/pure';

/** A scenario as first loaded: its graph and its scores on every tier. */
export interface ScenarioModel {
  /** Scenario name. */
  readonly scenario: string;
  /** Its spec (declared secrets, ports...). */
  readonly spec: ScenarioSpec;
  /** The graph before any swap. */
  readonly graph: DependencyGraph;
  /** Scores of the graph before any swap, every tier. */
  readonly report: FitnessReport;
}

/** One tier with its chosen swaps applied. */
export interface TierView {
  /** The tier. */
  readonly tier: Tier;
  /** The swaps chosen for it. */
  readonly swaps: readonly SwapSpec[];
  /** The graph after the swaps. */
  readonly graph: DependencyGraph;
  /** Scores of that graph (at least this tier). */
  readonly report: FitnessReport;
  /** The tier's score after the swaps. */
  readonly score: number;
  /** Required dependencies unsupported on the tier after the swaps. */
  readonly blockers: readonly NodeId[];
}

/** Builds a scenario's graph and scores it on every tier. */
export function scenarioModel(workspace: Workspace, scenario: string, policy: InclusionPolicy): ScenarioModel {
  const spec = workspace.scenarios.get(scenario);
  if (spec === undefined) throw new Error(`scenario "${scenario}" is not in the workspace`);
  const graph = buildGraph(workspace, scenario, { policy });
  return { scenario, spec, graph, report: scoreGraph(graph) };
}

/** Swap suggestions for one tier, best first. */
export function suggestionsFor(model: ScenarioModel, tier: Tier): readonly SwapSuggestion[] {
  return suggestSwaps(model.graph, tier);
}

/**
 * A tier after its swaps, scored for that tier only: what a toggle must show
 * at once. The cascade (a structured diff, with follow-up suggestions) is
 * {@link cascadeOf}, computed a moment later.
 */
export function tierView(model: ScenarioModel, tier: Tier, swaps: readonly SwapSpec[]): TierView {
  if (swaps.length === 0) {
    const fitness = model.report.tiers[tier];
    return { tier, swaps, graph: model.graph, report: model.report, score: fitness?.score ?? 0, blockers: fitness?.blockers ?? [] };
  }
  const graph = applySwaps(model.graph, swaps, { tier });
  const report = scoreGraph(graph, { tiers: [tier] });
  const fitness = report.tiers[tier];
  return { tier, swaps, graph, report, score: fitness?.score ?? 0, blockers: fitness?.blockers ?? [] };
}

/** The cascade of a tier's swaps: capabilities lost, nodes and secrets added and removed, fitness before and after. */
export function cascadeOf(model: ScenarioModel, view: TierView): Cascade {
  return cascade(model.graph, view.swaps, view.tier);
}

/** The secret plan of a tier's graph (names and classes only: the page never sees a value). */
export function secretPlanFor(model: ScenarioModel, view: TierView): SecretPlan {
  return planSecrets(view.graph, { tier: view.tier, scenario: model.spec });
}

/** Every tier, in canonical order. */
export const ALL_TIERS: readonly Tier[] = TIERS;

/** The display name of a node id (`resource:postgres` -> `postgres`). */
export function nameOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** A stable key of a swap for test ids and React keys. */
export function swapKey(s: { readonly from: string; readonly to: string }): string {
  return `${nameOf(s.from)}-${s.to}`;
}
