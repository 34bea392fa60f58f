/*
 * Defaults the cost estimate assumes when a manifest leaves compute
 * requests out. A resource service with a fitness catalog entry uses the
 * entry's RAM figure instead of the generic default.
 */

/** Sizing assumptions. */
export interface SizingDefaults {
  /** Per-replica CPU (millicores) of an app service without `resources.cpu`. */
  readonly appCpuMillis: number;
  /** Per-replica memory (MiB) of an app service without `resources.memory`. */
  readonly appMemoryMiB: number;
  /** Per-replica CPU (millicores) of a resource service without `resources.cpu`. */
  readonly resourceCpuMillis: number;
  /** Per-replica memory (MiB) of a resource service without `resources.memory` or a catalog figure. */
  readonly resourceMemoryMiB: number;
  /** Size (GiB) of a persistent volume without `size`. */
  readonly volumeGiB: number;
  /** Multiplier on the summed requests, so a host is not sized at 100%. */
  readonly headroom: number;
  /** CPU (millicores) the host's OS, Docker and the proxy need. */
  readonly hostCpuMillis: number;
  /** Memory (MiB) the host's OS, Docker and the proxy need. */
  readonly hostMemoryMiB: number;
  /** Size (GiB) of the host's boot disk (included in the machine price). */
  readonly bootDiskGiB: number;
}

import { AWS_BOOT_DISK_GIB, DEFAULT_VOLUME_GIB } from '@deployment-manager/packager-terraform';

/** The built-in sizing assumptions. */
export const SIZING_DEFAULTS: SizingDefaults = {
  appCpuMillis: 250,
  appMemoryMiB: 256,
  resourceCpuMillis: 500,
  resourceMemoryMiB: 512,
  volumeGiB: DEFAULT_VOLUME_GIB,
  headroom: 1.25,
  hostCpuMillis: 250,
  hostMemoryMiB: 512,
  bootDiskGiB: AWS_BOOT_DISK_GIB,
};
