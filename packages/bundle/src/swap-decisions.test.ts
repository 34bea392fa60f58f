import { describe, expect, it } from 'vitest';
import { exportCanonical } from './canonical-export.ts';
import { decisionsFromSuggestions, swapDecisionsDocument } from './swap-decisions.ts';
import { suggestions } from '../test/swap-suggestions.ts';

describe('swap decisions', () => {
  it('marks chosen suggestions accepted, rejected ones rejected, the rest pending, and keeps chosen swaps without a suggestion', () => {
    const d = decisionsFromSuggestions(suggestions, [{ from: 'postgres', to: 'sqlite' }, { from: 'minio', to: 'local-filesystem' }], [{ from: 'ollama', to: 'openrouter' }]);
    expect(d.map((x) => [x.from, x.to, x.status])).toEqual([
      ['minio', 'local-filesystem', 'accepted'],
      ['ollama', 'openrouter', 'rejected'],
      ['postgres', 'sqlite', 'accepted'],
      ['redis', 'in-process-cache', 'pending'],
    ]);
    expect(d.find((x) => x.from === 'postgres')).toMatchObject({ effort: 'medium', lacks: ['jsonb'], gain: 4.5 });
  });

  it('exports a canonical document whose checksum does not depend on decision order', () => {
    const d = decisionsFromSuggestions(suggestions, [{ from: 'postgres', to: 'sqlite' }]);
    const a = exportCanonical(swapDecisionsDocument('notes', ['desktop'], d));
    const b = exportCanonical(swapDecisionsDocument('notes', ['desktop'], [...d].reverse()));
    expect(a.sha256).toBe(b.sha256);
    expect(JSON.parse(a.text)).toMatchObject({ format: 'deployment-manager.swap-decisions', formatVersion: 1, scenario: 'notes' });
  });
});
