/*
 * A real OpenSSH server for the vps tests: Debian's sshd on 127.0.0.1 and a
 * free high port, with throwaway host and client keys in a temporary
 * directory, key login only, tcp forwarding on (for the control-api tunnel).
 * Started and stopped by the test itself; nothing listens beyond loopback.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/** A running sshd and how to reach it. */
export interface TestSshd {
  /** `user@127.0.0.1`. */
  readonly destination: string;
  /** Its port. */
  readonly port: number;
  /** The client's private key. */
  readonly identity: string;
  /** ssh `-o` options: the pinned host key, no agent, quiet. */
  readonly options: readonly string[];
  /** Stops sshd (SIGTERM, then SIGKILL) and waits for it. */
  stop(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const c = connect({ host: '127.0.0.1', port });
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

/**
 * Starts sshd in `dir`, or says why it cannot (no sshd binary, keygen
 * failed, sshd exited or never listened within 10 s).
 */
export async function startSshd(dir: string): Promise<TestSshd | { readonly reason: string }> {
  if (!existsSync(SSHD)) return { reason: `${SSHD} is not installed (apt-get install -y openssh-server)` };
  mkdirSync(dir, { recursive: true });
  for (const name of ['host_key', 'client_key']) {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deployment-manager-test', '-f', join(dir, name)], { encoding: 'utf8' });
    if (r.status !== 0) return { reason: `ssh-keygen failed: ${r.stderr || r.error?.message}` };
  }
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')), { mode: 0o600 });
  const port = await freePort();
  const user = userInfo().username;
  writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${readFileSync(join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `AllowUsers ${user}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding local',
      'X11Forwarding no',
      'MaxStartups 50:30:100',
      `PidFile ${join(dir, 'sshd.pid')}`,
      '',
    ].join('\n'),
  );
  // sshd's privilege separation directory (Debian creates it at boot, a container may lack it).
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child: ChildProcess = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let ended = false;
  void exited.then(() => (ended = true));
  const stop = async (): Promise<void> => {
    if (ended) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  for (let i = 0; i < 100; i++) {
    if (ended) return { reason: `sshd exited at start: ${stderr.trim().split('\n').slice(-3).join(' / ')}` };
    if (await accepts(port)) {
      return {
        destination: `${user}@127.0.0.1`,
        port,
        identity: join(dir, 'client_key'),
        options: [`UserKnownHostsFile=${join(dir, 'known_hosts')}`, 'StrictHostKeyChecking=yes', 'IdentitiesOnly=yes', 'IdentityAgent=none', 'LogLevel=ERROR', 'ConnectTimeout=10'],
        stop,
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  return { reason: `sshd did not listen on 127.0.0.1:${port} within 10 s: ${stderr.trim()}` };
}
