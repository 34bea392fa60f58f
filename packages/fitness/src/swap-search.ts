// Depth-first branch and bound over "each variable takes one of its options,
// or none": the exact search behind planSwapSet. It knows nothing of graphs;
// the problem evaluates a choice, says whether it reaches the goal, and bounds
// what reaching the goal still costs.

/** One option of a variable (one replacement of a node), priced in integer units. */
interface SearchOption {
  /** Cost, a non-negative integer. */
  readonly cost: number;
}

/** A variable of the search (a node that may be swapped): its options, cheapest first. */
interface SearchVariable {
  /** The options (at most one is chosen). */
  readonly options: readonly SearchOption[];
}

/** One decision: variable `variable` takes option `option`. */
export interface SearchChoice {
  /** Index of the variable. */
  readonly variable: number;
  /** Index of the option. */
  readonly option: number;
}

/** What reaching the goal from a node of the search still costs at least, and gains at most. */
export interface SearchBound {
  /** Extra cost. */
  readonly cost: number;
  /** Extra choices. */
  readonly count: number;
  /** The highest merit a solution below can have (omitted: unbounded). */
  readonly merit?: number;
}

/** A problem for {@link searchSwapSet}. `E` is what an evaluation of a choice set yields. */
export interface SearchProblem<E> {
  /** The variables, in the order the search decides them. */
  readonly variables: readonly SearchVariable[];
  /**
   * Evaluates a set of choices; `decided` variables (0..decided-1) are settled, the rest take
   * no option. `undefined` when the set is not allowed (then no superset is tried either).
   */
  evaluate(choices: readonly SearchChoice[], decided: number): E | undefined;
  /** Whether an evaluated set reaches the goal. */
  reaches(evaluation: E): boolean;
  /**
   * A lower bound on what the variables `from..` must still add to reach the goal from an
   * evaluated set that does not reach it, or `undefined` when they cannot reach it at all.
   * It must never exceed the truth: the search's exactness rests on it.
   */
  bound(evaluation: E, from: number): SearchBound | undefined;
  /** Among sets of equal cost and size, the one of higher merit (score) is better. */
  merit(evaluation: E): number;
}

/** A set of choices that reaches the goal. */
interface SearchSolution<E> {
  /** The choices, by variable. */
  readonly choices: readonly SearchChoice[];
  /** Total cost. */
  readonly cost: number;
  /** Its evaluation. */
  readonly evaluation: E;
}

/** Options of {@link searchSwapSet}. */
export interface SearchOptions {
  /** Evaluations allowed before the search stops with the best found (default 20,000). */
  readonly maxEvaluations?: number;
  /** Solutions to keep: the best and `keep - 1` alternatives (default 1). */
  readonly keep?: number;
}

/** What {@link searchSwapSet} found. */
export interface SearchResult<E> {
  /**
   * The best solutions found, best first (cost, then fewer choices, then merit), none a
   * superset of another; the first is optimal when `exact`.
   */
  readonly solutions: readonly SearchSolution<E>[];
  /** Whether the search finished: nothing unexplored can beat the first solution (or, without one, no solution exists). */
  readonly exact: boolean;
  /** No solution costs less than this (the first solution's cost when exact and one exists). */
  readonly lowerBound: number;
  /** Evaluations made. */
  readonly evaluations: number;
}

/** The default number of swap sets {@link planSwapSet} may score (its `maxEvaluations`). */
export const DEFAULT_MAX_EVALUATIONS = 20_000;

interface Found<E> extends SearchSolution<E> {
  readonly count: number;
  readonly merit: number;
  readonly key: string;
}

/**
 * Finds the cheapest set of choices that reaches the problem's goal, by depth-
 * first branch and bound: options are tried cheapest first (the first
 * solution comes fast), "none" last, and a subtree is cut as soon as its bound
 * says it cannot beat the solutions kept. A solution is never extended (a
 * superset costs more). Past `maxEvaluations` it stops and reports the best
 * found with the lowest bound of what it left unexplored.
 */
export function searchSwapSet<E>(problem: SearchProblem<E>, options: SearchOptions = {}): SearchResult<E> {
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS;
  const keep = Math.max(1, options.keep ?? 1);
  const variables = problem.variables;
  const found: Found<E>[] = [];
  let evaluations = 0;
  let stopped = false;
  // The bounds of the frames still open; when the search stops, their minimum bounds what it left.
  const open: number[] = [];
  let unexplored = Number.POSITIVE_INFINITY;

  /** Whether solutions of at least (cost, count) and at most `merit` cannot enter the kept ones. */
  const beaten = (cost: number, count: number, merit = Number.POSITIVE_INFINITY): boolean => {
    if (found.length < keep) return false;
    const last = found[found.length - 1] as Found<E>;
    return cost > last.cost || (cost === last.cost && (count > last.count || (count === last.count && merit <= last.merit)));
  };
  const record = (choices: readonly SearchChoice[], cost: number, evaluation: E): void => {
    const mine = new Set(choices.map(keyOf));
    const subsetOf = (other: Found<E>, of: ReadonlySet<string>): boolean => other.choices.every((c) => of.has(keyOf(c)));
    if (found.some((f) => subsetOf(f, mine))) return;
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i] as Found<E>;
      if (choices.every((c) => f.choices.some((d) => d.variable === c.variable && d.option === c.option))) found.splice(i, 1);
    }
    found.push({ choices: [...choices], cost, evaluation, count: choices.length, merit: problem.merit(evaluation), key: [...mine].join(' ') });
    found.sort((a, b) => a.cost - b.cost || a.count - b.count || b.merit - a.merit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (found.length > keep) found.length = keep;
  };
  const evaluate = (choices: readonly SearchChoice[], decided: number): E | undefined => {
    evaluations++;
    return problem.evaluate(choices, decided);
  };

  /** Explores every completion of `choices` by the variables `from..`, given its evaluation. */
  const descend = (choices: SearchChoice[], cost: number, evaluation: E, from: number): void => {
    if (problem.reaches(evaluation)) return record(choices, cost, evaluation);
    // "None" for a variable changes nothing to evaluate: walk down those levels in a loop.
    for (let v = from; v < variables.length; v++) {
      const bound = problem.bound(evaluation, v);
      if (bound === undefined || beaten(cost + bound.cost, choices.length + Math.max(1, bound.count), bound.merit)) return;
      const variable = variables[v] as SearchVariable;
      open.push(cost + bound.cost);
      for (let o = 0; o < variable.options.length; o++) {
        const next = cost + (variable.options[o] as SearchOption).cost;
        if (beaten(next, choices.length + 1)) continue;
        if (evaluations >= maxEvaluations) {
          stopped = true;
          unexplored = Math.min(unexplored, ...open);
          open.pop();
          return;
        }
        choices.push({ variable: v, option: o });
        const child = evaluate(choices, v + 1);
        if (child !== undefined) descend(choices, next, child, v + 1);
        choices.pop();
        if (stopped) {
          open.pop();
          return;
        }
      }
      open.pop();
    }
  };

  const root = evaluate([], 0);
  if (root !== undefined) descend([], 0, root, 0);
  const best = found[0];
  const lowerBound = stopped ? Math.min(unexplored, best?.cost ?? Number.POSITIVE_INFINITY) : (best?.cost ?? Number.POSITIVE_INFINITY);
  return { solutions: found.map(({ choices, cost, evaluation }) => ({ choices, cost, evaluation })), exact: !stopped, lowerBound, evaluations };
}

function keyOf(c: SearchChoice): string {
  return `${c.variable}:${c.option}`;
}
