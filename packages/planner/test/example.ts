import { fileURLToPath } from 'node:url';
import { assembleManifest, decisionsFromSuggestions, type CloudManifest, type ProfileContent } from '@deployment-manager/bundle';
import { buildGraph, loadWorkspace, type DependencyGraph, type Workspace } from '@deployment-manager/core';
import { applySwaps, suggestSwaps } from '@deployment-manager/fitness';
import { planSecrets, type SecretPlan } from '@deployment-manager/secrets';

/** The example workspace inside the repo (Vrooli layout). */
export const EXAMPLE_ROOT: string = fileURLToPath(new URL('../../../examples/end-to-end/workspace', import.meta.url));

/**
 * The production profile of the example app: ollama swapped for the hosted
 * OpenAI API, whose key the operator must supply (a required user secret).
 */
export const EXAMPLE_PROFILE: ProfileContent = {
  name: 'recipe-hub production',
  scenario: 'recipe-hub',
  tiers: ['saas'],
  swaps: [{ from: 'ollama', to: 'openai' }],
  secrets: { 'openai.api_key': { class: 'user_prompt', required: true, prompt: { label: 'OpenAI API key', description: 'key of the OpenAI project the recipe suggestions are billed to' } } },
  settings: {},
};

/** Everything the planner needs about the example app, assembled the way the CLI does. */
export interface Example {
  readonly workspace: Workspace;
  readonly graph: DependencyGraph;
  readonly swapped: DependencyGraph;
  readonly secretPlan: SecretPlan;
  readonly manifest: CloudManifest;
}

/** Loads and assembles the example app for the saas tier. */
export function loadExample(profile: ProfileContent = EXAMPLE_PROFILE): Example {
  const workspace = loadWorkspace(EXAMPLE_ROOT);
  const scenario = workspace.scenarios.get('recipe-hub');
  if (scenario === undefined) throw new Error('example workspace lost recipe-hub');
  const graph = buildGraph(workspace, 'recipe-hub', { policy: 'active' });
  const swapped = applySwaps(graph, profile.swaps, { tier: 'saas' });
  const overrides = Object.entries(profile.secrets).map(([id, c]) => ({ ...c, id, tiers: ['saas' as const] }));
  const secretPlan = planSecrets(swapped, { tier: 'saas', scenario, overrides: { secrets: overrides as never } });
  const result = assembleManifest(graph, decisionsFromSuggestions(suggestSwaps(graph, 'saas'), profile.swaps), secretPlan, profile, { scenario, tier: 'saas' });
  if (!result.ok || result.manifest.target !== 'cloud') throw new Error(`example manifest did not assemble: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  return { workspace, graph, swapped, secretPlan, manifest: result.manifest };
}
