import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 (hex) of the {@link stableJson} text of `value`. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

/**
 * A cache key: the scenario plus a fingerprint of every input that shaped the
 * result (service, base URL, endpoint, query...). Key order in `inputs` does
 * not matter.
 *
 * @example
 * ```ts
 * cacheKey('picker-wheel', { service: 'analyzer', path: '/deployment' }) // 'picker-wheel#3f0c...'
 * ```
 */
export function cacheKey(scenario: string, inputs: unknown): string {
  return `${scenario}#${fingerprint(inputs).slice(0, 32)}`;
}
