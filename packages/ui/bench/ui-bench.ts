// The browser view on a synthetic workload (run by the repository's `pnpm bench`): first render of graph + tier cards
// and a swap toggle to updated scores, read from the page's performance marks
// (dm:first-render, dm:swap) in Debian's chromium. Numbers, never assertions.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { startUiServer } from '@deployment-manager/ui';
import { generateWorkload } from '../../../bench/workload.ts';

/** What one size measured in the browser (ms; medians over the runs). */
export interface UiBenchResult {
  /** Dependencies in the workload. */
  readonly size: number;
  /** Nodes drawn. */
  readonly nodes: number;
  /** Page loads measured. */
  readonly runs: number;
  /** Navigation start to graph + tier cards committed (includes fetching the workspace). */
  readonly firstRenderMs: number;
  /** Workspace received to graph + tier cards committed (graph, scores, suggestions, layout, DOM). */
  readonly computeAndRenderMs: number;
  /** Swap toggle click to the re-scored tier cards and graph colours committed. */
  readonly swapMs: number;
  /** Swap toggle click to the re-laid-out graph on screen (the cascade panel follows in the same task queue). */
  readonly swapSettledMs: number;
  /** Swap toggles measured. */
  readonly swaps: number;
}

const CHROMIUM = '/usr/bin/chromium';
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Measures the browser view on a `size`-dependency workload; undefined (with a printed reason) without chromium. */
export async function measureUi(size: number, runs = 5): Promise<UiBenchResult | undefined> {
  if (!existsSync(CHROMIUM)) {
    console.log(`ui bench skipped: ${CHROMIUM} is not installed`);
    return undefined;
  }
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
  const dir = mkdtempSync(join(tmpdir(), 'dm-ui-bench-'));
  const file = join(dir, 'workload.json');
  writeFileSync(file, JSON.stringify(generateWorkload(size).document));
  const server = await startUiServer({ root: file, scenario: 'app-0', outDir: join(dir, 'out') });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 950 },
  });
  const first: number[] = [];
  const compute: number[] = [];
  const swaps: number[] = [];
  const settled: number[] = [];
  let nodes = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector('[data-testid=graph] .node');
      nodes = await page.locator('[data-testid=graph] .node').count();
      const marks = await page.evaluate(() => ({
        ready: performance.getEntriesByName('dm:data-ready')[0]?.startTime ?? Number.NaN,
        rendered: performance.getEntriesByName('dm:first-render')[0]?.startTime ?? Number.NaN,
      }));
      first.push(marks.rendered);
      compute.push(marks.rendered - marks.ready);
      // Toggle the first suggested swap on and off a few times.
      const toggle = page.locator('.swaps input[type=checkbox]').first();
      for (let k = 0; k < 4; k++) {
        await toggle.click();
        await page.waitForFunction((n: number) => performance.getEntriesByName('dm:layout-shown').length >= n, k + 1);
      }
      const timing = await page.evaluate(() => {
        const starts = performance.getEntriesByName('dm:swap-start').map((m) => m.startTime);
        const laid = performance.getEntriesByName('dm:layout-shown').map((m) => m.startTime);
        return { scored: performance.getEntriesByName('dm:swap').map((m) => m.duration), settled: starts.map((s, i) => (laid[i] ?? Number.NaN) - s) };
      });
      swaps.push(...timing.scored);
      settled.push(...timing.settled);
      await page.close();
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { size, nodes, runs, firstRenderMs: median(first), computeAndRenderMs: median(compute), swapMs: median(swaps), swapSettledMs: median(settled), swaps: swaps.length };
}
