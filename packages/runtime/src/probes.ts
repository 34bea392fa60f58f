/*
 * Health and readiness probes: http (any 2xx/3xx), tcp (a connection is
 * accepted), command (exit 0) and log_match (a line of the service's output
 * matched). Each probe is bounded by its timeout and never throws.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import type { HealthCheck } from '@deployment-manager/bundle';
import { runCommand } from './run-command.ts';
import type { CommandLine } from './service-command.ts';

/** The outcome of one probe. */
export interface ProbeResult {
  /** Passed. */
  readonly ok: boolean;
  /** Why it failed. */
  readonly reason?: string;
}

/** GET `http://127.0.0.1:port/path`: ok on a 2xx or 3xx answer within `timeoutMs`. */
function probeHttp(port: number, path: string, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve(status >= 200 && status < 400 ? { ok: true } : { ok: false, reason: `GET ${path} answered ${status}` });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, reason: `GET ${path} on port ${port} failed: ${e.message}` }));
    req.end();
  });
}

/** A TCP connection to `127.0.0.1:port` is accepted within `timeoutMs`. */
export function probeTcp(port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (result: ProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, reason: `port ${port} did not accept within ${timeoutMs} ms` }));
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (e) => done({ ok: false, reason: `port ${port}: ${e.message}` }));
  });
}

/** What a probe needs to know about the service it checks. */
export interface ProbeTarget {
  /** Allocated ports by name. */
  readonly ports: Readonly<Record<string, number>>;
  /** Environment for command checks. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Builds a command line (placeholders expanded, relative to the service). */
  readonly command: (argv: readonly string[]) => CommandLine;
  /** True once a log line matched `pattern`. */
  readonly logMatched: (pattern: string) => boolean;
  /** Registers a one-shot command's process group with the orphan guard. */
  readonly track?: (pgid: number, alive: boolean) => void;
}

const firstPort = (ports: Readonly<Record<string, number>>): number | undefined => Object.values(ports)[0];

/** Runs a manifest health check once against a service. */
export async function probe(check: HealthCheck, target: ProbeTarget, pattern?: string): Promise<ProbeResult> {
  const timeoutMs = check.timeout_ms ?? 5000;
  const port = check.port_name === undefined ? firstPort(target.ports) : target.ports[check.port_name];
  switch (check.type) {
    case 'http':
      return port === undefined ? { ok: false, reason: 'no port to probe' } : probeHttp(port, check.path ?? '/', timeoutMs);
    case 'tcp':
      return port === undefined ? { ok: false, reason: 'no port to probe' } : probeTcp(port, timeoutMs);
    case 'command': {
      if (check.command === undefined || check.command.length === 0) return { ok: false, reason: 'no command to run' };
      const result = await runCommand(target.command(check.command), { env: target.env, timeoutMs, ...(target.track === undefined ? {} : { track: target.track }) });
      if (result.code === 0) return { ok: true };
      return { ok: false, reason: result.timedOut ? `check command ran past ${timeoutMs} ms` : result.error ?? `check command exited ${result.code ?? 'on a signal'}` };
    }
    case 'log_match':
      return pattern !== undefined && target.logMatched(pattern) ? { ok: true } : { ok: false, reason: 'no log line matched yet' };
  }
}
