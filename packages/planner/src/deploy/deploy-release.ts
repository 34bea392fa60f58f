/*
 * Deploying a release to a host, and rolling back to one (the `local` and
 * `vps` targets): upload into releases/<sha256>.partial, verify the
 * checksums on the host, stop the release that serves, start the new one
 * under the runtime (which runs its pending migrations first), health-gate
 * it, and only then switch `current` and prune. A release that fails its
 * start or health gate is stopped and the previous one is started again and
 * gated, so the host ends up serving what it served before. Every deploy is
 * two history records: `started` before anything runs, and how it ended.
 */
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { SdkError, inputByteLimit } from '@deployment-manager/core';
import { commandLine, type PlanCommand } from '../command-line.ts';
import { runCommand, type CommandResult, type DeployHost } from './deploy-host.ts';
import { healthGate, type GateOptions, type GateResult } from './health-gate.ts';
import { chooseSupervisor, parseSupervisorFacts, type HostSupervisor } from './host-supervisor.ts';
import { appendHistory, latestRecords, readHistory, type DeployOutcome, type DeployRecord } from './history.ts';
import type { PreparedRelease } from './prepare-release.ts';
import { renderReleaseScript } from './release-script.ts';

/** The stages of a release deploy, in order (`rollback` only when one is needed). */
export const RELEASE_STAGES = ['check', 'upload', 'verify', 'stop', 'start', 'health', 'switch', 'prune', 'rollback'] as const;

/** One stage of a release deploy. */
export type ReleaseStage = (typeof RELEASE_STAGES)[number];

/** Progress of a deploy, for people. */
export interface DeployEvent {
  /** The stage. */
  readonly stage: ReleaseStage | 'migrate';
  /** `run` before it, `ok` or `failed` after it. */
  readonly status: 'run' | 'ok' | 'failed';
  /** The command it runs, or what happened. */
  readonly detail: string;
}

/** What a deploy is, for its history records. */
export interface DeployIdentity {
  /** Scenario (app) name. */
  readonly scenario: string;
  /** Environment name. */
  readonly environment: string;
  /** `local` or `vps`. */
  readonly target: string;
}

/** Options shared by {@link deployRelease} and {@link rollbackRelease}. */
export interface ReleaseOptions {
  /** Where it goes. */
  readonly host: DeployHost;
  /** The history file (JSONL). */
  readonly history: string;
  /** What is deployed, for the records. */
  readonly identity: DeployIdentity;
  /** Health gate bounds. */
  readonly gate?: GateOptions;
  /** Only list the commands; run nothing, record nothing. */
  readonly dryRun?: boolean;
  /** Receives progress. */
  readonly onEvent?: (event: DeployEvent) => void;
}

/** Options of {@link deployRelease}. */
export interface DeployReleaseOptions extends ReleaseOptions {
  /** The release to deploy (a dry run needs only its id, directory and manifest). */
  readonly release: Pick<PreparedRelease, 'dir' | 'id' | 'manifest'>;
  /** Releases kept on the host (default 5; the serving one is never pruned). */
  readonly keep?: number;
}

/** How a deploy or rollback went. */
export interface ReleaseResult {
  /** `success`, `failed` (nothing changed, or nothing to return to), `rolled-back` (the previous release serves again), or `dry-run`. */
  readonly outcome: Exclude<DeployOutcome, 'started'> | 'dry-run';
  /** The release deployed (or rolled back to). */
  readonly id: string;
  /** The release that served before. */
  readonly previous?: string;
  /** The stage that failed. */
  readonly failedStage?: ReleaseStage | 'migrate';
  /** Why. */
  readonly reason?: string;
  /** Every command run (dry run: to run), as shell lines. */
  readonly commands: readonly string[];
  /** The health gate of the release. */
  readonly gate?: GateResult;
  /** The health gate of the previous release after a rollback. */
  readonly restored?: GateResult;
  /** The final history record (none on a dry run). */
  readonly record?: DeployRecord;
}

/** `user@machine`, for the history. */
export function whoAmI(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers): keep 'unknown'
  }
  return `${user}@${hostname()}`;
}

/** A failure of one stage. */
class StageFailure extends Error {
  constructor(
    readonly stage: ReleaseStage | 'migrate',
    message: string,
  ) {
    super(message);
  }
}

/** The migration failure of the runtime's last start, from the host's telemetry, if any. */
async function migrationFailure(host: DeployHost): Promise<string | undefined> {
  const r = await runCommand(host.release('telemetry'), { timeoutMs: 60_000, maxOutputBytes: inputByteLimit() });
  if (r.code !== 0) return undefined;
  const lines = r.stdout.split('\n');
  const start = lines.map((l) => l.includes('"bundle_start"')).lastIndexOf(true);
  for (const line of lines.slice(Math.max(0, start))) {
    try {
      const e = JSON.parse(line) as { type?: string; level?: string; reason?: string };
      if (e.type === 'migration' && e.level === 'error') return e.reason;
    } catch {
      // a torn line: skip
    }
  }
  return undefined;
}

