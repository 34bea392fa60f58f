// The rule-bearing code that `pnpm mutate` mutation-tests, one area per concern, as data: the files
// mutated and the package whose own tests must kill the mutants (its src/**/*.test.ts and
// test/**/*.test.ts, never the suites of other packages, never the ../shared ones).

/** @typedef {{ name: string, package: string, mutate: string[], what: string }} MutationArea */

/** @type {readonly MutationArea[]} */
export const MUTATION_AREAS = [
  {
    name: 'fitness-scoring',
    package: 'fitness',
    what: 'per-dependency and per-graph tier scores: constraints, deductions, roles, weights, blockers',
    mutate: [
      'packages/fitness/src/score-dependency.ts',
      'packages/fitness/src/scoring-state.ts',
      'packages/fitness/src/score-graph.ts',
      'packages/fitness/src/roles.ts',
      'packages/fitness/src/tier-constraints.ts',
    ],
  },
  {
    name: 'secrets-classification',
    package: 'secrets',
    what: 'fail-closed classification per tier, the policy rules, the secret plan',
    mutate: [
      'packages/secrets/src/classify.ts',
      'packages/secrets/src/plan.ts',
      'packages/secrets/src/policy.ts',
      'packages/secrets/src/policy/rules.ts',
    ],
  },
  {
    name: 'core-graph',
    package: 'core',
    what: 'the dependency graph and its algorithms: cycles, order, generations, closure, impact',
    mutate: ['packages/core/src/algorithms.ts', 'packages/core/src/graph.ts'],
  },
  {
    name: 'bundle-checks',
    package: 'bundle',
    what: 'canonical JSON export and the semantic checks of a manifest',
    mutate: [
      'packages/bundle/src/canonical.ts',
      'packages/bundle/src/canonical-export.ts',
      'packages/bundle/src/check-desktop.ts',
      'packages/bundle/src/check-health.ts',
      'packages/bundle/src/check-paths.ts',
      'packages/bundle/src/check-placeholders.ts',
      'packages/bundle/src/check-references.ts',
      'packages/bundle/src/check-secrets.ts',
      'packages/bundle/src/check-targets.ts',
    ],
  },
];
