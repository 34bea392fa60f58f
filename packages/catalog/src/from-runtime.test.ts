import { describe, expect, it } from 'vitest';
import { factsFromRuntime } from './from-runtime.ts';

const spec = (extras: Record<string, unknown>) => ({ name: 'airbyte', dependencies: [], extras, file: 'resources/airbyte/config/runtime.json' });

describe('factsFromRuntime', () => {
  it('reads numeric ports and an http health endpoint, skipping registry lookups', () => {
    const e = factsFromRuntime(spec({ ports: { webapp: 8002, server: '8003', dashboard: 'from_registry' }, health_check: { endpoint: 'http://localhost:8003/api/v1/health' } }));
    expect(e.ports).toEqual([{ name: 'webapp', port: 8002, protocol: 'tcp' }, { name: 'server', port: 8003, protocol: 'tcp' }]);
    expect(e.health).toEqual({ type: 'http', port: 'server', path: '/api/v1/health' });
    expect(e).toMatchObject({ daemon: true, secrets: null });
  });

  it('takes a bare path against the first port, and states nothing it cannot read', () => {
    expect(factsFromRuntime(spec({ ports: { http: 80 }, health_check: { endpoint: '/health' } })).health).toEqual({ type: 'http', port: 'http', path: '/health' });
    expect(factsFromRuntime(spec({ health_check: { endpoint: '/health' } })).health).toBeUndefined();
    expect(factsFromRuntime(spec({ ports: { 'bad name\n': 1, ok: 70000 } })).ports).toEqual([]);
  });
});
