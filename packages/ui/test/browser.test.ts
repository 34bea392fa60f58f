// The page in a real browser (Debian's chromium driven by playwright-core):
// the example app loads, a swap re-scores to the library's numbers, the export
// wizard downloads the library's canonical manifest, packaging reports its
// artifacts, axe finds no serious accessibility violation, nothing logs an
// error. Screenshots of each view go to packages/ui/test-output/.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assembleScenario, exportCanonical } from '@deployment-manager/bundle';
import { TIERS, buildGraph, loadWorkspace } from '@deployment-manager/core';
import { cascade, scoreGraph, suggestSwaps, type SwapSpec } from '@deployment-manager/fitness';
import { planSecrets } from '@deployment-manager/secrets';

const CHROMIUM = '/usr/bin/chromium';
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = join(repo, 'packages/ui');
const example = join(repo, 'examples/end-to-end/workspace');
const shots = join(pkg, 'test-output');

// The library's own numbers for what the page must show.
const workspace = loadWorkspace(example);
const graph = buildGraph(workspace, 'recipe-hub', { policy: 'active' });
const before = scoreGraph(graph);
const swapTo = (from: string, to: string): SwapSpec => {
  const s = suggestSwaps(graph, 'desktop').find((x) => x.from === `resource:${from}` && x.to === to);
  if (s === undefined) throw new Error(`the library no longer suggests ${from} -> ${to} on desktop`);
  return { from: s.from, to: s.to };
};
const pgToSqlite = swapTo('postgres', 'sqlite');
const redisToCache = swapTo('redis', 'in-process-cache');
const effect = cascade(graph, [pgToSqlite], 'desktop');
const nameOf = (id: string): string => id.slice(id.indexOf(':') + 1);
const blockersText = (ids: readonly string[]): string => (ids.length === 0 ? 'no blockers' : `blocked by ${ids.map(nameOf).join(', ')}`);

const available = existsSync(CHROMIUM);
if (!available && process.env['CI'] !== 'true') console.log(`skipping the browser suite: ${CHROMIUM} is not installed (apt-get install -y chromium)`);

