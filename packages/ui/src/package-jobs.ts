// Packaging from the page: assemble, export and run one packager in the
// background, keeping every step as an event the page follows live.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleScenario, writeExport, type CloudManifest, type DesktopManifest, type MobileManifest } from '@deployment-manager/bundle';
import { isSdkError, runPackagers, type Packager, type PackagerRun, type Workspace } from '@deployment-manager/core';
import { createCloudPackager } from '@deployment-manager/packager-cloud';
import { createDesktopPackager } from '@deployment-manager/packager-desktop';
import { createMobilePackager } from '@deployment-manager/packager-mobile';
import type { PackageRequest } from './ui-requests.ts';
import type { PackageEvent } from './wire-types.ts';

/** The packaging jobs of one server. */
export interface PackageJobs {
  /** Starts a job and returns its id at once. */
  start(request: PackageRequest): string;
  /** Events of a job after `after` (all when -1), and whether it has finished; undefined for an unknown id. */
  events(id: string, after: number): { readonly events: readonly PackageEvent[]; readonly finished: boolean } | undefined;
  /** Calls `listener` on each new event of a job until it finishes; returns the unsubscribe function. */
  subscribe(id: string, listener: (event: PackageEvent) => void): () => void;
}

const PACKAGERS = {
  desktop: () => createDesktopPackager() as Packager<unknown>,
  cloud: () => createCloudPackager() as Packager<unknown>,
  mobile: () => createMobilePackager() as Packager<unknown>,
} as const;

type AnyManifest = DesktopManifest | CloudManifest | MobileManifest;

/**
 * Packaging jobs over a loaded workspace, each writing under
 * `<outDir>/job-<n>-<target>/` (the manifest as `bundle.json`, the
 * packager's artifacts under `<packager>/`).
 */
export function createPackageJobs(workspace: Workspace, outDir: string): PackageJobs {
  const jobs = new Map<string, { events: PackageEvent[]; finished: boolean; listeners: Set<(e: PackageEvent) => void> }>();
  const emit = (id: string, event: Omit<PackageEvent, 'seq'>): void => {
    const job = jobs.get(id);
    if (job === undefined) return;
    const full = { ...event, seq: job.events.length };
    job.events.push(full);
    if (event.stage === 'done' || event.stage === 'failed') job.finished = true;
    for (const l of job.listeners) l(full);
  };
  const run = async (id: string, request: PackageRequest, dir: string): Promise<void> => {
    emit(id, { stage: 'assemble', message: `assembling ${request.scenario} for ${request.tier} with ${request.swaps.length} swap(s)`, progress: 0.1 });
    const { result } = assembleScenario(workspace, request.scenario, { tier: request.tier, swaps: request.swaps });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.ok) {
      emit(id, { stage: 'failed', message: `the manifest is not valid: ${errors.map((d) => `${d.code} at ${d.path}`).join('; ')}`, outDir: dir });
      return;
    }
    mkdirSync(dir, { recursive: true });
    const exported = writeExport(result.manifest, join(dir, 'bundle.json'));
    emit(id, { stage: 'export', message: `bundle.json written, sha256 ${exported.sha256}`, progress: 0.3 });
    const runs: PackagerRun[] = await runPackagers([PACKAGERS[request.target]()], result.manifest as AnyManifest, {
      outDir: dir,
      log: (e) => {
        if (e.level !== 'debug') emit(id, { stage: 'pack', message: `${e.packager}: ${e.message}`, ...(e.progress === undefined ? {} : { progress: 0.3 + 0.7 * e.progress }) });
      },
    });
    const [packed] = runs;
    if (packed === undefined || packed.status === 'refused') {
      const issues = packed?.issues.filter((i) => i.severity === 'error') ?? [];
      emit(id, { stage: 'failed', message: `the packager refused: ${issues.map((i) => `${i.code} ${i.message}`).join('; ')}`, outDir: dir });
      return;
    }
    const artifacts = packed.result.artifacts.map((a) => ({ path: `${packed.packager}/${a.path}`, sha256: a.sha256, bytes: a.bytes }));
    emit(id, { stage: 'done', message: `${artifacts.length} artifact(s) written`, progress: 1, artifacts, manifestSha256: exported.sha256, outDir: dir });
  };
  return {
    start(request) {
      const id = String(jobs.size + 1);
      jobs.set(id, { events: [], finished: false, listeners: new Set() });
      // Only our own id and the checked target name the directory, never input text.
      const dir = join(outDir, `job-${id}-${request.target}`);
      run(id, request, dir).catch((error: unknown) => {
        emit(id, { stage: 'failed', message: isSdkError(error) ? `${error.code}: ${error.message}` : 'packaging failed unexpectedly', outDir: dir });
      });
      return id;
    },
    events(id, after) {
      const job = jobs.get(id);
      return job === undefined ? undefined : { events: job.events.slice(after + 1), finished: job.finished };
    },
    subscribe(id, listener) {
      const job = jobs.get(id);
      if (job === undefined) return () => undefined;
      job.listeners.add(listener);
      return () => job.listeners.delete(listener);
    },
  };
}
