// Example (a), the main job: take an example app (API + UI, postgres, redis, ollama, n8n,
// qdrant and a sub-scenario) from inventory to fitness, suggested swaps, their cascade,
// the secret plan, manifests for desktop / cloud / mobile, canonical export with checksum,
// and every packager's artifacts in out/, plus out/report.html; then the desktop bundle runs
// for real with the runtime (its Node services, sqlite through sql.js) and is stopped.
//
//   pnpm demo [--root <workspace>] [--scenario <name>] [--out <dir>]
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  assembleScenario,
  issueDrafts,
  swapDecisionsDocument,
  verifyExport,
  writeExport,
  type CloudManifest,
  type DesktopManifest,
  type MobileManifest,
  type ScenarioAssembly,
} from '@deployment-manager/bundle';
import { renderHtmlReport } from '@deployment-manager/cli';
import { TIERS, buildGraph, dependencyOrder, findCycles, loadWorkspace, runPackagers, type Packager, type PackagerRun } from '@deployment-manager/core';
import { cascade, scoreGraph, suggestSwaps } from '@deployment-manager/fitness';
import { createCloudPackager } from '@deployment-manager/packager-cloud';
import { createDesktopPackager } from '@deployment-manager/packager-desktop';
import { createMobilePackager } from '@deployment-manager/packager-mobile';
import { buildBundle } from '@deployment-manager/planner';
import { hostPlatformKey, startBundle } from '@deployment-manager/runtime';
import { renderEnvTemplate } from '@deployment-manager/secrets';
import { fitnessTable, heading, swapTable } from './render.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: fileURLToPath(new URL('../workspace', import.meta.url)) },
    scenario: { type: 'string', default: 'recipe-hub' },
    out: { type: 'string', default: 'out' },
  },
});
const scenario = values.scenario;
const out = resolve(values.out);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const show = (path: string): string => relative(process.cwd(), path) || '.';

// 1. Inventory: the dependency graph, every node once.
const workspace = loadWorkspace(values.root);
const graph = buildGraph(workspace, scenario, { policy: 'active' });
console.log(heading(`1. Inventory of ${scenario}`));
console.log(`${graph.nodes.length} nodes, ${graph.edges.length} edges, ${findCycles(graph).length} cycles`);
console.log(`start order: ${dependencyOrder(graph).join(' → ')}`);
const problems = workspace.diagnostics.filter((d) => d.severity !== 'info');
console.log(`${problems.length} loader warnings/errors`);

// 2. Fitness on all five tiers, with reasons.
const fitness = scoreGraph(graph);
console.log(heading('2. Fitness per tier'));
console.log(fitnessTable(fitness));

// 3. Suggested swaps, ranked by gain.
const suggestions = TIERS.flatMap((t) => suggestSwaps(graph, t));
console.log(heading('3. Suggested swaps for desktop'));
console.log(swapTable(suggestions.filter((s) => s.tier === 'desktop')));

// 3b. What must change, two ways: the cheapest swap set that ships (optimal: an exact search that clears
// fitness blockers and the secrets a tier cannot ship) next to taking every swap that gains (all-gains).
console.log(heading('3b. Swaps to ship each target tier: optimal vs all-gains'));
for (const tier of ['desktop', 'mobile', 'saas'] as const) {
  const line = (how: 'optimal' | 'all-gains'): string => {
    const a = assembleScenario(workspace, scenario, { tier, graph, acceptSuggested: how });
    return `${how} ${a.result.ok ? 'ships' : 'does not ship'} with ${a.swaps.length} swap(s)${a.swaps.length === 0 ? '' : ` (${a.swaps.map((s) => `${s.from} → ${s.to}`).join(', ')})`}`;
  };
  console.log(`  ${tier}: ${line('optimal')}; ${line('all-gains')}`);
}

// 4. Accept the suggestions for each target tier and assemble: desktop, saas (cloud), mobile. The example's runnable
// desktop services use sqlite, so it takes every gain (all-gains) rather than the cheapest set (optimal).
const assemblies = {
  desktop: assembleScenario(workspace, scenario, { tier: 'desktop', graph, acceptSuggested: 'all-gains' }),
  saas: assembleScenario(workspace, scenario, { tier: 'saas', graph }),
  mobile: assembleScenario(workspace, scenario, { tier: 'mobile', graph, acceptSuggested: 'all-gains' }),
};
const desktopCascade = cascade(graph, assemblies.desktop.swaps, 'desktop');
console.log(heading(`4. Cascade of the desktop swaps (${assemblies.desktop.swaps.map((s) => `${s.from} → ${s.to}`).join(', ')})`));
for (const l of desktopCascade.capabilitiesLost) console.log(`  ${l.dependent} loses ${l.lost.join(', ')} of ${l.from} (${l.needsSource} need)`);
console.log(`  added: ${desktopCascade.added.map((a) => a.id).join(', ') || 'none'}`);
console.log(`  removed: ${desktopCascade.removed.map((r) => `${r.id} (${r.reason})`).join(', ') || 'none'}`);
console.log(`  secrets no longer needed: ${desktopCascade.secrets.removed.map((s) => s.env).join(', ') || 'none'}`);
for (const [tier, d] of Object.entries(desktopCascade.fitness)) console.log(`  ${tier}: ${d.before} → ${d.after}`);

