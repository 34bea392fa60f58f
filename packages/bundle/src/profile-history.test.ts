import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { profileContent } from '../test/profile-arbitraries.ts';
import type { ProfileContent, ProfileVersion } from './profile.ts';
import { applyProfilePatch, diffProfiles, nextVersion, rollbackVersion } from './profile-history.ts';

const base: ProfileContent = { name: 'desk', scenario: 'notes', tiers: ['desktop'], swaps: [], secrets: {}, settings: { version: '1.0.0' }, description: 'first' };

function historyOf(contents: readonly ProfileContent[]): ProfileVersion[] {
  const [first, ...rest] = contents as [ProfileContent, ...ProfileContent[]];
  const history: ProfileVersion[] = [{ id: 'p', version: 1, note: 'created', createdAt: 't0', content: first }];
  rest.forEach((c, i) => history.push(nextVersion(history, c, `change ${i}`, `t${i + 1}`)));
  return history;
}

describe('diffProfiles', () => {
  it('names added, removed and replaced fields by JSON pointer', () => {
    const after = applyProfilePatch(base, { tiers: ['desktop', 'saas'], description: null, settings: { port: 47000 }, secrets: { 'postgres.password': { class: 'per_install_generated' } } });
    expect(diffProfiles(base, after)).toEqual([
      { path: '/description', op: 'remove', before: 'first' },
      { path: '/secrets/postgres.password', op: 'add', after: { class: 'per_install_generated' } },
      { path: '/settings/port', op: 'add', after: 47000 },
      { path: '/tiers', op: 'replace', before: ['desktop'], after: ['desktop', 'saas'] },
    ]);
  });

  test.prop([profileContent, profileContent], { numRuns: 100 })('is empty exactly when the contents are deep-equal', (a, b) => {
    expect(diffProfiles(a, a)).toEqual([]);
    expect(diffProfiles(a, b).length === 0).toBe(JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b)));
  });
});

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
}

describe('applyProfilePatch', () => {
  it('removes with null and unsetSettings, keeps the input unchanged', () => {
    const before = structuredClone(base);
    const after = applyProfilePatch(base, { unsetSettings: ['version'], description: null, name: 'renamed' });
    expect(after).toStrictEqual({ name: 'renamed', scenario: 'notes', tiers: ['desktop'], swaps: [], secrets: {}, settings: {} });
    expect(base).toStrictEqual(before);
  });
});

describe('rollbackVersion', () => {
  test.prop([fc.array(profileContent, { minLength: 1, maxLength: 6 }), fc.nat()], { numRuns: 150 })(
    'rolling back to version k appends a version whose content equals version k, absent fields included',
    (contents, pick) => {
      const history = historyOf(contents);
      const k = (pick % history.length) + 1;
      const rolled = rollbackVersion(history, k, 'back', 'now');
      expect(rolled.version).toBe(history.length + 1);
      expect(rolled.rollbackOf).toBe(k);
      expect(rolled.content).toStrictEqual(history[k - 1]?.content);
      expect(Object.keys(rolled.content).sort()).toEqual(Object.keys(history[k - 1]?.content ?? {}).sort());
      expect(diffProfiles(rolled.content, history[k - 1]?.content as ProfileContent)).toEqual([]);
    },
  );

  it('refuses a version that does not exist with PROFILE_NOT_FOUND', () => {
    expect(() => rollbackVersion(historyOf([base]), 3, 'x', 't')).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }));
  });

  it('copies content so later mutation of the input cannot reach the history', () => {
    const content = structuredClone(base) as { settings: Record<string, unknown> };
    const history = historyOf([base]);
    const v2 = nextVersion(history, content as unknown as ProfileContent, 'n', 't');
    content.settings['version'] = 'mutated';
    expect(v2.content.settings['version']).toBe('1.0.0');
  });
});
