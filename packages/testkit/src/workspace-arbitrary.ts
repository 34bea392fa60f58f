// Generated workspaces for the properties that cross packages: a root scenario
// with an API and a UI, depending on catalog resources (and the resources on
// each other), some edges optional or disabled, some with version ranges.
import fc from 'fast-check';
import { parseCompactWorkspace, type Workspace } from '@deployment-manager/core';

/** Resource names the generated workspaces draw from: records with secrets, swaps, containers and data directories. */
export const WORKSPACE_RESOURCES: readonly string[] = [
  'postgres', 'redis', 'qdrant', 'ollama', 'n8n', 'minio', 'browserless', 'vault', 'whisper', 'claude-code', 'windmill',
  'node-red', 'keycloak', 'searxng', 'mysql', 'huginn', 'openrouter', 'comfyui',
];

/** A generated workspace: the compact document's text (for failure reports) and the loaded workspace. */
export interface GeneratedWorkspace {
  /** The compact JSON document. */
  readonly text: string;
  /** It, loaded. */
  readonly workspace: Workspace;
  /** The root scenario (`app`). */
  readonly scenario: string;
}

// Mostly ranges every pinned version meets; '<0.1' (none does) keeps refusals in the mix.
const VERSION_RANGES = ['>=0.1', '*', '>=1 || 0.x', '<0.1'];

/**
 * Compact workspaces with one root scenario `app` (an API and a UI) that
 * depends on 1-6 of {@link WORKSPACE_RESOURCES}, with random required/enabled
 * flags, resource-to-resource edges pointing forward (no cycles), and a
 * version range on some edges.
 */
export const workspaceArb: fc.Arbitrary<GeneratedWorkspace> = fc
  .uniqueArray(fc.constantFrom(...WORKSPACE_RESOURCES), { minLength: 1, maxLength: 6 })
  .chain((names) =>
    fc.record({
      names: fc.constant(names),
      flags: fc.array(fc.record({ required: fc.boolean(), enabled: fc.boolean(), version: fc.option(fc.constantFrom(...VERSION_RANGES), { freq: 4 }) }), { minLength: names.length, maxLength: names.length }),
      inner: fc.array(fc.tuple(fc.nat(names.length - 1), fc.nat(names.length - 1)), { maxLength: 3 }),
    }),
  )
  .map(({ names, flags, inner }) => {
    const doc = {
      version: 1,
      scenarios: {
        app: {
          version: '1.0.0',
          ports: { api: { env: 'API_PORT', port: 8080 }, ui: { env: 'UI_PORT', port: 3000 } },
          health: [
            { name: 'api_endpoint', type: 'http', target: 'http://localhost:${API_PORT}/health' },
            { name: 'ui_endpoint', type: 'http', target: 'http://localhost:${UI_PORT}/health', critical: false },
          ],
          dependencies: names.map((name, i) => {
            const f = flags[i] as { required: boolean; enabled: boolean; version: string | null };
            return { name, required: f.required, enabled: f.enabled, ...(f.version === null ? {} : { version: f.version }) };
          }),
        },
      },
      resources: Object.fromEntries(
        names.map((name, i) => [name, { dependencies: inner.filter(([a, b]) => a === i && b > a).map(([, b]) => names[b] as string) }]),
      ),
    };
    const text = JSON.stringify(doc);
    return { text, workspace: parseCompactWorkspace(text, 'generated.json'), scenario: 'app' };
  });
