import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { HAS_SHELLCHECK, hostileString, runScriptsStubbed, shellSyntaxErrors, shellcheckFindings } from '@deployment-manager/testkit';
import { describe, expect, it } from 'vitest';
import { createSshHost } from '../src/deploy/deploy-host.ts';
import { RELEASE_COMMANDS, renderReleaseScript } from '../src/deploy/release-script.ts';

/*
 * release.sh takes its input as arguments (deploy root, command, argument,
 * supervisor), which a vps deploy hands to the server's shell as one ssh
 * command line. Hostile values everywhere: the script parses with bash -n
 * for any timeouts (1,000 renders) and passes shellcheck; and the exact line
 * ssh would send, run by sh with node, setsid and systemctl stubbed (tar,
 * sha256sum, mkdir, rm are real, inside a scratch directory), never runs an
 * injected command, and release.sh reads each value as one argument:
 * `check` creates its directories under the hostile root, and an argument
 * that is not a release id is refused with exit 2.
 */

const seconds = fc.integer({ min: 1, max: 86_400 });

describe('release.sh', () => {
  test.prop([fc.array(fc.tuple(seconds, seconds), { minLength: 100, maxLength: 100 })], { numRuns: 10, endOnFailure: true })('parses with bash -n for any timeouts (1,000 renders, one shell per 100)', (pairs) => {
    expect(shellSyntaxErrors(pairs.map(([startSeconds, stopSeconds]) => renderReleaseScript({ startSeconds, stopSeconds })), 'bash')).toEqual([]);
  }, 180_000);

  it.skipIf(!HAS_SHELLCHECK)('passes shellcheck', () => {
    expect(shellcheckFindings([renderReleaseScript(), renderReleaseScript({ startSeconds: 1, stopSeconds: 86_400 })], 'bash')).toEqual([]);
  });

  it('lists and prunes only directories named by 64 hex digits as a whole: a name with a newline is not a release', () => {
    const root = mkdtempSync(join(tmpdir(), 'dm-release-names-'));
    try {
      writeFileSync(join(root, 'release.sh'), renderReleaseScript());
      const id = 'a'.repeat(64);
      // One directory whose name's first line is a release id: ls without -b printed that line, and prune removed "$RELEASES/<id>".
      mkdirSync(join(root, 'releases', `${id}\nnot-a-release`), { recursive: true });
      const run = (...args: string[]) => spawnSync('bash', [join(root, 'release.sh'), root, ...args], { encoding: 'utf8' });
      expect(run('list').stdout).toBe('');
      expect(run('prune', '1').status).toBe(0);
      expect(existsSync(join(root, 'releases', `${id}\nnot-a-release`))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps a deploy root that ends in a newline (command substitution stripped it, so check made its directories beside the root)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-release-root-'));
    try {
      writeFileSync(join(dir, 'release.sh'), renderReleaseScript());
      const root = join(dir, 'root\n');
      const r = spawnSync('bash', [join(dir, 'release.sh'), root, 'check'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(existsSync(join(root, 'releases'))).toBe(true);
      expect(existsSync(join(dir, 'root'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([Number.NaN, 0, -1, 1.5, 1e21, Number.POSITIVE_INFINITY])('refuses timeout %s with INVALID_ARGUMENT: only whole seconds reach the script', (n) => {
    expect(() => renderReleaseScript({ startSeconds: n })).toThrow(expect.toSatisfy((e: unknown) => isSdkError(e, 'INVALID_ARGUMENT')));
    expect(() => renderReleaseScript({ stopSeconds: n })).toThrow(expect.toSatisfy((e: unknown) => isSdkError(e, 'INVALID_ARGUMENT')));
  });
});

// A process argument cannot hold a NUL, so hostile values here have none; a slash is kept out of the root so it stays one directory of the scratch run.
const argument = hostileString.filter((s) => !s.includes('\u0000'));
const rootName = argument.map((s) => `root-${s.replace(/\//g, '_')}`);
const STUBS: Record<string, string> = { node: '', setsid: '', nohup: '', systemctl: 'exit 1', sudo: 'exit 1' };
const script = renderReleaseScript({ startSeconds: 1, stopSeconds: 1 });

describe('release.sh over an ssh command line, hostile values everywhere', () => {
  const cases = fc.array(fc.record({ root: rootName, command: fc.constantFrom(...RELEASE_COMMANDS), argument: fc.option(argument, { nil: undefined }), supervisor: argument }), { minLength: 25, maxLength: 25 });
  test.prop([cases], { numRuns: 4, endOnFailure: true })('runs no injected command and reads each value as one argument (100 runs)', (batch) => {
    const lines = batch.map(({ root, command, argument: arg, supervisor }) => {
      const host = createSshHost({ destination: 'deploy@host' }, root);
      // What ssh hands to the server's shell: the last word of the ssh command.
      const line = host.release(command, arg, supervisor as never).argv.at(-1) as string;
      return { line, scriptPath: host.layout.script };
    });
    const { results, cleanup } = runScriptsStubbed(
      lines.map(({ line, scriptPath }) => ({ script: `${line}\n`, files: { [scriptPath]: script } })),
      { shell: 'sh', stubs: STUBS, perRunSeconds: 30 },
    );
    try {
      batch.forEach(({ root, command, argument: arg }, i) => {
        const r = results[i];
        expect(r?.markers).toEqual([]);
        if (command === 'check') {
          expect(existsSync(join(r?.dir ?? '', root, 'releases'))).toBe(true);
          expect(existsSync(join(r?.dir ?? '', root, 'shared', 'logs'))).toBe(true);
        }
        // No hostile string is 64 hex digits: every command that needs a release id refuses the argument (exit 2, which xargs reports as 123).
        if (['receive', 'verify', 'start', 'switch'].includes(command) || (command === 'manifest' && arg !== undefined && arg !== '')) expect(r?.status).toBe(123);
      });
    } finally {
      cleanup();
    }
  }, 240_000);
});
