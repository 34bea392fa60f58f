/** How long to wait between retries of an idempotent request. */
export interface BackoffOptions {
  /** Delay before the first retry, in milliseconds (default 300). */
  readonly baseMs?: number;
  /** Upper bound of any delay, in milliseconds (default 5000). */
  readonly maxMs?: number;
  /**
   * Source of jitter in [0, 1) (default `Math.random`). Inject a constant in
   * tests; the delay is drawn uniformly from [half, full] of the exponential step.
   */
  readonly random?: () => number;
}

/**
 * The delay before retry number `attempt` (1-based): exponential
 * (`baseMs * 2^(attempt-1)`), capped at `maxMs`, with "equal jitter" (half
 * fixed, half random) so concurrent clients do not retry in lockstep.
 *
 * @example
 * ```ts
 * backoffDelay(3, { baseMs: 100, random: () => 0 }) // 200 (half of 400)
 * ```
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const base = Math.max(0, options.baseMs ?? 300);
  const max = Math.max(0, options.maxMs ?? 5000);
  const random = options.random ?? Math.random;
  const step = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