/** Runs commands on a host with the events and the command log a deploy keeps. */
function stepper(options: ReleaseOptions, commands: string[]) {
  const emit = (event: DeployEvent): void => options.onEvent?.(event);
  return async (stage: ReleaseStage, command: PlanCommand, run: { readonly input?: string; readonly from?: PlanCommand; readonly what?: string } = {}): Promise<CommandResult> => {
    const line = `${run.from === undefined ? '' : `${commandLine(run.from)} | `}${commandLine(command)}${run.what === undefined ? '' : ` < ${run.what}`}`;
    commands.push(line);
    emit({ stage, status: 'run', detail: line });
    if (options.dryRun === true) return { code: 0, stdout: '', stderr: '' };
    const r = await runCommand(command, { ...(run.input === undefined ? {} : { input: run.input }), ...(run.from === undefined ? {} : { from: run.from }) });
    if (r.code !== 0) {
      const why = (r.stderr.trim().split('\n').filter((l) => l.startsWith('release.sh: ') || !l.startsWith('  ')).at(-1) ?? `exit ${String(r.code)}`).replace(/^release\.sh: /, '');
      emit({ stage, status: 'failed', detail: why });
      throw new StageFailure(stage, r.code === 127 ? `${why} (a tool is missing on ${options.host.label})` : why);
    }
    emit({ stage, status: 'ok', detail: r.stdout.trim().split('\n')[0] ?? '' });
    return r;
  };
}

/** The rule of {@link chooseSupervisor}, for a dry run that has no facts yet. */
const SUPERVISOR_RULE = 'systemd (unit dm-<hash of the root>.service) when PID 1 is systemd, systemctl answers and the user is root or has sudo -n; else setsid';

/**
 * How the runtime is started on the host: setsid on this machine; on a server, what
 * {@link chooseSupervisor} makes of `release.sh facts` (a dry run prints the rule and the systemd line).
 */
async function hostSupervisor(options: ReleaseOptions, step: ReturnType<typeof stepper>, commands: string[], id: string): Promise<HostSupervisor | undefined> {
  if (options.host.ssh === undefined) return undefined; // release.sh's default: setsid
  const facts = await step('start', options.host.release('facts'));
  if (options.dryRun === true) {
    commands.push(`# supervisor, from those facts: ${SUPERVISOR_RULE}; the setsid start is ${commandLine(options.host.release('start', id, 'setsid'))}`);
    return 'systemd';
  }
  const choice = chooseSupervisor(parseSupervisorFacts(facts.stdout));
  options.onEvent?.({ stage: 'start', status: 'ok', detail: choice.reason });
  return choice.supervisor;
}

/** Starts a release and gates it; throws a {@link StageFailure} naming `start`, `migrate` or `health`. */
async function startAndGate(options: ReleaseOptions, step: ReturnType<typeof stepper>, commands: string[], id: string, manifest: DesktopManifest): Promise<GateResult | undefined> {
  try {
    await step('start', options.host.release('start', id, await hostSupervisor(options, step, commands, id)));
  } catch (error) {
    const migration = options.dryRun === true ? undefined : await migrationFailure(options.host);
    if (migration !== undefined) throw new StageFailure('migrate', migration);
    throw error;
  }
  if (options.dryRun === true) {
    commands.push(`# health gate: poll the control api /status until ready${options.host.ssh === undefined ? '' : ' (through ssh -N -L to its loopback port)'}, then smoke-check every service`);
    return undefined;
  }
  options.onEvent?.({ stage: 'health', status: 'run', detail: `control api /status until ready (at most ${Math.round((options.gate?.timeoutMs ?? 120_000) / 1000)} s), then smoke checks` });
  const gate = await healthGate(options.host, manifest, options.gate);
  if (!gate.ok) {
    const migration = await migrationFailure(options.host);
    options.onEvent?.({ stage: migration === undefined ? 'health' : 'migrate', status: 'failed', detail: migration ?? gate.reason ?? 'unhealthy' });
    throw Object.assign(new StageFailure(migration === undefined ? 'health' : 'migrate', migration ?? gate.reason ?? 'unhealthy'), { gate });
  }
  options.onEvent?.({ stage: 'health', status: 'ok', detail: `${gate.status?.services.length ?? 0} service(s) ready, ${gate.smoke.filter((s) => s.status === 'passed').length} smoke check(s) passed` });
  return gate;
}

