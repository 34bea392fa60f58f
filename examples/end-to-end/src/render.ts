// Terminal rendering for the demo: coloured tier badges and a dependency x tier table.
import { TIERS, type Tier } from '@deployment-manager/core';
import { colour } from '@deployment-manager/cli';
import type { FitnessReport, SwapSuggestion } from '@deployment-manager/fitness';

const tty = process.stdout.isTTY === true;

/** A coloured `[ desktop 62 ]` badge: green >= 75, amber >= 50, red below or when blocked. */
function badge(tier: Tier, score: number, blocked: boolean): string {
  const text = `[ ${tier} ${score}${blocked ? ' ✕' : ''} ]`;
  return colour(tty, blocked || score < 50 ? 'red' : score < 75 ? 'yellow' : 'green', text);
}

/** Section heading. */
export function heading(text: string): string {
  return `\n${colour(tty, 'bold', text)}\n${'─'.repeat(text.length)}`;
}

/** Fitness per tier as badges, then one row per dependency with its score on every tier. */
export function fitnessTable(report: FitnessReport): string {
  const tiers = TIERS.filter((t) => report.tiers[t] !== undefined);
  const lines: string[] = [tiers.map((t) => badge(t, report.tiers[t]!.score, report.tiers[t]!.blockers.length > 0)).join(' ')];
  const width = Math.max(10, ...report.dependencies.map((d) => d.id.length));
  lines.push('', `${'dependency'.padEnd(width)}  ${'role'.padEnd(8)}  ${tiers.map((t) => t.padStart(11)).join('')}`);
  for (const d of report.dependencies) {
    const cells = tiers.map((t) => {
      const s = d.tiers[t];
      const text = s === undefined ? '-' : s.score === null ? '?' : `${s.score}${s.supported ? '' : '✕'}`;
      const c = s === undefined || s.score === null ? 'grey' : !s.supported || s.score < 50 ? 'red' : s.score < 75 ? 'yellow' : 'green';
      return colour(tty, c, text.padStart(11));
    });
    lines.push(`${d.id.padEnd(width)}  ${d.role.padEnd(8)}  ${cells.join('')}`);
  }
  for (const t of tiers) {
    const f = report.tiers[t]!;
    if (f.blockers.length > 0) lines.push(colour(tty, 'red', `blockers on ${t}: ${f.blockers.join(', ')}`));
  }
  return lines.join('\n');
}

/** The swap suggestions of one tier with their gains. */
export function swapTable(suggestions: readonly SwapSuggestion[]): string {
  if (suggestions.length === 0) return '  (none)';
  return suggestions
    .map((s) => `  ${s.from} → ${s.to}  ${colour(tty, 'green', `+${s.gain}`)}${s.clearsBlocker ? ' (clears a blocker)' : ''}  effort ${s.effort}${s.lacks.length > 0 ? `  lacks ${s.lacks.join(', ')}` : ''}`)
    .join('\n');
}
