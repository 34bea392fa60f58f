// Small guards for untrusted JSON. Objects are only ever rebuilt with
// Object.fromEntries (CreateDataProperty semantics), so a `__proto__` key
// becomes an own property and can never replace a prototype.

/** A JSON object read from an untrusted file. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Deepest nesting the loaders interpret; real manifests stay far below it. */
const MAX_JSON_DEPTH = 128;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own enumerable string-keyed entries, in insertion order. */
export function ownEntries(value: JsonObject): [string, unknown][] {
  return Object.keys(value).map((key) => [key, Object.getOwnPropertyDescriptor(value, key)?.value]);
}

/** The own value of `key`, never an inherited one (`constructor`, `__proto__`...). */
export function ownField(value: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, key) ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

/** True when `value` has `key` as an own property. */
export function hasOwnField(value: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** A plain object copy of `value` without the listed keys (prototype-safe). */
export function omitFields(value: JsonObject, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(ownEntries(value).filter(([k]) => !keys.includes(k)));
}

/** A non-empty trimmed string, or undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A finite number, or undefined (huge JSON numbers parse to Infinity). */
export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * True when `value` nests deeper than `limit` arrays/objects. Iterative, so
 * it is safe on any input a JSON parser can produce.
 */
export function exceedsDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    const children = Array.isArray(current) ? current : ownEntries(current as JsonObject).map(([, v]) => v);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return false;
}

/** Short human description of a JSON value's type for messages. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
