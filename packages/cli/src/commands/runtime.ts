import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SdkError, boundedReadError, inputByteLimit, readBoundedFile } from '@deployment-manager/core';
import {
  RUNTIME_EVENT_LEVELS,
  controlFilePath,
  createControlClient,
  defaultAppData,
  loadBundle,
  manifestPathOf,
  readControlFile,
  type BundleStatus,
  type RuntimeEvent,
  type RuntimeEventLevel,
} from '@deployment-manager/runtime';
import { defineCommand, type Command } from '../command.ts';
import { writeJson } from '../json-output.ts';


/**
 * The app data directory a `runtime` command talks to: `--app-data`, a
 * directory that holds `runtime/control.json`, else the default app data of
 * the bundle at `target` (or the current directory).
 */
export function runtimeAppData(target: string | undefined, appData: string | undefined): string {
  if (appData !== undefined) return resolve(appData);
  const path = resolve(target ?? '.');
  if (existsSync(controlFilePath(path))) return path;
  const file = manifestPathOf(path);
  return defaultAppData(dirname(file));
}

/** A status document as a table. */
export function renderRuntimeStatus(status: BundleStatus): string {
  const rows = status.services.map((s) => [
    s.id,
    s.state,
    s.critical ? 'critical' : 'optional',
    s.pid === null ? '-' : String(s.pid),
    String(s.restarts),
    s.readyMs === null ? '-' : `${s.readyMs} ms`,
    Object.entries(s.ports)
      .map(([name, port]) => `${name}=${port}`)
      .join(' ') || '-',
    s.reason ?? '',
  ]);
  const head = ['service', 'state', 'kind', 'pid', 'restarts', 'ready', 'ports', 'reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [`${status.app.name} ${status.app.version}: ${status.state}${status.reason === null ? '' : ` (${status.reason})`}, supervisor pid ${status.pid}`, line(head), ...rows.map(line), ''].join('\n');
}

/** One telemetry event as a human line. */
export function renderEvent(e: RuntimeEvent): string {
  const details = Object.entries(e.details ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
  return `${e.ts.slice(11, 23)} ${e.level.padEnd(5)} ${e.type.padEnd(14)} ${(e.service ?? '').padEnd(12)} ${e.reason ?? ''}${details === '' ? '' : `  ${details}`}`.trimEnd();
}

/** Parses `--since`: an ISO time or a duration back from `now` (`30s`, `10m`, `2h`, `1d`). */
export function parseSince(value: string, now: number): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(value);
  if (m !== null) return now - Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new SdkError('INVALID_ARGUMENT', `--since "${value}" is neither an ISO time nor a duration`, { hint: 'use e.g. 2025-01-31T10:00:00Z, 30s, 10m, 2h or 1d' });
  return t;
}

/** Filters of `runtime logs`. */
export interface EventFilter {
  /** Only this service. */
  readonly service?: string;
  /** This level or above. */
  readonly level?: RuntimeEventLevel;
  /** At or after this time (ms since the epoch). */
  readonly since?: number;
}

/** Parses telemetry JSONL lines (skipping damaged ones) and applies the filters. */
export function filterEvents(lines: readonly string[], filter: EventFilter): RuntimeEvent[] {
  const min = filter.level === undefined ? 0 : RUNTIME_EVENT_LEVELS.indexOf(filter.level);
  const out: RuntimeEvent[] = [];
  for (const line of lines) {
    let e: RuntimeEvent;
    try {
      e = JSON.parse(line) as RuntimeEvent;
    } catch {
      continue;
    }
    if (typeof e !== 'object' || e === null || typeof e.ts !== 'string') continue;
    if (filter.service !== undefined && e.service !== filter.service) continue;
    if (RUNTIME_EVENT_LEVELS.indexOf(e.level) < min) continue;
    if (filter.since !== undefined && Date.parse(e.ts) < filter.since) continue;
    out.push(e);
  }
  return out;
}

/** The telemetry file of a bundle: from its control file while it runs, else from its manifest. */
function telemetryFileOf(target: string | undefined, appData: string): string {
  if (existsSync(controlFilePath(appData))) return readControlFile(appData).telemetryFile;
  const { manifest } = loadBundle(target ?? '.');
  return join(appData, manifest.telemetry.file);
}

/** The telemetry file's bytes: none while it does not exist, the typed error when it is no regular file or over the cap. */
function readTelemetry(path: string): Buffer {
  const read = readBoundedFile(path);
  if (read.ok) return read.bytes;
  if (read.reason === 'missing') return Buffer.alloc(0);
  throw boundedReadError(path, 'telemetry file', read, inputByteLimit());
}

async function followFile(path: string, from: number, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
  let offset = from;
  while (!signal.aborted) {
    await new Promise((r) => setTimeout(r, 500));
    const bytes = readTelemetry(path);
    const size = bytes.length;
    if (size < offset) offset = 0; // rotated
    if (size === offset) continue;
    const text = bytes.subarray(offset, size).toString('utf8');
    const end = text.lastIndexOf('\n') + 1;
    offset += Buffer.byteLength(text.slice(0, end));
    if (end > 0) onText(text.slice(0, end));
  }
}

const TARGET = { name: 'target', description: 'the bundle directory or bundle.json, or the app data directory (default: the current directory)', optional: true } as const;

/**
 * `deployment-manager runtime status|ports|logs|stop`: talks to a running
 * bundle's control API, found through `<app data>/runtime/control.json`
 * (host, port, token file), or reads its telemetry JSONL (`logs`).
 */
export const runtimeCommand: Command = defineCommand({
  description:
    'Talks to a bundle started with `deployment-manager run` (or by a desktop app) through its control API. The bundle is found through <app data>/runtime/control.json: the app data directory is --app-data, the target when it holds runtime/control.json, else the default of the bundle given (<bundle dir>/.runtime).',
  actions: {
    status: { summary: 'every service: state, pid, restarts, readiness time, ports', positionals: [TARGET], options: ['app-data'] },
    ports: { summary: 'the allocated ports, one service.port_name per line', positionals: [TARGET], options: ['app-data'] },
    logs: { summary: 'the telemetry events (JSONL), filtered', positionals: [TARGET], options: ['app-data', 'service', 'level', 'since', 'follow'] },
    stop: { summary: 'a graceful stop (reverse order, SIGTERM then SIGKILL), waiting until it is done', positionals: [TARGET], options: ['app-data'] },
  },
  options: {
    'app-data': { type: 'string', value: '<dir>', description: 'the app data directory the bundle runs with' },
    service: { type: 'string', value: '<id>', description: 'logs: only this service' },
    level: { type: 'string', choices: RUNTIME_EVENT_LEVELS, description: 'logs: this level and above' },
    since: { type: 'string', value: '<time>', description: 'logs: from an ISO time, or a duration back (30s, 10m, 2h, 1d)' },
    follow: { type: 'boolean', description: 'logs: keep printing new events until Ctrl-C' },
  },
  exitOne: 'status: the bundle is not ready; stop: it is still stopping after 2 minutes',
  examples: ['runtime status out/bundle', 'runtime ports --app-data ~/.config/recipe-hub --json', 'runtime logs --app-data /tmp/recipe-hub --level warn --since 10m', 'runtime stop out/bundle'],
  run: async ({ action, positionals: [target], values, json }, io) => {
    const appData = runtimeAppData(target, values['app-data']);
    if (action === 'logs') {
      const filter: EventFilter = {
        ...(values.service === undefined ? {} : { service: values.service }),
        ...(values.level === undefined ? {} : { level: values.level as RuntimeEventLevel }),
        ...(values.since === undefined ? {} : { since: parseSince(values.since, Date.now()) }),
      };
      const file = telemetryFileOf(target, appData);
      const print = (text: string): void => {
        for (const e of filterEvents(text.split('\n'), filter)) io.stdout(json ? `${JSON.stringify(e)}\n` : `${renderEvent(e)}\n`);
      };
      const bytes = readTelemetry(file);
      print(bytes.toString('utf8'));
      if (values.follow) {
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        await followFile(file, bytes.length, print, stop.signal);
      }
      return 0;
    }
    const client = createControlClient(appData);
    if (action === 'status') {
      const status = (await client.request('GET', '/status')).body as BundleStatus;
      if (json) writeJson(io, status);
      else io.stdout(renderRuntimeStatus(status));
      return status.state === 'ready' ? 0 : 1;
    }
    if (action === 'ports') {
      const ports = ((await client.request('GET', '/ports')).body as { ports: Record<string, Record<string, number>> }).ports;
      if (json) writeJson(io, ports);
      else for (const [service, named] of Object.entries(ports)) for (const [name, port] of Object.entries(named)) io.stdout(`${service}.${name} ${port}\n`);
      return 0;
    }
    await client.request('POST', '/shutdown');
    const deadline = Date.now() + 120_000;
    while (existsSync(controlFilePath(appData)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const stopped = !existsSync(controlFilePath(appData));
    io.stdout(json ? `${JSON.stringify({ stopped })}\n` : stopped ? `${client.control.app.name} stopped\n` : `${client.control.app.name} is still stopping (pid ${client.control.pid})\n`);
    return stopped ? 0 : 1;
  },
});
