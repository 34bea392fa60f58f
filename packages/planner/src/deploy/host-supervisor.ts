/*
 * What keeps a release's runtime running on a server: the host's systemd
 * (a unit that survives reboots and the ssh session, written by release.sh
 * `start ID systemd`) when the host runs systemd and the deploy user may
 * install a unit, else the runtime detached with setsid. The host reports
 * its facts (`release.sh facts`); the choice is made here, once, from them.
 */

/** How a release's runtime is started on a host. */
export type HostSupervisor = 'systemd' | 'setsid';

/** What `release.sh facts` reports about a host. */
export interface SupervisorFacts {
  /** The name of PID 1 (`/proc/1/comm`): `systemd`, `init`, `tini`, `sshd`... ('' when unknown). */
  readonly pid1: string;
  /** `systemctl` exists and answers (`systemctl show -p Version`). */
  readonly systemctl: boolean;
  /** Who may install a unit: the deploy user is root, has passwordless sudo, or neither. */
  readonly privilege: 'root' | 'sudo' | 'none';
}

/** The supervisor chosen for a host, and why. */
export interface SupervisorChoice {
  /** The supervisor. */
  readonly supervisor: HostSupervisor;
  /** Why, as a lower-case sentence. */
  readonly reason: string;
}

/** Parses the `key=value` lines of `release.sh facts`; anything missing reads as "no". Pure. */
export function parseSupervisorFacts(text: string): SupervisorFacts {
  const value = (key: string): string => new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const privilege = value('privilege');
  return { pid1: value('pid1'), systemctl: value('systemctl') === 'yes', privilege: privilege === 'root' || privilege === 'sudo' ? privilege : 'none' };
}

/**
 * Chooses how to start the runtime on a server: `systemd` when PID 1 is
 * systemd, `systemctl` answers and the deploy user is root or has
 * passwordless sudo; else `setsid`, saying which condition failed. Pure.
 *
 * @example
 * ```ts
 * chooseSupervisor({ pid1: 'systemd', systemctl: true, privilege: 'sudo' }).supervisor // 'systemd'
 * ```
 */
export function chooseSupervisor(facts: SupervisorFacts): SupervisorChoice {
  if (facts.pid1 !== 'systemd') return { supervisor: 'setsid', reason: `PID 1 on the host is ${facts.pid1 === '' ? 'unknown' : JSON.stringify(facts.pid1)}, not systemd: the runtime runs detached under setsid` };
  if (!facts.systemctl) return { supervisor: 'setsid', reason: 'PID 1 is systemd but systemctl does not answer: the runtime runs detached under setsid' };
  if (facts.privilege === 'none') return { supervisor: 'setsid', reason: 'the host runs systemd but the deploy user is not root and has no passwordless sudo to install a unit: the runtime runs detached under setsid' };
  return { supervisor: 'systemd', reason: `the host runs systemd: the runtime runs as a systemd unit (installed ${facts.privilege === 'root' ? 'as root' : 'with sudo'}), restarted if it crashes and started at boot` };
}
