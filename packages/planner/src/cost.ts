import type { CloudManifest } from '@deployment-manager/bundle';
import { cpuMillicores, memoryMiB } from '@deployment-manager/core';
import { DEFAULT_CATALOG, lookupEntry } from '@deployment-manager/catalog';
import { persistentVolumeGiB } from '@deployment-manager/packager-terraform';
import { DEFAULT_PRICE_TABLE, type HostSize, type PriceTable, type ProviderPrices } from './price-table.ts';
import { SIZING_DEFAULTS, type SizingDefaults } from './sizing-data.ts';
import type { TargetId } from './targets-data.ts';

/** What a manifest asks for in total (every replica counted). */
export interface Footprint {
  /** CPU in millicores. */
  readonly cpuMillis: number;
  /** Memory in MiB. */
  readonly memoryMiB: number;
  /** GPUs. */
  readonly gpus: number;
  /** Persistent volume storage in GiB. */
  readonly volumeGiB: number;
  /** Replicas of the most replicated service. */
  readonly maxReplicas: number;
  /** Services whose requests were assumed, not declared. */
  readonly assumed: readonly string[];
}

/**
 * The total requests of a manifest: per service, replicas x (declared
 * requests, else the fitness catalog's RAM figure for known resources, else
 * {@link SIZING_DEFAULTS}), plus persistent volume sizes. Pure.
 *
 * @example
 * ```ts
 * footprint(manifest).memoryMiB // 3328
 * ```
 */
export function footprint(manifest: CloudManifest, defaults: SizingDefaults = SIZING_DEFAULTS): Footprint {
  let cpuMillis = 0;
  let memory = 0;
  let gpus = 0;
  let maxReplicas = 0;
  const assumed: string[] = [];
  for (const s of manifest.services) {
    const replicas = s.replicas ?? 1;
    const entry = s.kind === 'resource' ? lookupEntry(DEFAULT_CATALOG, s.id) : undefined;
    const cpu = s.resources?.cpu === undefined ? undefined : cpuMillicores(s.resources.cpu);
    const mem = s.resources?.memory === undefined ? undefined : memoryMiB(s.resources.memory);
    if (cpu === undefined || mem === undefined) assumed.push(s.id);
    cpuMillis += replicas * (cpu ?? (s.kind === 'app' ? defaults.appCpuMillis : defaults.resourceCpuMillis));
    memory += replicas * (mem ?? (s.kind === 'app' ? defaults.appMemoryMiB : (entry?.ramMb ?? defaults.resourceMemoryMiB)));
    gpus += replicas * (s.resources?.gpu ?? 0);
    maxReplicas = Math.max(maxReplicas, replicas);
  }
  return { cpuMillis, memoryMiB: memory, gpus, volumeGiB: persistentVolumeGiB(manifest, defaults.volumeGiB), maxReplicas, assumed: assumed.sort() };
}

/** One line of a cost estimate. */
export interface CostLine {
  /** What is paid for (`droplet s-2vcpu-4gb`, `volume storage`). */
  readonly item: string;
  /** How many units. */
  readonly quantity: number;
  /** Price of one unit, USD per month. */
  readonly unitUsd: number;
  /** quantity x unitUsd, rounded to cents. */
  readonly monthlyUsd: number;
}

/** A monthly cost estimate of one plan. */
export interface CostEstimate {
  /** Provider priced. */
  readonly provider: 'digitalocean' | 'aws';
  /** Currency. */
  readonly currency: 'USD';
  /** Total, USD per month. */
  readonly monthlyUsd: number;
  /** The lines that add up to it. */
  readonly lines: readonly CostLine[];
  /** The machine size chosen. */
  readonly size: HostSize;
  /** Where the prices come from, and when. */
  readonly source: string;
}

/** What {@link estimateCost} found: an estimate, or why there is none. */
export type CostResult =
  | {
      /** An estimate was made. */
      readonly ok: true;
      /** The estimate. */
      readonly estimate: CostEstimate;
    }
  | {
      /** No estimate. */
      readonly ok: false;
      /** The target has no prices, or no size fits. */
      readonly reason: 'no-price-data' | 'no-size-fits';
      /** What was needed. */
      readonly needed: Footprint;
    };

const cents = (n: number): number => Math.round(n * 100) / 100;

/** The smallest (cheapest) size with room for the footprint plus host overhead and headroom, or undefined. */
export function pickSize(prices: ProviderPrices, need: Footprint, defaults: SizingDefaults = SIZING_DEFAULTS): HostSize | undefined {
  const cpu = need.cpuMillis * defaults.headroom + defaults.hostCpuMillis;
  const mem = need.memoryMiB * defaults.headroom + defaults.hostMemoryMiB;
  return [...prices.sizes]
    .sort((a, b) => a.monthlyUsd - b.monthlyUsd || a.id.localeCompare(b.id))
    .find((s) => s.vcpu * 1000 >= cpu && s.memoryMiB >= mem && s.gpus >= need.gpus);
}

/**
 * Estimates the monthly cost of running a manifest on a priced target (`do`,
 * `aws`): one host of the cheapest size that fits, block storage for the
 * persistent volumes, and a public IP where it is billed. Targets without
 * price data (`vps`, `compose`, `k8s`) give `no-price-data`. Pure.
 *
 * @example
 * ```ts
 * const r = estimateCost(manifest, 'do');
 * if (r.ok) console.log(r.estimate.monthlyUsd, r.estimate.size.id);
 * ```
 */
export function estimateCost(manifest: CloudManifest, target: TargetId, prices: PriceTable = DEFAULT_PRICE_TABLE, defaults: SizingDefaults = SIZING_DEFAULTS): CostResult {
  const need = footprint(manifest, defaults);
  if (target !== 'do' && target !== 'aws') return { ok: false, reason: 'no-price-data', needed: need };
  const provider = target === 'do' ? 'digitalocean' : 'aws';
  const table = prices[provider];
  const size = pickSize(table, need, defaults);
  if (size === undefined) return { ok: false, reason: 'no-size-fits', needed: need };
  const lines: CostLine[] = [{ item: `${target === 'do' ? 'droplet' : 'ec2 instance'} ${size.id}`, quantity: 1, unitUsd: size.monthlyUsd, monthlyUsd: size.monthlyUsd }];
  if (need.volumeGiB > 0) lines.push({ item: 'block storage (GiB)', quantity: need.volumeGiB, unitUsd: table.volumeGiBMonthUsd, monthlyUsd: cents(need.volumeGiB * table.volumeGiBMonthUsd) });
  if (target === 'aws') lines.push({ item: 'boot volume (GiB)', quantity: defaults.bootDiskGiB, unitUsd: table.volumeGiBMonthUsd, monthlyUsd: cents(defaults.bootDiskGiB * table.volumeGiBMonthUsd) });
  if (table.publicIpMonthUsd > 0) lines.push({ item: 'public ipv4 address', quantity: 1, unitUsd: table.publicIpMonthUsd, monthlyUsd: table.publicIpMonthUsd });
  return {
    ok: true,
    estimate: { provider, currency: 'USD', monthlyUsd: cents(lines.reduce((sum, l) => sum + l.monthlyUsd, 0)), lines, size, source: `${prices.source} (as of ${prices.asOf})` },
  };
}