describe.skipIf(!available && process.env['CI'] !== 'true')('the browser view of recipe-hub', () => {
  let cli: ChildProcess | undefined;
  let context: BrowserContext;
  let page: Page;
  let url = '';
  let outDir = '';
  let profile = '';
  const problems: string[] = [];

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const text = async (selector: string): Promise<string> => ((await page.textContent(selector)) ?? '').trim();
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Every test starts from a freshly loaded page and makes its own preconditions, so the tests
  // pass in any order (the suite runs shuffled).
  const fresh = async (): Promise<void> => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=graph] .node');
    // Injected through the DevTools protocol: the page's CSP rightly refuses inline scripts.
    await page.evaluate(axeSource);
  };
  const swapPostgres = async (): Promise<void> => {
    await page.click(`[data-testid="swap-postgres-sqlite"]`);
    await expect.poll(() => text('[data-testid=tier-desktop] [data-testid=tier-score]')).toBe(String(effect.fitness.desktop?.after));
  };
  const axe = async (): Promise<string[]> => {
    const violations = await page.evaluate(async () => {
      const run = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe.run;
      return (await run(document, { resultTypes: ['violations'] })).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} node(s))`);
  };

  beforeAll(async () => {
    if (!available) throw new Error(`CI=true and ${CHROMIUM} is missing: .ci/run must install chromium (the browser suite never skips in CI)`);
    mkdirSync(shots, { recursive: true });
    // The same build as `pnpm build`: the server serves packages/ui/dist/app.
    await build({ configFile: join(pkg, 'vite.config.ts'), logLevel: 'warn' });
    outDir = mkdtempSync(join(tmpdir(), 'dm-ui-out-'));
    profile = mkdtempSync(join(tmpdir(), 'dm-ui-chromium-'));
    // The acceptance command itself: it prints the URL to open.
    cli = spawn(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'packages/cli/src/bin.ts'), 'ui', 'recipe-hub', '--root', example, '--out', outDir], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      cli?.stdout?.on('data', (c: Buffer) => {
        seen += c.toString();
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/\S+\/)/.exec(seen);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      cli?.stderr?.on('data', (c: Buffer) => (seen += c.toString()));
      cli?.on('exit', (code) => reject(new Error(`deployment-manager ui exited with ${code}: ${seen}`)));
    });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 950 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });

  // Whatever a test did, the page logged no error while it did it.
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    cli?.kill('SIGTERM');
    for (const d of [outDir, profile]) if (d !== '') rmSync(d, { recursive: true, force: true });
  });

  it('shows every tier card with the library scores and blockers, and the graph', async () => {
    await fresh();
    for (const t of TIERS) {
      expect(await text(`[data-testid=tier-${t}] [data-testid=tier-score]`)).toBe(String(before.tiers[t]?.score));
      expect(await text(`[data-testid=tier-${t}] [data-testid=tier-blockers]`)).toBe(blockersText(before.tiers[t]?.blockers ?? []));
    }
    expect(await page.locator('[data-testid=graph] .node').count()).toBe(graph.nodes.length);
    expect(await page.locator('[data-testid=graph] path.edge').count()).toBe(graph.edges.length);
    expect(await page.locator('[data-testid=graph] path.edge[stroke-dasharray]').count()).toBe(graph.edges.filter((e) => !e.required).length);
    await shot('1-graph-desktop');
    expect(await axe()).toEqual([]);
  });

  it('re-scores postgres -> sqlite on desktop to the cascade the library computes', async () => {
    await fresh();
    await swapPostgres();
    const delta = effect.fitness.desktop;
    expect(await text('[data-testid=tier-desktop] [data-testid=tier-blockers]')).toBe(blockersText(delta?.blockersAfter ?? []));
    expect(await text('[data-testid=cascade-fitness]')).toContain(`desktop: ${delta?.before} → ${delta?.after}`);
    const items = async (id: string): Promise<string[]> => (await page.locator(`[data-testid=${id}] li:not(.muted)`).allTextContents()).map((s) => s.trim());
    const lost = await items('cascade-lost');
    expect(lost.length).toBe(effect.capabilitiesLost.length);
    for (const l of effect.capabilitiesLost) expect(lost.some((s) => s.startsWith(`${nameOf(l.dependent)} loses ${l.lost.join(', ')} of ${nameOf(l.from)}`))).toBe(true);
    expect(await items('cascade-added')).toEqual(effect.added.map((a) => `${a.id} (${a.reason})`));
    expect(await items('cascade-removed')).toEqual(effect.removed.map((r) => `${r.id} (${r.reason})`));
    expect(await items('cascade-secrets-added')).toEqual(effect.secrets.added.map((s) => `${s.id} of ${nameOf(s.owner)}`));
    expect(await items('cascade-secrets-removed')).toEqual(effect.secrets.removed.map((s) => `${s.id} of ${nameOf(s.owner)}`));
    expect(effect.secrets.removed.length + effect.removed.length).toBeGreaterThan(0);
    // Other tiers keep their own (unswapped) scores.
    expect(await text('[data-testid=tier-mobile] [data-testid=tier-score]')).toBe(String(before.tiers.mobile?.score));
    await shot('2-swap-postgres-sqlite-cascade');
    expect(await axe()).toEqual([]);
    const marks = await page.evaluate(() => ({
      firstRender: performance.getEntriesByName('dm:first-render')[0]?.startTime ?? null,
      swap: performance.getEntriesByName('dm:swap')[0]?.duration ?? null,
    }));
    console.log(`performance marks (informational): first render at ${marks.firstRender} ms, first swap re-scored in ${marks.swap} ms`);
  });

  it('shows a clicked node\'s facts and every reason behind each tier\'s score', async () => {
    await fresh();
    await swapPostgres();
    await page.click('[data-testid=graph] .node[data-id="resource:ollama"]');
    await page.waitForSelector('[data-testid=node-details]');
    const line = scoreGraph(effect.graph).dependencies.find((d) => d.id === 'resource:ollama');
    for (const t of TIERS) {
      const reasons = line?.tiers[t]?.reasons ?? [];
      const shown = await page.locator(`[data-testid=reasons-${t}] li`).allTextContents();
      // A tier without deductions shows a "fits" note instead of a list.
      expect(shown.length).toBe(reasons.length);
      reasons.forEach((r, i) => expect(shown[i]).toContain(`${r.delta} ${r.subscore}`));
    }
    expect(await text('[data-testid=node-details] .facts')).toContain('runs as a daemon');
    await shot('3-node-details-ollama');
    expect(await axe()).toEqual([]);
    await page.click('[data-testid=node-details] button');
  });

  it('lists the secret plan of desktop after the swap, names only', async () => {
    await fresh();
    await swapPostgres();
    await page.click('[data-testid=view-secrets]');
    const spec = workspace.scenarios.get('recipe-hub');
    const plan = planSecrets(effect.graph, { tier: 'desktop', ...(spec === undefined ? {} : { scenario: spec }) });
    await page.waitForSelector('[data-testid=secrets-desktop]');
    expect(await page.locator('[data-testid=secrets-desktop] tbody tr').count()).toBe(plan.secrets.length);
    for (const s of plan.secrets) expect(await text('[data-testid=secrets-desktop]')).toContain(s.id);
    await shot('4-secret-plan-desktop');
    expect(await axe()).toEqual([]);
  });

  it('makes a deployment plan with costs through the server', async () => {
    await fresh();
    await page.click('[data-testid=view-plan]');
    await page.click('[data-testid=plan-make]');
    await page.waitForSelector('[data-testid=plan-result]');
    expect(await text('[data-testid=plan-cost] caption')).toMatch(/cost: \$\d+\.\d\d a month/);
    await shot('5-deployment-plan-saas-do');
    expect(await axe()).toEqual([]);
  });

  // postgres -> sqlite and redis -> in-process cache: the swaps that make desktop shippable.
  const walkWizardToValid = async (): Promise<void> => {
    await page.click('[data-testid=view-export]');
    await page.click('[data-testid=wizard-next]');
    await page.click('[data-testid="swap-redis-in-process-cache"]');
    await page.click('[data-testid=wizard-next]');
    await page.click('[data-testid=wizard-next]');
    await page.waitForSelector('[data-testid=wizard-validation] .ok');
    await page.click('[data-testid=wizard-next]');
  };

  it('walks the export wizard to the canonical manifest the library makes, checksum verified', async () => {
    await fresh();
    await swapPostgres();
    await page.click('[data-testid=view-export]');
    expect(await page.isChecked('[data-testid=wizard-tier-desktop]')).toBe(true);
    await shot('6-export-1-tier');
    await page.click('[data-testid=wizard-next]');
    expect(await page.isChecked('[data-testid="swap-postgres-sqlite"]')).toBe(true);
    await page.click('[data-testid=wizard-next]');
    await page.waitForSelector('[data-testid=secrets-desktop]');
    await page.click('[data-testid=wizard-next]');
    // postgres -> sqlite alone leaves redis's password as operator infrastructure: not shippable.
    const invalid = assembleScenario(workspace, 'recipe-hub', { tier: 'desktop', swaps: [pgToSqlite], policy: 'active' });
    expect(invalid.result.ok).toBe(false);
    await page.waitForSelector('[data-testid=wizard-validation]');
    for (const d of invalid.result.diagnostics.filter((x) => x.severity === 'error')) expect(await text('[data-testid=wizard-validation]')).toContain(d.code);
    expect(await page.isDisabled('[data-testid=wizard-next]')).toBe(true);
    await shot('6-export-4-validation-errors');
    expect(await axe()).toEqual([]);
    await page.click('[data-testid=wizard-back]');
    await page.click('[data-testid=wizard-back]');
    await page.click('[data-testid="swap-redis-in-process-cache"]');
    await page.click('[data-testid=wizard-next]');
    await page.click('[data-testid=wizard-next]');
    const valid = assembleScenario(workspace, 'recipe-hub', { tier: 'desktop', swaps: [pgToSqlite, redisToCache], policy: 'active' });
    expect(valid.result.ok).toBe(true);
    await page.waitForSelector('[data-testid=wizard-validation] .ok');
    await page.click('[data-testid=wizard-next]');
    await page.waitForSelector('[data-testid=manifest-sha256]');
    const shown = await text('[data-testid=manifest-sha256]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=manifest-download]')]);
    expect(download.suggestedFilename()).toBe('bundle.desktop.json');
    const bytes = readFileSync(await download.path());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    expect(shown).toBe(exportCanonical(valid.result.manifest).sha256);
    await shot('6-export-5-download');
  });

  it('packages for desktop through the server, with progress and the artifacts written', async () => {
    await fresh();
    await swapPostgres();
    await walkWizardToValid();
    await page.click('[data-testid=package-start]');
    await page.waitForSelector('[data-testid=package-artifacts]', { timeout: 60_000 });
    const rows = await page.locator('[data-testid=package-artifacts] tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=package-progress] progress').getAttribute('value')).toBe('1');
    await shot('7-export-package-desktop');
    expect(await axe()).toEqual([]);
  });

  it('the server refuses the page without its token, and serves it under another loopback name', async () => {
    // A page of its own: the browser logs the refused loads as failed resources, which are the point here.
    const probe = await context.newPage();
    const origin = new URL(url).origin;
    expect((await probe.goto(`${origin}/`))?.status()).toBe(403);
    expect((await probe.goto(`${origin}/api/workspace`))?.status()).toBe(403);
    expect((await probe.goto(`http://localhost:${new URL(url).port}${new URL(url).pathname}`))?.status()).toBe(200);
    await probe.close();
  });
});
