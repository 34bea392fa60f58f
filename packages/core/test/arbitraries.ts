import { fc } from '@fast-check/vitest';

// Hostile JSON for the loaders' property tests. Values are generated as JSON
// *text* and then parsed, so `__proto__` keys become own properties exactly as
// JSON.parse makes them (building objects in JS would set prototypes instead),
// and numbers too large for a double (`1e400` parses to Infinity) appear.

const KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  'dependencies', 'resources', 'scenarios', 'required', 'optional', 'details', 'enabled', 'name', 'type', 'purpose', 'version',
  'ports', 'env_var', 'port', 'range', 'lifecycle', 'health', 'checks', 'critical', 'timeout', 'target',
  'deployment', 'tiers', 'tier-2-desktop', 'secrets', 'secret_id', 'notes', 'service', 'displayName', 'description',
  'postgres', 'resource-postgres', 'redis', 'auth', 'shop', 'optional_dependencies', 'startup_order', 'startup_timeout', 'priority',
  'scenario', 'report_version', 'generated_at', 'tier_support', 'aggregates', 'children', 'fitness_score', 'dependency_count',
  'blocking_dependencies', 'estimated_requirements', 'desktop', 'server', '2', 'bundle_manifest', 'files',
  'edges', 'from', 'to', 'kind', 'attributes', 'extras', 'env', 'startupOrder', 'timeoutMs', 'a/b', 'x~y', '',
] as const;

const RAW_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '1e-400', '-0', '0.1', '65535', '65536', '70000', '1'];
const STRINGS = ['postgres', 'resource-postgres', 'required', 'optional', 'scenario', 'resource', 'auth', '${SECRET}', 'PORT=${X}', '15000-19999', '9-1', 'tier-2-desktop', 'server', 'moon', '__proto__', ''];

const leafText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('null', 'true', 'false', ...RAW_NUMBERS),
  fc.constantFrom(...STRINGS).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
);

const keyText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })).map((k) => JSON.stringify(k));

const { value: jsonText } = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafText, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(keyText, tie('value')), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`),
}));

/** Arbitrary JSON text whose objects use the loaders' own keys plus `__proto__`, huge numbers and odd types. */
export const hostileJsonText: fc.Arbitrary<string> = jsonText;

/** Parsed {@link hostileJsonText}. */
export const hostileJson: fc.Arbitrary<unknown> = jsonText.map((t) => JSON.parse(t) as unknown);

/** A hostile object under one of the given top-level keys (so the interesting branches run). */
export function hostileDocument(keys: readonly string[]): fc.Arbitrary<unknown> {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), jsonText), { minLength: 1, maxLength: keys.length + 1 })
    .map((entries) => JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`) as unknown);
}

/** JSON text nested `depth` levels deep, wrapped under `path` keys. */
export function deepJsonText(depth: number, path: readonly string[] = [], kind: 'array' | 'object' = 'array'): string {
  const inner = kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return path.reduceRight((acc, key) => `{${JSON.stringify(key)}:${acc}}`, inner);
}

/** Follows an RFC 6901 pointer through own properties; `undefined` when it does not resolve. */
export function resolvePointer(value: unknown, segments: readonly string[]): { found: boolean; value: unknown } {
  let current: unknown = value;
  for (const segment of segments) {
    if (Array.isArray(current) && /^\d+$/.test(segment) && Number(segment) < current.length) {
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = Object.getOwnPropertyDescriptor(current, segment)?.value;
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

/** True when nothing polluted the shared prototypes. */
export function prototypesClean(): boolean {
  const probe: Record<string, unknown> = {};
  return Object.getOwnPropertyNames(Object.prototype).every((k) => k !== 'polluted') && probe['polluted'] === undefined && Object.getPrototypeOf(probe) === Object.prototype && Object.keys(Object.prototype).length === 0;
}
