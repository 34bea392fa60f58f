import { join } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.ts';
import { SdkError } from './errors.ts';

/** One file a packager wrote, relative to its output directory. */
export interface PackagerArtifact {
  /** POSIX path relative to `ctx.outDir`. */
  readonly path: string;
  /** IANA media type, e.g. `application/yaml`. */
  readonly mediaType: string;
  /** Lower-case hex SHA-256 of exactly the bytes written. */
  readonly sha256: string;
  /** Size in bytes. */
  readonly bytes: number;
}

/**
 * Something the target cannot express as the bundle says: `lost` (dropped)
 * or `emulated` (approximated by other means). Reported as data, never hidden.
 */
export interface PackagerNote {
  /** Dropped or approximated. */
  readonly kind: 'lost' | 'emulated';
  /** Short feature name, e.g. `readiness`, `depends_on.condition`. */
  readonly feature: string;
  /** What happened and why. */
  readonly message: string;
  /** JSON pointer into the bundle, when it is about one place. */
  readonly path?: string;
}

/** A structured log line from a packager. Never carries secret values. */
export interface PackagerLogEvent {
  /** `info` for progress, `warn` for notes worth reading. */
  readonly level: 'debug' | 'info' | 'warn';
  /** The packager that logged it. */
  readonly packager: string;
  /** Lower-case sentence. */
  readonly message: string;
  /** Progress from 0 to 1, when known. */
  readonly progress?: number;
}

/** What `pack` receives besides the bundle. */
export interface PackContext {
  /** The only directory the packager may write under. */
  readonly outDir: string;
  /** Log sink. */
  readonly log: (event: PackagerLogEvent) => void;
  /** Abort signal; packagers stop and throw `PACKAGER_ABORTED` when it fires. */
  readonly signal: AbortSignal;
}

/** What `pack` returns. */
export interface PackResult {
  /** Files written, sorted by path. */
  readonly artifacts: readonly PackagerArtifact[];
  /** What the target could not express. */
  readonly notes: readonly PackagerNote[];
}

/**
 * The packager contract: an identity (`name`, `target`), a pure `check` and
 * an async `pack` that writes only under `ctx.outDir`.
 */
export interface Packager<B = unknown> {
  /** Stable unique name, e.g. `cloud`. */
  readonly name: string;
  /** What it produces, e.g. `docker-compose+kubernetes+helm`. */
  readonly target: string;
  /** Pure: the issues that would prevent or degrade packing. Errors block `pack`. */
  check(bundle: B): readonly Diagnostic[];
  /** Writes the artifacts. Refuses (`PACKAGER_CHECK_FAILED`) when `check` has errors. */
  pack(bundle: B, ctx: PackContext): Promise<PackResult>;
}

/**
 * Identity helper that also enforces the contract uniformly: `pack` runs
 * `check` first and refuses on errors, and honours an already-aborted signal.
 *
 * @example
 * ```ts
 * export const createZipPackager = (): Packager<MyBundle> =>
 *   definePackager({ name: 'zip', target: 'zip', check: () => [], pack: async (b, ctx) => ({ artifacts: [], notes: [] }) });
 * ```
 */
export function definePackager<B>(packager: Packager<B>): Packager<B> {
  return {
    name: packager.name,
    target: packager.target,
    check: (bundle) => packager.check(bundle),
    pack: async (bundle, ctx) => {
      throwIfAborted(ctx.signal, packager.name);
      const issues = packager.check(bundle);
      if (hasErrors(issues)) {
        const codes = [...new Set(issues.filter((i) => i.severity === 'error').map((i) => i.code))];
        throw new SdkError('PACKAGER_CHECK_FAILED', `packager "${packager.name}" refused to pack: check found ${codes.length} kind(s) of error (${codes.join(', ')})`, {
          hint: `run check() and fix the issues first`,
          details: { packager: packager.name, issues },
        });
      }
      const result = await packager.pack(bundle, ctx);
      throwIfAborted(ctx.signal, packager.name);
      return { artifacts: [...result.artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), notes: result.notes };
    },
  };
}

/** Throws `PACKAGER_ABORTED` when the signal has fired. Call between steps. */
export function throwIfAborted(signal: AbortSignal, packager: string): void {
  if (signal.aborted) {
    throw new SdkError('PACKAGER_ABORTED', `packager "${packager}" was aborted`, { hint: 'nothing past the abort point was written', cause: signal.reason });
  }
}

/** Options of {@link runPackagers}. */
export interface RunPackagersOptions {
  /** Root output directory; each packager writes under `<outDir>/<name>`. */
  readonly outDir: string;
  /** Log sink (default: discard). */
  readonly log?: (event: PackagerLogEvent) => void;
  /** Abort signal (default: never aborts). */
  readonly signal?: AbortSignal;
}

/** The outcome of one packager in {@link runPackagers}. */
export type PackagerRun =
  | { readonly packager: string; readonly status: 'packed'; readonly issues: readonly Diagnostic[]; readonly result: PackResult }
  | { readonly packager: string; readonly status: 'refused'; readonly issues: readonly Diagnostic[] };

/**
 * Runs explicitly registered packagers over one bundle, in the given order.
 * Duplicate names are rejected up front (`PACKAGER_DUPLICATE`); a packager
 * whose check has errors is reported as `refused` and the others still run.
 *
 * @example
 * ```ts
 * const runs = await runPackagers([createCloudPackager(), createDesktopPackager()], manifest, { outDir: 'out' });
 * ```
 */
export async function runPackagers<B>(packagers: readonly Packager<B>[], bundle: B, options: RunPackagersOptions): Promise<PackagerRun[]> {
  const names = new Set<string>();
  for (const p of packagers) {
    if (names.has(p.name)) {
      throw new SdkError('PACKAGER_DUPLICATE', `packager name "${p.name}" is registered twice`, { hint: 'give every packager a unique name' });
    }
    names.add(p.name);
  }
  const signal = options.signal ?? new AbortController().signal;
  const log = options.log ?? ((): void => undefined);
  const runs: PackagerRun[] = [];
  for (const p of packagers) {
    const issues = p.check(bundle);
    if (hasErrors(issues)) {
      runs.push({ packager: p.name, status: 'refused', issues });
      continue;
    }
    const result = await definePackager(p).pack(bundle, { outDir: join(options.outDir, p.name), log, signal });
    runs.push({ packager: p.name, status: 'packed', issues, result });
  }
  return runs;
}
