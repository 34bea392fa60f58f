const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, m: 1e-3 };

/** Bytes of a Kubernetes memory quantity (`512Mi`, `1G`, `1e9`), or undefined when it is not one. */
export function quantityBytes(quantity: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E|m)|[eE](\d+))?$/.exec(quantity.trim());
  if (m === null) return undefined;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const unit = m[2] ?? '';
  return n * (BINARY[unit] ?? DECIMAL[unit] ?? 1);
}

/** A Docker memory size (`512m`, `1g`, or bytes) for a Kubernetes quantity, or undefined. */
export function dockerMemory(quantity: string): string | undefined {
  const bytes = quantityBytes(quantity);
  if (bytes === undefined) return undefined;
  for (const [suffix, size] of [['g', 2 ** 30], ['m', 2 ** 20], ['k', 2 ** 10]] as const) {
    if (bytes >= size && Number.isInteger(bytes / size)) return `${bytes / size}${suffix}`;
  }
  return `${Math.ceil(bytes)}b`;
}

/** Docker `cpus` (a decimal number as text) for a Kubernetes CPU quantity (`500m`, `2`), or undefined. */
export function dockerCpus(quantity: string): string | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity.trim());
  if (m === null) return undefined;
  const cores = Number(m[1]) / (m[2] === 'm' ? 1000 : 1);
  return String(Math.round(cores * 1000) / 1000);
}

/** A duration for Compose: whole seconds as `Ns`, otherwise `Nms`. */
export function composeDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Whole seconds for a Kubernetes probe field (at least 1, rounded up). */
export function probeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
