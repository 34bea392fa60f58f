/*
 * A small price table, as data. Source: the providers' public list prices
 * (DigitalOcean droplet and volume pricing; AWS EC2 on-demand Linux and EBS
 * gp3 pricing in us-east-1), transcribed by hand as published in January
 * 2025. Nothing here is fetched at run time and prices change: pass your
 * own table to `planDeployment` (`prices`) for real budgeting. All amounts
 * are USD per month; hourly prices are converted at 730 hours a month.
 */

/** One machine size a provider sells. */
export interface HostSize {
  /** Provider's size slug or instance type. */
  readonly id: string;
  /** Virtual CPUs. */
  readonly vcpu: number;
  /** Memory in MiB. */
  readonly memoryMiB: number;
  /** GPUs attached. */
  readonly gpus: number;
  /** List price in USD per month. */
  readonly monthlyUsd: number;
}

/** Prices of one provider. */
export interface ProviderPrices {
  /** Sizes, cheapest first. */
  readonly sizes: readonly HostSize[];
  /** Block storage, USD per GiB-month. */
  readonly volumeGiBMonthUsd: number;
  /** A public IPv4 address, USD per month (0 when included). */
  readonly publicIpMonthUsd: number;
}

/** The price table a cost estimate reads. */
export interface PriceTable {
  /** Where the numbers come from. */
  readonly source: string;
  /** When they were transcribed (ISO date). */
  readonly asOf: string;
  /** Currency of every amount. */
  readonly currency: 'USD';
  /** DigitalOcean droplets and volumes. */
  readonly digitalocean: ProviderPrices;
  /** AWS EC2 instances and EBS gp3 volumes (us-east-1). */
  readonly aws: ProviderPrices;
}

const HOURS = 730;
const perMonth = (hourly: number): number => Math.round(hourly * HOURS * 100) / 100;

/** The built-in price table (see the source note at the top of this file). */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  source: 'provider list prices: DigitalOcean droplets and volumes; AWS EC2 on-demand (Linux) and EBS gp3, us-east-1',
  asOf: '2025-01-15',
  currency: 'USD',
  digitalocean: {
    sizes: [
      { id: 's-1vcpu-1gb', vcpu: 1, memoryMiB: 1024, gpus: 0, monthlyUsd: 6 },
      { id: 's-1vcpu-2gb', vcpu: 1, memoryMiB: 2048, gpus: 0, monthlyUsd: 12 },
      { id: 's-2vcpu-2gb', vcpu: 2, memoryMiB: 2048, gpus: 0, monthlyUsd: 18 },
      { id: 's-2vcpu-4gb', vcpu: 2, memoryMiB: 4096, gpus: 0, monthlyUsd: 24 },
      { id: 's-4vcpu-8gb', vcpu: 4, memoryMiB: 8192, gpus: 0, monthlyUsd: 48 },
      { id: 'g-2vcpu-8gb', vcpu: 2, memoryMiB: 8192, gpus: 0, monthlyUsd: 63 },
      { id: 's-8vcpu-16gb', vcpu: 8, memoryMiB: 16384, gpus: 0, monthlyUsd: 96 },
      { id: 'g-4vcpu-16gb', vcpu: 4, memoryMiB: 16384, gpus: 0, monthlyUsd: 126 },
      { id: 'g-8vcpu-32gb', vcpu: 8, memoryMiB: 32768, gpus: 0, monthlyUsd: 252 },
      { id: 'gpu-h100x1-80gb', vcpu: 20, memoryMiB: 245760, gpus: 1, monthlyUsd: perMonth(3.39) },
    ],
    volumeGiBMonthUsd: 0.1,
    publicIpMonthUsd: 0,
  },
  aws: {
    sizes: [
      { id: 't3.small', vcpu: 2, memoryMiB: 2048, gpus: 0, monthlyUsd: perMonth(0.0208) },
      { id: 't3.medium', vcpu: 2, memoryMiB: 4096, gpus: 0, monthlyUsd: perMonth(0.0416) },
      { id: 't3.large', vcpu: 2, memoryMiB: 8192, gpus: 0, monthlyUsd: perMonth(0.0832) },
      { id: 't3.xlarge', vcpu: 4, memoryMiB: 16384, gpus: 0, monthlyUsd: perMonth(0.1664) },
      { id: 't3.2xlarge', vcpu: 8, memoryMiB: 32768, gpus: 0, monthlyUsd: perMonth(0.3328) },
      { id: 'g4dn.xlarge', vcpu: 4, memoryMiB: 16384, gpus: 1, monthlyUsd: perMonth(0.526) },
      { id: 'm6i.4xlarge', vcpu: 16, memoryMiB: 65536, gpus: 0, monthlyUsd: perMonth(0.768) },
    ],
    volumeGiBMonthUsd: 0.08,
    publicIpMonthUsd: perMonth(0.005),
  },
};
