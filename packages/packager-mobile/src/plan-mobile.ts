import { createDiagnostic, isSdkError, jsonPointer, type DependencyGraph, type Diagnostic, type PackagerNote } from '@deployment-manager/core';
import { prettyJson, type MobileManifest } from '@deployment-manager/bundle';
import { DEFAULT_CATALOG, lookupEntry, type Catalog } from '@deployment-manager/catalog';
import { TIER_CONSTRAINTS, applySwaps, scoreEntry, scoreGraph, suggestSwaps, type SwapSpec } from '@deployment-manager/fitness';
import { DEFAULT_SECRET_POLICY, planSecrets } from '@deployment-manager/secrets';
import { checkAppId } from './app-id.ts';
import { createCapacitorConfig, type CapacitorConfigJson } from './capacitor-config.ts';
import { validateMobileArtifact } from './artifact-schemas.ts';
import { renderNextSteps } from './next-steps.ts';
import { mobileNotes } from './notes.ts';
import type { MobilePackagerOptions } from './options.ts';
import { backendOf, isHostedEntry, manifestGraph, placeDependencies, rootOf, type DependencyPlacement } from './placement.ts';
import { createRuntimeConfig, type RuntimeConfig } from './runtime-config.ts';
import { planMobileSecrets, type MobileSecretPlan } from './secret-plan.ts';
import { planServerSideMoves, type ServerSideMoves } from './server-side-moves.ts';

/** One file the mobile packager writes. */
export interface MobileFile {
  /** Path relative to the output directory. */
  readonly path: string;
  /** Text content. */
  readonly content: string;
  /** IANA media type. */
  readonly mediaType: string;
}

/** Everything the mobile packager would write for a manifest, and what is wrong with it. */
export interface MobilePlan {
  /** Files, sorted by path. */
  readonly files: readonly MobileFile[];
  /** What Capacitor cannot express. */
  readonly notes: readonly PackagerNote[];
  /** Findings beyond the manifest's own validation (errors block packing). */
  readonly issues: readonly Diagnostic[];
  /** Where each dependency runs. */
  readonly placements: readonly DependencyPlacement[];
  /** `capacitor.config.json`. */
  readonly config: CapacitorConfigJson;
  /** `runtime-config.json`. */
  readonly runtime: RuntimeConfig;
  /** `server-side-moves.json`. */
  readonly moves: ServerSideMoves;
  /** `secret-plan.mobile.json`. */
  readonly secrets: MobileSecretPlan;
}

/** The file names the mobile packager writes. */
export const MOBILE_FILES: {
  /** The Capacitor configuration. */
  readonly capacitorConfig: 'capacitor.config.json';
  /** Public runtime configuration. */
  readonly runtimeConfig: 'runtime-config.json';
  /** Dependencies that run off the device. */
  readonly serverSideMoves: 'server-side-moves.json';
  /** The mobile secret plan. */
  readonly secretPlan: 'secret-plan.mobile.json';
  /** Human next steps. */
  readonly nextSteps: 'NEXT-STEPS.md';
} = {
  capacitorConfig: 'capacitor.config.json',
  runtimeConfig: 'runtime-config.json',
  serverSideMoves: 'server-side-moves.json',
  secretPlan: 'secret-plan.mobile.json',
  nextSteps: 'NEXT-STEPS.md',
};

/**
 * Plans the mobile artifacts of a (valid) mobile manifest without writing
 * anything: places every dependency (device, remote service, backend or
 * hosted API), scores them on the mobile tier and suggests hosted
 * replacements (fitness), plans the secrets on the mobile tier (secrets)
 * and splits them between device and servers, builds the Capacitor
 * configuration, checks the app id, validates every JSON artifact against
 * its committed schema, and collects the notes. Pure apart from reading the
 * committed schemas once.
 *
 * @example
 * ```ts
 * const plan = planMobile(manifest, { appName: 'Picker Wheel' });
 * plan.moves.moves.map((m) => `${m.dependency} -> ${m.replacement?.name ?? 'self-hosted'}`);
 * ```
 */
