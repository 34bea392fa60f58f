import { createGraph } from '@deployment-manager/core';
import { cascade, parseSwapArg, suggestSwaps } from '@deployment-manager/fitness';
import { describe, expect, it } from 'vitest';
import { swapIssueDraft, type SwapIssueInput } from '@deployment-manager/bundle';
import { createIssueTrackerClient } from '../src/index.ts';
import { sendJson, serveEachTest } from './loopback-server.ts';

const serve = serveEachTest();

const graph = createGraph({ root: 'scenario:shop', edges: [{ from: 'scenario:shop', to: 'resource:postgres' }, { from: 'scenario:shop', to: 'resource:redis' }] });

function decision(): SwapIssueInput {
  const suggestion = suggestSwaps(graph, 'desktop').find((s) => s.from === 'resource:postgres' && s.to === 'sqlite');
  if (suggestion === undefined) throw new Error('fitness no longer suggests postgres -> sqlite on desktop');
  return { scenario: 'shop', tiers: ['desktop'], swap: suggestion, cascade: cascade(graph, [parseSwapArg('postgres=sqlite')], 'desktop') };
}

describe('issue tracker client', () => {
  it('files a swap decision in one call and reads the created id', async () => {
    const s = await serve((_req, res) =>
      sendJson(res, 200, { success: true, message: 'Issue created successfully', data: { issue: { id: 'issue-42', title: 't', status: 'open', reporter: { name: 'x' } }, issue_id: 'issue-42', storage_path: '/x' } }),
    );
    const created = await createIssueTrackerClient({ baseUrl: s.url, token: 't0k', timeoutMs: 60_000 }).fileSwapDecision(decision());
    expect(created).toEqual({ id: 'issue-42', status: 'open', title: 't' });
    const sent = JSON.parse(s.requests[0]?.body ?? '') as Record<string, unknown>;
    expect(s.requests[0]?.url).toBe('/api/v1/issues');
    expect(sent['title']).toBe(swapIssueDraft(decision()).title);
    expect(sent['app_id']).toBe('shop');
    expect(sent['priority']).toBe(swapIssueDraft(decision()).priority);
    expect(sent['tags']).toEqual(swapIssueDraft(decision()).labels);
    expect(s.requests[0]?.headers.authorization).toBe('Bearer t0k');
  });

  it('files a draft in bundle\'s shape (title, body, labels) with labels as tags', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { success: true, data: { issue_id: 'i-7' } }));
    const created = await createIssueTrackerClient({ baseUrl: s.url, timeoutMs: 60_000 }).createIssue({ title: 'shop: replace postgres with sqlite (desktop)', body: 'b', labels: ['deployment', 'swap'] });
    expect(created).toEqual({ id: 'i-7' });
    const sent = JSON.parse(s.requests[0]?.body ?? '') as Record<string, unknown>;
    expect(sent).toEqual({ title: 'shop: replace postgres with sqlite (desktop)', description: 'b', type: 'task', priority: 'medium', status: 'open', tags: ['deployment', 'swap'], reporter_name: 'deployment-manager' });
  });

  it('treats success:false or a missing id as an unexpected shape, and never retries', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { success: false, error: 'nope' }));
    const client = createIssueTrackerClient({ baseUrl: s.url, timeoutMs: 60_000, retries: 3 });
    await expect(client.fileSwapDecision(decision())).rejects.toMatchObject({ code: 'HTTP_UNEXPECTED_SHAPE' });
    const t = await serve((_req, res) => sendJson(res, 200, { success: true, data: {} }));
    await expect(createIssueTrackerClient({ baseUrl: t.url, timeoutMs: 60_000 }).fileSwapDecision(decision())).rejects.toMatchObject({ code: 'HTTP_UNEXPECTED_SHAPE' });
    expect(s.requests).toHaveLength(1);
  });
});