interface Flow {
  readonly action: 'deploy' | 'rollback';
  readonly id: string;
  readonly version: string;
  readonly manifest: DesktopManifest;
  /** Stages before the stop: nothing changes on failure. */
  readonly prepare: (step: ReturnType<typeof stepper>) => Promise<string | undefined>;
  readonly keep?: number;
  /** The previous release's manifest, for its health gate after a rollback. */
  readonly previousManifest: (previous: string) => Promise<DesktopManifest>;
}

async function runFlow(options: ReleaseOptions, flow: Flow): Promise<ReleaseResult> {
  const commands: string[] = [];
  const step = stepper(options, commands);
  const t0 = Date.now();
  const id = randomUUID();
  const base = {
    format: 'deployment-manager.deploy/1' as const,
    id,
    action: flow.action,
    scenario: options.identity.scenario,
    version: flow.version,
    environment: options.identity.environment,
    target: options.identity.target,
    host: options.host.label,
    root: options.host.layout.root,
    // The connection-sharing directory lives as long as one command: not part of how to reach the host.
    ...(options.host.ssh === undefined ? {} : { ssh: (({ controlDir: _, ...target }) => target)(options.host.ssh) }),
    manifestSha256: flow.id,
    who: whoAmI(),
  };
  const record = (outcome: DeployOutcome, extra: Partial<DeployRecord> = {}): DeployRecord => {
    const r: DeployRecord = { ...base, time: new Date().toISOString(), outcome, durationMs: Date.now() - t0, ...extra };
    if (options.dryRun !== true) appendHistory(options.history, r);
    return r;
  };
  record('started');
  let previous: string | undefined;
  let stopped = false;
  try {
    previous = await flow.prepare(step);
    await step('stop', options.host.release('stop'));
    stopped = true;
    const gate = await startAndGate(options, step, commands, flow.id, flow.manifest);
    await step('switch', options.host.release('switch', flow.id));
    if (flow.keep !== undefined) await step('prune', options.host.release('prune', String(flow.keep)));
    if (options.dryRun === true) return { outcome: 'dry-run', id: flow.id, ...(previous === undefined ? {} : { previous }), commands };
    const done = record('success', previous === undefined ? {} : { previousSha256: previous });
    return { outcome: 'success', id: flow.id, ...(previous === undefined ? {} : { previous }), commands, ...(gate === undefined ? {} : { gate }), record: done };
  } catch (error) {
    if (!(error instanceof StageFailure)) throw error;
    const gate = (error as StageFailure & { gate?: GateResult }).gate;
    const failed = { failedStage: error.stage, reason: error.message, ...(previous === undefined ? {} : { previousSha256: previous }) };
    const result = { id: flow.id, ...(previous === undefined ? {} : { previous }), failedStage: error.stage, reason: error.message, commands, ...(gate === undefined ? {} : { gate }) };
    if (!stopped || previous === undefined || previous === '' || previous === flow.id) {
      // Nothing was changed (a stage before the stop failed), or there is nothing to return to.
      if (stopped) await runCommand(options.host.release('stop'), { timeoutMs: 120_000 });
      return { ...result, outcome: 'failed', record: record('failed', failed) };
    }
    const back = previous;
    options.onEvent?.({ stage: 'rollback', status: 'run', detail: `back to ${back.slice(0, 12)}` });
    let restored: GateResult | undefined;
    try {
      await step('rollback', options.host.release('stop'));
      restored = await startAndGate(options, step, commands, back, await flow.previousManifest(back));
    } catch (again) {
      const why = again instanceof Error ? again.message : String(again);
      options.onEvent?.({ stage: 'rollback', status: 'failed', detail: why });
      return { ...result, outcome: 'failed', reason: `${error.message}; and the previous release did not come back: ${why}`, record: record('failed', { ...failed, reason: `${error.message}; the previous release did not come back: ${why}` }) };
    }
    options.onEvent?.({ stage: 'rollback', status: 'ok', detail: `${back.slice(0, 12)} serves again` });
    return { ...result, outcome: 'rolled-back', ...(restored === undefined ? {} : { restored }), record: record('rolled-back', failed) };
  }
}

/**
 * Deploys a prepared release to a host: `check`, `upload`, `verify`, `stop`,
 * `start` (migrations run first), `health`, `switch`, `prune` - with an
 * automatic rollback when the start or the health gate fails. Never throws
 * for a failing stage: the result says which and why, and the history has
 * the record.
 *
 * @example
 * ```ts
 * const result = await deployRelease({ host: createLocalHost('/srv/recipe-hub'), release, history: 'state/history.jsonl', identity: { scenario: 'recipe-hub', environment: 'production', target: 'local' } });
 * ```
 */
