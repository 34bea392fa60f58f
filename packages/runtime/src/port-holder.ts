/*
 * Who holds a port: a health check answered on 127.0.0.1:PORT proves only that
 * SOMETHING listens there. Between the allocator's probe and the service's
 * listen another process (another copy of the app) can take the port, and its
 * answer would pass for the service's. On Linux the kernel says who listens:
 * /proc/net/tcp and tcp6 map each listening socket to an inode, and
 * /proc/<pid>/fd of the processes in the service's group link to the inodes
 * they hold. Without /proc (macOS, Windows) the answer is 'unknown' and the
 * caller says so instead of pretending.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Who listens on a port that a service health-checks. */
export type PortHolder =
  /** Only processes of the service's own process group (at least one). */
  | { readonly kind: 'own' }
  /** Some listener that answers 127.0.0.1 belongs to another process. */
  | { readonly kind: 'foreign' }
  /** Nothing listens there. */
  | { readonly kind: 'free' }
  /** The system cannot tell (no /proc, or it is not readable). */
  | { readonly kind: 'unknown'; readonly reason: string };

/** A listening TCP socket as /proc/net/tcp{,6} shows it. */
export interface ListeningSocket {
  /** Local port. */
  readonly port: number;
  /** Local address as the kernel prints it (hex; 8 digits for IPv4, 32 for IPv6). */
  readonly address: string;
  /** Socket inode, the key /proc/<pid>/fd links name (`socket:[inode]`). */
  readonly inode: string;
}

/** TCP state LISTEN in /proc/net/tcp. */
const LISTEN = '0A';

/** Local addresses that a connection to 127.0.0.1 can reach: 127.0.0.1, 0.0.0.0, :: and ::ffff:127.0.0.1. */
const REACHES_LOOPBACK = new Set(['0100007F', '00000000', '0'.repeat(32), '0000000000000000FFFF00000100007F']);

/** Parses the text of /proc/net/tcp or /proc/net/tcp6 into its listening sockets (other lines are skipped). */
export function parseProcNetTcp(text: string): ListeningSocket[] {
  const sockets: ListeningSocket[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    const local = f[1];
    const inode = f[9];
    if (f[3] !== LISTEN || local === undefined || inode === undefined) continue;
    const colon = local.lastIndexOf(':');
    const port = Number.parseInt(local.slice(colon + 1), 16);
    if (colon === -1 || !Number.isInteger(port)) continue;
    sockets.push({ port, address: local.slice(0, colon).toUpperCase(), inode });
  }
  return sockets;
}

/** The socket inodes a process holds open (empty when it is gone). */
function socketInodes(procRoot: string, pid: number): Set<string> {
  const inodes = new Set<string>();
  const dir = join(procRoot, String(pid), 'fd');
  let fds: string[];
  try {
    fds = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return inodes;
    throw e;
  }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(join(dir, fd)));
      if (m?.[1] !== undefined) inodes.add(m[1]);
    } catch {
      // closed between the listing and the link read
    }
  }
  return inodes;
}

/** The pids of process group `pgid`, its leader first (scans /proc/<pid>/stat). */
function groupMembers(procRoot: string, pgid: number): number[] {
  const members = [pgid];
  for (const name of readdirSync(procRoot)) {
    if (!/^\d+$/.test(name) || Number(name) === pgid) continue;
    try {
      const stat = readFileSync(join(procRoot, name, 'stat'), 'utf8');
      // After the command name in parentheses: state, ppid, pgrp.
      const pgrp = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2];
      if (Number(pgrp) === pgid) members.push(Number(name));
    } catch {
      // exited meanwhile
    }
  }
  return members;
}

/**
 * Tells who listens on `port` where 127.0.0.1 reaches it: only the process
 * group `pgid` ('own'), someone else too ('foreign'), nobody ('free'), or
 * 'unknown' with the reason when `procRoot` cannot say. Never throws.
 *
 * @example
 * ```ts
 * portHolder(47010, child.pid); // { kind: 'own' } once the service listens
 * ```
 */
export function portHolder(port: number, pgid: number, procRoot = '/proc'): PortHolder {
  let listeners: ListeningSocket[];
  try {
    listeners = parseProcNetTcp(readFileSync(join(procRoot, 'net', 'tcp'), 'utf8'));
  } catch {
    return { kind: 'unknown', reason: `${join(procRoot, 'net', 'tcp')} is not readable on this system` };
  }
  try {
    listeners.push(...parseProcNetTcp(readFileSync(join(procRoot, 'net', 'tcp6'), 'utf8')));
  } catch {
    // no IPv6 on this host: the IPv4 table is the whole answer
  }
  const wanted = new Set(listeners.filter((s) => s.port === port && REACHES_LOOPBACK.has(s.address)).map((s) => s.inode));
  if (wanted.size === 0) return { kind: 'free' };
  try {
    // The leader usually holds the socket itself; the group is scanned only when it does not hold them all.
    const held = socketInodes(procRoot, pgid);
    if ([...wanted].every((i) => held.has(i))) return { kind: 'own' };
    for (const pid of groupMembers(procRoot, pgid).slice(1)) for (const i of socketInodes(procRoot, pid)) held.add(i);
    return [...wanted].every((i) => held.has(i)) ? { kind: 'own' } : { kind: 'foreign' };
  } catch (e) {
    return { kind: 'unknown', reason: `the open files of process group ${pgid} are not readable: ${(e as Error).message}` };
  }
}
