import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../../test/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../../../examples/end-to-end/workspace', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dm-cli-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('deployment-manager deploy', () => {
  it.each([
    [['recipe-hub', '--root', ROOT], 'INVALID_ARGUMENT'],
    [['recipe-hub', '--root', ROOT, '--target', 'gcp'], 'INVALID_ARGUMENT'],
    [['recipe-hub', '--root', ROOT, '--target', 'vps', '--dry-run'], 'INVALID_ARGUMENT'],
    [['recipe-hub', '--root', ROOT, '--target', 'vps', '--host', '-oProxyCommand=touch /tmp/x', '--dry-run'], 'INVALID_ARGUMENT'],
    [['recipe-hub', '--root', ROOT, '--target', 'local', '--keep', '0'], 'INVALID_ARGUMENT'],
    [['status', '--state', join(dir, 'empty')], 'RELEASE_NOT_FOUND'],
  ])('%j is bad input: exit 2 with %s', async (argv, code) => {
    const r = await cli('deploy', ...argv, '--json');
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { error: { code: string } }).error.code).toContain(code);
  });

  it('refuses a target whose tools this machine lacks, naming them (exit 1), before writing history', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(dir, 'no-tools');
    try {
      const r = await cli('deploy', 'recipe-hub', '--root', ROOT, '--target', 'k8s', '--swap', 'ollama=openai', '--secret', 'OPENAI_API_KEY', '--state', join(dir, 'state'));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/TOOL_MISSING.*helm/);
      const history = await cli('deploy', 'history', '--state', join(dir, 'state'), '--json');
      expect(JSON.parse(history.out)).toEqual([]);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('prints the exact ssh commands of a vps deploy on --dry-run, every hostile value quoted', async () => {
    const r = await cli('deploy', 'recipe-hub', '--root', ROOT, '--target', 'vps', '--host', 'deploy@127.0.0.1', '--port', '2222', '--deploy-root', "srv/it's; rm -rf ~", '--dry-run', '--state', join(dir, 'state'));
    expect(r.code, r.err).toBe(0);
    const ssh = r.out.split('\n').filter((l) => l.includes('ssh -o BatchMode=yes -p 2222 deploy@127.0.0.1 --'));
    expect(ssh.length).toBeGreaterThan(5);
    // What a shell makes of the printed line, then what the remote shell makes of ssh's one command word.
    const words = (line: string): string[] => spawnSync('sh', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' }).stdout.split('\0').slice(0, -1);
    const check = ssh.find((l) => / check'?$/.test(l)) ?? '';
    const local = words(check.slice(2));
    expect(local.slice(0, 7)).toEqual(['ssh', '-o', 'BatchMode=yes', '-p', '2222', 'deploy@127.0.0.1', '--']);
    expect(local).toHaveLength(8);
    expect(words(local[7] as string)).toEqual(['bash', "srv/it's; rm -rf ~/bin/release.sh", "srv/it's; rm -rf ~", 'check']);
  });
});
