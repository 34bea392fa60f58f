/**
 * Tier fitness scoring with explanations, swap suggestions, swap cascades and
 * what-if re-scoring, plus a parity model of the predecessor analyzer.
 *
 * @packageDocumentation
 * @module @deployment-manager/fitness
 */
export type {
  DependencyFitness,
  DependencyTierScore,
  FitnessReport,
  NodeRole,
  Reason,
  ResourceNeeds,
  SubScoreName,
  SubScores,
  TierFitness,
} from './types.ts';
export { SUBSCORE_WEIGHTS, TIER_CONSTRAINTS, type TierConstraints, type Tolerance } from './tier-constraints.ts';
export { combineSubscores, scoreEntry, unknownScore } from './score-dependency.ts';
export { ROLE_BY_RANK, computeRanks, edgeRank, type RoleRank } from './roles.ts';
export { createScoringState, resolveEntry, type ScoreOptions, type ScoringState } from './scoring-state.ts';
export { DEFAULT_ROLE_WEIGHTS, type RoleWeights } from './graph-score.ts';
export { scoreGraph } from './score-graph.ts';
export {
  applySwaps,
  parseSwapArg,
  planSwaps,
  resolveSwaps,
  type ApplySwapsOptions,
  type ResolvedSwap,
  type SwapPlan,
  type SwapSpec,
} from './apply-swaps.ts';
export { allGainsSwaps, lacking, suggestSwaps, type SuggestOptions, type SwapSuggestion } from './suggest.ts';
export { DEFAULT_SWAP_COSTS, type SwapCostWeights } from './swap-cost-data.ts';
export type { SwapCostOverrides } from './swap-prices.ts';
export { DEFAULT_MAX_EVALUATIONS } from './swap-search.ts';
export {
  planSwapSet,
  type PlannedSwap,
  type PlanSwapSetOptions,
  type SwapSetAlternative,
  type SwapSetPlan,
} from './plan-swap-set.ts';
export { recommendTier, type RecommendTierOptions, type TierPlan, type TierRecommendation } from './recommend-tier.ts';
export { cascade, declaredNeeds, type Cascade, type CapabilityLoss, type FitnessDelta, type PortChange, type SecretChange } from './cascade.ts';
export { createWhatIf, type WhatIf, type WhatIfStep } from './what-if.ts';
export { VROOLI_BLOCKER_THRESHOLD, VROOLI_CLASSES, VROOLI_RULES, VROOLI_TIERS, type VrooliClass, type VrooliRule, type VrooliTier } from './vrooli-classes.ts';
export {
  sameAggregates,
  vrooliAggregates,
  vrooliReportAggregates,
  vrooliTierSupport,
  vrooliTreeFromGraph,
  type VrooliAggregate,
  type VrooliTierSupport,
  type VrooliTreeLike,
  type VrooliTreeOptions,
  type VrooliTreeNode,
} from './vrooli-parity.ts';
export { fitnessToJson, vrooliFitnessToJson, type FitnessJson, type FitnessJsonTier, type FitnessModel } from './fitness-json.ts';
export { EVIDENCE_PENALTIES, OBSERVED_FAILURE_KINDS, type EvidencePenalty, type ObservedFailureKind } from './evidence-data.ts';
export { applyEvidence, type ObservedFailure } from './apply-evidence.ts';