// 5. Secret plans: classes per tier, never values.
console.log(heading('5. Secret plans'));
for (const [tier, a] of Object.entries(assemblies)) {
  const byClass = new Map<string, string[]>();
  for (const s of a.secretPlan.secrets) byClass.set(s.class, [...(byClass.get(s.class) ?? []), s.id]);
  console.log(`  ${tier}: ${[...byClass].map(([c, ids]) => `${c} ${ids.join(', ')}`).join('; ') || 'no secrets'}${a.secretPlan.blockers.length > 0 ? `  (${a.secretPlan.blockers.length} blocker(s))` : ''}`);
  mkdirSync(join(out, 'secrets'), { recursive: true });
  writeFileSync(join(out, 'secrets', `${tier}.env.template`), renderEnvTemplate(a.secretPlan));
}

// 6. Manifests: validated, exported canonically, checksum verified from the bytes on disk.
console.log(heading('6. Manifests'));
const exported: Record<string, string> = {};
for (const [tier, a] of Object.entries(assemblies) as [string, ScenarioAssembly][]) {
  const errors = a.result.diagnostics.filter((d) => d.severity === 'error');
  if (!a.result.ok) {
    console.log(`  ${tier}: NOT valid - ${errors.map((d) => `${d.code} ${d.path}`).join('; ')}`);
    continue;
  }
  const file = join(out, `bundle.${tier}.json`);
  const { sha256 } = writeExport(a.result.manifest, file);
  const check = verifyExport(file);
  exported[tier] = sha256;
  console.log(`  ${tier}: ${show(file)} sha256 ${sha256} (${check.ok ? 'verified' : 'MISMATCH'}; ${a.result.diagnostics.length} note(s))`);
}
const decisions = swapDecisionsDocument(scenario, ['desktop'], assemblies.desktop.decisions);
writeFileSync(join(out, 'swap-decisions.json'), `${JSON.stringify(decisions, null, 2)}\n`);
const drafts = issueDrafts(decisions);
writeFileSync(join(out, 'issue-drafts.json'), `${JSON.stringify(drafts, null, 2)}\n`);
console.log(`  swap decisions: ${show(join(out, 'swap-decisions.json'))}, ${drafts.length} issue draft(s) for swaps needing engineering work`);

// 7. Packagers: each validates its own output against the target's official schema.
console.log(heading('7. Packagers'));
const runs: { tier: string; run: PackagerRun }[] = [];
const pack = async <B>(tier: string, packager: Packager<B>, manifest: B): Promise<void> => {
  for (const run of await runPackagers([packager], manifest, { outDir: out })) runs.push({ tier, run });
};
if (exported['desktop']) await pack('desktop', createDesktopPackager(), assemblies.desktop.result.manifest as DesktopManifest);
if (exported['saas']) await pack('saas', createCloudPackager(), assemblies.saas.result.manifest as CloudManifest);
if (exported['mobile']) await pack('mobile', createMobilePackager(), assemblies.mobile.result.manifest as MobileManifest);
for (const { tier, run } of runs) {
  if (run.status === 'refused') {
    console.log(`  ${run.packager} (${tier}): refused - ${run.issues.filter((i) => i.severity === 'error').map((i) => i.code).join(', ')}`);
    continue;
  }
  console.log(`  ${run.packager} (${tier}): ${run.result.artifacts.length} artifacts in ${show(join(out, run.packager))}`);
  // What the target cannot express, grouped: the full list is in the packager's result.
  const grouped = new Map<string, string[]>();
  for (const n of run.result.notes) grouped.set(`${n.kind} ${n.feature}`, [...(grouped.get(`${n.kind} ${n.feature}`) ?? []), n.message]);
  for (const [key, messages] of grouped) console.log(`    ${key}${messages.length > 1 ? ` (x${messages.length})` : ''}: ${messages[0]}`);
}

