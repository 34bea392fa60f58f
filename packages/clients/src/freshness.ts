import { createFreshnessCache, DEFAULT_MAX_AGE_MS, type CacheStore, type FreshnessCache } from './cache.ts';

/** Freshness options of the clients that return dated data. */
export interface FreshnessOptions {
  /** Cache of results, keyed by scenario + inputs (default: none, every call fetches). */
  readonly cache?: FreshnessCache;
  /** Age past which data is stale when no cache is given (default 7 days). */
  readonly maxAgeMs?: number;
  /** The clock when no cache is given (default `Date.now`). */
  readonly now?: () => number;
}

const NO_STORE: CacheStore = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};

/** The cache a client uses: the given one, or one that keeps nothing but still dates what passes through. */
export function cacheFor(options: FreshnessOptions): FreshnessCache {
  return (
    options.cache ??
    createFreshnessCache({ store: NO_STORE, maxAgeMs: options.maxAgeMs ?? DEFAULT_MAX_AGE_MS, ...(options.now === undefined ? {} : { now: options.now }) })
  );
}

/** Milliseconds since the epoch of an ISO timestamp, or undefined when absent or unparseable. */
export function timestampOf(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}
