/*
 * One supervised service: spawn (in its own process group), wait for
 * readiness, watch health, restart with bounded exponential backoff up to its
 * recovery attempts, and stop with SIGTERM then SIGKILL after a grace period.
 * The runner reports through events; the bundle decides what a give-up means.
 */
import type { ChildProcess } from 'node:child_process';
import type { DesktopService } from '@deployment-manager/bundle';
import { onLines, signalGroup, spawnGroup } from './process-group.ts';
import { portHolder } from './port-holder.ts';
import { probe, probeTcp, type ProbeResult } from './probes.ts';
import type { RotatingFile } from './rotating-file.ts';
import type { CommandLine } from './service-command.ts';
import type { ServicePolicy } from './start-order.ts';
import type { RuntimeEvent, ServiceState, ServiceStatus } from './types.ts';

/** An event as a runner reports it (the bundle stamps the time). */
type RunnerEvent = Omit<RuntimeEvent, 'ts'>;

/** Everything a runner needs, resolved by the bundle. */
export interface RunnerContext {
  /** The manifest entry. */
  readonly service: DesktopService;
  /** Policy (critical, attempts, readiness timeout). */
  readonly policy: ServicePolicy;
  /** What to run. */
  readonly command: CommandLine;
  /** Full environment. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Allocated ports by name. */
  readonly ports: Readonly<Record<string, number>>;
  /** Builds check command lines. */
  readonly checkCommand: (argv: readonly string[]) => CommandLine;
  /** The service's log. */
  readonly log: RotatingFile;
  /** Secret redaction. */
  readonly redact: (text: string) => string;
  /** Reports an event. */
  readonly emit: (event: RunnerEvent) => void;
  /** Registers (true) or forgets (false) a process group with the orphan guard. */
  readonly track: (pgid: number, alive: boolean) => void;
  /** Called once when the service has used up its restarts after having been ready. */
  readonly onGiveUp: (reason: string) => void;
  /** Timing knobs. */
  readonly timing: { readonly backoffInitialMs: number; readonly backoffMaxMs: number; readonly stableAfterMs: number; readonly stopTimeoutMs: number };
}

/** How a first start ended: ready, or not (reason in status), with the port another process took when that was why. */
interface StartOutcome {
  /** The service is ready. */
  readonly ready: boolean;
  /** The allocated port that another process held when the service should have listened on it. */
  readonly lostPort?: number;
}

/** One readiness attempt's result: a lost port is not retried on the same port. */
interface AttemptResult extends ProbeResult {
  readonly lostPort?: number;
}

/** A supervised service. */
export interface ServiceRunner {
  /** Service id. */
  readonly id: string;
  /**
   * Starts and waits for readiness, restarting on failure; not ready when it gave up (reason in status) or at
   * once, without restarts, when another process holds the port it must listen on (`lostPort`).
   */
  start(): Promise<StartOutcome>;
  /** Stops it (idempotent). */
  stop(): Promise<void>;
  /** Current status. */
  status(): ServiceStatus;
}

/** How long output may keep arriving after a service's leader exited (a process that left its group can hold the pipes). */
const OUTPUT_DRAIN_MS = 2_000;

const sleep = (ms: number, signal: { cancelled: boolean; wake?: () => void }): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.wake = () => {
      clearTimeout(t);
      resolve();
    };
  });

/** Describes how a process ended. */
function exitReason(code: number | null, signal: NodeJS.Signals | null): string {
  return signal !== null ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
}

