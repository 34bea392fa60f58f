// Every `--json` document is written in chunks, never built as one string: a
// document of a huge graph (300k dependencies print over a gigabyte) would
// pass V8's largest string ("Invalid string length") long before memory runs
// out. The text is exactly `JSON.stringify(value, null, 2)` plus a newline.
import type { CliIo } from './io.ts';

/** About how many characters each chunk of {@link jsonChunks} holds. */
export const JSON_CHUNK_CHARS: number = 64 * 1024;

type Frame = { readonly close: string; readonly indent: string; readonly items: Iterator<readonly [string | undefined, unknown]>; first: boolean };

/** `toJSON` applied as `JSON.stringify` would (dates and the like). */
function jsonValueOf(value: unknown, key: string): unknown {
  const candidate = value as { toJSON?: unknown } | null | undefined;
  return typeof candidate?.toJSON === 'function' ? (candidate.toJSON as (k: string) => unknown)(key) : value;
}

/** What `JSON.stringify` skips in an object (and writes as null in an array). */
const isSkipped = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function* entriesOf(value: object): Iterator<readonly [string | undefined, unknown]> {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield [undefined, jsonValueOf(value[i], String(i))];
  else for (const key of Object.keys(value)) yield [key, jsonValueOf((value as Record<string, unknown>)[key], key)];
}

/**
 * The text of `JSON.stringify(value, null, 2)` in chunks of about
 * {@link JSON_CHUNK_CHARS} characters, without ever holding more than one
 * chunk and the path to the current value (iterative, so depth is no limit).
 *
 * @example
 * ```ts
 * [...jsonChunks({ a: [1, 2] })].join('') === JSON.stringify({ a: [1, 2] }, null, 2) // true
 * ```
 */
export function* jsonChunks(value: unknown): Generator<string, void, undefined> {
  let buffer = '';
  const stack: Frame[] = [];
  // Writes one value: a primitive in full, or the opening of a container (its items follow from the stack).
  const open = (v: unknown, indent: string): void => {
    if (typeof v !== 'object' || v === null) {
      buffer += JSON.stringify(v) ?? 'null';
      return;
    }
    const array = Array.isArray(v);
    buffer += array ? '[' : '{';
    stack.push({ close: array ? ']' : '}', indent, items: entriesOf(v), first: true });
  };
  const top = jsonValueOf(value, '');
  if (isSkipped(top)) return;
  open(top, '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const next = frame.items.next();
    if (next.done === true) {
      stack.pop();
      buffer += frame.first ? frame.close : `\n${frame.indent}${frame.close}`;
    } else {
      const [key, item] = next.value;
      if (key !== undefined && isSkipped(item)) continue;
      const inner = `${frame.indent}  `;
      buffer += `${frame.first ? '' : ','}\n${inner}${key === undefined ? '' : `${JSON.stringify(key)}: `}`;
      frame.first = false;
      open(key === undefined && isSkipped(item) ? null : item, inner);
    }
    if (buffer.length >= JSON_CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/**
 * Prints a `--json` document (two-space indented, then a newline) to stdout
 * chunk by chunk, so its size is bounded by the output, not by the largest
 * string the engine can hold.
 *
 * @example
 * ```ts
 * writeJson(io, { scenario: 'shop', tiers: {} });
 * ```
 */
export function writeJson(io: CliIo, value: unknown): void {
  for (const chunk of jsonChunks(value)) io.stdout(chunk);
  io.stdout('\n');
}
