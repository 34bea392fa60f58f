/*
 * Hostile input for property tests of emitters: strings that try every way
 * out of a quoted value (quotes, `$()`, backticks, braces, newlines, NUL,
 * escape sequences, separators, globs), and a way to put them into every
 * user-controlled string of a manifest while keeping its references (a
 * service id and the routes and dependencies naming it) consistent.
 */
import fc from 'fast-check';

/** The name of the file an injected command would create; tests check it never appears. */
export const MARKER_FILE = 'INJECTED';

const PAYLOADS = [
  `'; touch ${MARKER_FILE}; '`,
  `$(touch ${MARKER_FILE})`,
  `\`touch ${MARKER_FILE}\``,
  `\ntouch ${MARKER_FILE}\n`,
  `"; touch ${MARKER_FILE} #`,
  `\r\ntouch ${MARKER_FILE}`,
  '}\n:80 {\n\trespond 200\n}',
  '{$HOME}',
  '${HOME}',
  '%{if true}x%{endif}',
  '\\',
  "'",
  '"',
  '\u2028',
  '\u001b[2J',
  '*',
  '~',
  '-rf',
  'a b',
  'key: value\nother: 1',
  '# not a comment',
  '%n%h',
  '&& touch x ||',
] as const;

/** Payloads with a NUL: no shell word, .env line or systemd setting can hold one, so they must be refused or escaped. */
const NUL_PAYLOADS = ['\u0000', `a\u0000$(touch ${MARKER_FILE})`, `\u0000\ntouch ${MARKER_FILE}`] as const;

/**
 * An arbitrary hostile string: a known payload, arbitrary unicode (any code
 * unit, lone surrogates and every control character, NUL included), or a
 * payload wrapped in text. NUL is also drawn as a payload of its own, rarely
 * (about one string in 250): a manifest holds some 80 strings and one NUL
 * makes a shell render refuse the whole manifest, so a higher rate would
 * leave most cases refused before the rest of the emitter is exercised.
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...PAYLOADS), weight: 100 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }), weight: 100 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...`'"\`$(){}[];&|<>\\\n\r\t #*?~%!`.split('')), minLength: 1, maxLength: 12 }), weight: 100 },
  { arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 6 })).map(([a, p, b]) => `${a}${p}${b}`), weight: 100 },
  { arbitrary: fc.constantFrom(...NUL_PAYLOADS), weight: 1 },
);

/** True when any of the values holds a NUL (what the shell, .env and systemd quoting refuse). */
export function holdsNul(values: Iterable<string>): boolean {
  for (const v of values) if (v.includes('\u0000')) return true;
  return false;
}

// Keys whose string values are enums or structure, not user text.
const STRUCTURAL = new Set(['schema_version', 'target', 'tier', 'kind', 'class', 'type', 'protocol', 'run_on', 'charset', 'algorithm', 'mode', 'strategy']);

/** Every distinct user-controlled string of a JSON value (values only, never keys), in first-seen order. */
export function userStrings(value: unknown): string[] {
  const seen = new Set<string>();
  const walk = (v: unknown, key: string | undefined): void => {
    if (typeof v === 'string') {
      if (key === undefined || !STRUCTURAL.has(key)) seen.add(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, x] of Object.entries(v)) if (k !== 'generator') walk(x, k);
    }
  };
  walk(value, undefined);
  return [...seen];
}

/**
 * A copy of a JSON value with every user-controlled string replaced through
 * `map` (strings missing from it stay), so ids and their references change
 * together.
 *
 * @example
 * ```ts
 * const hostile = replaceStrings(manifest, new Map([['api', '$(touch INJECTED)']]));
 * ```
 */
export function replaceStrings<T>(value: T, map: ReadonlyMap<string, string>): T {
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return key !== undefined && STRUCTURAL.has(key) ? v : (map.get(v) ?? v);
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'generator' ? x : walk(x, k)]));
    return v;
  };
  return walk(value, undefined) as T;
}

/**
 * For a value, a pair of string maps over its user strings: hostile
 * replacements (distinct) and harmless ones (`v0`, `v1`...), for comparing
 * what an emitter makes of each. Strings for which `keep` is true stay as
 * they are (values an emitter branches on, such as variable names it drops
 * when invalid).
 */
export function hostileMaps(value: unknown, keep: (s: string) => boolean = () => false): fc.Arbitrary<{ hostile: Map<string, string>; harmless: Map<string, string> }> {
  const originals = userStrings(value).filter((s) => !keep(s));
  return fc.uniqueArray(hostileString, { minLength: originals.length, maxLength: originals.length }).map((values) => ({
    hostile: new Map(originals.map((o, i) => [o, values[i] as string])),
    harmless: new Map(originals.map((o, i) => [o, `v${i}`])),
  }));
}
