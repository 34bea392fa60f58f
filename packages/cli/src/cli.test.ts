import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './command-table.ts';
import { cli } from '../test/run-cli.ts';

const example = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('deployment-manager, conventions every command shares', () => {
  it('--version and -v print the version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
    expect((await cli(['-v'])).out).toBe(`${version}\n`);
  });

  it('--help and help list every command with its summary', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const { code, out } = await cli(args);
      expect(code).toBe(0);
      for (const c of COMMANDS) expect(out).toContain(c.summary);
      expect(out).toContain('help <command>');
    }
  });

  it('help <command> and <command> --help print the same full help, with valid values and defaults', async () => {
    const viaHelp = await cli(['help', 'fitness']);
    const viaFlag = await cli(['fitness', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.out).toBe(viaFlag.out);
    expect(viaHelp.out).toMatch(/^usage: deployment-manager fitness <scenario> \[options\]/);
    expect(viaHelp.out).toContain('one of: local, desktop, mobile, saas, enterprise');
    expect(viaHelp.out).toContain('default: .');
    expect(viaHelp.out).toContain('one of: default, vrooli; default: default');
    const pkg = await cli(['help', 'package']);
    expect(pkg.out).toContain('one of: desktop, cloud, mobile; required');
  });

  it.each(COMMANDS.map((c) => [c.name]))('help %s shows usage, options, exit codes and examples', async (name) => {
    const { code, out, err } = await cli(['help', name]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`deployment-manager ${name}`);
    expect(out).toContain('--json');
    expect(out).toContain('exit codes: 0 done;');
    expect(out).toMatch(/examples:\n {2}deployment-manager /);
  });

  it('--help wins over anything else on the line', async () => {
    const { code, out } = await cli(['package', '--teir', 'x', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: deployment-manager package');
  });

  it('no arguments is a usage error (exit 2), not a "no"', async () => {
    const { code, out, err } = await cli([]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^error \[INVALID_ARGUMENT\]: no command given\nhint: .+\nusage: deployment-manager <command>/);
  });

  it('with --json an error is one JSON document on stdout, with the same exit code', async () => {
    const { code, out, err } = await cli(['fitness', 'recipe-hub', '--teir', 'desktop', '--json']);
    expect(code).toBe(2);
    expect(err).toBe('');
    expect(JSON.parse(out)).toEqual({ error: { code: 'INVALID_ARGUMENT', message: 'unknown option "--teir"', hint: 'did you mean --tier?' } });
  });

  it('prints control characters from input as visible text, and keeps --json exact', async () => {
    const name = 'recipe\u001b]0;owned\u0007hub';
    const human = await cli(['graph', name, '--root', example]);
    expect(human.code).toBe(2);
    expect(human.err).toContain('recipe\\x1b]0;owned\\x07hub');
    expect(human.err).not.toContain('\u001b');
    const json = await cli(['graph', name, '--root', example, '--json']);
    expect(JSON.parse(json.out).error.message).toContain(name);
  });
});
