import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExport } from '@deployment-manager/bundle';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let out: string;
let stdout: string;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'dm-demo-'));
  stdout = execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'examples/end-to-end/src/main.ts'), '--out', out], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the end-to-end demo', () => {
  it('walks every stage in order', () => {
    const sections = ['1. Inventory', '2. Fitness per tier', '3. Suggested swaps', '4. Cascade', '5. Secret plans', '6. Manifests', '7. Packagers', '8. Desktop runtime', 'Done'];
    const positions = sections.map((s) => stdout.indexOf(s));
    for (const p of positions) expect(p).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('reports the inventory as a DAG with each node once', () => {
    expect(stdout).toContain('7 nodes, 9 edges, 0 cycles');
    expect(stdout).toMatch(/start order: .*resource:postgres.*resource:n8n.*scenario:recipe-hub/);
  });

  it('shows fitness badges for all five tiers and the mobile blockers', () => {
    for (const t of ['local', 'desktop', 'mobile', 'saas', 'enterprise']) expect(stdout).toMatch(new RegExp(`\\[ ${t} \\d+(\\.\\d+)?( ✕)? \\]`));
    expect(stdout).toMatch(/blockers on mobile: .*resource:postgres/);
  });

  it('suggests postgres -> sqlite for desktop and reports the jsonb loss in the cascade', () => {
    expect(stdout).toMatch(/resource:postgres → sqlite {2}\+\d/);
    expect(stdout).toContain('scenario:recipe-hub loses jsonb of resource:postgres (declared need)');
    expect(stdout).toMatch(/secrets no longer needed: .*POSTGRES_PASSWORD/);
    const desktop = /desktop: ([\d.]+) → ([\d.]+)/.exec(stdout);
    expect(Number(desktop?.[2])).toBeGreaterThan(Number(desktop?.[1]));
  });

  it('exports manifests whose checksums verify from the bytes on disk', () => {
    for (const tier of ['desktop', 'saas', 'mobile']) {
      const file = join(out, `bundle.${tier}.json`);
      expect(existsSync(file)).toBe(true);
      const sha = new RegExp(`${tier}: .*bundle\\.${tier}\\.json sha256 ([0-9a-f]{64}) \\(verified`).exec(stdout)?.[1];
      expect(sha).toBeDefined();
      expect(verifyExport(file, sha)).toMatchObject({ ok: true });
    }
    expect(JSON.parse(readFileSync(join(out, 'swap-decisions.json'), 'utf8'))).toMatchObject({ scenario: 'recipe-hub' });
  });

  it('writes every packager artifact under out/', () => {
    for (const p of ['desktop', 'cloud', 'mobile']) {
      expect(stdout).toMatch(new RegExp(`  ${p} \\(\\w+\\): \\d+ artifacts`));
      expect(readdirSync(join(out, p)).length).toBeGreaterThan(0);
    }
  });

  it('writes a static report.html with the graph, the heat map and the swap table', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Tier heat map');
    expect(html).toContain('Suggested swaps');
    expect(html).toMatch(/<td>resource:postgres<\/td><td>sqlite<\/td>/);
    expect(html).not.toContain('<script');
    // Every warning of the run is listed, the packagers' lost semantics included.
    expect(html).toContain('<h2>Warnings (');
    expect(html).toMatch(/<li><b>(desktop|cloud|mobile) \((desktop|saas|mobile)\)<\/b>: /);
  });

  it('runs the desktop bundle for real: ports, readiness times, the api over sqlite, a clean stop', () => {
    expect(stdout).toMatch(/ {2}api: ready in \d+ ms, ports http=\d+/);
    expect(stdout).toMatch(/ {2}ui: ready in \d+ ms, ports http=\d+/);
    expect(stdout).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/api\/recipes: 3 recipes from sqlite \(sql\.js\): Shakshuka, /);
    expect(stdout).toContain('read it back through the ui at');
    expect(stdout).toContain(': Pancakes; the page is served');
    expect(stdout).toMatch(/stopped: demo finished, 0 process\(es\) left; \d+ telemetry events/);
    const telemetry = readFileSync(join(out, 'desktop-run/app-data/telemetry/deployment-telemetry.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(telemetry.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['bundle_start', 'spawn', 'ready', 'bundle_ready', 'shutdown', 'stopped']));
  });

  it('never writes a secret value: env templates hold names and prompts only', () => {
    const env = readFileSync(join(out, 'secrets', 'saas.env.template'), 'utf8');
    for (const line of env.split('\n').filter((l) => /^[A-Z_]+=/.test(l))) expect(line).toMatch(/^[A-Z0-9_]+=$/);
  });
});
