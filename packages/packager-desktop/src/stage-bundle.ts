/*
 * Staging for a local run: what build.sh's `stage` does, in Node, for one
 * platform of a staging plan - copy every entry into a bundle directory,
 * verify pinned hashes, mark binaries executable - so a packaged bundle can be
 * run with `deployment-manager run` without electron-builder.
 */
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyInputTree, SdkError } from '@deployment-manager/core';
import type { StagingEntry, StagingPlan } from './staging-plan.ts';

/** Options of {@link stageBundle}. */
export interface StageBundleOptions {
  /** Platform key to stage (one of the plan's). */
  readonly platform: string;
  /** Where `source` entries come from (the scenario sources, `SOURCE_ROOT` of build.sh). */
  readonly sourceRoot: string;
  /** Where `out` entries come from (the packager output). */
  readonly packagerOut: string;
  /** The bundle directory to fill (emptied first). */
  readonly dest: string;
  /** Where an entry really comes from, when not where its origin says (a build output elsewhere); `null` skips it. */
  readonly resolve?: (entry: StagingEntry) => string | null | undefined;
}

/**
 * Copies one platform's staging entries into `dest`, as input: regular files
 * and directories only, links followed only inside the entry's origin
 * directory, within `DM_MAX_ASSET_BYTES` per entry (see
 * {@link @deployment-manager/core!copyInputTree}). Throws `FILE_UNREADABLE`
 * naming a missing source, `FILE_NOT_REGULAR` for a FIFO, socket, device or
 * escaping link, `FILE_TOO_LARGE`, and `ASSET_INVALID` for a pinned file whose
 * bytes do not match its sha256. Returns the entries staged.
 *
 * @example
 * ```ts
 * stageBundle(plan, { platform: 'linux-x64', sourceRoot: 'scenarios/recipe-hub', packagerOut: 'out/desktop', dest: 'out/bundle' });
 * ```
 */
export function stageBundle(plan: StagingPlan, options: StageBundleOptions): StagingEntry[] {
  const platform = plan.platforms.find((p) => p.platform === options.platform);
  if (platform === undefined) {
    throw new SdkError('INVALID_ARGUMENT', `platform "${options.platform}" is not in the staging plan`, { hint: `stage one of ${plan.platforms.map((p) => p.platform).join(', ')}` });
  }
  rmSync(options.dest, { recursive: true, force: true });
  const staged: StagingEntry[] = [];
  for (const entry of platform.entries) {
    const custom = options.resolve?.(entry);
    if (custom === null) continue;
    const origin = entry.origin === 'source' ? options.sourceRoot : options.packagerOut;
    const from = custom ?? join(origin, entry.from);
    const to = join(options.dest, entry.to);
    if (!existsSync(from)) {
      throw new SdkError('FILE_UNREADABLE', `${entry.kind} "${entry.to}" cannot be staged: ${from} does not exist`, { hint: 'build the services first (build-plan.json says how)', details: { path: from } });
    }
    mkdirSync(dirname(to), { recursive: true });
    const copied = copyInputTree(from, to, { what: `${entry.kind} "${entry.to}"`, ...(custom === undefined ? { root: origin } : {}) });
    if (entry.sha256 !== undefined && entry.verify && copied.sha256 !== entry.sha256.toLowerCase()) {
      const actual = copied.sha256 ?? 'a directory';
      throw new SdkError('ASSET_INVALID', `checksum mismatch for ${entry.to}: expected ${entry.sha256}, got ${actual}`, { hint: 'the source changed after packaging; package again' });
    }
    if (entry.executable) chmodSync(to, 0o755);
    staged.push(entry);
  }
  return staged;
}
