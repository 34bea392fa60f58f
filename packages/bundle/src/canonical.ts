import { SdkError } from '@deployment-manager/core/pure';
import { canonicalizeEx } from 'json-canonicalize';

// RFC 7493 (I-JSON) section 2.1: strings must be valid Unicode, so a lone surrogate has no canonical bytes.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const pointer = (path: string, key: string): string => `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function assertUnicode(text: string, path: string, what: string): void {
  if (LONE_SURROGATE.test(text)) {
    throw new SdkError('JSON_NOT_I_JSON', `${what} at "${path || '/'}" holds a lone surrogate, which is not unicode text`, {
      hint: 'canonical JSON is I-JSON (RFC 7493): repair the string (it usually comes from a truncated emoji or a bad decoder)',
      details: { path },
    });
  }
}

function assertJson(value: unknown, path: string, seen: Set<object>): void {
  if (typeof value === 'string') {
    assertUnicode(value, path, 'the string');
    return;
  }
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notJson(path, `the number ${String(value)}`);
    return;
  }
  if (typeof value !== 'object') throw notJson(path, `a ${typeof value}`);
  if (seen.has(value)) throw notJson(path, 'a circular reference');
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertJson(v, `${path}/${i}`, seen));
  } else {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) throw notJson(path, 'a non-plain object');
    for (const [k, v] of Object.entries(value)) {
      assertUnicode(k, pointer(path, k), 'the key');
      assertJson(v, pointer(path, k), seen);
    }
  }
  seen.delete(value);
}

function notJson(path: string, what: string): SdkError {
  return new SdkError('INVALID_ARGUMENT', `the value at "${path || '/'}" is ${what}, which JSON cannot represent`, {
    hint: 'export plain JSON data only (no undefined, NaN, Infinity, functions, class instances or cycles)',
    details: { path },
  });
}

/**
 * Serializes a JSON value canonically (RFC 8785 / JCS): keys sorted by UTF-16
 * code units, no whitespace, ECMAScript number formatting. Equal values give
 * equal text whatever their key order. Throws `INVALID_ARGUMENT` for anything
 * that is not plain JSON, and `JSON_NOT_I_JSON` for a string or key with a
 * lone surrogate (RFC 8785 requires I-JSON).
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  assertJson(value, '', new Set());
  return canonicalizeEx(value, { strictUndefined: true });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    // RFC 8785 orders keys by UTF-16 code units, which is what this comparison does.
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/**
 * Human-readable JSON with keys sorted as in canonical JSON, two-space
 * indent and a final newline: identical input, identical bytes. For
 * artifacts people read; {@link canonicalJson} is for bytes that are hashed.
 *
 * @example
 * ```ts
 * prettyJson({ b: 1, a: [2] }) // '{\n  "a": [\n    2\n  ],\n  "b": 1\n}\n'
 * ```
 */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