export function planMobile(manifest: MobileManifest, options: MobilePackagerOptions = {}): MobilePlan {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const policy = options.secretPolicy ?? DEFAULT_SECRET_POLICY;
  const graph = options.graph ?? manifestGraph(manifest);
  const issues: Diagnostic[] = [];
  if (graph.root !== rootOf(manifest)) {
    issues.push(
      createDiagnostic({
        code: 'MOBILE_GRAPH_ROOT_MISMATCH',
        severity: 'warning',
        path: '/app/scenario',
        message: `the graph is rooted at "${graph.root}" but the manifest is for "${rootOf(manifest)}"`,
        hint: 'pass the graph of the scenario the manifest was assembled from',
      }),
    );
  }

  const config = createCapacitorConfig(manifest, options);
  issues.push(...checkAppId(config.appId, manifest.platforms, options.appId === undefined ? '/app_id' : '/options/appId'));

  const fitness = scoreGraph(graph, { tiers: ['mobile'], catalog }).dependencies.filter((d) => d.role !== 'disabled');
  const backend = backendOf(manifest, graph.root);
  const placements = placeDependencies(manifest, fitness.map((d) => d.id), catalog, graph.root);
  const suggestions = suggestSwaps(graph, 'mobile', { catalog });
  for (const p of placements) {
    if (p.kind !== 'unplaced') continue;
    const line = fitness.find((d) => d.id === p.node);
    // A swapped dependency runs as its replacement: judge that (postgres -> sqlite is a library the app links).
    const replacement = p.swappedTo === undefined ? undefined : lookupEntry(catalog, p.swappedTo);
    const supported = replacement === undefined ? line?.tiers.mobile?.supported === true : scoreEntry(replacement, TIER_CONSTRAINTS.mobile).supported;
    const runs = replacement === undefined ? `"${p.name}"` : `"${p.name}" (swapped for ${replacement.name})`;
    const hosted = suggestions.filter((s) => s.from === p.node && isHostedEntry(lookupEntry(catalog, s.to))).map((s) => s.to);
    issues.push(
      createDiagnostic({
        code: 'MOBILE_DEPENDENCY_UNPLACED',
        severity: supported || line?.role === 'optional' ? 'warning' : 'error',
        path: jsonPointer(['graph', 'nodes', p.node]),
        message: supported
          ? `dependency ${runs} is neither embedded nor on a server; it is assumed to be compiled into the app`
          : `dependency ${runs} cannot run on a phone${line?.role === 'optional' ? ' (optional: the app must do without it)' : ''}, and the manifest puts it on no server`,
        hint: `add a remote service that provides it, a backend remote service for the scenario, or an embedded entry${hosted.length > 0 ? `; hosted replacements: ${hosted.join(', ')}` : ''}`,
      }),
    );
  }

  const secretGraph = withSwaps(graph, manifest, catalog, issues);
  const secretPlan = planSecrets(secretGraph, {
    tier: 'mobile',
    ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
    ...(options.scenarios === undefined ? {} : { scenarios: options.scenarios }),
    ...(options.secretOverrides === undefined ? {} : { overrides: options.secretOverrides }),
    catalog,
    policy,
  });
  const mobileSecrets = planMobileSecrets({ manifest, appId: config.appId, placements, backend, plan: secretPlan, catalog, secretStore: options.secretStore });
  issues.push(...mobileSecrets.issues);

  const moves = planServerSideMoves({ appId: config.appId, backend, placements, fitness, suggestions, serverSecrets: mobileSecrets.serverSecrets, catalog });
  const runtime = createRuntimeConfig(manifest);
  const notes = mobileNotes(manifest, mobileSecrets.plan);
  const files: MobileFile[] = [
    { path: MOBILE_FILES.nextSteps, content: renderNextSteps({ manifest, config, runtime, moves, secrets: mobileSecrets.plan, notes }), mediaType: 'text/markdown' },
    { path: MOBILE_FILES.capacitorConfig, content: `${JSON.stringify(config, null, 2)}\n`, mediaType: 'application/json' },
    { path: MOBILE_FILES.runtimeConfig, content: prettyJson(runtime), mediaType: 'application/json' },
    { path: MOBILE_FILES.secretPlan, content: prettyJson(mobileSecrets.plan), mediaType: 'application/json' },
    { path: MOBILE_FILES.serverSideMoves, content: prettyJson(moves), mediaType: 'application/json' },
  ];
  // Every JSON artifact is checked against its committed schema before anything is written.
  for (const f of files) if (f.mediaType === 'application/json') issues.push(...validateMobileArtifact(f.path, JSON.parse(f.content)));
  return { files, notes, issues, placements, config, runtime, moves, secrets: mobileSecrets.plan };
}

/** The graph with the manifest's swaps applied (for secret planning); swaps fitness cannot apply are reported and skipped. */
function withSwaps(graph: DependencyGraph, manifest: MobileManifest, catalog: Catalog, issues: Diagnostic[]): DependencyGraph {
  const specs: SwapSpec[] = [];
  for (const [i, s] of (manifest.swaps ?? []).entries()) {
    if (lookupEntry(catalog, s.replacement) === undefined) {
      issues.push(
        createDiagnostic({
          code: 'MOBILE_SWAP_UNKNOWN',
          severity: 'warning',
          path: jsonPointer(['swaps', i, 'replacement']),
          message: `replacement "${s.replacement}" of "${s.original}" is not in the fitness catalog, so its secrets are not planned`,
          hint: 'add it to the fitness catalog (createCatalog) and pass the catalog option',
        }),
      );
      continue;
    }
    specs.push({ from: s.original, to: s.replacement });
  }
  try {
    return applySwaps(graph, specs, { catalog });
  } catch (error) {
    if (!isSdkError(error)) throw error;
    issues.push(createDiagnostic({ code: 'MOBILE_SWAP_NOT_APPLIED', severity: 'warning', path: '/swaps', message: `the manifest's swaps cannot be applied to the graph (${error.code}), so secrets are planned without them`, hint: error.hint }));
    return graph;
  }
}
