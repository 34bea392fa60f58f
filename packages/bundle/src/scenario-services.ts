import type { ScenarioSpec } from '@deployment-manager/core/pure';
import { UI_PORT_NAMES } from './assembly-data.ts';
import { asArray, asObject, asString } from './findings.ts';

/** How a scenario service is built from source. */
export interface ScenarioBuild {
  /** Build system. */
  readonly type: 'go' | 'rust' | 'npm' | 'python';
  /** Source directory relative to the scenario. */
  readonly sourceDir: string;
}

/** One of a scenario's own services, read from its service.json (`ports`, `lifecycle`). */
export interface ScenarioService {
  /** Service id (the port name: `api`, `ui`). */
  readonly id: string;
  /** `ui` serves the interface, `api` the rest. */
  readonly role: 'ui' | 'api';
  /** Environment variable that carries its port (`API_PORT`). */
  readonly envVar?: string;
  /** A fixed port, when service.json fixes one. */
  readonly port?: number;
  /** HTTP health path. */
  readonly healthPath: string;
  /** Health timeout in ms, when declared. */
  readonly timeoutMs?: number;
  /** Whether a failing health check is critical. */
  readonly critical: boolean;
  /** How it is built, when lifecycle.setup says. */
  readonly build?: ScenarioBuild;
}

const BUILDERS: readonly { readonly test: RegExp; readonly type: ScenarioBuild['type'] }[] = [
  { test: /\bgo build\b/, type: 'go' },
  { test: /\bcargo build\b/, type: 'rust' },
  { test: /\b(npm|pnpm|yarn) (run )?build\b/, type: 'npm' },
  { test: /\b(pip install|python -m build|poetry build)\b/, type: 'python' },
];

function builds(raw: unknown): { dir: string; type: ScenarioBuild['type'] }[] {
  const steps = asArray(asObject(asObject(asObject(raw)?.['lifecycle'])?.['setup'])?.['steps']);
  const out: { dir: string; type: ScenarioBuild['type'] }[] = [];
  for (const step of steps) {
    const run = asString(asObject(step)?.['run']) ?? '';
    const dir = /\bcd\s+([A-Za-z0-9_./-]+)/.exec(run)?.[1]?.replace(/\/+$/, '');
    const builder = BUILDERS.find((b) => b.test.test(run));
    if (dir !== undefined && builder !== undefined && !dir.includes('..')) out.push({ dir, type: builder.type });
  }
  return out;
}

function healthPathFor(spec: ScenarioSpec, name: string, envVar: string | undefined): { path: string; timeoutMs?: number; critical: boolean } {
  const endpoints = asObject(asObject(asObject(asObject(spec.raw)?.['lifecycle'])?.['health'])?.['endpoints']);
  const declared = asString(endpoints?.[name]);
  const check = spec.health.find((h) => envVar !== undefined && (h.target ?? '').includes(`\${${envVar}}`)) ?? spec.health.find((h) => h.name.startsWith(name));
  let path = declared !== undefined && declared.startsWith('/') ? declared : undefined;
  if (path === undefined && check?.target !== undefined) {
    const m = /^[a-z]+:\/\/[^/]+(\/[^\s?#]*)/.exec(check.target);
    path = m?.[1];
  }
  return { path: path ?? '/health', ...(check?.timeoutMs === undefined ? {} : { timeoutMs: check.timeoutMs }), critical: check?.critical ?? true };
}

/**
 * A scenario's own services from its service.json: one per declared port
 * (`api`, `ui`...), with the env var that carries the port, the health path
 * (from `lifecycle.health.endpoints` or the check that targets that port) and
 * the build found in `lifecycle.setup` (`cd api && go build` -> go in `api`).
 * A scenario without ports gets one `api` service. Pure.
 *
 * @example
 * ```ts
 * scenarioServices(workspace.scenarios.get('picker-wheel')).map((s) => s.id) // ['api', 'ui']
 * ```
 */
export function scenarioServices(spec: ScenarioSpec): ScenarioService[] {
  const found = builds(spec.raw);
  const ports = spec.ports.length > 0 ? spec.ports : [{ name: 'api' }];
  return ports.map((p) => {
    const id = p.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
    const role: ScenarioService['role'] = UI_PORT_NAMES.includes(id) ? 'ui' : 'api';
    const envVar = 'env' in p ? p.env : undefined;
    const health = healthPathFor(spec, p.name, envVar);
    const build = found.find((b) => b.dir === id || b.dir === p.name || b.dir.endsWith(`/${id}`));
    return {
      id,
      role,
      ...(envVar === undefined ? {} : { envVar }),
      ...('port' in p && p.port !== undefined ? { port: p.port } : {}),
      healthPath: health.path,
      ...(health.timeoutMs === undefined ? {} : { timeoutMs: health.timeoutMs }),
      critical: role === 'api' ? true : health.critical,
      ...(build === undefined ? {} : { build: { type: build.type, sourceDir: build.dir } }),
    };
  });
}
