import { hasErrors, type DependencyGraph, type Diagnostic } from '@deployment-manager/core/pure';
import type { SecretPlan } from '@deployment-manager/secrets/pure';
import { buildCloudManifest } from './assemble-cloud.ts';
import { buildDesktopManifest } from './assemble-desktop.ts';
import { buildMobileManifest } from './assemble-mobile.ts';
import { planAssembly, type PlanAssemblyOptions } from './assembly-plan.ts';
import type { Manifest } from './manifest.ts';
import type { ProfileContent } from './profile.ts';
import type { SwapDecision } from './swap-decisions.ts';
import { validateManifest } from './validate-manifest.ts';

/** What {@link assembleManifest} produced. */
export interface AssembleResult {
  /** True when neither assembly nor validation found an error. */
  readonly ok: boolean;
  /** The manifest (returned even when not ok, for inspection; never ship it then). */
  readonly manifest: Manifest;
  /** Assembly findings (`ASSEMBLY_*`, secret plan blockers) followed by validation findings. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link assembleManifest}. */
export type AssembleOptions = PlanAssemblyOptions;

/**
 * Assembles the deployment manifest of a scenario for one tier: the
 * scenario's own services from its service.json (ports, health endpoints,
 * builds), its resources after the accepted swaps (bundled as services when
 * they run as processes, embedded when they are libraries, left out when
 * hosted), the secrets the plan ships linked to the services that read them,
 * a port plan, build configs per platform, and assets - then validates the
 * result. Pure: no clock, no randomness, no I/O; same input, same manifest.
 *
 * @example
 * ```ts
 * const graph = buildGraph(workspace, 'picker-wheel');
 * const decisions = decisionsFromSuggestions(suggestSwaps(graph, 'desktop'), profile.swaps);
 * const swapped = applySwaps(graph, profile.swaps, { tier: 'desktop' });
 * const plan = planSecrets(swapped, { tier: 'desktop', scenario: workspace.scenarios.get('picker-wheel') });
 * const { ok, manifest, diagnostics } = assembleManifest(graph, decisions, plan, profile, { scenario: workspace.scenarios.get('picker-wheel')! });
 * ```
 */
export function assembleManifest(
  graph: DependencyGraph,
  decisions: readonly SwapDecision[],
  secretPlan: SecretPlan,
  profile: ProfileContent,
  options: AssembleOptions,
): AssembleResult {
  const plan = planAssembly(graph, decisions, secretPlan, profile, options);
  const built = plan.target === 'desktop' ? buildDesktopManifest(plan) : plan.target === 'cloud' ? buildCloudManifest(plan) : buildMobileManifest(plan);
  const validation = validateManifest(built.manifest);
  const diagnostics = [...plan.diagnostics, ...built.diagnostics, ...(validation.ok ? [] : validation.issues), ...validation.warnings];
  return { ok: !hasErrors(diagnostics), manifest: built.manifest, diagnostics };
}
