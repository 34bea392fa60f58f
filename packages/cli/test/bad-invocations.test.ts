import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.ts';

// Every way a newcomer can get a command line wrong ends the same way: exit 2,
// one error line naming the offending value, one hint line, never "internal
// error". With --json, the same error as one JSON document on stdout.

const ROOT = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));
let dir: string;
let broken: string; // a workspace whose recipe-hub service.json does not parse
let malformed: string; // a file that is not JSON
let missing: string; // a file that does not exist

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dm-bad-'));
  broken = join(dir, 'broken');
  cpSync(ROOT, broken, { recursive: true });
  writeFileSync(join(broken, 'scenarios', 'recipe-hub', '.vrooli', 'service.json'), '{\n  "service": { "name": "recipe-hub" },\n  "dependencies": { oops }\n}\n');
  malformed = join(dir, 'malformed.json');
  writeFileSync(malformed, '{ "schema_version": "v0.1", ');
  missing = join(dir, 'no-such-file.json');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [what, argv, error code, text the message or hint must contain]. Paths are filled in lazily (beforeAll). */
const CASES: readonly (readonly [string, () => readonly string[], string, string])[] = [
  ['no arguments', () => [], 'INVALID_ARGUMENT', 'no command given'],
  ['a mistyped command', () => ['pakage', 'recipe-hub'], 'INVALID_ARGUMENT', 'did you mean "package"?'],
  ['a mistyped command for help', () => ['help', 'fitnes'], 'INVALID_ARGUMENT', 'did you mean "fitness"?'],
  ['a mistyped top-level option', () => ['--verison'], 'INVALID_ARGUMENT', 'did you mean --version?'],
  ['a mistyped option', () => ['fitness', 'recipe-hub', '--root', ROOT, '--teir', 'desktop'], 'INVALID_ARGUMENT', 'did you mean --tier?'],
  ['an option without its value (end of line)', () => ['fitness', 'recipe-hub', '--root'], 'INVALID_ARGUMENT', 'option --root needs a value'],
  ['an option without its value (next option)', () => ['fitness', 'recipe-hub', '--tier', '--root', ROOT], 'INVALID_ARGUMENT', 'option --tier needs a value'],
  ['an empty value', () => ['package', 'recipe-hub', '--root', ROOT, '--target', 'cloud', '--out='], 'INVALID_ARGUMENT', 'option --out needs a value'],
  ['a value for a flag', () => ['graph', 'recipe-hub', '--root', ROOT, '--json=yes'], 'INVALID_ARGUMENT', 'option --json takes no value'],
  ['a mistyped tier', () => ['fitness', 'recipe-hub', '--root', ROOT, '--tier', 'deskop'], 'INVALID_ARGUMENT', 'did you mean "desktop"?'],
  ['an unknown tier', () => ['secrets', 'recipe-hub', '--root', ROOT, '--tier', 'moon'], 'INVALID_ARGUMENT', 'valid: local, desktop, mobile, saas, enterprise'],
  ['a mistyped package target', () => ['package', 'recipe-hub', '--root', ROOT, '--target', 'destkop', '--out', join(dir, 'o')], 'INVALID_ARGUMENT', 'did you mean "desktop"?'],
  ['a mistyped plan target', () => ['plan', 'recipe-hub', '--root', ROOT, '--target', 'k9s'], 'INVALID_ARGUMENT', 'did you mean "k8s"?'],
  ['a mistyped model', () => ['fitness', 'recipe-hub', '--root', ROOT, '--model', 'vroli'], 'INVALID_ARGUMENT', 'did you mean "vrooli"?'],
  ['an unknown format', () => ['secrets', 'recipe-hub', '--root', ROOT, '--tier', 'desktop', '--format', 'yaml'], 'INVALID_ARGUMENT', 'valid: env, k8s, json'],
  ['a required option left out', () => ['package', 'recipe-hub', '--root', ROOT, '--target', 'cloud'], 'INVALID_ARGUMENT', 'option --out is required'],
  ['no scenario', () => ['fitness', '--root', ROOT], 'INVALID_ARGUMENT', 'no scenario given'],
  ['an extra argument', () => ['graph', 'recipe-hub', 'auth-lite', '--root', ROOT], 'INVALID_ARGUMENT', 'unexpected argument "auth-lite"'],
  ['a mistyped action', () => ['swaps', 'sugest', 'recipe-hub', '--root', ROOT, '--tier', 'desktop'], 'INVALID_ARGUMENT', 'did you mean "suggest"?'],
  ['no action', () => ['profile'], 'INVALID_ARGUMENT', 'use one of: create, list'],
  ['a cascade without a swap', () => ['swaps', 'cascade', 'recipe-hub', '--root', ROOT, '--tier', 'desktop'], 'INVALID_ARGUMENT', '--swap'],
  ['a malformed swap', () => ['swaps', 'cascade', 'recipe-hub', '--root', ROOT, '--tier', 'desktop', '--swap', 'postgres'], 'SWAP_INVALID', 'postgres'],
  ['a mistyped scenario', () => ['fitness', 'recipe-hbu', '--root', ROOT], 'SCENARIO_NOT_FOUND', 'did you mean "recipe-hub"?'],
  ['an unknown scenario', () => ['graph', 'nothing-like-it', '--root', ROOT], 'SCENARIO_NOT_FOUND', 'auth-lite'],
  ['a root that does not exist', () => ['fitness', 'recipe-hub', '--root', join(dir, 'nowhere')], 'ROOT_NOT_FOUND', 'nowhere'],
  ["a scenario whose service.json does not parse", () => ['fitness', 'recipe-hub', '--root', broken], 'PARSE_FAILED', 'line 3, column'],
  ['a manifest that is not JSON', () => ['bundle', 'validate', malformed], 'PARSE_FAILED', 'malformed.json'],
  ['a manifest that does not exist', () => ['bundle', 'validate', missing], 'FILE_UNREADABLE', 'no-such-file.json'],
  ['an overrides file that is not JSON', () => ['secrets', 'recipe-hub', '--root', ROOT, '--tier', 'desktop', '--overrides', malformed], 'PARSE_FAILED', 'malformed.json'],
  ['diff with one file', () => ['diff', malformed], 'INVALID_ARGUMENT', 'no new given'],
  ['an unknown profile', () => ['profile', 'show', 'no-such-profile', '--store', join(dir, 'store')], 'PROFILE_NOT_FOUND', 'no-such-profile'],
];

describe('bad invocations', () => {
  it('the table is at least 20 long', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('%s: exit 2, one error line and a hint', async (_what, argv, code, text) => {
    const r = await cli(argv());
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const [first = '', second = ''] = r.err.split('\n');
    expect(first).toMatch(new RegExp(`^error \\[${code}\\]: \\S.*$`));
    expect(second).toMatch(/^hint: \S/);
    expect(`${first}\n${second}`).toContain(text);
    expect(r.err).not.toContain('internal error');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each(CASES)('%s, with --json: the same error as JSON on stdout', async (_what, argv, code) => {
    const args = argv();
    const end = args.indexOf('--');
    const r = await cli(end === -1 ? [...args, '--json'] : [...args.slice(0, end), '--json', ...args.slice(end)]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as { error: { code: string; message: string; hint: string } };
    expect(doc.error.code).toBe(code);
    expect(doc.error.hint.length).toBeGreaterThan(0);
  });
});
