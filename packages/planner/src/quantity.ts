/*
 * Kubernetes-style quantities as the cloud manifest spells them (`500m`,
 * `2`, `512Mi`, `1Gi`, `1G`). Parsing returns undefined for anything else
 * so callers turn it into a finding, never a crash.
 */

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1 / (1024 * 1024),
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
  k: 1000 / (1024 * 1024),
  K: 1000 / (1024 * 1024),
  M: 1_000_000 / (1024 * 1024),
  G: 1_000_000_000 / (1024 * 1024),
  T: 1_000_000_000_000 / (1024 * 1024),
};

/**
 * CPU quantity in millicores (`500m` -> 500, `2` -> 2000, `0.5` -> 500).
 *
 * @example
 * ```ts
 * parseCpu('250m') // 250
 * ```
 */
export function parseCpu(quantity: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(m?)$/.exec(quantity.trim());
  if (m === null) return undefined;
  const n = Number(m[1]);
  return Math.ceil(m[2] === 'm' ? n : n * 1000);
}

/**
 * Memory or storage quantity in MiB, rounded up (`512Mi` -> 512, `1Gi` -> 1024, `1G` -> 954).
 *
 * @example
 * ```ts
 * parseMemory('2Gi') // 2048
 * ```
 */
export function parseMemory(quantity: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|k|K|M|G|T)?$/.exec(quantity.trim());
  if (m === null) return undefined;
  const unit = MEMORY_UNITS[m[2] ?? ''];
  return unit === undefined ? undefined : Math.ceil(Number(m[1]) * unit);
}
