// Surviving mutants judged equivalent: the mutated program behaves exactly like the original, so no
// test can kill them. Each names the file, Stryker's mutator, the replacement (when it matters), a
// fragment of the mutated line and why it is equivalent. scripts/mutate.mjs lists the ones it met
// and leaves them out of the score (as Stryker's own `// Stryker disable` comments would).

/** @typedef {{ file: string, mutator: string | string[], replacement?: string, line: string, reason: string }} EquivalentMutant */

/** @type {readonly EquivalentMutant[]} */
export const MUTATION_EQUIVALENTS = [
  {
    file: 'packages/fitness/src/roles.ts',
    mutator: 'ArrayDeclaration',
    line: 'out.set(e.from, (list = []))',
    reason: 'a junk first element has no to/rank: Math.min(rank, undefined) is NaN, and NaN > r is false, so it ranks nothing',
  },
  {
    file: 'packages/fitness/src/roles.ts',
    mutator: 'ArrayDeclaration',
    line: 'of out.get(u) ?? []',
    reason: 'the fallback list of a node without edges: a junk element has no rank, NaN > r is false, so it ranks nothing',
  },
  {
    file: 'packages/fitness/src/score-dependency.ts',
    mutator: ['ConditionalExpression', 'LogicalOperator', 'EqualityOperator'],
    line: 'if (missingArch.length > 0 && tier.archDelta > 0)',
    reason: 'the deduction is archDelta x missing, and a zero, non-blocking deduction is no reason: the guard (or >= 0) only saves work',
  },
  {
    file: 'packages/fitness/src/score-dependency.ts',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    line: "if (ram > 0) push('resources', 'ramMb'",
    reason: 'overBudget is 0 or at least 10, and push drops a zero, non-blocking deduction: the guard only saves work',
  },
  {
    file: 'packages/fitness/src/score-dependency.ts',
    mutator: 'EqualityOperator',
    replacement: 'ram >= 0',
    line: "if (ram > 0) push('resources', 'ramMb'",
    reason: 'ram >= 0 only adds a zero, non-blocking deduction, which push drops',
  },
  {
    file: 'packages/fitness/src/score-dependency.ts',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    line: "if (disk > 0) push('resources', 'diskMb'",
    reason: 'as the ram guard: overBudget is 0 or at least 10, and push drops a zero, non-blocking deduction',
  },
  {
    file: 'packages/fitness/src/score-dependency.ts',
    mutator: 'EqualityOperator',
    replacement: 'disk >= 0',
    line: "if (disk > 0) push('resources', 'diskMb'",
    reason: 'disk >= 0 only adds a zero, non-blocking deduction, which push drops',
  },
  {
    file: 'packages/secrets/src/classify.ts',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    line: 'list === undefined || (value !== undefined && list.includes(value))',
    reason: 'rule lists never hold undefined, so list.includes(undefined) is already false without the guard',
  },
  {
    file: 'packages/secrets/src/policy.ts',
    mutator: 'ArrayDeclaration',
    line: 'of catalog?.entries.values() ?? []',
    reason: 'a junk entry has no secrets, so (entry.secrets ?? []) checks nothing, as with no catalog',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    line: 'if (i === 0 || graph.edges[i - 1]?.from !== e.from)',
    reason: 'at i = 0, graph.edges[-1]?.from is undefined, which differs from every edge\'s from: the test is true anyway',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'OptionalChaining',
    line: 'if (i === 0 || graph.edges[i - 1]?.from !== e.from)',
    reason: 'i === 0 short-circuits, so graph.edges[i - 1] is only read for i > 0, where it exists',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: ['ConditionalExpression', 'LogicalOperator', 'MethodExpression'],
    line: 'const secretOwners = new Set(graph.nodes.filter(',
    reason: 'the filter only saves work: dependents are looked up for resources whose secrets the catalog knows, whatever else is indexed',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    line: 'if (secretOwners.has(e.to)) push(dependents',
    reason: 'as the secretOwners filter: indexing every edge only adds dependents no one looks up',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ConditionalExpression',
    replacement: 'true',
    line: 'prior.removedBy.some((p) => p.from === h.from && p.to === h.to)',
    reason: 'p.to === h.to -> true: hints with one from come from one catalog record, so they are the same list; dropping by from alone drops the same ones',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'StringLiteral',
    replacement: '""',
    line: "(req.readBy ?? 'both')",
    reason: "any reader value other than 'dependents' and 'service' means both: '' reads as 'both' does",
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ConditionalExpression',
    replacement: 'false',
    line: '...(req.generator === undefined ? {} : { generator: req.generator })',
    reason: 'a generator: undefined member is read with ?? like an absent one',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ArrayDeclaration',
    line: 'for (const s of options.scenarios ?? []) specs.set(s.name, s);',
    reason: 'a junk spec is filed under the name undefined, which no scenario node has',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ArrayDeclaration',
    line: 'for (const r of d.secrets ?? [])',
    reason: 'a junk fact files an owner under the env name undefined, which no env name is',
  },
  {
    file: 'packages/secrets/src/plan.ts',
    mutator: 'ArrowFunction',
    line: 'const declared = new Set(spec.secrets.map((d) => d.name));',
    reason: 'what a scenario declares is planned (in byEnv) or owned by a catalog record before its env names are read, so the declared set adds nothing',
  },
];
