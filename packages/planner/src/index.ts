/**
 * Deployment planner: environments, provider targets, pre-flight, rollout and rollback plans, smoke checks.
 *
 * @packageDocumentation
 * @module @deployment-manager/planner
 */
export {};
