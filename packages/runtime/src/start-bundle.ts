/*
 * The supervisor: everything that must hold before a process starts (valid
 * manifest, verified assets, GPU facts, ports, secrets), then the control API,
 * then services wave by wave (migrations right before a service first
 * starts), then supervision until a stop or a critical give-up, and shutdown
 * in reverse order.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { DesktopManifest, DesktopService } from '@deployment-manager/bundle';
import { SdkError, isSdkError, readBoundedFile, textOfBytes } from '@deployment-manager/core';
import { redact as redactValues } from '@deployment-manager/secrets';
import { listenControlApi } from './control-api.ts';
import { writeToken } from './control-auth.ts';
import { controlFilePath, removeControlFile, writeControlFile } from './control-file.ts';
import { decideGpu, gpuInfo } from './gpu.ts';
import { loadBundle, type BundleSource } from './load-bundle.ts';
import { migrationAction, readMigrationState, recordMigration, writeMigrationState, type MigrationState } from './migrations.ts';
import { allocatePorts, reallocatePort } from './port-allocator.ts';
import { createRotatingFile, type RotatingFile } from './rotating-file.ts';
import { runCommand } from './run-command.ts';
import { injectSecrets } from './secret-injection.ts';
import { binaryFor, commandLine, expandEnv, hostPlatformKey, insideDir, serviceCommand, type PlaceholderValues } from './service-command.ts';
import { createServiceRunner, type ServiceRunner } from './service-runner.ts';
import { servicePolicy, startWaves } from './start-order.ts';
import { createTelemetrySink, redactEvent } from './telemetry.ts';
import type { BundleHandle, BundleOutcome, BundleState, BundleStatus, RuntimeEvent, RuntimeOptions } from './types.ts';
import { startWatchdog, type Watchdog } from './watchdog.ts';
import { verifyAssets } from './verify-assets.ts';

/** How many times one service's port may be moved because another process took it before the service listened. */
export const MAX_PORT_MOVES: number = 5;

/** How long a migration may run. */
export const MIGRATION_TIMEOUT_MS: number = 10 * 60_000;

const HISTORY = 1000;

/** The default app data directory of a bundle: `<bundle dir>/.runtime`. */
export function defaultAppData(bundleDir: string): string {
  return join(bundleDir, '.runtime');
}

/** The last `n` lines of a text file ([] when there is none, or it is no regular file of at most the input cap). */
export function tailFile(path: string, n: number): string[] {
  const read = readBoundedFile(path);
  if (!read.ok) return [];
  const lines = textOfBytes(read.bytes).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-n);
}

/** Where a service writes its log. */
function logPath(appData: string, service: DesktopService): string {
  return join(insideDir(appData, service.log_dir ?? `logs/${service.id}`, `log directory of service "${service.id}"`), `${service.id}.log`);
}

/**
 * Starts a desktop bundle and resolves once every service is ready (an
 * optional service that gave up is marked failed; a critical one rejects).
 * Before any process starts it validates the manifest, verifies binaries and
 * assets by SHA-256 (`ASSET_INVALID`), applies the GPU requirements
 * (`GPU_UNAVAILABLE`), allocates ports on 127.0.0.1 (`PORT_UNAVAILABLE`) and
 * obtains secrets (`SECRET_MISSING`); a failed migration rejects with
 * `MIGRATION_FAILED`, a critical service that never gets ready with
 * `SERVICE_FAILED`. On any rejection everything started is stopped again.
 *
 * @example
 * ```ts
 * const bundle = await startBundle('out/staging/linux-x64', { appData: '/tmp/recipe-hub' });
 * console.log(bundle.ports.api?.http);
 * await bundle.stop();
 * ```
 */
