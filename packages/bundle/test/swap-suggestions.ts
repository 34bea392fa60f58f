// Fitness swap suggestions as the swap-decision and issue-draft tests take them: three desktop swaps
// of different effort, two of which lose a capability.
import type { SwapSuggestion } from '@deployment-manager/fitness';

/** A desktop suggestion replacing `resource:<from>` by `to`, with a fixed gain of 4.5 (40 -> 44.5). */
const suggestion = (from: string, to: string, effort: 'low' | 'medium' | 'high', lacks: string[]): SwapSuggestion => ({
  from: `resource:${from}`,
  to,
  tier: 'desktop',
  tiers: ['desktop'],
  gain: 4.5,
  before: 40,
  after: 44.5,
  clearsBlocker: true,
  effort,
  note: `use ${to}`,
  lacks,
  requires: [],
});

/** postgres -> sqlite (medium, lacks jsonb), redis -> in-process-cache (low), ollama -> openrouter (low, lacks offline). */
export const suggestions: readonly SwapSuggestion[] = [suggestion('postgres', 'sqlite', 'medium', ['jsonb']), suggestion('redis', 'in-process-cache', 'low', []), suggestion('ollama', 'openrouter', 'low', ['offline'])];
