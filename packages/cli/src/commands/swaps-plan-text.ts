// The human output of `swaps plan` and `swaps recommend`: sentences, not tables
// of numbers - what to swap, what each swap clears, and what still blocks.
import type { PlannedSwap, SwapSetPlan, TierRecommendation } from '@deployment-manager/fitness';
import { nodeName as name, roundForPeople as round } from '../people-text.ts';

/**
 * `swaps plan` for people: the verdict, one line per swap (what it clears or adds, what it loses,
 * its effort and price), what still blocks, whether the plan is proven cheapest, and the alternatives.
 */
export function renderSwapPlan(plan: SwapSetPlan): string {
  const out = [verdict(plan)];
  for (const s of plan.swaps) out.push(`  - ${swapLine(s)}`);
  const stuck = plan.blockersLeft.filter((b) => plan.unclearable.includes(b));
  if (stuck.length > 0) out.push(`No swap clears ${list(stuck.map(name))}, so ${plan.scenario} cannot ship on ${plan.tier} without changing ${stuck.length === 1 ? 'it' : 'them'}.`);
  const other = plan.blockersLeft.filter((b) => !plan.unclearable.includes(b));
  if (other.length > 0) out.push(`No set of swaps clears ${list(other.map(name))} together with the rest; the plan leaves the fewest blockers it can.`);
  if (plan.minScore !== null && plan.score < plan.minScore) out.push(`No set of swaps reaches a score of ${plan.minScore} on ${plan.tier}; the plan clears what it can.`);
  if (!plan.exact) out.push(`This is the best plan found within ${count(plan.evaluations, 'scored swap set')}; one up to ${round(plan.gap ?? 0)} cheaper may exist.`);
  else if (plan.swaps.length > 0) out.push(`No cheaper plan exists among the ${count(plan.candidates, 'candidate swap')} (${count(plan.evaluations, 'swap set')} scored).`);
  for (const alt of plan.alternatives) {
    out.push(`Alternative at cost ${round(alt.cost)} (score ${round(alt.score)}): ${alt.swaps.map((s) => `${name(s.from)} -> ${s.to}`).join(', ')}.`);
  }
  return `${out.join('\n')}\n`;
}

/** `swaps recommend` for people: the recommendation, then one sentence per tier. */
export function renderTierRecommendation(r: TierRecommendation): string {
  const best = r.plans.find((p) => p.tier === r.best);
  const out = [
    best === undefined
      ? `${r.scenario} cannot ship on any tier with the known swaps.`
      : `${r.scenario} gets the most score for its cost on ${best.tier}: score ${round(best.score)} at cost ${round(best.cost)} (${round(best.efficiency ?? 0)} points per unit of cost, counting ${r.shipCost} to ship at all).`,
  ];
  for (const p of r.plans) {
    const what = p.swaps.length === 0 ? 'as it is' : `after ${count(p.swaps.length, 'swap')} (${p.swaps.map((s) => `${name(s.from)} -> ${s.to}`).join(', ')})`;
    if (p.feasible) out.push(`  ${p.tier}: ships ${what}, score ${round(p.score)}, cost ${round(p.cost)}.`);
    else out.push(`  ${p.tier}: cannot ship; ${list(p.blockersLeft.map(name))} still ${p.blockersLeft.length === 1 ? 'blocks' : 'block'}${p.swaps.length === 0 ? '' : ` ${what}`}.`);
  }
  return `${out.join('\n')}\n`;
}

function verdict(plan: SwapSetPlan): string {
  const where = `${plan.scenario} on ${plan.tier}`;
  const goal = plan.minScore === null ? '' : ` and reaches ${plan.minScore}`;
  if (plan.swaps.length === 0) {
    return plan.feasible ? `${where} ships as it is: no blocker${goal === '' ? '' : `, score ${round(plan.score)}${goal}`}; no swap needed.` : `${where} cannot ship, and no swap helps.`;
  }
  const change = `${count(plan.swaps.length, 'swap')} at cost ${round(plan.cost)} (score ${round(plan.scoreBefore)} -> ${round(plan.score)})`;
  return plan.feasible ? `${where} ships after ${change}:` : `${where} still cannot ship; the cheapest partial plan is ${change}:`;
}

function swapLine(s: PlannedSwap): string {
  const serves = [
    ...(s.clears.length > 0 ? [`clears ${list(s.clears.map(name))}`] : []),
    ...(s.scoreGain > 0 ? [`adds ${round(s.scoreGain)} points`] : []),
  ];
  const loses = s.lacks.length > 0 ? `; loses ${s.lacks.join(', ')}` : '';
  return `swap ${name(s.from)} for ${s.to}: ${serves.join(' and ') || 'needed by the rest of the plan'}${loses} (${s.effort} effort, cost ${round(s.cost)}): ${s.note}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
