import { describe, expect, it } from 'vitest';
import { createDesktopPackagerClient, type DesktopBuildProgress } from '../src/index.ts';
import { type Loopback, sendJson, serveEachTest } from './loopback-server.ts';

// A timeout no loopback answer comes near, even on a loaded machine: these tests are not about timeouts.
const fast = { timeoutMs: 60_000, backoff: { baseMs: 1, maxMs: 2, random: () => 0 } } as const;
const serve = serveEachTest();

/** A packager on loopback whose build `b1` goes through `script` one status answer per poll (the last one repeats). */
async function packager(script: readonly Record<string, unknown>[]): Promise<Loopback> {
  let poll = 0;
  const s = await serve((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST' && path === '/api/v1/desktop/generate/quick') {
      return sendJson(res, 201, { build_id: 'b1', status: 'building', scenario_name: 'shop', desktop_path: '/tmp/shop', status_url: '/api/v1/desktop/status/b1', detected_metadata: { x: 1 } });
    }
    if (req.method === 'GET' && path === '/api/v1/desktop/status/b1') {
      const step = script[Math.min(poll++, script.length - 1)] ?? {};
      return sendJson(res, 200, { build_id: 'b1', scenario_name: 'shop', platforms: ['linux', 'win'], build_log: ['secret-ish log line'], created_at: '2026-01-01T00:00:00Z', ...step });
    }
    return sendJson(res, 404, { error: 'no' });
  });
  return s;
}

const request = { scenario: 'shop', manifestPath: '/work/out/bundle.json', platforms: ['linux', 'win'] } as const;

describe('desktop packager client', () => {
  it('posts the manifest path and platforms, then polls to success with progress events', async () => {
    const s = await packager([
      { status: 'building', platform_results: null },
      { status: 'building', platform_results: { linux: { platform: 'linux', status: 'success', artifact_path: '/o/shop.AppImage', file_size: 10 }, win: { platform: 'win', status: 'building' } } },
      { status: 'ready', platform_results: { linux: { platform: 'linux', status: 'success' }, win: { platform: 'win', status: 'success' } }, artifacts: { linux: '/o/shop.AppImage', win: '/o/shop.exe' } },
    ]);
    const events: DesktopBuildProgress[] = [];
    const result = await createDesktopPackagerClient({ ...fast, baseUrl: s.url }).generateAndWait(request, { intervalMs: 5, onProgress: (p) => events.push(p) });
    expect(JSON.parse(s.requests[0]?.body ?? '')).toEqual({ scenario_name: 'shop', deployment_mode: 'bundled', bundle_manifest_path: '/work/out/bundle.json', platforms: ['linux', 'win'] });
    expect(result.phase).toBe('succeeded');
    expect(result.polls).toBe(3);
    expect(result.status.artifacts).toEqual({ linux: '/o/shop.AppImage', win: '/o/shop.exe' });
    expect(events.map((e) => [e.phase, e.done, e.total])).toEqual([
      ['running', 0, 2],
      ['running', 1, 2],
      ['succeeded', 2, 2],
    ]);
    expect(JSON.stringify(result)).not.toContain('secret-ish log line');
  });

  it('returns a failed build as a result, not an exception', async () => {
    const s = await packager([{ status: 'failed', error: 'electron-builder exited 1', platform_results: { linux: { status: 'failed' } } }]);
    const result = await createDesktopPackagerClient({ ...fast, baseUrl: s.url }).waitForBuild('b1', { intervalMs: 5 });
    expect(result.phase).toBe('failed');
    expect(result.status.error).toBe('electron-builder exited 1');
  });

  it('gives up with HTTP_TIMEOUT after the overall wait limit', async () => {
    const s = await packager([{ status: 'building' }]);
    await expect(createDesktopPackagerClient({ ...fast, baseUrl: s.url }).waitForBuild('b1', { intervalMs: 10, timeoutMs: 80 })).rejects.toMatchObject({ code: 'HTTP_TIMEOUT' });
  });

  it('stops with HTTP_ABORTED when the caller aborts', async () => {
    const s = await packager([{ status: 'building' }]);
    const ctl = new AbortController();
    const pending = createDesktopPackagerClient({ ...fast, baseUrl: s.url }).waitForBuild('b1', { intervalMs: 10, signal: ctl.signal, onProgress: (p) => p.poll === 2 && ctl.abort() });
    await expect(pending).rejects.toMatchObject({ code: 'HTTP_ABORTED' });
  });

  it('never retries the generate POST', async () => {
    const s = await serve((_req, res) => sendJson(res, 503, {}));
    await expect(createDesktopPackagerClient({ ...fast, baseUrl: s.url, retries: 3 }).generate(request)).rejects.toMatchObject({ code: 'HTTP_STATUS' });
    expect(s.requests).toHaveLength(1);
  });

  it('refuses a status about another build, and empty requests', async () => {
    const s = await serve((_req, res) => sendJson(res, 200, { build_id: 'other', status: 'ready' }));
    const client = createDesktopPackagerClient({ ...fast, baseUrl: s.url });
    await expect(client.status('b1')).rejects.toMatchObject({ code: 'HTTP_UNEXPECTED_SHAPE' });
    await expect(client.generate({ ...request, platforms: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
