import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The installed command (`bin` in package.json) as a real process: in this
// clone it runs the sources, nothing built, and its exit codes are the CLI's.
const bin = fileURLToPath(new URL('../bin/deployment-manager.js', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; bin: Record<string, string> };
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('the deployment-manager bin', () => {
  it('is the file package.json names', () => {
    expect(pkg.bin['deployment-manager']).toBe('./bin/deployment-manager.js');
  });

  it('prints its version and exits 0', () => {
    const r = run('--version');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${pkg.version}\n`);
    expect(r.status).toBe(0);
  });

  it('exits 2 on a mistyped command, with the closest one as hint', () => {
    const r = run('fitnes');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error \[INVALID_ARGUMENT\]: command "fitnes" is not known\nhint: did you mean "fitness"\?\n/);
  });
});
