/*
 * GPU detection and what it means per service: a `required` GPU that is
 * absent refuses the start with the probe's reason; any other requirement
 * degrades to CPU and says so. The probe is injectable so a host (or a test)
 * can state the machine's facts.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { SdkError } from '@deployment-manager/core';
import type { GpuInfo, GpuProbe } from './types.ts';

const nvidiaSmi = (): Promise<string | undefined> =>
  new Promise((resolve) => {
    execFile('nvidia-smi', ['-L'], { timeout: 5000 }, (error, stdout) => resolve(error === null ? stdout : undefined));
  });

const entries = async (dir: string): Promise<string[]> => readdir(dir).catch(() => []);

/**
 * The default probe: macOS always has Metal; elsewhere `nvidia-smi -L`
 * listing a GPU, an entry under `/proc/driver/nvidia/gpus`, or a render node
 * under `/dev/dri`.
 */
export const detectGpu: GpuProbe = async () => {
  if (process.platform === 'darwin') return { available: true, kind: 'metal', reason: 'macOS provides metal' };
  const smi = await nvidiaSmi();
  if (smi !== undefined && /\bGPU\b/.test(smi)) return { available: true, kind: 'nvidia', reason: 'nvidia-smi lists a gpu' };
  if ((await entries('/proc/driver/nvidia/gpus')).length > 0) return { available: true, kind: 'nvidia', reason: '/proc/driver/nvidia/gpus lists a gpu' };
  if ((await entries('/dev/dri')).some((e) => e.startsWith('renderD'))) return { available: true, kind: 'dri', reason: '/dev/dri has a render node' };
  return { available: false, reason: 'no nvidia-smi gpu, no /proc/driver/nvidia/gpus entry and no /dev/dri render node' };
};

/** What the GPU facts mean for one service that states a GPU requirement. */
export interface GpuDecision {
  /** Service id. */
  readonly service: string;
  /** The manifest's requirement. */
  readonly requirement: string;
  /** Whether the service gets a GPU. */
  readonly gpu: boolean;
}

/**
 * Decides per service; throws `GPU_UNAVAILABLE` naming the first service that
 * requires a GPU when none is there, with the probe's reason.
 */
export function decideGpu(manifest: DesktopManifest, info: GpuInfo): GpuDecision[] {
  const out: GpuDecision[] = [];
  for (const s of manifest.services) {
    const requirement = s.gpu?.requirement;
    if (requirement === undefined) continue;
    if (requirement === 'required' && !info.available) {
      throw new SdkError('GPU_UNAVAILABLE', `service "${s.id}" requires a gpu and none was found: ${info.reason}`, {
        hint: 'run the bundle on a machine with a gpu, or package a cpu variant (gpu.requirement optional_with_cpu_fallback)',
        details: { service: s.id, reason: info.reason },
      });
    }
    out.push({ service: s.id, requirement, gpu: info.available });
  }
  return out;
}

/** Resolves the `gpu` option: facts as given, or the probe's answer. */
export async function gpuInfo(option: GpuInfo | GpuProbe | undefined): Promise<GpuInfo> {
  if (option === undefined) return detectGpu();
  return typeof option === 'function' ? option() : option;
}
