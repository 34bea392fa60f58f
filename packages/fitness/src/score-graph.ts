import type { DependencyGraph } from '@deployment-manager/core/pure';
import { createScoringState, type ScoreOptions } from './scoring-state.ts';
import type { FitnessReport } from './types.ts';

/**
 * Scores a dependency graph on every tier: per distinct dependency (the root
 * scenario excluded) a 0..100 score with sub-scores and reasons; per tier the
 * weighted mean (required dependencies weigh more than optional ones), the
 * blockers (unsupported required dependencies), warnings and summed needs.
 * Unknown dependencies get an explicit `unknown` verdict and are left out of
 * the mean (see `coverage`).
 *
 * @example
 * ```ts
 * const report = scoreGraph(buildGraph(loadWorkspace(root), 'picker-wheel'));
 * report.tiers.desktop?.score;    // e.g. 77.4
 * report.tiers.mobile?.blockers;  // ['resource:n8n', 'resource:ollama', ...]
 * ```
 */
export function scoreGraph(graph: DependencyGraph, options: ScoreOptions = {}): FitnessReport {
  return createScoringState(graph, options).report();
}
