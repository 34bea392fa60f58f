import type { Tier } from '@deployment-manager/core';
import type { Cascade, SwapSuggestion } from '@deployment-manager/fitness';

/**
 * An issue to file, as the tracker client takes it. Bundle's `IssueDraft`
 * (`title`, `body`, `labels`) fits as is.
 */
export interface IssueInput {
  /** One-line title. */
  readonly title: string;
  /** Markdown body. */
  readonly body: string;
  /** `low`, `medium`, `high` or `critical` (default `medium`). */
  readonly priority?: 'low' | 'medium' | 'high' | 'critical';
  /** Issue type (default `task`). */
  readonly type?: string;
  /** Tags. */
  readonly tags?: readonly string[];
  /** Labels (bundle's spelling of tags; both are sent as tags). */
  readonly labels?: readonly string[];
  /** The app (scenario) the issue is about. */
  readonly appId?: string;
}

/** The issue draft of a swap decision: every field of {@link IssueInput} filled. */
export interface SwapIssueDraft extends IssueInput {
  /** Priority from the decision: `high` when it clears a blocker. */
  readonly priority: 'low' | 'medium' | 'high';
  /** Always `task`. */
  readonly type: string;
  /** `deployment`, `tier:<tier>`, `swap:<from>-><to>`. */
  readonly tags: readonly string[];
  /** The scenario. */
  readonly appId: string;
}

/** A swap decision to turn into an issue: the scenario, the tier, the suggestion and (optionally) its cascade. */
export interface SwapIssueInput {
  /** Root scenario. */
  readonly scenario: string;
  /** Tier decided for. */
  readonly tier: Tier;
  /** The swap as fitness suggested it (score before/after, effort, what it lacks). */
  readonly suggestion: Pick<SwapSuggestion, 'from' | 'to' | 'before' | 'after' | 'gain' | 'effort' | 'note' | 'clearsBlocker' | 'lacks' | 'requires'>;
  /** The swap's cascade, when computed. */
  readonly cascade?: Pick<Cascade, 'capabilitiesLost' | 'added' | 'removed' | 'secrets' | 'ports' | 'fitness' | 'followUps'>;
}

const num = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);
const signed = (n: number): string => (n >= 0 ? `+${num(n)}` : num(n));
const bare = (id: string): string => id.slice(id.indexOf(':') + 1);
const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

/**
 * Renders a swap decision as an issue draft: title, and a Markdown body with
 * scenario, tier, score delta, effort, what the replacement lacks and the
 * cascade summary. Pure and deterministic; names only (secret names, never
 * values).
 *
 * @example
 * ```ts
 * const draft = swapIssueDraft({ scenario: 'picker-wheel', tier: 'desktop', suggestion, cascade: cascade(graph, [swap], 'desktop') });
 * draft.title; // 'picker-wheel: swap postgres -> sqlite for desktop (+4.4)'
 * ```
 */
export function swapIssueDraft(decision: SwapIssueInput): SwapIssueDraft {
  const { scenario, tier, suggestion: s, cascade: c } = decision;
  const from = bare(s.from);
  const to = bare(s.to);
  const lines: string[] = [
    `Swap \`${from}\` for \`${to}\` in scenario \`${scenario}\` on tier \`${tier}\`.`,
    '',
    `- **Scenario:** ${scenario}`,
    `- **Tier:** ${tier}`,
    `- **Score:** ${num(s.before)} -> ${num(s.after)} (${signed(s.gain)})`,
    `- **Clears a blocker:** ${s.clearsBlocker ? 'yes' : 'no'}`,
    `- **Effort:** ${s.effort}`,
    '',
    '### What changes',
    s.note,
    '',
    `- Capabilities \`${to}\` lacks: ${list(s.lacks)}`,
    `- Brings in: ${list(s.requires)}`,
  ];
  if (c !== undefined) {
    lines.push('', '### Cascade');
    lines.push(`- Capabilities lost: ${list(c.capabilitiesLost.map((l) => `${bare(l.dependent)} loses ${l.lost.join('/')} (${l.needsSource})`))}`);
    lines.push(`- Added: ${list(c.added.map((a) => `${bare(a.id)} (${a.reason})`))}`);
    lines.push(`- Removed: ${list(c.removed.map((r) => `${bare(r.id)} (${r.reason})`))}`);
    lines.push(`- Secrets removed: ${list(c.secrets.removed.map((x) => x.env))}`);
    lines.push(`- Secrets added: ${list(c.secrets.added.map((x) => x.env))}`);
    lines.push(`- Ports freed: ${list(c.ports.freed.map((p) => `${bare(p.owner)} ${p.name}:${p.port}`))}`);
    lines.push(`- Ports added: ${list(c.ports.added.map((p) => `${bare(p.owner)} ${p.name}:${p.port}`))}`);
    const tiers = Object.entries(c.fitness).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    lines.push(`- Fitness: ${list(tiers.map(([t, d]) => `${t} ${num(d.before)} -> ${num(d.after)} (${signed(d.delta)})`))}`);
    lines.push(`- Follow-up swaps: ${list(c.followUps.map((f) => `${bare(f.from)} -> ${bare(f.to)}`))}`);
  }
  lines.push('', '_Filed by deployment-manager from a swap decision._');
  return {
    title: `${scenario}: swap ${from} -> ${to} for ${tier} (${signed(s.gain)})`,
    body: lines.join('\n'),
    priority: s.clearsBlocker ? 'high' : s.gain >= 10 ? 'medium' : 'low',
    type: 'task',
    tags: ['deployment', `tier:${tier}`, `swap:${from}->${to}`],
    appId: scenario,
  };
}
