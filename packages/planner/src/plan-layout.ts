/*
 * Where `plan --out <dir>` (and `deploy`) put a plan's files, so the plan's
 * commands can name them: the exported manifest, the cloud packager's output
 * under `cloud/`, and the target's own files under `<target>/`.
 */

/** The files of a plan written to a directory (POSIX paths, as given: relative paths stay relative). */
export interface PlanLayout {
  /** The directory everything is written to. */
  readonly outDir: string;
  /** The exported manifest (`<out>/bundle.json`). */
  readonly manifest: string;
  /** The plan itself (`<out>/plan.json`). */
  readonly plan: string;
  /** The cloud packager's output (`<out>/cloud`): `compose/`, `kubernetes/`, `helm/<app>/`. */
  readonly cloudDir: string;
  /** The target's files (`<out>/<target>`): Terraform, the environment's Compose file, deploy.sh, smoke.sh... */
  readonly targetDir: string;
}

const join = (...parts: readonly string[]): string => parts.filter((p) => p !== '' && p !== '.').join('/').replace(/\/{2,}/g, '/') || '.';

/**
 * The layout of a plan's files under `outDir` for `target`.
 *
 * @example
 * ```ts
 * planLayout('out/plan', 'do').targetDir // 'out/plan/do'
 * ```
 */
export function planLayout(outDir: string, target: string): PlanLayout {
  const out = outDir.replace(/\/+$/, '') || '.';
  return { outDir: out, manifest: join(out, 'bundle.json'), plan: join(out, 'plan.json'), cloudDir: join(out, 'cloud'), targetDir: join(out, target) };
}
