/*
 * Kubernetes resource quantities (`500m`, `2`, `512Mi`, `1G`, `1e9`), the one
 * parser every package reads them with - the manifest validator, the cost
 * estimate, the Compose and Kubernetes renderers - so a manifest never reads
 * two ways. The grammar is Kubernetes' (`resource.Quantity`) without a sign:
 * a request or a size is never negative. Anything else is undefined, for the
 * caller to turn into a diagnostic.
 */

/**
 * The quantity grammar as a JSON Schema / ECMAScript pattern: digits with an
 * optional fraction, then a binary suffix (`Ki`..`Ei`), a decimal suffix
 * (`m`, `k`, `M`..`E`) or a decimal exponent (`e3`, `E-2`).
 */
export const QUANTITY_PATTERN = '^(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+|[KMGTPE]i|[mkMGTPE])?$';

const QUANTITY = new RegExp(QUANTITY_PATTERN);
const SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * The value of a quantity in base units (cores, bytes), or undefined when
 * the text is not a quantity (no whitespace, sign or unknown suffix allowed).
 *
 * @example
 * ```ts
 * parseQuantity('512Mi') // 536870912
 * parseQuantity('500m') // 0.5
 * parseQuantity('12 parsecs') // undefined
 * ```
 */
export function parseQuantity(text: string): number | undefined {
  if (!QUANTITY.test(text)) return undefined;
  const m = /^([0-9.]+)(.*)$/.exec(text) as RegExpExecArray;
  const digits = Number(m[1]);
  const suffix = m[2] ?? '';
  const value = /^[eE]/.test(suffix) ? digits * 10 ** Number(suffix.slice(1)) : digits * (SUFFIX[suffix] ?? Number.NaN);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A CPU quantity in millicores, rounded up (`500m` -> 500, `2` -> 2000, `0.5` -> 500).
 *
 * @example
 * ```ts
 * cpuMillicores('250m') // 250
 * ```
 */
export function cpuMillicores(text: string): number | undefined {
  const v = parseQuantity(text);
  return v === undefined ? undefined : Math.ceil(Math.round(v * 1e9) / 1e6);
}

/**
 * A memory or storage quantity in MiB, rounded up (`512Mi` -> 512, `1Gi` -> 1024, `1G` -> 954).
 *
 * @example
 * ```ts
 * memoryMiB('2Gi') // 2048
 * ```
 */
export function memoryMiB(text: string): number | undefined {
  const v = parseQuantity(text);
  return v === undefined ? undefined : Math.ceil(v / 2 ** 20);
}

/**
 * Docker's `cpus` (a decimal number as text, to a thousandth) for a CPU quantity.
 *
 * @example
 * ```ts
 * dockerCpus('500m') // '0.5'
 * ```
 */
export function dockerCpus(text: string): string | undefined {
  const v = parseQuantity(text);
  return v === undefined ? undefined : String(Math.round(v * 1000) / 1000);
}

/**
 * Docker's memory size (`512m`, `2g`, or bytes as `<n>b`) for a memory quantity.
 *
 * @example
 * ```ts
 * dockerMemory('2Gi') // '2g'
 * ```
 */
export function dockerMemory(text: string): string | undefined {
  const bytes = parseQuantity(text);
  if (bytes === undefined) return undefined;
  for (const [suffix, size] of [['g', 2 ** 30], ['m', 2 ** 20], ['k', 2 ** 10]] as const) {
    if (bytes >= size && Number.isInteger(bytes / size)) return `${bytes / size}${suffix}`;
  }
  return `${Math.ceil(bytes)}b`;
}
