import { describe, expect, it } from 'vitest';
import { createGraph } from '@deployment-manager/core/pure';
import { cascade, parseSwapArg, suggestSwaps } from '@deployment-manager/fitness';
import { issueDrafts, swapIssueDraft } from './issue-drafts.ts';
import { decisionsFromSuggestions, needsEngineering, swapDecisionsDocument } from './swap-decisions.ts';
import { suggestions } from '../test/swap-suggestions.ts';

describe('issue drafts', () => {
  it('drafts issues only for accepted swaps that need engineering work, with context in the body', () => {
    const d = decisionsFromSuggestions(suggestions, [{ from: 'postgres', to: 'sqlite' }, { from: 'redis', to: 'in-process-cache' }, { from: 'ollama', to: 'openrouter' }]);
    expect(d.filter(needsEngineering).map((x) => x.from)).toEqual(['ollama', 'postgres']);
    const drafts = issueDrafts(swapDecisionsDocument('notes', ['desktop'], d));
    expect(drafts.map((x) => x.title)).toEqual(['notes: replace ollama with openrouter (desktop)', 'notes: replace postgres with sqlite (desktop)']);
    expect(drafts[1]?.body).toContain('`jsonb`');
    expect(drafts[1]?.body).toContain('use sqlite');
    expect(drafts[1]?.body).toContain('- [ ] code that relied on `jsonb` is rewritten or removed');
    expect(drafts[1]?.labels).toEqual(['deployment', 'swap', 'effort:medium', 'tier:desktop']);
  });

  it('renders a fitness suggestion with its score and cascade in the same draft shape', () => {
    const graph = createGraph({ root: 'scenario:shop', edges: [{ from: 'scenario:shop', to: 'resource:postgres' }, { from: 'scenario:shop', to: 'resource:redis' }] });
    const found = suggestSwaps(graph, 'desktop').find((s) => s.from === 'resource:postgres' && s.to === 'sqlite');
    if (found === undefined) throw new Error('fitness no longer suggests postgres -> sqlite on desktop');
    const c = cascade(graph, [parseSwapArg('postgres=sqlite')], 'desktop');
    const draft = swapIssueDraft({ scenario: 'shop', tiers: ['desktop'], swap: found, cascade: c });
    expect(draft.title).toBe('shop: replace postgres with sqlite (desktop)');
    expect(draft.body).toContain(`- effort: ${found.effort}`);
    expect(draft.body).toContain(`(+${(Math.round(found.gain * 10) / 10).toFixed(1)})`);
    expect(draft.body).toMatch(/- removed: .*postgres \(replaced\)/);
    expect(draft.body).toMatch(/- added: .*sqlite \(replacement\)/);
    for (const s of c.secrets.removed) expect(draft.body).toContain(s.env);
    expect(draft.priority).toBe(found.clearsBlocker ? 'high' : found.gain >= 10 ? 'medium' : 'low');
    expect(swapIssueDraft({ scenario: 'shop', tiers: ['desktop'], swap: found, cascade: c })).toEqual(draft);
  });
});
