// Surviving mutants judged equivalent: the mutated program behaves exactly like the original, so no
// test can kill them. Each names the file, Stryker's mutator, the replacement (when it matters), a
// fragment of the mutated line and why it is equivalent. scripts/mutate.mjs lists the ones it met
// and leaves them out of the score (as Stryker's own `// Stryker disable` comments would).

/** @typedef {{ file: string, mutator: string, replacement?: string, line: string, reason: string }} EquivalentMutant */

/** @type {readonly EquivalentMutant[]} */
export const MUTATION_EQUIVALENTS = [];
