import { parseTier } from '@deployment-manager/core';
import { SdkError, type Tier } from '@deployment-manager/core';
import { cascade, parseSwapArg, planSwapSet, recommendTier, suggestSwaps, type Cascade, type PlanSwapSetOptions } from '@deployment-manager/fitness';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, GRAPH_SOURCE_OPTIONS, SWAP_OPTION, TIER_OPTION } from '../common-options.ts';
import { userCatalog } from '../user-catalog.ts';
import { loadGraphSource } from '../graph-source.ts';
import { colour } from '../io.ts';
import { nodeName, roundForPeople, signedForPeople } from '../people-text.ts';
import { table } from '../table.ts';
import { UsageError } from '../usage-error.ts';
import { renderSwapPlan, renderTierRecommendation } from './swaps-plan-text.ts';
import { writeJson } from '../json-output.ts';

const SCENARIO = { name: 'scenario', description: 'the scenario whose graph the swaps apply to' } as const;

/**
 * `deployment-manager swaps suggest <scenario> --root <dir> --tier t [--json]` ranks swaps by gain;
 * `deployment-manager swaps cascade <scenario> --root <dir> --tier t --swap from=to ... [--json]`
 * prints the structured diff of applying them;
 * `deployment-manager swaps plan <scenario> --root <dir> --tier t [--min-score N] [--keep a,b] [--forbid x] [--json]`
 * prints the cheapest set of swaps that ships the tier (fitness' `planSwapSet`);
 * `deployment-manager swaps recommend <scenario> --root <dir> [--min-score N] [--keep a,b] [--forbid x] [--json]`
 * puts every tier's cheapest plan side by side and names the tier of most score per cost (`recommendTier`).
 *
 * @example
 * ```sh
 * deployment-manager swaps cascade picker-wheel --root ../Vrooli --tier desktop --swap postgres=sqlite --json
 * ```
 */
export const swapsCommand: Command = defineCommand({
  description:
    'Swaps replace a dependency by another that fits a tier better (postgres by sqlite for desktop, ollama by a hosted LLM API for mobile). suggest ranks the swaps the catalog knows by how much they raise the tier\'s score; cascade applies the --swap pairs and prints what they break (capabilities lost), add, remove, and how secrets, ports and scores change; plan finds the cheapest set of swaps that clears the tier\'s blockers (and reaches --min-score), proven cheapest, each swap saying what it clears; recommend plans every tier and names the one that buys the most score per unit of cost.',
  actions: {
    suggest: { summary: 'rank the swaps that help on --tier', positionals: [SCENARIO], options: ['root', 'tier', 'catalog'] },
    cascade: { summary: 'what applying the --swap pairs breaks, adds and removes', positionals: [SCENARIO], options: ['root', 'tier', 'swap', 'catalog'] },
    plan: { summary: 'the cheapest set of swaps that ships on --tier', positionals: [SCENARIO], options: ['root', 'tier', 'min-score', 'keep', 'forbid', 'catalog'] },
    recommend: { summary: 'every tier\'s cheapest plan, and the tier of most score per cost', positionals: [SCENARIO], options: ['root', 'min-score', 'keep', 'forbid', 'catalog'] },
  },
  options: {
    ...GRAPH_SOURCE_OPTIONS,
    catalog: CATALOG_OPTION,
    tier: { ...TIER_OPTION, description: 'the tier to fit (every action but recommend needs one)' },
    swap: { ...SWAP_OPTION, description: `${SWAP_OPTION.description}; cascade needs at least one` },
    'min-score': { type: 'string', value: '<score>', description: 'plan, recommend: also reach this graph score (0..100)' },
    keep: { type: 'string', value: '<deps>', multiple: true, description: 'plan, recommend: never swap these dependencies (comma-separated names or ids)' },
    forbid: { type: 'string', value: '<names>', multiple: true, description: 'plan, recommend: never use these replacements (comma-separated catalog names)' },
  },
  examples: [
    'swaps suggest recipe-hub --root examples/end-to-end/workspace --tier desktop',
    'swaps cascade recipe-hub --root examples/end-to-end/workspace --tier desktop --swap postgres=sqlite',
    'swaps plan recipe-hub --root examples/end-to-end/workspace --tier mobile --keep postgres',
    'swaps recommend recipe-hub --root examples/end-to-end/workspace --min-score 80',
  ],
  run: async ({ values, json, action, positionals: [scenario = ''] }, io) => {
    if (action === 'recommend') {
      const { graph } = await loadGraphSource(scenario, values);
      const r = recommendTier(graph, { ...planOptions(values), ...userCatalog(values.catalog) });
      if (json) writeJson(io, r);
      else io.stdout(renderTierRecommendation(r));
      return 0;
    }
    if (values.tier === undefined) throw new UsageError(`swaps ${action ?? ''} needs --tier`, 'add --tier <tier>, e.g. --tier desktop', 'swaps');
    const tier: Tier = parseTier(values.tier);
    if (action === 'cascade' && values.swap.length === 0) throw new UsageError('swaps cascade needs at least one --swap', 'add --swap <from=to>, e.g. --swap postgres=sqlite', 'swaps');
    const specs = values.swap.map(parseSwapArg);
    const { graph } = await loadGraphSource(scenario, values);
    const catalog = userCatalog(values.catalog);
    if (action === 'plan') {
      const plan = planSwapSet(graph, tier, { ...planOptions(values), ...catalog });
      if (json) writeJson(io, plan);
      else io.stdout(renderSwapPlan(plan));
      return 0;
    }
    if (action === 'suggest') {
      const suggestions = suggestSwaps(graph, tier, catalog);
      if (json) writeJson(io, { scenario, tier, suggestions });
      else {
        const rows = suggestions.map((s) => [nodeName(s.from), s.to, signedForPeople(s.gain), s.effort, s.lacks.join(', '), s.clearsBlocker ? 'yes' : '']);
        io.stdout(`${[`${scenario} on ${tier}: ${suggestions.length} swap(s)`, ...table(['From', 'To', 'Gain', 'Effort', 'Loses', 'Clears blocker'], rows)].join('\n')}\n`);
      }
      return 0;
    }
    const result = cascade(graph, specs, tier, catalog);
    if (json) writeJson(io, cascadeToJson(scenario, result));
    else io.stdout(renderCascade(scenario, result, io.isTTY));
    return 0;
  },
});

