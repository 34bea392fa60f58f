import { spawnSync } from 'node:child_process';

/** The terraform binary's version line, or undefined when none is on PATH. */
function terraformVersion(): string | undefined {
  const r = spawnSync('terraform', ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (r.error !== undefined || r.status !== 0) return undefined;
  return /Terraform v\S+/.exec(r.stdout)?.[0];
}

/** Runs `terraform fmt -check -recursive` in `dir`: no provider download is needed. */
export function terraformFmtCheck(dir: string): { ok: boolean; files: string[] } {
  const r = spawnSync('terraform', ['fmt', '-check', '-recursive', '-no-color'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { ok: r.status === 0, files: r.stdout.split('\n').filter((l) => l.trim() !== '') };
}

const version = terraformVersion();

/** Why fmt checks are skipped on this machine, or undefined when terraform is there. */
export const TERRAFORM_SKIP_REASON: string | undefined =
  version === undefined ? 'terraform is not on PATH, so `terraform fmt -check` is skipped (the hcl2json round trip still runs)' : undefined;

if (TERRAFORM_SKIP_REASON !== undefined) console.warn(`[packager-terraform tests] ${TERRAFORM_SKIP_REASON}`);
