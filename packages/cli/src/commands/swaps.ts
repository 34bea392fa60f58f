import { parseArgs } from 'node:util';
import { SdkError, parseTier } from '@deployment-manager/core';
import { cascade, parseSwapArg, suggestSwaps, type Cascade } from '@deployment-manager/fitness';
import { GRAPH_SOURCE_OPTIONS, loadGraphSource } from '../graph-source.ts';
import { colour, reportError, type CliIo } from '../io.ts';
import { table } from './fitness.ts';

const USAGE = 'usage: deployment-manager swaps suggest|cascade <scenario> --root <dir> --tier t [--swap from=to ...] [--policy all|active] [--analyzer-url <url>] [--json]\n';

/**
 * `deployment-manager swaps suggest <scenario> --root <dir> --tier t [--json]` ranks swaps by gain;
 * `deployment-manager swaps cascade <scenario> --root <dir> --tier t --swap from=to ... [--json]`
 * prints the structured diff of applying them.
 *
 * @example
 * ```sh
 * deployment-manager swaps cascade picker-wheel --root ../Vrooli --tier desktop --swap postgres=sqlite --json
 * ```
 */
export async function runSwapsCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...GRAPH_SOURCE_OPTIONS,
        tier: { type: 'string' },
        swap: { type: 'string', multiple: true, default: [] },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const [action, scenario] = positionals;
    if (action !== 'suggest' && action !== 'cascade') throw new SdkError('INVALID_ARGUMENT', `swaps action "${action ?? ''}" is not known`, { hint: USAGE.trim() });
    if (scenario === undefined) throw new SdkError('INVALID_ARGUMENT', 'no scenario given', { hint: USAGE.trim() });
    if (values.tier === undefined) throw new SdkError('INVALID_ARGUMENT', 'no tier given', { hint: 'pass --tier local|desktop|mobile|saas|enterprise' });
    const tier = parseTier(values.tier);
    const specs = values.swap.map(parseSwapArg);
    const { graph } = await loadGraphSource(scenario, values);
    if (action === 'suggest') {
      const suggestions = suggestSwaps(graph, tier);
      if (values.json) io.stdout(`${JSON.stringify({ scenario, tier, suggestions }, null, 2)}\n`);
      else {
        const rows = suggestions.map((s) => [s.from, s.to, `+${s.gain}`, s.effort, s.lacks.join(', '), s.clearsBlocker ? 'yes' : '']);
        io.stdout(`${[`${scenario} on ${tier}: ${suggestions.length} swap(s)`, ...table(['From', 'To', 'Gain', 'Effort', 'Lacks', 'Clears blocker'], rows)].join('\n')}\n`);
      }
      return 0;
    }
    if (specs.length === 0) throw new SdkError('INVALID_ARGUMENT', 'cascade needs at least one --swap from=to', { hint: 'e.g. --swap postgres=sqlite' });
    const result = cascade(graph, specs, tier);
    if (values.json) io.stdout(`${JSON.stringify(cascadeToJson(scenario, result), null, 2)}\n`);
    else io.stdout(renderCascade(scenario, result, io.isTTY));
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

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

function renderCascade(scenario: string, c: Cascade, tty: boolean): string {
  const out: string[] = [`${scenario} on ${c.tier}: ${c.applied.map((s) => `${s.from} -> ${s.to}`).join(', ') || 'no swap applies'}`];
  for (const s of c.skipped) out.push(colour(tty, 'grey', `skipped ${s.from}=${s.to} (not in the graph)`));
  for (const l of c.capabilitiesLost) out.push(colour(tty, 'red', `${l.dependent} loses ${l.lost.join(', ')} (${l.needsSource} needs: ${l.needs.join(', ')})`));
  for (const a of c.added) out.push(colour(tty, 'green', `+ ${a.id} (${a.reason} of ${a.by})`));
  for (const r of c.removed) out.push(colour(tty, 'yellow', `- ${r.id} (${r.reason}${r.by === undefined ? '' : ` by ${r.by}`})`));
  for (const s of c.secrets.removed) out.push(`secret no longer needed: ${s.name} (${s.owner})`);
  for (const s of c.secrets.added) out.push(`secret now needed: ${s.name} (${s.owner})`);
  for (const p of c.ports.freed) out.push(`port freed: ${p.port}/${p.protocol} ${p.name} (${p.owner})`);
  for (const p of c.ports.added) out.push(`port added: ${p.port}/${p.protocol} ${p.name} (${p.owner})`);
  for (const [tier, f] of Object.entries(c.fitness)) out.push(`${tier}: ${f.before} -> ${f.after} (${f.delta >= 0 ? '+' : ''}${f.delta})`);
  for (const f of c.followUps) out.push(`follow-up: ${f.from} -> ${f.to} (+${f.gain}, ${f.effort} effort)`);
  return `${out.join('\n')}\n`;
}
