/*
 * Issue drafts for swaps that need engineering work: one renderer for a
 * decision of `swap-decisions.json` and for a fitness suggestion (with its
 * score and cascade), which the clients package's issue tracker files as is.
 */
import type { Tier } from '@deployment-manager/core/pure';
import type { Cascade } from '@deployment-manager/fitness';
import { needsEngineering, type SwapDecisionsDocument } from './swap-decisions.ts';

/** A ready-to-file issue for a swap. */
export interface IssueDraft {
  /** Issue title: `<scenario>: replace <from> with <to> (<tiers>)`. */
  readonly title: string;
  /** Markdown body with the context an engineer needs. */
  readonly body: string;
  /** Suggested labels: `deployment`, `swap`, `effort:<effort>`, `tier:<tier>` per tier. */
  readonly labels: readonly string[];
  /** `high` when the swap clears a blocker, `medium` for a gain of 10 or more, else `low`. */
  readonly priority: 'low' | 'medium' | 'high';
}

/** The facts of one swap an issue states: a `SwapDecision` or a fitness `SwapSuggestion` fits as is. */
export interface SwapIssueFacts {
  /** Dependency replaced (node id or name). */
  readonly from: string;
  /** Replacement (node id or name). */
  readonly to: string;
  /** Work needed, when known. */
  readonly effort?: 'low' | 'medium' | 'high' | undefined;
  /** What changes for the app. */
  readonly note?: string | undefined;
  /** Capabilities the replacement lacks. */
  readonly lacks?: readonly string[] | undefined;
  /** Dependencies the replacement brings in. */
  readonly requires?: readonly string[] | undefined;
  /** Graph score gain on the tier it was measured on. */
  readonly gain?: number | undefined;
  /** Graph score before the swap, when measured. */
  readonly before?: number | undefined;
  /** Graph score after the swap, when measured. */
  readonly after?: number | undefined;
  /** True when the swap clears a blocker. */
  readonly clearsBlocker?: boolean | undefined;
}

/** One swap to turn into an issue: scenario, tiers, the swap's facts and (optionally) its cascade. */
export interface SwapIssueInput {
  /** Root scenario. */
  readonly scenario: string;
  /** Tiers the swap is for. */
  readonly tiers: readonly Tier[];
  /** The swap. */
  readonly swap: SwapIssueFacts;
  /** The swap's cascade, when computed (fitness `cascade`). */
  readonly cascade?: Pick<Cascade, 'capabilitiesLost' | 'added' | 'removed' | 'secrets' | 'ports' | 'fitness' | 'followUps'>;
}

const num = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);
const signed = (n: number): string => (n >= 0 ? `+${num(n)}` : num(n));
const bare = (id: string): string => id.replace(/^(resource|scenario):/, '');
const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));
const code = (items: readonly string[] | undefined, none: string): string => ((items ?? []).length === 0 ? none : (items ?? []).map((c) => `\`${c}\``).join(', '));

function cascadeLines(c: NonNullable<SwapIssueInput['cascade']>): string[] {
  const tiers = Object.entries(c.fitness).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [
    '',
    '## Cascade',
    `- capabilities lost: ${list(c.capabilitiesLost.map((l) => `${bare(l.dependent)} loses ${l.lost.join('/')} (${l.needsSource})`))}`,
    `- added: ${list(c.added.map((a) => `${bare(a.id)} (${a.reason})`))}`,
    `- removed: ${list(c.removed.map((r) => `${bare(r.id)} (${r.reason})`))}`,
    `- secrets removed: ${list(c.secrets.removed.map((x) => x.env))}`,
    `- secrets added: ${list(c.secrets.added.map((x) => x.env))}`,
    `- ports freed: ${list(c.ports.freed.map((p) => `${bare(p.owner)} ${p.name}:${p.port}`))}`,
    `- ports added: ${list(c.ports.added.map((p) => `${bare(p.owner)} ${p.name}:${p.port}`))}`,
    `- fitness: ${list(tiers.map(([t, d]) => `${t} ${num(d.before)} -> ${num(d.after)} (${signed(d.delta)})`))}`,
    `- follow-up swaps: ${list(c.followUps.map((f) => `${bare(f.from)} -> ${bare(f.to)}`))}`,
  ];
}

/**
 * Renders one swap as an issue draft: title, a Markdown body (what changes,
 * effort, what the replacement lacks and brings in, score, the cascade when
 * given, a done-when checklist), labels and priority. Pure and
 * deterministic; names only (secret names, never values).
 *
 * @example
 * ```ts
 * swapIssueDraft({ scenario: 'picker-wheel', tiers: ['desktop'], swap: suggestion, cascade: cascade(graph, [swap], 'desktop') }).title;
 * // 'picker-wheel: replace postgres with sqlite (desktop)'
 * ```
 */
export function swapIssueDraft(input: SwapIssueInput): IssueDraft {
  const { scenario, tiers, swap: s } = input;
  const from = bare(s.from);
  const to = bare(s.to);
  const on = tiers.join(', ');
  const score = s.before !== undefined && s.after !== undefined ? `${num(s.before)} -> ${num(s.after)} (${signed(s.after - s.before)})` : undefined;
  const lines = [
    `The deployment profile of **${scenario}** replaces \`${from}\` with \`${to}\` for ${on}.`,
    '',
    '## What changes',
    s.note === undefined ? '_No note in the swap catalog._' : s.note,
    '',
    '## Context',
    `- effort: ${s.effort ?? 'unknown'}`,
    `- capabilities the replacement lacks: ${code(s.lacks, 'none known')}`,
    `- dependencies it brings in: ${code(s.requires, 'none')}`,
    ...(score !== undefined ? [`- fitness: ${score}`] : s.gain === undefined ? [] : [`- fitness gain: ${signed(s.gain)}`]),
    ...(s.clearsBlocker === undefined ? [] : [`- clears a blocker: ${s.clearsBlocker ? 'yes' : 'no'}`]),
    ...(input.cascade === undefined ? [] : cascadeLines(input.cascade)),
    '',
    '## Done when',
    `- [ ] ${scenario} runs against \`${to}\` on ${on}`,
    ...(s.lacks ?? []).map((c) => `- [ ] code that relied on \`${c}\` is rewritten or removed`),
    '- [ ] data migration (if any) is written and tested',
    '- [ ] the bundle validates (`deployment-manager bundle validate`)',
  ];
  return {
    title: `${scenario}: replace ${from} with ${to} (${on})`,
    body: lines.join('\n') + '\n',
    labels: ['deployment', 'swap', `effort:${s.effort ?? 'unknown'}`, ...tiers.map((t) => `tier:${t}`)],
    priority: s.clearsBlocker === true ? 'high' : (s.gain ?? 0) >= 10 ? 'medium' : 'low',
  };
}

/**
 * Issue drafts for every accepted swap of a decisions document that needs
 * engineering work ({@link needsEngineering}), each rendered by
 * {@link swapIssueDraft}. Pure; same document, same drafts.
 *
 * @example
 * ```ts
 * issueDrafts(doc).map((d) => d.title) // ['picker-wheel: replace postgres with sqlite (desktop)']
 * ```
 */
export function issueDrafts(doc: SwapDecisionsDocument): IssueDraft[] {
  return doc.decisions.filter(needsEngineering).map((d) => swapIssueDraft({ scenario: doc.scenario, tiers: d.tiers ?? doc.tiers, swap: d }));
}
