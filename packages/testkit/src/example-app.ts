import { fileURLToPath } from 'node:url';
import { assembleScenario, type CloudManifest, type ProfileContent, type ScenarioAssembly } from '@deployment-manager/bundle';
import { loadWorkspace, type Workspace } from '@deployment-manager/core';

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

/** The example app assembled for the saas tier, and the cloud manifest it gives. */
export interface ExampleCloudApp extends ScenarioAssembly {
  /** The loaded example workspace. */
  readonly workspace: Workspace;
  /** The validated cloud manifest. */
  readonly manifest: CloudManifest;
}

/**
 * Loads the example app and assembles it for the saas tier with a profile
 * (default {@link EXAMPLE_PROFILE}), the way the CLI does; throws when it
 * does not assemble into a cloud manifest.
 *
 * @example
 * ```ts
 * const { manifest } = exampleCloudApp();
 * ```
 */
export function exampleCloudApp(profile: ProfileContent = EXAMPLE_PROFILE): ExampleCloudApp {
  const workspace = loadWorkspace(EXAMPLE_ROOT);
  const assembly = assembleScenario(workspace, 'recipe-hub', { tier: 'saas', profile });
  const { result } = assembly;
  if (!result.ok || result.manifest.target !== 'cloud') throw new Error(`example manifest did not assemble: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  return { ...assembly, workspace, manifest: result.manifest };
}