/** Creates the runner of one service. */
export function createServiceRunner(ctx: RunnerContext): ServiceRunner {
  const { service, policy, timing } = ctx;
  const id = service.id;
  let state: ServiceState = 'pending';
  let child: ChildProcess | undefined;
  let pid: number | null = null;
  let restarts = 0;
  let failures = 0;
  let readyMs: number | null = null;
  let reason: string | null = null;
  let stopping = false;
  let matched = false;
  let healthTimer: NodeJS.Timeout | undefined;
  let stableTimer: NodeJS.Timeout | undefined;
  const pause: { cancelled: boolean; wake?: () => void } = { cancelled: false };
  let exited: Promise<void> = Promise.resolve(); // the leader is gone and its output logged
  let exitSeen: Promise<void> = Promise.resolve(); // the leader is gone
  const pattern = service.readiness.pattern === undefined ? undefined : new RegExp(service.readiness.pattern);

  // Cuts the readiness wait short when something it waits for happened (a matching line, an exit).
  let nudge: () => void = () => undefined;
  const write = (stream: string, line: string): void => {
    const clean = ctx.redact(line);
    if (pattern !== undefined && !matched && pattern.test(clean)) {
      matched = true;
      nudge();
    }
    ctx.log.write(`${new Date().toISOString()} ${stream} ${clean}\n`);
  };

  const clearTimers = (): void => {
    clearTimeout(healthTimer);
    clearTimeout(stableTimer);
    healthTimer = undefined;
    stableTimer = undefined;
  };

  /** Spawns one process; `onExit` hears about an exit the runner did not ask for. */
  const spawnOnce = (onExit: (why: string) => void): boolean => {
    matched = false;
    let c: ChildProcess;
    try {
      c = spawnGroup(ctx.command, ctx.env);
    } catch (e) {
      onExit(`could not start: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    child = c;
    const cpid = c.pid;
    let resolveExit: () => void = () => undefined;
    let resolveSeen: () => void = () => undefined;
    exited = new Promise((r) => (resolveExit = r));
    exitSeen = new Promise((r) => (resolveSeen = r));
    c.once('error', (e) => {
      if (cpid === undefined) {
        resolveSeen();
        resolveExit();
        onExit(`could not start: ${e.message}`);
      }
    });
    if (cpid === undefined) return false;
    pid = cpid;
    ctx.track(cpid, true);
    onLines(c.stdout, (l) => write('stdout', l));
    onLines(c.stderr, (l) => write('stderr', l));
    // The last output can still be in the pipes when the leader's exit is seen: a service counts as
    // gone once its output is logged, so nothing is written after stop() (or a restart) returns.
    const drained = Promise.all([c.stdout, c.stderr].map((s) => (s === null ? undefined : new Promise<void>((r) => s.once('close', () => r())))));
    ctx.emit({ type: 'spawn', level: 'info', service: id, details: { pid: cpid, attempt: failures } });
    c.once('exit', (code, signal) => {
      signalGroup(cpid, 'SIGKILL'); // anything the service left in its group goes with it
      ctx.track(cpid, false);
      if (child === c) {
        child = undefined;
        pid = null;
      }
      resolveSeen();
      // A process that left the group may hold the pipes open: stop reading them after a bound.
      const cut = setTimeout(() => {
        c.stdout?.destroy();
        c.stderr?.destroy();
      }, OUTPUT_DRAIN_MS);
      void drained.then(() => {
        clearTimeout(cut);
        resolveExit();
      });
      onExit(exitReason(code, signal));
    });
    return true;
  };

  // The port whose answers prove readiness / health; only its holder can be the service.
  const portOf = (name: string | undefined): number | undefined => (name === undefined ? Object.values(ctx.ports)[0] : ctx.ports[name]);
  const healthPort = service.health.type === 'http' || service.health.type === 'tcp' ? portOf(service.health.port_name) : undefined;
  const readyPort =
    service.readiness.type === 'health_success' ? healthPort : service.readiness.type === 'port_open' ? (ctx.ports[service.readiness.port_name ?? service.health.port_name ?? ''] ?? portOf(undefined)) : undefined;
  let unverifiedSaid = false;

  /** A passed check counts only when the port it reached is held by this service's process group. */
  const heldByService = (port: number | undefined, group: number | null): AttemptResult => {
    if (port === undefined || group === null) return { ok: true };
    const holder = portHolder(port, group);
    switch (holder.kind) {
      case 'own':
        return { ok: true };
      case 'free':
        return { ok: false, reason: `nothing listens on port ${port}` };
      case 'foreign':
        return { ok: false, reason: `port ${port} is held by a process outside the service's process group`, lostPort: port };
      case 'unknown':
        if (!unverifiedSaid) {
          unverifiedSaid = true;
          ctx.emit({ type: 'port_unverified', level: 'warn', service: id, reason: `cannot tell which process holds port ${port} (${holder.reason}); a check answered by another process would pass`, details: { port } });
        }
        return { ok: true };
    }
  };

  const readinessProbe = (): Promise<ProbeResult> => {
    const r = service.readiness;
    const target = { ports: ctx.ports, env: ctx.env, command: ctx.checkCommand, logMatched: () => matched, track: ctx.track };
    switch (r.type) {
      case 'health_success':
        return probe(service.health, target);
      case 'port_open':
        return readyPort === undefined ? Promise.resolve({ ok: false, reason: 'no port to probe' }) : probeTcp(readyPort, 1000);
      case 'log_match':
        return Promise.resolve(matched ? { ok: true } : { ok: false, reason: `no output line matched ${r.pattern ?? ''}` });
      case 'dependencies_ready':
        return Promise.resolve({ ok: true });
    }
  };

  /** One try: spawn and wait for readiness; kills the process when it is not ready in time. */
  const attempt = async (): Promise<AttemptResult> => {
    const t0 = performance.now();
    let died: string | undefined;
    state = failures === 0 && restarts === 0 ? 'starting' : 'restarting';
    const onExit = (why: string): void => {
      died ??= why;
      nudge();
    };
    if (!spawnOnce(onExit)) return { ok: false, reason: died ?? 'could not start' };
    const group = pid;
    const deadline = t0 + policy.readinessTimeoutMs;
    let wait = 10;
    let last: AttemptResult = { ok: false, reason: 'not probed yet' };
    while (!stopping && died === undefined && performance.now() < deadline) {
      last = await readinessProbe();
      if (last.ok && died === undefined) last = heldByService(readyPort, group);
      if ((last.ok || last.lostPort !== undefined) && died === undefined) break;
      await new Promise<void>((r) => {
        const t = setTimeout(r, wait);
        nudge = () => {
          clearTimeout(t);
          r();
        };
      });
      nudge = () => undefined;
      wait = Math.min(wait * 2, 250);
    }
    if (stopping) return { ok: false, reason: 'stopping' };
    if (died !== undefined) {
      // Died because another process took its port (EADDRINUSE)? Then that port is lost, not the service broken.
      const held = heldByService(readyPort, group);
      return held.lostPort === undefined ? { ok: false, reason: `${died} before it was ready` } : { ok: false, reason: `${died} before it was ready; ${held.reason ?? ''}`, lostPort: held.lostPort };
    }
    if (last.lostPort !== undefined) {
      await terminate();
      return last;
    }
    if (!last.ok) {
      await terminate();
      return { ok: false, reason: `not ready within ${policy.readinessTimeoutMs} ms (${last.reason ?? 'no reason'})` };
    }
    readyMs = Math.round(performance.now() - t0);
    state = 'ready';
    reason = null;
    ctx.emit({ type: 'ready', level: 'info', service: id, details: { ready_ms: readyMs, pid } });
    watch();
    return { ok: true };
  };

  /** After readiness: an unexpected exit or failed health checks lead to recovery. */
  const watch = (): void => {
    const c = child;
    if (c === undefined) return;
    stableTimer = setTimeout(() => (failures = 0), timing.stableAfterMs);
    stableTimer.unref();
    c.once('exit', (code, signal) => {
      if (stopping || state !== 'ready') return;
      clearTimers();
      const why = exitReason(code, signal);
      ctx.emit({ type: 'crash', level: 'error', service: id, reason: why, details: { code, signal } });
      void recover(why).then((ok) => {
        if (!ok && !stopping) ctx.onGiveUp(reason ?? why);
      });
    });
    if (service.health.type === 'log_match') return;
    const interval = service.health.interval_ms ?? 1000;
    const allowed = service.health.retries ?? 3;
    let bad = 0;
    const tick = async (): Promise<void> => {
      if (stopping || state !== 'ready' || child !== c) return;
      const checked = await probe(service.health, { ports: ctx.ports, env: ctx.env, command: ctx.checkCommand, logMatched: () => matched, track: ctx.track });
      const r = checked.ok ? heldByService(healthPort, pid) : checked;
      if (stopping || state !== 'ready' || child !== c) return;
      if (r.ok) bad = 0;
      else {
        bad++;
        ctx.emit({ type: 'health_failure', level: 'warn', service: id, reason: r.reason ?? 'check failed', details: { consecutive: bad, allowed } });
        if (bad > allowed) {
          clearTimers();
          state = 'restarting';
          const why = `unhealthy after ${bad} failed checks (${r.reason ?? 'check failed'})`;
          await terminate();
          void recover(why).then((ok) => {
            if (!ok && !stopping) ctx.onGiveUp(reason ?? why);
          });
          return;
        }
      }
      healthTimer = setTimeout(() => void tick(), interval);
      healthTimer.unref();
    };
    healthTimer = setTimeout(() => void tick(), interval);
    healthTimer.unref();
  };

  /** Restarts with exponential backoff until ready or out of attempts. */
  const recover = async (first: string): Promise<boolean> => {
    let why = first;
    for (;;) {
      if (stopping) return false;
      if (failures >= policy.recoveryAttempts) {
        state = 'failed';
        reason = `gave up after ${failures + 1} failed start(s): ${why}`;
        ctx.emit({ type: 'gave_up', level: 'error', service: id, reason, details: { attempts: failures, critical: policy.critical } });
        return false;
      }
      const delay = Math.min(timing.backoffMaxMs, timing.backoffInitialMs * 2 ** failures);
      failures++;
      restarts++;
      state = 'restarting';
      ctx.emit({ type: 'restart', level: 'warn', service: id, reason: why, details: { attempt: failures, of: policy.recoveryAttempts, delay_ms: delay } });
      await sleep(delay, pause);
      if (stopping) return false;
      const r = await attempt();
      if (r.ok) return true;
      why = r.reason ?? 'failed';
    }
  };

  /** SIGTERM to the group, SIGKILL after the grace period; resolves once the leader is gone and its output logged. */
  const terminate = async (): Promise<void> => {
    const c = child;
    const p = pid;
    if (c === undefined || p === null) return;
    const seen = exitSeen;
    const gone = exited;
    signalGroup(p, 'SIGTERM');
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), timing.stopTimeoutMs).unref());
    if ((await Promise.race([seen.then(() => 'exited' as const), timer])) === 'timeout') {
      ctx.emit({ type: 'kill', level: 'warn', service: id, reason: `still running ${timing.stopTimeoutMs} ms after SIGTERM`, details: { pid: p } });
      signalGroup(p, 'SIGKILL');
    }
    await gone;
  };

  return {
    id,
    async start() {
      const r = await attempt();
      if (r.ok) return { ready: true };
      if (stopping) return { ready: false };
      if (r.lostPort !== undefined) {
        state = 'failed';
        reason = r.reason ?? `port ${r.lostPort} is held by another process`;
        return { ready: false, lostPort: r.lostPort };
      }
      return { ready: await recover(r.reason ?? 'failed') };
    },
    async stop() {
      if (stopping) return exited;
      stopping = true;
      pause.wake?.();
      clearTimers();
      const wasRunning = child !== undefined;
      if (state !== 'failed') state = 'stopping';
      if (wasRunning) ctx.emit({ type: 'stop', level: 'info', service: id, details: { pid } });
      await terminate();
      if (state !== 'failed') state = 'stopped';
    },
    status: () => ({ id, state, critical: policy.critical, pid, restarts, ports: ctx.ports, readyMs, reason }),
  };
}
