import { describe, expect, it } from 'vitest';
import { sharedFixture } from '@deployment-manager/testkit';
import { cli } from '../../test/run-cli.ts';

describe('deployment-manager graph on the real fixtures', () => {
  it('reads calendar: groups are not nodes, scenario-authenticator is a scenario', async () => {
    const { code, out } = await cli('graph', 'calendar', '--root', sharedFixture('fixtures', 'vrooli'), '--json');
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const ids = doc.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['resource:postgres', 'resource:qdrant', 'resource:ollama', 'scenario:scenario-authenticator']));
    expect(ids.some((id: string) => /:(required|optional)$/.test(id))).toBe(false);
    expect(doc.diagnostics.map((d: { code: string }) => d.code)).toContain('SCENARIO_MISSING');
    for (const d of doc.diagnostics) expect(Object.keys(d)).toEqual(['code', 'severity', 'file', 'path', 'message', 'hint']);
  });

  it('holds app-monitor diamond target once', async () => {
    const { out } = await cli('graph', 'app-monitor', '--root', sharedFixture('fixtures', 'vrooli'), '--json');
    const doc = JSON.parse(out);
    expect(doc.nodes.filter((n: { id: string }) => n.id === 'scenario:app-issue-tracker')).toHaveLength(1);
  });
});
