/*
 * Processes in their own group: every service (and migration, and command
 * check) is spawned detached, so it leads a new process group that holds
 * whatever it forks, and is signalled as a group (`kill(-pid)`), so stopping
 * it leaves no grandchild behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { CommandLine } from './service-command.ts';

/** Spawns a command as the leader of a new process group, stdout and stderr piped. */
export function spawnGroup(command: CommandLine, env: Readonly<Record<string, string | undefined>>): ChildProcess {
  return spawn(command.file, [...command.args], { cwd: command.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
}

/** Sends `signal` to the whole group led by `pid`; false when nothing was there. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    if (process.platform === 'win32') process.kill(pid, signal);
    else process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Longest line kept whole; longer output is cut into pieces of this size. */
const MAX_LINE_LENGTH: number = 16_384;

/** Calls `onLine` for each line a stream writes (without the newline), flushing a partial line at the end. */
export function onLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (stream === null) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    let i: number;
    while ((i = pending.indexOf('\n')) !== -1) {
      onLine(pending.slice(0, i).replace(/\r$/, ''));
      pending = pending.slice(i + 1);
    }
    while (pending.length > MAX_LINE_LENGTH) {
      onLine(pending.slice(0, MAX_LINE_LENGTH));
      pending = pending.slice(MAX_LINE_LENGTH);
    }
  });
  stream.on('end', () => {
    if (pending.length > 0) onLine(pending);
    pending = '';
  });
}
