/*
 * The control API of the release running on a deploy host: read from its
 * control file on this machine, or - on a server - through `release.sh
 * control|token` over ssh and an ssh tunnel (`ssh -N -L`) to its loopback
 * port, which is never exposed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { SdkError } from '@deployment-manager/core';
import { connectControl, readControlFile, readToken, type ControlClient, type ControlFile } from '@deployment-manager/runtime';
import { runCommand, sshArgs, type DeployHost, type SshTarget } from './deploy-host.ts';

/** A control API client and the means to reach other loopback ports of the same host. */
export interface HostControl {
  /** The control API. */
  readonly client: ControlClient;
  /** Local ports that reach these ports of the host's 127.0.0.1 (the same ports on this machine). */
  forward(ports: readonly number[]): Promise<ReadonlyMap<number, number>>;
  /** Closes every tunnel opened. */
  close(): void;
}

/** A free port on 127.0.0.1 (the kernel's choice). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** The `ssh -N -L` command of a tunnel from local ports to the host's loopback ports (its own connection, so closing it closes the forwards). */
export function tunnelArgs(target: SshTarget, forwards: readonly (readonly [local: number, remote: number])[]): string[] {
  return [...sshArgs(target, false), '-N', '-o', 'ExitOnForwardFailure=yes', ...forwards.flatMap(([l, r]) => ['-L', `127.0.0.1:${l}:127.0.0.1:${r}`]), target.destination];
}

/**
 * Opens an ssh tunnel from free local ports to `remote` ports of the host's
 * 127.0.0.1 and waits (bounded) until every local end listens. Throws
 * `HTTP_CONNECTION_FAILED` with ssh's own words when it cannot.
 */
export async function openTunnel(target: SshTarget, remote: readonly number[], timeoutMs = 20_000): Promise<{ readonly ports: ReadonlyMap<number, number>; readonly process: ChildProcess }> {
  const locals: number[] = [];
  for (const _ of remote) locals.push(await freePort());
  const forwards = remote.map((r, i) => [locals[i] as number, r] as const);
  const child = spawn('ssh', tunnelArgs(target, forwards), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  let exited = false;
  child.once('exit', () => (exited = true));
  child.once('error', () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await Promise.all(locals.map(accepts));
    if (ready.every(Boolean)) return { ports: new Map(forwards.map(([l, r]) => [r, l])), process: child };
    if (exited || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new SdkError('HTTP_CONNECTION_FAILED', `the ssh tunnel to ${target.destination} did not open: ${stderr.trim() || (exited ? 'ssh exited' : `no answer within ${timeoutMs} ms`)}`, {
        hint: 'check that the server allows tcp forwarding (AllowTcpForwarding) and that the key is accepted',
      });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Most bytes of a control file or token read back from a host (both are a few hundred bytes). */
const CONTROL_TEXT_BYTES = 64 * 1024;

async function remoteText(host: DeployHost, command: 'control' | 'token'): Promise<string> {
  const r = await runCommand(host.release(command), { timeoutMs: 60_000, maxOutputBytes: CONTROL_TEXT_BYTES });
  if (r.code === 3) throw new SdkError('RUNTIME_NOT_RUNNING', `no release is running under ${host.layout.root} on ${host.label}`, { hint: 'deploy one with `deployment-manager deploy`' });
  if (r.code !== 0) throw new SdkError('DEPLOY_FAILED', `cannot read the control ${command === 'token' ? 'token' : 'file'} on ${host.label}: ${r.truncated === true ? `larger than ${CONTROL_TEXT_BYTES} bytes` : r.stderr.trim() || `exit ${String(r.code)}`}`, { hint: 'check the ssh connection and the deploy root' });
  return r.stdout;
}

/**
 * Connects to the control API of the release running on a host. Throws
 * `RUNTIME_NOT_RUNNING` when none runs there.
 *
 * @example
 * ```ts
 * const control = await openHostControl(host);
 * try { console.log((await control.client.request('GET', '/status')).body); } finally { control.close(); }
 * ```
 */
export async function openHostControl(host: DeployHost): Promise<HostControl> {
  if (host.ssh === undefined) {
    const control = readControlFile(host.layout.appData);
    return { client: connectControl(control, () => readToken(control.tokenFile)), forward: async (ports) => new Map(ports.map((p) => [p, p])), close: () => undefined };
  }
  const target = host.ssh;
  let control: ControlFile;
  try {
    control = JSON.parse(await remoteText(host, 'control')) as ControlFile;
  } catch (cause) {
    if (cause instanceof SyntaxError) throw new SdkError('PARSE_FAILED', `the control file on ${host.label} is not json`, { hint: 'the release may be stopping; try again', cause });
    throw cause;
  }
  const token = (await remoteText(host, 'token')).trim();
  const tunnels: ChildProcess[] = [];
  const main = await openTunnel(target, [control.port]);
  tunnels.push(main.process);
  const local = main.ports.get(control.port) as number;
  return {
    client: connectControl(control, () => token, { host: '127.0.0.1', port: local }),
    forward: async (ports) => {
      if (ports.length === 0) return new Map();
      const t = await openTunnel(target, ports);
      tunnels.push(t.process);
      return t.ports;
    },
    close: () => {
      for (const t of tunnels) t.kill('SIGTERM');
    },
  };
}
