import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { JSON_CHUNK_CHARS } from '../src/json-output.ts';
import { TEXT_CHUNK_CHARS } from '../src/text-output.ts';

// A scenario with thousands of dependencies in one service.json: every --json
// output is written in bounded chunks (never one string the size of the
// document - at 300k dependencies fitness prints over a gigabyte, past V8's
// largest string) and still parses as one document, and no command ends as a
// bug (exit 70). People's text is written the same way, in chunks of whole lines.
// The 300k case itself runs in `pnpm bench` (bench/huge-graph.ts).

const DEPENDENCIES = 4000;
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dm-huge-'));
  const resources: Record<string, object> = {};
  for (let i = 0; i < DEPENDENCIES; i++) resources[`r${i}`] = {};
  mkdirSync(join(root, 'scenarios', 'big', '.vrooli'), { recursive: true });
  writeFileSync(join(root, 'scenarios', 'big', '.vrooli', 'service.json'), JSON.stringify({ service: { name: 'big', version: '1.0.0' }, dependencies: { resources } }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['graph', ['graph', 'big']],
  ['swaps suggest', ['swaps', 'suggest', 'big', '--tier', 'desktop']],
  ['swaps cascade', ['swaps', 'cascade', 'big', '--tier', 'desktop', '--swap', 'r1=sqlite']],
  ['secrets', ['secrets', 'big', '--tier', 'desktop']],
  ['bundle assemble', ['bundle', 'assemble', 'big', '--tier', 'desktop']],
];

describe(`--json on a scenario of ${DEPENDENCIES} dependencies`, () => {
  it.each(COMMANDS)('%s: streamed in bounded chunks, one parseable document, never exit 70', async (_name, argv) => {
    const chunks: string[] = [];
    let err = '';
    const code = await runCli([...argv, '--root', root, '--json'], { stdout: (s) => chunks.push(s), stderr: (s) => (err += s), isTTY: false });
    expect(err).toBe('');
    expect([0, 1]).toContain(code);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2 * JSON_CHUNK_CHARS);
    const doc = JSON.parse(chunks.join('')) as Record<string, unknown>;
    expect(doc['error']).toBeUndefined();
  });

  it('fitness (the largest document): every dependency named, in many bounded chunks, exit 0', async () => {
    const chunks: string[] = [];
    const code = await runCli(['fitness', 'big', '--root', root, '--json'], { stdout: (s) => chunks.push(s), stderr: () => undefined, isTTY: false });
    expect(code).toBe(0);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2 * JSON_CHUNK_CHARS);
    const doc = JSON.parse(chunks.join('')) as { dependencies: { id: string }[] };
    expect(new Set(doc.dependencies.map((d) => d.id)).size).toBe(DEPENDENCIES);
  });
});

describe(`text for people on a scenario of ${DEPENDENCIES} dependencies`, () => {
  /** Runs a command without --json: its exit code and what it printed, chunk by chunk. */
  const text = async (argv: readonly string[]): Promise<{ code: number; chunks: string[]; err: string }> => {
    const chunks: string[] = [];
    let err = '';
    const code = await runCli([...argv, '--root', root], { stdout: (s) => chunks.push(s), stderr: (s) => (err += s), isTTY: false });
    return { code, chunks, err };
  };

  // bundle assemble prints the manifest itself (JSON, streamed as above) without --json.
  const TEXT_COMMANDS = [...COMMANDS.filter(([name]) => name !== 'bundle assemble'), ['fitness --model vrooli', ['fitness', 'big', '--model', 'vrooli']] as const];
  it.each(TEXT_COMMANDS)('%s: whole lines in bounded chunks, never exit 70', async (_name, argv) => {
    const { code, chunks, err } = await text(argv);
    expect(err).not.toContain('INTERNAL');
    expect([0, 1]).toContain(code);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(2 * TEXT_CHUNK_CHARS);
      expect(chunk.endsWith('\n')).toBe(true);
    }
  });

  it('fitness: every dependency on every tier, with its reason, in many chunks, exit 0', async () => {
    const { code, chunks } = await text(['fitness', 'big']);
    expect(code).toBe(0);
    expect(chunks.length).toBeGreaterThan(10);
    const lines = chunks.join('').split('\n');
    const rows = lines.filter((l) => /^r\d+ /.test(l));
    expect(rows.length).toBe(DEPENDENCIES * 5);
    expect(new Set(rows.map((l) => l.split(' ')[0])).size).toBe(DEPENDENCIES);
    expect(lines.filter((l) => l.includes('not in the catalog')).length).toBe(DEPENDENCIES * 5);
  });
});
