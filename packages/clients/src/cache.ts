import { SdkError } from '@deployment-manager/core';

/** What a {@link CacheStore} keeps per key. */
export interface CacheEntry {
  /** The cached JSON value. */
  readonly value: unknown;
  /** When it was stored (ms since the epoch). */
  readonly storedAt: number;
  /** When the data was produced (e.g. the analyzer's `generated_at`), the basis of its age. */
  readonly producedAt: number;
}

/** Where a {@link FreshnessCache} keeps entries: memory by default, or files ({@link createFileCacheStore}). */
export interface CacheStore {
  /** The entry of a key, or undefined. */
  get(key: string): Promise<CacheEntry | undefined>;
  /** Stores (replaces) the entry of a key. */
  set(key: string, entry: CacheEntry): Promise<void>;
  /** Forgets a key. */
  delete(key: string): Promise<void>;
}

/** A cached value with how old it is. */
export interface Fresh<T> {
  /** The value. */
  readonly value: T;
  /** Milliseconds since the data was produced (never negative). */
  readonly ageMs: number;
  /** True when `ageMs` exceeds the cache's `maxAgeMs`. */
  readonly stale: boolean;
  /** When the data was produced (ms since the epoch). */
  readonly producedAt: number;
  /** True when it came from the store rather than the loader just now. */
  readonly cached: boolean;
}

/** When {@link FreshnessCache.load} calls its loader besides a cache miss. */
export type RefreshPolicy = 'never' | 'if-stale' | 'always';

/** Options of {@link createFreshnessCache}. */
export interface FreshnessCacheOptions {
  /** Where entries live (default: memory). */
  readonly store?: CacheStore;
  /** Age past which data is stale, in milliseconds (default 7 days). */
  readonly maxAgeMs?: number;
  /** The clock (default `Date.now`); inject it in tests. */
  readonly now?: () => number;
}

/** What a loader of {@link FreshnessCache.load} returns. */
export interface Loaded<T> {
  /** The fresh value (JSON data). */
  readonly value: T;
  /** When the data was produced, if the source says so (default: now). */
  readonly producedAt?: number;
}

/** A cache that knows the age of what it holds. */
export interface FreshnessCache {
  /** Age past which data is stale. */
  readonly maxAgeMs: number;
  /** The value of a key with its age, or undefined. */
  get<T>(key: string): Promise<Fresh<T> | undefined>;
  /** Stores a value; `producedAt` defaults to now. */
  set<T>(key: string, value: T, producedAt?: number): Promise<Fresh<T>>;
  /**
   * The cached value, loading it on a miss; with `refresh: 'if-stale'` also
   * when stale, with `'always'` every time. Default `'never'`: stale data is
   * returned flagged `stale`, and refreshed only on request.
   */
  load<T>(key: string, loader: () => Promise<Loaded<T>>, refresh?: RefreshPolicy): Promise<Fresh<T>>;
  /** Forgets a key. */
  delete(key: string): Promise<void>;
}

/** Seven days in milliseconds, the default staleness limit. */
export const DEFAULT_MAX_AGE_MS: number = 7 * 24 * 60 * 60 * 1000;

/** A {@link CacheStore} in memory; values are copied in and out, so callers cannot mutate it. */
export function createMemoryCacheStore(): CacheStore {
  const entries = new Map<string, CacheEntry>();
  return {
    get: async (key) => {
      const e = entries.get(key);
      return e === undefined ? undefined : { ...e, value: structuredClone(e.value) };
    },
    set: async (key, entry) => {
      entries.set(key, { ...entry, value: structuredClone(entry.value) });
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}

/**
 * Creates a {@link FreshnessCache}: entries keyed by scenario + input
 * fingerprint ({@link cacheKey}), each reported with its age and whether it is
 * older than `maxAgeMs` (default 7 days).
 *
 * @example
 * ```ts
 * const cache = createFreshnessCache({ maxAgeMs: 24 * 3600_000 });
 * const hit = await cache.load(cacheKey('picker-wheel', { path: '/deployment' }), async () => ({ value: await fetchIt() }));
 * if (hit.stale) console.warn(`analysis is ${Math.round(hit.ageMs / 3600_000)} h old`);
 * ```
 */
export function createFreshnessCache(options: FreshnessCacheOptions = {}): FreshnessCache {
  const store = options.store ?? createMemoryCacheStore();
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (!Number.isFinite(maxAgeMs) || maxAgeMs < 0) {
    throw new SdkError('INVALID_ARGUMENT', `maxAgeMs must be zero or more, got ${String(maxAgeMs)}`, { hint: 'omit it for the 7-day default' });
  }
  const now = options.now ?? Date.now;
  const view = <T>(entry: CacheEntry, cached: boolean): Fresh<T> => {
    const ageMs = Math.max(0, now() - entry.producedAt);
    return { value: entry.value as T, ageMs, stale: ageMs > maxAgeMs, producedAt: entry.producedAt, cached };
  };
  const set = async <T>(key: string, value: T, producedAt?: number): Promise<Fresh<T>> => {
    const storedAt = now();
    const entry: CacheEntry = { value, storedAt, producedAt: producedAt !== undefined && Number.isFinite(producedAt) ? producedAt : storedAt };
    await store.set(key, entry);
    return view<T>(entry, false);
  };
  return {
    maxAgeMs,
    get: async <T>(key: string) => {
      const entry = await store.get(key);
      return entry === undefined ? undefined : view<T>(entry, true);
    },
    set,
    load: async <T>(key: string, loader: () => Promise<Loaded<T>>, refresh: RefreshPolicy = 'never') => {
      if (refresh !== 'always') {
        const entry = await store.get(key);
        if (entry !== undefined) {
          const hit = view<T>(entry, true);
          if (!hit.stale || refresh === 'never') return hit;
        }
      }
      const loaded = await loader();
      return set(key, loaded.value, loaded.producedAt);
    },
    delete: (key) => store.delete(key),
  };
}
