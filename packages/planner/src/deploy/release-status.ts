/*
 * What `deploy status` shows of the release serving on a host: the runtime's
 * own verdict from its control API, and beside it the smoke checks run again
 * from outside the supervisor, through the same tunnel as the health gate -
 * a runtime that says ready while its api does not answer is not healthy.
 */
import { isSdkError } from '@deployment-manager/core';
import type { BundleStatus } from '@deployment-manager/runtime';
import type { SmokeResult } from '../verify.ts';
import type { DeployHost } from './deploy-host.ts';
import { readReleaseManifest } from './deploy-release.ts';
import { smokeRunning } from './health-gate.ts';
import { openHostControl } from './host-control.ts';

/** The state of the release serving on a host. */
export interface ReleaseStatus {
  /** The runtime's status, when it answers. */
  readonly status?: BundleStatus;
  /** Why there is no status (no runtime runs there), as a lower-case sentence. */
  readonly down?: string;
  /** The smoke checks of the serving release's manifest, run now (empty when no runtime runs). */
  readonly smoke: readonly SmokeResult[];
  /** True when the runtime says ready and no critical smoke check failed. */
  readonly healthy: boolean;
}

/**
 * Reads the runtime status of the release serving on `host` and runs its
 * smoke checks again (through an ssh tunnel on a server). A host where no
 * runtime runs is a value (`down`), not an error.
 *
 * @example
 * ```ts
 * const { status, smoke, healthy } = await releaseStatus(createLocalHost('/srv/recipe-hub'));
 * ```
 */
export async function releaseStatus(host: DeployHost): Promise<ReleaseStatus> {
  try {
    const control = await openHostControl(host);
    try {
      const status = (await control.client.request('GET', '/status')).body as BundleStatus;
      const smoke = await smokeRunning(control, await readReleaseManifest(host), status);
      const healthy = status.state === 'ready' && !smoke.some((r) => r.status === 'failed' && r.critical);
      return { status, smoke, healthy };
    } finally {
      control.close();
    }
  } catch (error) {
    if (!isSdkError(error, 'RUNTIME_NOT_RUNNING')) throw error;
    return { down: error.message, smoke: [], healthy: false };
  }
}
