/*
 * A Kubernetes object is built once, with "holes" where the Helm chart reads
 * a value: the plain manifests fill each hole with its default, the chart's
 * templates put the template expression there, and values.yaml holds the
 * defaults. So the chart rendered with its default values is the plain
 * manifests by construction - and a test renders it to prove it.
 */

const HOLE: unique symbol = Symbol('deployment-manager.helm-hole');

/** JSON Schema fragment (draft-07) describing one value. */
export type ValueSchema = Readonly<Record<string, unknown>>;

/** How a hole is written in a template. */
export type HoleMode = 'plain' | 'quote' | 'block';

/** A place in an object where the chart reads a value. */
export interface Hole {
  /** Brand. */
  readonly [HOLE]: true;
  /** Template expression (`.Release.Name`, `index .Values "services" "api" "image"`). */
  readonly expr: string;
  /** `plain` writes `{{ expr }}`, `quote` pipes it to `quote`, `block` writes `toYaml` with `nindent`. */
  readonly mode: HoleMode;
  /** The value the plain manifests hold (the default). */
  readonly value: unknown;
  /** Where the default lives in values.yaml, and its schema; absent for built-ins such as `.Release.Name`. */
  readonly values?: {
    /** Path in values.yaml. */
    readonly path: readonly string[];
    /** JSON Schema of the value. */
    readonly schema: ValueSchema;
  };
}

/** True when `x` is a {@link Hole}. */
export function isHole(x: unknown): x is Hole {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[HOLE] === true;
}

/** The template expression reading `path` from `.Values`. */
function valuesExpr(path: readonly string[]): string {
  return path.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p)) ? `.Values.${path.join('.')}` : `index .Values ${path.map((p) => JSON.stringify(p)).join(' ')}`;
}

/** A hole backed by values.yaml at `path`. */
export function valueHole(path: readonly string[], value: unknown, mode: HoleMode, schema: ValueSchema): Hole {
  return { [HOLE]: true, expr: valuesExpr(path), mode, value, values: { path, schema } };
}

/** The release name (`app.name` in the plain manifests). */
export function releaseHole(value: string): Hole {
  return { [HOLE]: true, expr: '.Release.Name', mode: 'quote', value };
}

/** The object with every hole replaced by its default: the plain manifest. */
export function fillHoles(x: unknown): unknown {
  if (isHole(x)) return x.value;
  if (Array.isArray(x)) return x.map(fillHoles);
  if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fillHoles(v)]));
  return x;
}

/** Every hole of an object, in document order. */
export function holesOf(x: unknown, out: Hole[] = []): Hole[] {
  if (isHole(x)) out.push(x);
  else if (Array.isArray(x)) for (const v of x) holesOf(v, out);
  else if (typeof x === 'object' && x !== null) for (const v of Object.values(x)) holesOf(v, out);
  return out;
}
