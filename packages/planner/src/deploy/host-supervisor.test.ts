import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test as prop } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalHost, createSshHost, runCommand } from './deploy-host.ts';
import { deployRelease } from './deploy-release.ts';
import { chooseSupervisor, parseSupervisorFacts, type SupervisorFacts } from './host-supervisor.ts';
import { renderReleaseScript } from './release-script.ts';

const dir = mkdtempSync(join(tmpdir(), 'dm-supervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts: fc.Arbitrary<SupervisorFacts> = fc.record({
  pid1: fc.constantFrom('systemd', 'init', 'tini', 'sshd', 'bash', ''),
  systemctl: fc.boolean(),
  privilege: fc.constantFrom('root' as const, 'sudo' as const, 'none' as const),
});

describe('chooseSupervisor', () => {
  it.each([
    [{ pid1: 'systemd', systemctl: true, privilege: 'root' }, 'systemd'],
    [{ pid1: 'systemd', systemctl: true, privilege: 'sudo' }, 'systemd'],
    [{ pid1: 'systemd', systemctl: true, privilege: 'none' }, 'setsid'],
    [{ pid1: 'systemd', systemctl: false, privilege: 'root' }, 'setsid'],
    [{ pid1: 'sshd', systemctl: true, privilege: 'root' }, 'setsid'],
    [{ pid1: '', systemctl: false, privilege: 'none' }, 'setsid'],
  ] as const)('%j -> %s', (f, expected) => {
    expect(chooseSupervisor(f).supervisor).toBe(expected);
  });

  prop.prop([facts])('systemd exactly when all three facts allow it, and setsid names the fact that ruled it out', (f) => {
    const choice = chooseSupervisor(f);
    expect(choice.supervisor === 'systemd').toBe(f.pid1 === 'systemd' && f.systemctl && f.privilege !== 'none');
    if (choice.supervisor === 'setsid') expect(choice.reason).toMatch(f.pid1 !== 'systemd' ? /PID 1/ : f.systemctl ? /root|sudo/ : /systemctl/);
  });

  prop.prop([facts])('parses back what release.sh facts prints', (f) => {
    expect(parseSupervisorFacts(`pid1=${f.pid1}\nsystemctl=${f.systemctl ? 'yes' : 'no'}\nprivilege=${f.privilege}\n`)).toEqual(f);
  });
});

describe.skipIf(process.platform !== 'linux')('release.sh facts on this machine', () => {
  it("reports this machine's PID 1 and the rule decides from it (a container here: setsid unless PID 1 is systemd)", async () => {
    const host = createLocalHost(join(dir, 'srv'));
    expect((await runCommand(host.install(host.layout.script), { input: renderReleaseScript() })).code).toBe(0);
    const r = await runCommand(host.release('facts'));
    expect(r.code).toBe(0);
    const parsed = parseSupervisorFacts(r.stdout);
    expect(parsed.pid1).toBe(readFileSync('/proc/1/comm', 'utf8').trim());
    if (parsed.pid1 !== 'systemd') expect(chooseSupervisor(parsed).supervisor).toBe('setsid');
  });
});

describe('the vps dry run shows the choice', () => {
  it('probes the facts before the start and prints the rule with both start lines; local starts without a probe', async () => {
    const release = { dir: join(dir, 'release'), id: 'a'.repeat(64), manifest: { app: { name: 'x', version: '1.0.0' } } as never };
    const identity = { scenario: 'x', environment: 'production', target: 'vps' };
    const vps = await deployRelease({ host: createSshHost({ destination: 'deploy@203.0.113.10' }, 'srv/x'), history: join(dir, 'history.jsonl'), identity, dryRun: true, release });
    const at = (needle: string): number => vps.commands.findIndex((c) => c.includes(needle));
    expect(at(' facts')).toBeGreaterThan(-1);
    expect(at('# supervisor, from those facts: systemd')).toBe(at(' facts') + 1);
    expect(vps.commands[at(' facts') + 2]).toMatch(/ start a{64} systemd'$/);
    expect(vps.commands[at(' facts') + 1]).toMatch(/start a{64} setsid/);
    const local = await deployRelease({ host: createLocalHost(join(dir, 'local')), history: join(dir, 'history.jsonl'), identity: { ...identity, target: 'local' }, dryRun: true, release });
    expect(local.commands.some((c) => c.includes(' facts'))).toBe(false);
    expect(local.commands.find((c) => c.includes(' start '))).toMatch(/ start a{64}$/);
  });
});
