import type { CompactWorkspaceDocument } from '@deployment-manager/core';

/** mulberry32: a small seeded PRNG so every run benchmarks the same workload. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The shared resource catalog scenarios draw from (real names the fitness catalog knows). */
const SHARED_RESOURCES: readonly string[] = [
  'postgres', 'redis', 'qdrant', 'ollama', 'n8n', 'minio', 'browserless', 'vault', 'keycloak', 'searxng',
  'whisper', 'comfyui', 'unstructured-io', 'prometheus-grafana', 'node-red', 'huginn', 'k6', 'sqlite', 'openrouter', 'claude-code',
];

/** Secrets scenarios declare (well-known names the secret catalog classifies). */
const APP_SECRETS: readonly string[] = ['JWT_SECRET', 'SESSION_SECRET', 'ENCRYPTION_KEY'];

/**
 * The swap the cascade stage measures at every size. Fixed rather than the top
 * suggestion: on big graphs one swap moves the mean by less than the 0.01
 * rounding, so there may be no suggestion at all to take.
 */
export const CASCADE_SWAP: { readonly from: string; readonly to: string } = { from: 'resource:postgres', to: 'sqlite' };

/** The root scenario's own resources (those of examples/end-to-end's recipe-hub). */
const ROOT_RESOURCES: readonly unknown[] = ['n8n', { name: 'ollama', required: false }, 'postgres', 'qdrant', { name: 'redis', required: false }];

/**
 * A synthetic workspace of about `size` dependencies with a realistic shape:
 * scenarios with 3-8 resources from a shared catalog, one private (unknown)
 * resource in ten scenarios, a declared secret in half of them and a
 * secret-looking env name in about a third, and a scenario->scenario DAG (a binary spine so
 * everything is reachable from `app-0`, plus up to two extra edges to later
 * scenarios).
 */
export function generateWorkload(size: number, seed = 42): { document: CompactWorkspaceDocument; scenarios: number; dependencies: number } {
  const rng = createRng(seed);
  // Secrets and env names draw from their own stream, so the dependency graph is the same as without them.
  const secretRng = createRng(seed ^ 0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
  const privateShare = 0.1;
  // nodes = scenarios + shared resources + private resources ≈ size + 1 (the root is not a dependency)
  const scenarios = Math.max(2, Math.round((size + 1 - SHARED_RESOURCES.length) / (1 + privateShare)));
  const doc: { version: 1; scenarios: Record<string, unknown>; resources: Record<string, unknown> } = { version: 1, scenarios: {}, resources: {} };
  for (const r of SHARED_RESOURCES) doc.resources[r] = r === 'n8n' ? { dependencies: ['postgres', { name: 'redis', required: false }] } : {};
  let privateCount = 0;
  for (let i = 0; i < scenarios; i++) {
    const deps: unknown[] = [];
    const count = 3 + Math.floor(rng() * 6);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pick(SHARED_RESOURCES));
    for (const r of [...chosen].sort()) deps.push(rng() < 0.7 ? r : { name: r, required: false, enabled: rng() < 0.8 });
    // The root is the app being shipped: the demo app's resources, so it can be assembled and packed.
    if (i === 0) deps.splice(0, deps.length, ...ROOT_RESOURCES);
    else if (rng() < privateShare || privateCount < Math.round(scenarios * privateShare) - (scenarios - i)) {
      const name = `custom-${i}`;
      doc.resources[name] = {};
      deps.push(name);
      privateCount++;
    }
    for (const child of [2 * i + 1, 2 * i + 2]) if (child < scenarios) deps.push(`scenario:app-${child}`);
    for (let k = 0; k < 2; k++) {
      if (rng() < 0.5 && i + 3 < scenarios) deps.push({ name: `app-${i + 3 + Math.floor(rng() * Math.min(50, scenarios - i - 3))}`, kind: 'scenario', required: rng() < 0.6 });
    }
    doc.scenarios[`app-${i}`] = {
      version: '1.0.0',
      ports: { api: { env: 'API_PORT', range: '15000-19999' } },
      health: [{ name: 'api', type: 'http', target: '/health' }],
      dependencies: dedupeScenarioDeps(deps),
      ...(secretRng() < 0.5 ? { secrets: [{ name: APP_SECRETS[Math.floor(secretRng() * APP_SECRETS.length)] as string }] } : {}),
      env: secretRng() < 0.3 ? ['LOG_LEVEL', 'SMTP_PASSWORD'] : ['LOG_LEVEL'],
    };
  }
  return { document: doc as unknown as CompactWorkspaceDocument, scenarios, dependencies: scenarios - 1 + SHARED_RESOURCES.length + privateCount };
}

function dedupeScenarioDeps(deps: unknown[]): unknown[] {
  const seen = new Set<string>();
  return deps.filter((d) => {
    const key = typeof d === 'string' ? d.replace(/^resource:/, '') : `${(d as { kind?: string }).kind === 'scenario' ? 'scenario:' : ''}${(d as { name: string }).name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
