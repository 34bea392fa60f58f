import { spawnSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { commandLine, shellWord } from './command-line.ts';

// What bash makes of a printed line: each argument NUL-terminated by printf.
function bashWords(line: string): string[] {
  const r = spawnSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' });
  return r.stdout.split('\0').slice(0, -1);
}

const word = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', "'", '"', '$', '`', '\\', '*', '?', '~', '{', '}', ';', '&', '|', '(', ')', '<', '>', '\n', '\t', '#', '=', '/', '-', '.', ':', '!'), minLength: 1, maxLength: 12 });

describe('commandLine', () => {
  it('leaves plain words bare and puts environment assignments first', () => {
    expect(commandLine({ env: { STRATEGY: 'rolling' }, argv: ['bash', 'out/vps/deploy.sh'] })).toBe('STRATEGY=rolling bash out/vps/deploy.sh');
    expect(shellWord('-chdir=out/do/terraform')).toBe('-chdir=out/do/terraform');
    expect(shellWord('my dir')).toBe("'my dir'");
  });

  test.prop([fc.array(word, { minLength: 1, maxLength: 5 })], { numRuns: 40 })('bash reads every printed word back as exactly that word (hostile characters included)', (argv) => {
    const line = commandLine({ argv });
    expect(bashWords(line)).toEqual(argv);
  });
});
