import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { EXAMPLE_ROOT, HAS_SHELLCHECK, MARKER_FILE, recordCall, runScriptsStubbed, shellSyntaxErrors, shellcheckFindings } from '@deployment-manager/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

/*
 * End to end, the way the security review attacked: a scenario's
 * service.json with hostile text in the fields that reach generated files,
 * packaged by the CLI for desktop and cloud. Each run either fails closed -
 * exit code 1 with a typed error diagnostic, no stack trace, no script
 * written - or writes inert files: every script parses, passes shellcheck
 * and, run beside the files written with it and its commands stubbed, runs
 * no injected command (desktop build.sh runs to its end).
 */

const root = mkdtempSync(join(tmpdir(), 'dm-hostile-service-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const serviceJson = join('scenarios', 'recipe-hub', '.vrooli', 'service.json');
type Json = Record<string, unknown> & { service: Record<string, unknown>; lifecycle: { health: { endpoints: Record<string, string> } } };

// [what, the edit of service.json, the error code expected, or undefined when the input is legal text that must stay inert]
const CASES: [string, (s: Json) => void, string | undefined][] = [
  ['a newline and a command in the version (the build.sh header)', (s) => (s.service['version'] = `3.2.0\ntouch ${MARKER_FILE}`), 'VERSION_INVALID'],
  ["a quote in the version (echo '...' of deploy.sh)", (s) => (s.service['version'] = `3.2.0'; touch ${MARKER_FILE}; '`), 'VERSION_INVALID'],
  ['$() in the version', (s) => (s.service['version'] = `$(touch ${MARKER_FILE})`), 'VERSION_INVALID'],
  ['a NUL in the version', (s) => (s.service['version'] = '3.2.0\u0000'), 'VALUE_UNPRINTABLE'],
  ['an escape sequence in the description', (s) => (s.service['description'] = 'recipes \u001b[2J cleared'), 'VALUE_UNPRINTABLE'],
  ['$() and backticks in the display name', (s) => (s.service['displayName'] = `Recipe $(touch ${MARKER_FILE}) \`touch ${MARKER_FILE}\``), undefined],
  ['quotes, braces and # in the description', (s) => (s.service['description'] = `"; touch ${MARKER_FILE} # } {$HOME} '`), undefined],
  ['a command in the health path', (s) => (s.lifecycle.health.endpoints['api'] = `/health"; touch ${MARKER_FILE} #`), undefined],
];

function workspace(name: string, edit: (s: Json) => void): string {
  const dir = join(root, name);
  cpSync(EXAMPLE_ROOT, dir, { recursive: true });
  const file = join(dir, serviceJson);
  const json = JSON.parse(readFileSync(file, 'utf8')) as Json;
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

// Every outside command the generated scripts call; `cd` is recorded by a function (the source directories do not exist here).
// cp copies only the two files build.sh verifies by hash, whose paths are fixed.
const STUBS: Record<string, string> = {
  ...Object.fromEntries(['go', 'cargo', 'npm', 'npx', 'node', 'gpg', 'uname', 'rm', 'mkdir', 'chmod', 'mv', 'kubectl', 'docker', 'ssh', 'rsync', 'curl', 'openssl', 'stty', 'terraform', 'timeout', 'sed'].map((n) => [n, ''] as const)),
  cp: 'case "$3" in staging/linux-x64/bundle.json|staging/linux-x64/launch.json) /bin/mkdir -p staging/linux-x64; /bin/cp "$2" "$3" ;; esac; exit 0',
};

/** A script written by the packager, with the files of its directory (relative to it). */
interface Written {
  readonly path: string;
  readonly text: string;
  readonly beside: Record<string, string>;
}

interface Outcome {
  readonly code: number;
  readonly errors: string[];
  readonly scripts: Written[];
  readonly err: string;
}

async function pack(name: string, edit: (s: Json) => void, target: 'desktop' | 'cloud'): Promise<Outcome> {
  const dir = workspace(`${name}-${target}`, edit);
  const out = join(dir, 'out');
  const { code, out: stdout, err } = await cli(['package', 'recipe-hub', '--root', dir, '--target', target, '--accept-suggested', '--out', out, '--json']);
  const doc = JSON.parse(stdout) as { diagnostics: { code: string; severity: string; path?: string }[] };
  const errors = doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  let scripts: Written[] = [];
  try {
    scripts = filesUnder(out)
      .filter((f) => f.endsWith('.sh'))
      .map((f) => ({ path: relative(out, f), text: readFileSync(f, 'utf8'), beside: Object.fromEntries(filesUnder(dirname(f)).filter((g) => g !== f).map((g) => [relative(dirname(f), g), readFileSync(g, 'utf8')])) }));
  } catch {
    // nothing written
  }
  return { code, errors, scripts, err };
}

describe('a hostile service.json, packaged end to end', () => {
  it.each(CASES)('%s: fails closed with a typed error, or writes inert files', async (name, edit, expected) => {
    const outcomes = [await pack(name.replace(/\W+/g, '-'), edit, 'desktop'), await pack(name.replace(/\W+/g, '-'), edit, 'cloud')];
    for (const o of outcomes) {
      expect(o.err).not.toMatch(/\n\s+at /);
      if (expected !== undefined) {
        expect({ code: o.code, errors: o.errors }).toEqual({ code: 1, errors: expect.arrayContaining([expected]) });
        expect(o.errors).toContain(expected);
        expect(o.scripts).toEqual([]);
        continue;
      }
      expect({ code: o.code, errors: o.errors }).toEqual({ code: 0, errors: [] });
      expect(o.scripts.length).toBeGreaterThan(0);
      const texts = o.scripts.map((w) => w.text);
      expect(shellSyntaxErrors(texts)).toEqual([]);
      if (HAS_SHELLCHECK) expect(shellcheckFindings(texts)).toEqual([]);
      const cd = `cd() { ${recordCall('cd')}; }`;
      const { results, cleanup } = runScriptsStubbed(
        o.scripts.map((w) => ({
          script: w.text.replace(/^#!\/bin\/sh\n/, `#!/bin/sh\n${cd}\n`),
          files: w.beside,
          args: w.path.endsWith('build.sh') ? ['stable', 'linux-x64'] : [],
          env: { SOURCE_ROOT: '/nonexistent', DEPLOY_HOST: 'deploy@host' },
        })),
        { shell: 'sh', stubs: STUBS },
      );
      try {
        results.forEach((r, i) => {
          expect(r.markers).toEqual([]);
          if (o.scripts[i]?.path.endsWith('build.sh') === true) expect(r.status).toBe(0);
        });
      } finally {
        cleanup();
      }
    }
  }, 180_000);
});
