// The rule-bearing code that `pnpm mutate` mutation-tests, one area per concern, as data: the files
// mutated, the package whose own tests must kill the mutants, and which of its test files run
// against them: the ones that state these rules. Never the suites of other packages, never the
// ../shared ones. A subset can only kill fewer mutants than the whole package suite, so the score is
// never flattered by it; it keeps a run to minutes, where the stores', processes' and swap planners'
// suites (which reach these rules only through everything else) made each mutant cost minutes on a
// busy machine.

/** @typedef {{ name: string, package: string, mutate: string[], tests: string[], what: string }} MutationArea */

/** @type {readonly MutationArea[]} */
export const MUTATION_AREAS = [
  {
    name: 'fitness-scoring',
    package: 'fitness',
    // scoring-state.ts, the incremental engine that keeps the sums these rules read, is left out: its
    // bookkeeping is checked against a full re-score (scoring-state.test.ts), and its hundreds of
    // mutants (trials, journals, internal-error guards) made a run take hours on a shared machine.
    what: 'per-dependency and per-graph tier scores: constraints, deductions, roles, weights, the graph mean, blockers',
    mutate: [
      'packages/fitness/src/score-dependency.ts',
      'packages/fitness/src/graph-score.ts',
      'packages/fitness/src/score-graph.ts',
      'packages/fitness/src/roles.ts',
      'packages/fitness/src/tier-constraints.ts',
    ],
    tests: [
      'packages/fitness/src/score-dependency.test.ts',
      'packages/fitness/src/graph-score.test.ts',
      'packages/fitness/src/score-graph.test.ts',
      'packages/fitness/src/roles.test.ts',
      'packages/fitness/src/scoring-state.test.ts',
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
    tests: [
      'packages/secrets/src/classify.test.ts',
      'packages/secrets/src/plan.test.ts',
      'packages/secrets/src/policy.test.ts',
      'packages/secrets/src/validate-plan.test.ts',
    ],
  },
  {
    name: 'core-graph',
    package: 'core',
    what: 'the dependency graph and its algorithms: cycles, order, generations, closure, impact',
    mutate: ['packages/core/src/algorithms.ts', 'packages/core/src/graph.ts'],
    tests: ['packages/core/src/algorithms.test.ts', 'packages/core/src/graph.test.ts'],
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
    tests: ['packages/bundle/src/canonical.test.ts', 'packages/bundle/src/validate-manifest.test.ts', 'packages/bundle/test/consistency.test.ts'],
  },
];