export async function deployRelease(options: DeployReleaseOptions): Promise<ReleaseResult> {
  const { release, host } = options;
  return runFlow(options, {
    action: 'deploy',
    id: release.id,
    version: release.manifest.app.version,
    manifest: release.manifest,
    keep: options.keep ?? 5,
    previousManifest: async (id) => readReleaseManifest(host, id),
    prepare: async (step) => {
      await step('check', host.install(host.layout.script), { input: renderReleaseScript(), what: 'release.sh' });
      await step('check', host.release('check'));
      const previous = (await step('check', host.release('current'))).stdout.trim();
      await step('upload', host.release('receive', release.id), { from: { argv: ['tar', '-C', release.dir, '-cf', '-', '.'] } });
      await step('verify', host.release('verify', release.id));
      return previous === '' ? undefined : previous;
    },
  });
}

/** Options of {@link rollbackRelease}. */
export interface RollbackReleaseOptions extends ReleaseOptions {
  /** The release to go back to (a full id, or a unique prefix of at least 7 digits); default the one that served before the current one. */
  readonly to?: string;
}

/**
 * The release a rollback goes to: `to` (a unique prefix of a kept release),
 * or the newest successful deploy in the history of this host and root
 * other than `current` that is still kept. Throws `RELEASE_NOT_FOUND`.
 */
export function rollbackTarget(records: readonly DeployRecord[], kept: readonly string[], current: string, host: DeployHost, to?: string): string {
  if (to !== undefined) {
    const matches = kept.filter((k) => k.startsWith(to.toLowerCase()));
    if (to.length < 7 || matches.length !== 1) {
      throw new SdkError('RELEASE_NOT_FOUND', `release "${to}" is ${matches.length > 1 ? 'ambiguous' : 'not kept'} on ${host.label}`, { hint: `kept releases: ${kept.map((k) => k.slice(0, 12)).join(', ') || 'none'}; give at least 7 digits` });
    }
    return matches[0] as string;
  }
  const mine = latestRecords(records).filter((r) => r.host === host.label && r.root === host.layout.root && r.outcome === 'success');
  for (const r of [...mine].reverse()) if (r.manifestSha256 !== current && kept.includes(r.manifestSha256)) return r.manifestSha256;
  throw new SdkError('RELEASE_NOT_FOUND', `no earlier release to roll back to on ${host.label}`, { hint: `kept releases: ${kept.map((k) => k.slice(0, 12)).join(', ') || 'none'}; pass --to <checksum>` });
}

/**
 * Rolls back to a kept release: stop the current one, start the target,
 * health-gate it, switch `current`. When the target fails its gate, the
 * release that served is started again. Throws `RELEASE_NOT_FOUND` when
 * there is nothing to roll back to.
 *
 * @example
 * ```ts
 * await rollbackRelease({ host, history: 'state/history.jsonl', identity, to: '4a250469' });
 * ```
 */
export async function rollbackRelease(options: RollbackReleaseOptions): Promise<ReleaseResult> {
  const { host } = options;
  const current = (await runCommand(host.release('current'), { timeoutMs: 60_000 })).stdout.trim();
  const list = await runCommand(host.release('list'), { timeoutMs: 60_000 });
  if (list.code !== 0) throw new SdkError('DEPLOY_FAILED', `cannot list the releases on ${host.label}: ${list.stderr.trim()}`, { hint: 'check the ssh connection and --deploy-root' });
  const kept = list.stdout.split('\n').filter((l) => /^[0-9a-f]{64}$/.test(l));
  const target = rollbackTarget(readHistory(options.history).records, kept, current, host, options.to);
  const manifest = await readReleaseManifest(host, target);
  return runFlow(options, {
    action: 'rollback',
    id: target,
    version: manifest.app.version,
    manifest,
    previousManifest: async (id) => readReleaseManifest(host, id),
    prepare: async () => (current === '' ? undefined : current),
  });
}

/** A kept release's manifest, read on the host (`release.sh manifest SHA`; without one, the running release's). */
export async function readReleaseManifest(host: DeployHost, id?: string): Promise<DesktopManifest> {
  const r = await runCommand(host.release('manifest', id), { timeoutMs: 60_000, maxOutputBytes: inputByteLimit() });
  if (r.code !== 0) throw new SdkError('RELEASE_NOT_FOUND', id === undefined ? `no release is deployed under ${host.layout.root} on ${host.label}` : `release ${id.slice(0, 12)} is not kept on ${host.label}`, { hint: 'list the deploys with `deployment-manager deploy history`' });
  try {
    return JSON.parse(r.stdout) as DesktopManifest;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `the manifest of release ${id?.slice(0, 12) ?? 'current'} on ${host.label} is not json`, { hint: 'deploy the release again', cause });
  }
}
