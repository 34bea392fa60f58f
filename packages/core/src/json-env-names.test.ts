import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hostileJson } from '../test/arbitraries.ts';
import { collectEnvNames } from './json-env-names.ts';

describe('collectEnvNames', () => {
  it('finds env_var fields, ${VAR} and $VAR references, VAR= assignments and env map keys', () => {
    const json = {
      ports: { api: { env_var: 'API_PORT' } },
      run: 'cd api && PORT=${API_PORT} MINIO_KEY=${MINIO_KEY:-minioadmin} ./api $HOME',
      target: 'http://localhost:${RESOURCE_PORTS[judge0]}/about',
      env: { LOG_LEVEL: 'info', 'not a name': 1 },
      environment_variables: ['FREECAD_PORT'],
      prose: 'costs $5 and a=b',
    };
    expect(collectEnvNames(json)).toEqual(['API_PORT', 'FREECAD_PORT', 'HOME', 'LOG_LEVEL', 'MINIO_KEY', 'PORT', 'RESOURCE_PORTS']);
  });

  it('returns names, never the values they are assigned', () => {
    expect(collectEnvNames({ run: 'TOKEN=s3cr3t ./x', env: { API_KEY: 'sk-live-123' } })).toEqual(['API_KEY', 'TOKEN']);
  });

  it('handles arbitrarily deep input without recursion', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"$DEEP"${']'.repeat(100_000)}`) as unknown;
    expect(collectEnvNames(deep)).toEqual(['DEEP']);
  });

  it('reads nothing under the prose keys it is given, at any depth', () => {
    const json = { description: 'costs $A', run: '${B} ./x', dependencies: [{ name: 'db', purpose: 'PORT= $C', env_var: 'D' }] };
    expect(collectEnvNames(json)).toEqual(['A', 'B', 'C', 'D', 'PORT']);
    expect(collectEnvNames(json, new Set(['description', 'purpose']))).toEqual(['B', 'D']);
  });
});

describe('collectEnvNames properties', () => {
  test.prop([hostileJson], { numRuns: 200 })('returns sorted, unique, valid env names, and only names that occur in the input', (json) => {
    const names = collectEnvNames(json);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    const text = JSON.stringify(json);
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(text).toContain(name);
    }
  });

  test.prop([fc.dictionary(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}$/), fc.string(), { maxKeys: 5, noNullPrototype: true })], { numRuns: 100 })(
    'every key of an env map is found',
    (env) => {
      expect(collectEnvNames({ env })).toEqual(expect.arrayContaining(Object.keys(env)));
    },
  );
});