/** The `swaps cascade --json` document: the cascade with the new graph summarized as node and edge lists. */
export function cascadeToJson(scenario: string, c: Cascade): Record<string, unknown> {
  const { graph, ...rest } = c;
  return {
    scenario,
    ...rest,
    applied: c.applied.map((s) => ({ from: s.from, to: s.to })),
    graph: { nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => ({ from: e.from, to: e.to, required: e.required, enabled: e.enabled })) },
  };
}

/** Human rendering of a cascade, in sentences about names (ids stay in --json). */
function renderCascade(scenario: string, c: Cascade, tty: boolean): string {
  const n = nodeName;
  const out: string[] = [`${scenario} on ${c.tier}: ${c.applied.map((s) => `${n(s.from)} -> ${n(s.to)}`).join(', ') || 'no swap applies'}`];
  for (const s of c.skipped) out.push(colour(tty, 'grey', `skipped ${s.from}=${s.to}: "${s.from}" is not in the graph`));
  for (const l of c.capabilitiesLost) out.push(colour(tty, 'red', `${n(l.dependent)} loses ${l.lost.join(', ')} (it ${l.needsSource === 'declared' ? 'declares' : 'is assumed to need'} ${l.needs.join(', ')})`));
  for (const a of c.added) out.push(colour(tty, 'green', `+ ${n(a.id)} (${a.reason} of ${n(a.by)})`));
  for (const r of c.removed) out.push(colour(tty, 'yellow', `- ${n(r.id)} (${r.reason}${r.by === undefined ? '' : ` by ${n(r.by)}`})`));
  for (const s of c.secrets.removed) out.push(`secret no longer needed: ${s.env} (${n(s.owner)})`);
  for (const s of c.secrets.added) out.push(`secret now needed: ${s.env} (${n(s.owner)})`);
  for (const p of c.ports.freed) out.push(`port freed: ${p.port}/${p.protocol} ${p.name} (${n(p.owner)})`);
  for (const p of c.ports.added) out.push(`port added: ${p.port}/${p.protocol} ${p.name} (${n(p.owner)})`);
  for (const [tier, f] of Object.entries(c.fitness)) out.push(`${tier}: ${roundForPeople(f.before)} -> ${roundForPeople(f.after)} (${signedForPeople(f.delta)})`);
  for (const f of c.followUps) out.push(`follow-up: ${n(f.from)} -> ${f.to} (${signedForPeople(f.gain)}, ${f.effort} effort)`);
  return `${out.join('\n')}\n`;
}

/** `--min-score`, `--keep` and `--forbid` (repeatable, comma-separated) as planSwapSet options. */
function planOptions(values: { readonly 'min-score'?: string | undefined; readonly keep: readonly string[]; readonly forbid: readonly string[] }): PlanSwapSetOptions {
  const names = (list: readonly string[]): string[] => list.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const raw = values['min-score'];
  const minScore = raw === undefined ? undefined : Number(raw);
  if (minScore !== undefined && (raw?.trim() === '' || !Number.isFinite(minScore))) {
    throw new SdkError('INVALID_ARGUMENT', `--min-score "${raw ?? ''}" is not a number`, { hint: 'pass a score from 0 to 100, e.g. --min-score 80' });
  }
  return { keep: names(values.keep), forbid: names(values.forbid), ...(minScore === undefined ? {} : { minScore }) };
}
