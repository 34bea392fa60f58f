/*
 * What `plan` and `deploy` plan from: the manifest (assembled exactly as
 * `package` does, or read from --manifest), the graph and secret plan when
 * there are any, and the planner's input built from the command's options.
 * Secrets are names only: --secret, or the names of --secrets-file.
 */
import { assembleScenario, createFileProfileStore, type ProfileContent } from '@deployment-manager/bundle';
import { SdkError, buildGraph, loadWorkspace, readTextFileBounded, type DependencyGraph, type Diagnostic, type Tier } from '@deployment-manager/core';
import { applySwaps, parseSwapArg, scoreGraph } from '@deployment-manager/fitness';
import type { DeploymentInput, RolloutStrategy } from '@deployment-manager/planner';
import type { SecretPlan } from '@deployment-manager/secrets';
import { suggestedSwaps } from '../common-options.ts';
import { readJsonFile } from '../read-json-file.ts';
import { requireScenario } from '../require-scenario.ts';
import { userCatalog } from '../user-catalog.ts';

const BUNDLE_HINT = 'pass the exported bundle.json';

/** The names defined in a dotenv-style file. Values are never kept: each line is cut at `=` and the rest dropped. */
export function secretNames(path: string): string[] {
  const text = readTextFileBounded(path, 'secrets file');
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(\S)?/.exec(line);
    // A name with an empty value is not provided.
    if (m?.[1] !== undefined && m[2] !== undefined) names.push(m[1]);
  }
  return names;
}

function readPreviousSha(path: string, given: string | undefined): string {
  if (given !== undefined) return given;
  try {
    const sha = readTextFileBounded(`${path}.sha256`, 'checksum file', 4096).trim().split(/\s+/)[0];
    if (sha !== undefined && /^[0-9a-fA-F]{64}$/.test(sha)) return sha;
  } catch {
    // fall through to the error below
  }
  throw new SdkError('INVALID_ARGUMENT', `no checksum for previous release ${path}`, { hint: `keep the ${path}.sha256 sidecar written by bundle export, or pass --previous-sha256 <hex>` });
}

/** What plan works from: a manifest (assembled or read), with the graph and secret plan when it has them. */
type Assembled =
  | { readonly ok: true; readonly manifest: unknown; readonly graph?: DependencyGraph; readonly secretPlan?: SecretPlan }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** The options `plan` and `deploy` build a plan input from (`deploy` leaves some out). */
export interface PlanInputValues {
  readonly root: string;
  readonly manifest: string | undefined;
  readonly profile?: string | undefined;
  readonly store?: string;
  readonly swap: readonly string[];
  readonly 'accept-suggested'?: boolean | undefined;
  readonly swaps?: string | undefined;
  readonly env: string;
  readonly target: string;
  readonly version?: string | undefined;
  readonly secret: readonly string[];
  readonly 'secrets-file': string | undefined;
  readonly strategy?: string | undefined;
  readonly previous?: string | undefined;
  readonly 'previous-sha256'?: string | undefined;
  readonly 'confirm-cost': boolean;
  readonly region: string | undefined;
  /** `--catalog FILE`: the user's catalog records over the built-in ones, for assembly, swaps and fitness. */
  readonly catalog?: string | undefined;
}

/**
 * The manifest to plan: `--manifest` as given, or the scenario assembled by
 * bundle's `assembleScenario` - the same assembly `package` runs, so both
 * refuse the same scenarios with the same errors.
 */
async function assemble(scenario: string, tier: Tier, values: PlanInputValues): Promise<Assembled> {
  const catalog = userCatalog(values.catalog);
  if (values.manifest !== undefined) {
    const manifest = readJsonFile(values.manifest, BUNDLE_HINT, 'manifest');
    // Fitness needs the graph; use it when the workspace has the scenario, else plan without it.
    try {
      const workspace = loadWorkspace(values.root);
      if (!workspace.scenarios.has(scenario)) return { ok: true, manifest };
      return { ok: true, manifest, graph: applySwaps(buildGraph(workspace, scenario, { policy: 'active' }), values.swap.map(parseSwapArg), { tier, ...catalog }) };
    } catch {
      return { ok: true, manifest };
    }
  }
  const workspace = loadWorkspace(values.root);
  requireScenario(workspace, scenario);
  let profile: ProfileContent | undefined;
  if (values.profile !== undefined) profile = (await createFileProfileStore(values.store ?? '.deployment-manager/profiles').get(values.profile)).content;
  const { result, swapped, secretPlan } = assembleScenario(workspace, scenario, { tier, swaps: values.swap.map(parseSwapArg), acceptSuggested: suggestedSwaps(values) ?? false, ...(profile === undefined ? {} : { profile }), ...catalog });
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics };
  return { ok: true, manifest: result.manifest, graph: swapped, secretPlan };
}

/** A plan input, or the assembly's refusal. */
export type PlanInputResult = { readonly ok: true; readonly input: DeploymentInput & { readonly outDir: string } } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * The planner's input for `scenario` from a command's options: the
 * assembled (or given) manifest, the provided secret names, the rollout, the
 * previous release and the guardrail confirmation; `outDir` is where the
 * plan's files go.
 */
export async function planInput(scenario: string, tier: Tier, values: PlanInputValues, outDir: string): Promise<PlanInputResult> {
  const assembled = await assemble(scenario, tier, values);
  if (!assembled.ok) return assembled;
  const manifestVersion = (assembled.manifest as { app?: { version?: unknown } } | null)?.app?.version;
  const provided = [...values.secret, ...(values['secrets-file'] === undefined ? [] : secretNames(values['secrets-file']))];
  return {
    ok: true,
    input: {
      scenario,
      version: values.version ?? (typeof manifestVersion === 'string' ? manifestVersion : '0.0.0'),
      tier,
      environment: values.env,
      target: values.target,
      manifest: assembled.manifest,
      ...(assembled.graph === undefined ? {} : { graph: assembled.graph }),
      // Pre-flight scores with the built-in catalog; a user catalog scores here, with the same records as the assembly.
      ...(assembled.graph === undefined || values.catalog === undefined ? {} : { fitness: scoreGraph(assembled.graph, { tiers: [tier], ...userCatalog(values.catalog) }) }),
      ...(assembled.secretPlan === undefined ? {} : { secretPlan: assembled.secretPlan }),
      providedSecrets: provided,
      ...(values.strategy === undefined ? {} : { rollout: { strategy: values.strategy as RolloutStrategy } }),
      ...(values.previous === undefined ? {} : { previous: { manifest: readJsonFile(values.previous, BUNDLE_HINT, 'previous manifest'), sha256: readPreviousSha(values.previous, values['previous-sha256']) } }),
      confirmCost: values['confirm-cost'],
      ...(values.region === undefined ? {} : { region: values.region }),
      outDir,
    },
  };
}
