/*
 * The orphan guard. Services lead their own process groups, so nothing the
 * kernel does to the supervisor reaches them; if the supervisor is SIGKILLed
 * they would live on. One small watchdog process per supervisor holds a pipe
 * from it and the list of live groups; when the pipe closes (the supervisor
 * is gone, however it died) it sends SIGTERM to every group, then SIGKILL
 * after a grace period, and exits. It runs in its own group, so a Ctrl-C
 * meant for the supervisor does not kill it first.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** The watchdog program (run with `node -e`): reads `+pgid` / `-pgid` lines, sweeps on end of input. */
export const WATCHDOG_SOURCE: string = `
const grace = Number(process.argv[1]) || 5000;
const groups = new Set();
let buffer = '';
let ending = false;
for (const s of ['SIGINT', 'SIGHUP', 'SIGTERM', 'SIGQUIT']) process.on(s, () => {});
const sweep = (signal) => { for (const g of groups) { try { process.kill(-g, signal); } catch {} } };
const end = () => {
  if (ending) return;
  ending = true;
  if (groups.size === 0) process.exit(0);
  sweep('SIGTERM');
  setTimeout(() => { sweep('SIGKILL'); process.exit(0); }, grace);
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  let i;
  while ((i = buffer.indexOf('\\n')) !== -1) {
    const line = buffer.slice(0, i);
    buffer = buffer.slice(i + 1);
    const pgid = Number(line.slice(1));
    if (!Number.isInteger(pgid) || pgid <= 1) continue;
    if (line[0] === '+') groups.add(pgid); else if (line[0] === '-') groups.delete(pgid);
  }
});
process.stdin.on('end', end);
process.stdin.on('close', end);
process.stdin.on('error', end);
`;

/** A running watchdog. */
export interface Watchdog {
  /** Process id of the watchdog. */
  readonly pid: number | undefined;
  /** Registers a process group to kill if the supervisor dies. */
  add(pgid: number): void;
  /** Forgets a group that has ended. */
  remove(pgid: number): void;
  /** Lets the watchdog exit (it kills any group still registered). */
  close(): void;
}

/**
 * Starts the watchdog. If it dies while the supervisor lives, a new one is
 * started with the current groups. A no-op on Windows (no process groups).
 *
 * @example
 * ```ts
 * const watchdog = startWatchdog(5000);
 * watchdog.add(child.pid);
 * ```
 */
export function startWatchdog(graceMs: number): Watchdog {
  const groups = new Set<number>();
  let child: ChildProcess | undefined;
  let closed = false;
  const send = (line: string): void => {
    if (child?.stdin?.writable === true) child.stdin.write(`${line}\n`);
  };
  const launch = (): void => {
    if (process.platform === 'win32' || closed) return;
    const c = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, String(graceMs)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true });
    child = c;
    c.unref();
    (c.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    c.stdin?.on('error', () => undefined);
    c.on('error', () => undefined);
    c.on('exit', () => {
      if (child === c && !closed) launch();
    });
    for (const g of groups) send(`+${g}`);
  };
  launch();
  return {
    get pid() {
      return child?.pid;
    },
    add(pgid) {
      groups.add(pgid);
      send(`+${pgid}`);
    },
    remove(pgid) {
      groups.delete(pgid);
      send(`-${pgid}`);
    },
    close() {
      closed = true;
      child?.stdin?.end();
    },
  };
}