// 8. Run the desktop bundle for real: build the example's Node services with the commands of the
// desktop build plan, stage the bundle it planned, start it with the runtime, call the API on its
// allocated port, stop it.
console.log(heading('8. Desktop runtime'));
const sourceRoot = join(values.root, 'scenarios', scenario);
if (exported['desktop'] === undefined) console.log('  skipped: no valid desktop manifest');
else if (process.platform !== 'linux' && process.platform !== 'darwin') console.log(`  skipped: the runtime's process groups need Linux or macOS, not ${process.platform}`);
else if (!existsSync(join(sourceRoot, 'api', 'server.mjs'))) console.log(`  skipped: ${show(sourceRoot)} has no Node services to run (api/server.mjs, ui/server.mjs)`);
else {
  const work = join(out, 'desktop-run');
  // The build plan's own commands (npm ci, npm run build: esbuild bundles each server.mjs), then the staging plan.
  const bundleDir = await buildBundle(assemblies.desktop.result.manifest as DesktopManifest, { sourceRoot, workDir: work });
  console.log(`  built and staged ${show(bundleDir)} for ${hostPlatformKey()} (the build plan's npm commands; the runtime runs in this process)`);
  const bundle = await startBundle(bundleDir, { appData: join(work, 'app-data') });
  try {
    for (const s of bundle.status().services) {
      console.log(`  ${s.id}: ${s.state} in ${s.readyMs} ms, ports ${Object.entries(s.ports).map(([n, p]) => `${n}=${p}`).join(' ')}`);
    }
    for (const e of bundle.events().filter((x) => x.level !== 'info')) console.log(`    ${e.type}: ${e.reason ?? ''}`);
    const api = `http://127.0.0.1:${bundle.ports['api']?.['http']}`;
    const recipes = (await (await fetch(`${api}/api/recipes`)).json()) as { title: string }[];
    console.log(`  GET ${api}/api/recipes: ${recipes.length} recipes from sqlite (sql.js): ${recipes.map((r) => r.title).join(', ')}`);
    const created = (await (await fetch(`${api}/api/recipes`, { method: 'POST', body: JSON.stringify({ title: 'Pancakes', ingredients: ['flour', 'milk', 'eggs'] }) })).json()) as { id: number };
    const ui = `http://127.0.0.1:${bundle.ports['ui']?.['http']}`;
    const viaUi = (await (await fetch(`${ui}/api/recipes/${created.id}`)).json()) as { title: string };
    const page = await (await fetch(`${ui}/`)).text();
    console.log(`  POST a recipe, read it back through the ui at ${ui}: ${viaUi.title}; the page is ${page.includes('<h1>Recipe Hub</h1>') ? 'served' : 'MISSING'}`);
    console.log(`  control api 127.0.0.1:${bundle.control.port} (token in ${show(bundle.control.tokenFile)}, 0600)`);
  } finally {
    const outcome = await bundle.stop('demo finished');
    const alive = bundle.status().services.filter((s) => s.pid !== null).length;
    console.log(`  stopped: ${outcome.reason}, ${alive} process(es) left; ${bundle.events().length} telemetry events in ${show(bundle.telemetryFile)}`);
  }
}

// The report people would rather look at.
const html = renderHtmlReport({
  title: scenario,
  graph,
  fitness,
  focusTier: 'desktop',
  suggestions,
  cascade: desktopCascade,
  secrets: assemblies.desktop.secretPlan.secrets.map((s) => ({ id: s.id, class: s.class, how: s.reason })),
  artifacts: runs.flatMap(({ run }) => (run.status === 'packed' ? run.result.artifacts.map((a) => ({ packager: run.packager, path: a.path, sha256: a.sha256 })) : [])),
  ...(exported['desktop'] === undefined ? {} : { manifestSha256: exported['desktop'] }),
  // Every warning of the run: loaders, assembly and validation, packagers.
  warnings: [
    ...problems.map((d) => ({ source: `loader ${d.file ?? ''}`.trim(), message: `${d.code}: ${d.message}` })),
    ...Object.entries(assemblies).flatMap(([tier, a]) =>
      a.result.diagnostics.filter((d) => d.severity !== 'info').map((d) => ({ source: `manifest ${tier}`, message: `${d.severity} ${d.code} at ${d.path || '/'}: ${d.message}` })),
    ),
    ...runs.flatMap(({ tier, run }) =>
      run.status === 'refused'
        ? run.issues.map((i) => ({ source: `${run.packager} (${tier})`, message: `refused: ${i.code}: ${i.message}` }))
        : run.result.notes.map((n) => ({ source: `${run.packager} (${tier})`, message: `${n.kind} ${n.feature}: ${n.message}` })),
    ),
  ],
});
writeFileSync(join(out, 'report.html'), html);
console.log(heading('Done'));
console.log(`report: ${show(join(out, 'report.html'))}`);
