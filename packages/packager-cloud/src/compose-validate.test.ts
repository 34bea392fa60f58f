import { describe, expect, it } from 'vitest';
import { bundledComposeSchema, checkComposeSemantics, validateComposeSchema } from './compose-validate.ts';

const codes = (ds: readonly { code: string; path: string }[]): string[] => ds.map((d) => `${d.code} ${d.path}`);

describe('compose validation', () => {
  it('accepts a valid file against the bundled Compose Specification schema', () => {
    const compose = { services: { web: { image: 'nginx', depends_on: { db: { condition: 'service_healthy' } } }, db: { image: 'postgres', healthcheck: { test: ['CMD', 'pg_isready'] } } } };
    expect(validateComposeSchema(compose, bundledComposeSchema())).toEqual([]);
    expect(checkComposeSemantics(compose)).toEqual([]);
  });

  it('reports schema violations with their paths', () => {
    const compose = { services: { web: { image: 'nginx', restart: 5, helthcheck: {} } } };
    expect(codes(validateComposeSchema(compose, bundledComposeSchema())).sort()).toEqual(['CLOUD_COMPOSE_SCHEMA /services/web', 'CLOUD_COMPOSE_SCHEMA /services/web/restart']);
  });

  it('says when schema validation was skipped', () => {
    expect(validateComposeSchema({}, false).map((d) => [d.code, d.severity])).toEqual([['CLOUD_COMPOSE_SCHEMA_SKIPPED', 'info']]);
  });

  it('reports depends_on targets that do not exist and service_healthy without a healthcheck', () => {
    const compose = {
      services: {
        a: { image: 'x', depends_on: { b: { condition: 'service_healthy' }, ghost: { condition: 'service_started' } } },
        b: { image: 'y', healthcheck: { disable: true } },
        c: { image: 'z', depends_on: ['a', 'nope'] },
      },
    };
    expect(codes(checkComposeSemantics(compose))).toEqual([
      'CLOUD_COMPOSE_HEALTHY_WITHOUT_HEALTHCHECK /services/a/depends_on/b',
      'CLOUD_COMPOSE_DEPENDS_ON_UNKNOWN /services/a/depends_on/ghost',
      'CLOUD_COMPOSE_DEPENDS_ON_UNKNOWN /services/c/depends_on/nope',
    ]);
  });

  it('reports volumes and secrets used but not declared', () => {
    const compose = { services: { a: { image: 'x', volumes: [{ type: 'volume', source: 'data', target: '/d' }, { type: 'volume', target: '/tmp' }], secrets: [{ source: 'key' }, 'other'] } }, secrets: { other: { file: './o' } } };
    expect(codes(checkComposeSemantics(compose))).toEqual(['CLOUD_COMPOSE_REFERENCE_UNKNOWN /services/a/volumes/0', 'CLOUD_COMPOSE_REFERENCE_UNKNOWN /services/a/secrets/0']);
  });
});
