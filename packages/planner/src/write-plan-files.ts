/*
 * `plan --out <dir>`: every file a plan names, on disk, where its commands
 * look for them (see plan-layout.ts) - the exported manifest, the cloud
 * packager's output, the target's files and the plan itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeExport, type CloudManifest } from '@deployment-manager/bundle';
import { SdkError, definePackager, runPackagers, type PackagerArtifact, type PackagerRun } from '@deployment-manager/core';
import { createCloudPackager } from '@deployment-manager/packager-cloud';
import { writeHostFiles } from '@deployment-manager/packager-vps';
import { renderPlanFiles, type DeploymentInput, type DeploymentPlan } from './plan.ts';
import { planLayout } from './plan-layout.ts';

/** What {@link writePlanFiles} wrote. */
export interface WrittenPlan {
  /** Every file, relative to the output directory, sorted. */
  readonly files: readonly string[];
  /** SHA-256 of the exported manifest. */
  readonly manifestSha256: string;
}

const relativeTo = (dir: string, run: PackagerRun | undefined): string[] =>
  run?.status === 'packed' ? run.result.artifacts.map((a: PackagerArtifact) => `${dir}/${a.path}`) : [];

/**
 * Writes a plan's files under `outDir` (the plan's `layout.outDir` when not
 * given): `bundle.json` (canonical, with its `.sha256`), the cloud
 * packager's output under `cloud/`, the target's files under `<target>/`
 * (executables 0755) and `plan.json`. Refuses (`PLAN_BLOCKED`) a plan whose
 * pre-flight has errors, and (`PACKAGER_CHECK_FAILED`) a manifest the cloud
 * packager refuses.
 *
 * @example
 * ```ts
 * const plan = planDeployment({ ...input, outDir: 'out/plan' });
 * await writePlanFiles(input, plan); // out/plan/bundle.json, out/plan/cloud/..., out/plan/do/terraform/main.tf ...
 * ```
 */
export async function writePlanFiles(input: DeploymentInput, plan: DeploymentPlan, outDir: string = plan.layout.outDir): Promise<WrittenPlan> {
  if (plan.outcome.status === 'error') {
    throw new SdkError('PLAN_BLOCKED', `the plan is blocked at ${plan.outcome.stage}: ${plan.outcome.reason}`, { hint: plan.outcome.fix_suggestion });
  }
  const layout = planLayout(outDir, plan.target);
  mkdirSync(layout.outDir, { recursive: true });
  const manifest = input.manifest as CloudManifest;
  const { sha256 } = writeExport(manifest, layout.manifest);
  const [cloud] = await runPackagers([createCloudPackager()], manifest, { outDir: layout.outDir });
  if (cloud?.status !== 'packed') {
    throw new SdkError('PACKAGER_CHECK_FAILED', `the cloud packager refused the manifest: ${cloud?.issues.filter((i) => i.severity === 'error').map((i) => i.code).join(', ') ?? 'no result'}`, { hint: 'run `deployment-manager package <scenario> --target cloud` to see its findings' });
  }
  const files = renderPlanFiles(input);
  const target = definePackager<null>({ name: plan.target, target: plan.target, check: () => [], pack: async (_, ctx) => ({ artifacts: writeHostFiles(ctx, plan.target, files), notes: [] }) });
  const [written] = await runPackagers([target], null, { outDir: layout.outDir });
  writeFileSync(layout.plan, `${JSON.stringify(plan, null, 2)}\n`);
  return {
    files: ['bundle.json', 'bundle.json.sha256', ...relativeTo('cloud', cloud), ...relativeTo(plan.target, written), 'plan.json'].sort(),
    manifestSha256: sha256,
  };
}