export async function startBundle(source: BundleSource, options: RuntimeOptions = {}): Promise<BundleHandle> {
  const t0 = performance.now();
  const { manifest, bundleDir } = loadBundle(source);
  const appData = resolve(options.appData ?? defaultAppData(bundleDir));
  mkdirSync(appData, { recursive: true, mode: 0o700 });
  const app = { name: manifest.app.name, version: manifest.app.version };
  const logOptions = { maxBytes: options.logMaxBytes ?? 5 * 1024 * 1024, keep: options.logKeep ?? 3 };
  const secretValues: string[] = [];
  const redact = (text: string): string => redactValues(text, secretValues);
  const telemetryFile = insideDir(appData, manifest.telemetry.file, 'telemetry file');
  const sink = createTelemetrySink(createRotatingFile(telemetryFile, logOptions), app, redact);

  const history: RuntimeEvent[] = [];
  const listeners = new Set<(e: RuntimeEvent) => void>();
  const emit = (e: Omit<RuntimeEvent, 'ts'>): void => {
    const event = redactEvent({ ts: new Date().toISOString(), ...e } as RuntimeEvent, redact);
    history.push(event);
    if (history.length > HISTORY) history.shift();
    sink(event);
    options.onEvent?.(event);
    for (const l of listeners) l(event);
  };

  let state: BundleState = 'starting';
  let stateReason: string | null = null;
  const runners = new Map<string, ServiceRunner>();
  const waves = startWaves(manifest);
  let server: Server | undefined;
  let watchdog: Watchdog | undefined;
  const controlFile = controlFilePath(appData);
  let ports: Record<string, Record<string, number>> = {};
  let resolveDone: (o: BundleOutcome) => void = () => undefined;
  const done = new Promise<BundleOutcome>((r) => (resolveDone = r));
  let stopping: Promise<BundleOutcome> | undefined;

  const status = (): BundleStatus => ({
    app,
    state,
    reason: stateReason,
    pid: process.pid,
    services: waves.flat().map(
      (id) => runners.get(id)?.status() ?? { id, state: 'pending', critical: servicePolicy(manifest.services.find((s) => s.id === id) as DesktopService, { recoveryAttempts: 0, readinessTimeoutMs: 0 }).critical, pid: null, restarts: 0, ports: ports[id] ?? {}, readyMs: null, reason: null },
    ),
  });

  const stop = (reason = 'stop requested', ok = true): Promise<BundleOutcome> => {
    stopping ??= (async () => {
      const wasFailing = !ok;
      state = 'stopping';
      stateReason = reason;
      emit({ type: 'shutdown', level: wasFailing ? 'error' : 'info', reason });
      for (const wave of [...waves].reverse()) await Promise.all(wave.map((id) => runners.get(id)?.stop()));
      await new Promise<void>((r) => (server === undefined ? r() : server.close(() => r())));
      server?.closeAllConnections();
      removeControlFile(controlFile);
      watchdog?.close();
      process.off('exit', lastResort);
      state = wasFailing ? 'failed' : 'stopped';
      emit({ type: 'stopped', level: wasFailing ? 'error' : 'info', reason });
      const outcome = { ok, reason };
      resolveDone(outcome);
      return outcome;
    })();
    return stopping;
  };

  // If the host process exits without stopping (process.exit, an uncaught error), kill every group on the way out.
  const lastResort = (): void => {
    for (const r of runners.values()) {
      const pid = r.status().pid;
      if (pid !== null) {
        try {
          process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  };

  emit({ type: 'bundle_start', level: 'info', details: { bundle: bundleDir, app_data: appData, pid: process.pid } });
  try {
    const platform = options.platform ?? hostPlatformKey();
    for (const a of await verifyAssets(manifest, bundleDir, platform)) {
      emit({ type: 'asset_unverified', level: 'warn', service: a.service, reason: `asset "${a.path}" has no real sha256; only its presence was checked` });
    }
    const gpu = await gpuInfo(options.gpu);
    const decisions = decideGpu(manifest, gpu);
    for (const d of decisions) {
      emit(d.gpu ? { type: 'gpu', level: 'info', service: d.service, reason: `gpu available (${gpu.kind ?? 'unknown'})` } : { type: 'gpu', level: 'warn', service: d.service, reason: `no gpu, running on cpu: ${gpu.reason}` });
    }
    const allocation = await allocatePorts(manifest, waves.flat());
    ports = allocation.ports;
    for (const id of waves.flat()) ports[id] ??= {}; // one object per service, shared by its runner, moved in place
    for (const s of allocation.skipped) emit({ type: 'port_skipped', level: 'warn', service: s.service, reason: `port ${s.port} for ${s.service}.${s.name} is taken; skipped`, details: { port: s.port, name: s.name } });
    const injected = await injectSecrets(manifest, { storePath: join(appData, 'runtime', 'secrets.json'), appData, ...(options.prompt === undefined ? {} : { prompt: options.prompt }) });
    secretValues.push(...injected.values);
    for (const o of injected.outcomes) emit({ type: 'secret', level: o.action === 'skipped' ? 'warn' : 'info', reason: `secret "${o.id}" ${o.action}`, details: { id: o.id, action: o.action } });

    const tokenFile = insideDir(appData, manifest.ipc.auth_token_path, 'auth token path');
    const token = writeToken(tokenFile);
    const controlSource = {
      token,
      status,
      ports: () => ports,
      tail: (service: string, lines: number) => {
        const s = manifest.services.find((x) => x.id === service);
        return s === undefined ? undefined : tailFile(logPath(appData, s), lines).map(redact);
      },
      shutdown: () => void stop('shutdown requested through the control api'),
      redact,
    };
    const wanted = options.controlPort ?? manifest.ipc.port;
    let listening: { server: Server; port: number };
    try {
      listening = await listenControlApi(controlSource, wanted);
    } catch (e) {
      if (options.controlPort !== undefined) {
        throw new SdkError('PORT_UNAVAILABLE', `control port ${wanted} on 127.0.0.1 is taken`, { hint: 'pass another controlPort, or 0 for any', cause: e });
      }
      listening = await listenControlApi(controlSource, 0);
      emit({ type: 'port_skipped', level: 'warn', reason: `control port ${wanted} is taken; the control api listens on ${listening.port} (see the control file)`, details: { port: wanted } });
    }
    server = listening.server;
    const control = { host: '127.0.0.1', port: listening.port, tokenFile, controlFile };
    writeControlFile(controlFile, { format: 'deployment-manager.runtime.control/1', pid: process.pid, app, host: control.host, port: control.port, tokenFile, telemetryFile, bundleDir, startedAt: new Date().toISOString() });

    watchdog = startWatchdog(options.stopTimeoutMs ?? 10_000);
    process.on('exit', lastResort);
    const migrationsFile = join(appData, 'runtime', 'migrations.json');
    const migrations = readMigrationState(migrationsFile);
    const values: PlaceholderValues = { data: join(appData, 'data'), bundle: bundleDir, ports };
    const timing = {
      backoffInitialMs: options.backoffInitialMs ?? 500,
      backoffMaxMs: options.backoffMaxMs ?? 15_000,
      stableAfterMs: options.stableAfterMs ?? 60_000,
      stopTimeoutMs: options.stopTimeoutMs ?? 10_000,
    };
    const defaults = { recoveryAttempts: options.recoveryAttempts ?? 3, readinessTimeoutMs: options.readinessTimeoutMs ?? 30_000 };
    const wd = watchdog;
    const track = (pgid: number, alive: boolean): void => (alive ? wd.add(pgid) : wd.remove(pgid));
    const gpuOf = new Map(decisions.map((d) => [d.service, d.gpu]));
    /** A service's environment with its current ports (again after a port moved). */
    const serviceEnv = (service: DesktopService, own: Readonly<Record<string, number>>): Record<string, string | undefined> => {
      const binaryEnv = expandEnv(binaryFor(service, platform).env, values);
      const portEnv = Object.fromEntries((service.ports?.requested ?? []).flatMap((r) => (r.env_var === undefined || own[r.name] === undefined ? [] : [[r.env_var, String(own[r.name])]])));
      const gpuFlag = gpuOf.get(service.id);
      return {
        ...process.env,
        DM_SERVICE_ID: service.id,
        DM_BUNDLE_DIR: bundleDir,
        DM_APP_DATA: appData,
        ...(service.dist_root === undefined ? {} : { DM_DIST_ROOT: insideDir(bundleDir, service.dist_root, `dist root of service "${service.id}"`) }),
        ...expandEnv(service.env, values),
        ...binaryEnv,
        ...portEnv,
        ...(gpuFlag === undefined ? {} : { DM_GPU_AVAILABLE: gpuFlag ? '1' : '0' }),
        ...injected.env.get(service.id),
      };
    };

    const lostPorts = new Set<number>();
    /** Starts one service; a port another process took before the service listened moves to the next free one. */
    const startService = async (service: DesktopService): Promise<boolean> => {
      for (const dir of service.data_dirs ?? []) mkdirSync(insideDir(appData, dir, `data directory of service "${service.id}"`), { recursive: true, mode: 0o700 });
      const log = createRotatingFile(logPath(appData, service), logOptions);
      const policy = servicePolicy(service, defaults);
      for (let moves = 0; ; moves++) {
        const own = ports[service.id] ?? {};
        const command = serviceCommand(service, platform, bundleDir, values);
        const env = serviceEnv(service, own);
        if (moves === 0) await runMigrations(service, migrations, migrationsFile, { env, cwd: command.cwd, values, log, redact, emit, track });
        const runner = createServiceRunner({
          service,
          policy,
          command,
          env,
          ports: own,
          checkCommand: (argv) => commandLine(argv, command.cwd, values),
          log,
          redact,
          emit,
          track,
          timing,
          onGiveUp: (why) => {
            if (policy.critical && state !== 'stopping') {
              emit({ type: 'bundle_failed', level: 'error', service: service.id, reason: `critical service "${service.id}" ${why}` });
              void stop(`critical service "${service.id}" ${why}`, false);
            }
          },
        });
        runners.set(service.id, runner);
        const outcome = await runner.start();
        const name = Object.keys(own).find((n) => own[n] === outcome.lostPort);
        if (outcome.ready || outcome.lostPort === undefined || name === undefined || stopping !== undefined) return outcome.ready;
        lostPorts.add(outcome.lostPort);
        const next = moves < MAX_PORT_MOVES ? await reallocatePort(manifest, ports, service.id, name, lostPorts) : undefined;
        if (next === undefined) {
          const why = moves < MAX_PORT_MOVES ? 'no free port left in its range' : `its port was taken ${moves + 1} times`;
          emit({ type: 'gave_up', level: 'error', service: service.id, reason: `port ${outcome.lostPort} of ${service.id}.${name} is held by another process and ${why}`, details: { port: outcome.lostPort, name } });
          return false;
        }
        own[name] = next;
        emit({ type: 'port_reallocated', level: 'warn', service: service.id, reason: `port ${outcome.lostPort} of ${service.id}.${name} was taken by another process before the service listened; moved to ${next}`, details: { name, from: outcome.lostPort, to: next } });
      }
    };

    const failed = new Set<string>();
    for (const wave of waves) {
      const results = await Promise.all(
        wave.map(async (id) => {
          const service = manifest.services.find((s) => s.id === id) as DesktopService;
          const blocker = (service.dependencies ?? []).find((d) => failed.has(d));
          if (blocker !== undefined) {
            const runner = createBlockedRunner(service, `dependency "${blocker}" failed`, defaults);
            runners.set(id, runner);
            emit({ type: 'gave_up', level: 'error', service: id, reason: `not started: dependency "${blocker}" failed` });
            return { id, ok: false };
          }
          return { id, ok: await startService(service) };
        }),
      );
      if (stopping !== undefined) break;
      for (const r of results) {
        if (r.ok) continue;
        failed.add(r.id);
        const runner = runners.get(r.id);
        const service = manifest.services.find((s) => s.id === r.id) as DesktopService;
        if (service.critical !== false) {
          throw new SdkError('SERVICE_FAILED', `critical service "${r.id}" did not start: ${runner?.status().reason ?? 'unknown'}`, {
            hint: `see its log (${logPath(appData, service)}) and the telemetry file`,
            details: { service: r.id },
          });
        }
      }
    }
    if (stopping !== undefined) {
      const outcome = await stopping;
      throw new SdkError('SERVICE_FAILED', `the bundle stopped while starting: ${outcome.reason}`, { hint: 'see the telemetry file' });
    }
    state = 'ready';
    if (migrations.installed_version === undefined) {
      migrations.installed_version = app.version;
      writeMigrationState(migrationsFile, migrations);
    }
    emit({ type: 'bundle_ready', level: 'info', details: { elapsed_ms: Math.round(performance.now() - t0), services: runners.size, failed: failed.size } });
    return {
      app,
      bundleDir,
      appData,
      ports,
      control,
      telemetryFile,
      status,
      events: () => [...history],
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      stop: (reason) => stop(reason),
      done,
    };
  } catch (error) {
    const reason = isSdkError(error) ? error.message : error instanceof Error ? error.message : String(error);
    // The error's code lets the telemetry be classified without parsing its message.
    if (stopping === undefined) emit({ type: 'bundle_failed', level: 'error', reason, ...(isSdkError(error) ? { details: { code: error.code } } : {}) });
    await stop(reason, false);
    throw error;
  }
}

/** A runner for a service that is never started because a dependency failed. */
function createBlockedRunner(service: DesktopService, reason: string, defaults: { readonly recoveryAttempts: number; readonly readinessTimeoutMs: number }): ServiceRunner {
  const critical = servicePolicy(service, defaults).critical;
  return {
    id: service.id,
    start: async () => ({ ready: false }),
    stop: async () => undefined,
    status: () => ({ id: service.id, state: 'failed', critical, pid: null, restarts: 0, ports: {}, readyMs: null, reason }),
  };
}

interface MigrationContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly values: PlaceholderValues;
  readonly log: RotatingFile;
  readonly redact: (text: string) => string;
  readonly emit: (e: Omit<RuntimeEvent, 'ts'>) => void;
  readonly track: (pgid: number, alive: boolean) => void;
}

/** Runs a service's pending migrations in order; throws `MIGRATION_FAILED` at the first failure. */
async function runMigrations(service: DesktopService, state: MigrationState, file: string, ctx: MigrationContext): Promise<void> {
  for (const m of service.migrations ?? []) {
    const action = migrationAction(state, service.id, m);
    if (action === 'done') continue;
    if (action === 'skip') {
      recordMigration(file, state, service.id, m.version, 'skipped');
      ctx.emit({ type: 'migration', level: 'info', service: service.id, reason: `migration ${m.version} skipped: first_install on an existing install`, details: { version: m.version, status: 'skipped' } });
      continue;
    }
    const t0 = performance.now();
    const result = await runCommand(commandLine(m.command, ctx.cwd, ctx.values), {
      env: { ...ctx.env, ...expandEnv(m.env, ctx.values) },
      timeoutMs: MIGRATION_TIMEOUT_MS,
      onLine: (line, stream) => ctx.log.write(`${new Date().toISOString()} migration-${stream} ${ctx.redact(line)}\n`),
      track: ctx.track,
    });
    const elapsed = Math.round(performance.now() - t0);
    if (result.code !== 0) {
      const why = result.error ?? (result.timedOut ? `ran past ${MIGRATION_TIMEOUT_MS} ms` : `exited with code ${result.code ?? 'unknown (killed)'}`);
      ctx.emit({ type: 'migration', level: 'error', service: service.id, reason: `migration ${m.version} failed: ${why}`, details: { version: m.version, status: 'failed', elapsed_ms: elapsed } });
      throw new SdkError('MIGRATION_FAILED', `migration ${m.version} of service "${service.id}" failed: ${why}`, {
        hint: `see ${ctx.log.path}; the migration runs again on the next start`,
        details: { service: service.id, version: m.version },
      });
    }
    recordMigration(file, state, service.id, m.version, new Date().toISOString());
    ctx.emit({ type: 'migration', level: 'info', service: service.id, reason: `migration ${m.version} applied`, details: { version: m.version, status: 'applied', elapsed_ms: elapsed } });
  }
}
