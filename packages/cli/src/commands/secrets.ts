import { SdkError, isSdkError, parseTier, readTextFileBounded, type Diagnostic } from '@deployment-manager/core';
import { parseSwapArg, planSwaps } from '@deployment-manager/fitness';
import { planSecrets, renderEnvTemplate, renderKubernetesSecrets, validatePlan, type ClassificationOverrides, type SecretPlan } from '@deployment-manager/secrets';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, GRAPH_SOURCE_OPTIONS, SWAP_OPTION, TIER_OPTION } from '../common-options.ts';
import { userCatalog } from '../user-catalog.ts';
import { loadGraphSource } from '../graph-source.ts';
import { writeJson } from '../json-output.ts';

/** The `secrets --format json` document. */
export interface SecretsJson {
  /** Scenario name. */
  readonly scenario: string;
  /** Tier planned for. */
  readonly tier: string;
  /** Swaps that applied, as `from=to`. */
  readonly swaps: readonly string[];
  /** True when the plan has no blockers. */
  readonly ok: boolean;
  /** The plan itself (names, classes, prompts - never values). */
  readonly plan: SecretPlan;
}

function readOverrides(path: string): ClassificationOverrides {
  let data: unknown;
  try {
    data = JSON.parse(readTextFileBounded(path, 'overrides file'));
  } catch (e) {
    if (isSdkError(e)) throw e;
    const unreadable = typeof e === 'object' && e !== null && 'code' in e;
    // No parser message: it may quote the file's content.
    throw new SdkError(unreadable ? 'FILE_UNREADABLE' : 'PARSE_FAILED', `overrides file ${path} ${unreadable ? 'cannot be read' : 'is not valid json'}`, {
      hint: 'pass a json file such as { "secrets": [{ "id": "app.ACME_API_KEY", "class": "user_prompt" }] }',
      details: { path },
    });
  }
  const o = data as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o) || (o['rules'] !== undefined && !Array.isArray(o['rules'])) || (o['secrets'] !== undefined && !Array.isArray(o['secrets']))) {
    throw new SdkError('INVALID_ARGUMENT', `overrides file ${path} is not { rules?: [...], secrets?: [...] }`, { hint: 'see ClassificationOverrides in the secrets package docs' });
  }
  return o as ClassificationOverrides;
}

const line = (kind: string, d: Diagnostic): string => `${kind} [${d.code}] ${d.file === undefined ? '' : `${d.file} `}${d.path}: ${d.message}${d.hint === undefined ? '' : `\n  hint: ${d.hint}`}\n`;

/**
 * `deployment-manager secrets <scenario> --root <dir> --tier <tier> [--swap from=to ...] [--format json|env|k8s]`:
 * plans the scenario's secrets for a tier (after swaps) and prints the plan as
 * JSON, a `.env` template or Kubernetes objects. Exit code 0 when nothing
 * blocks, 1 when the plan has blockers (still printed), 2 on bad input.
 *
 * @example
 * ```sh
 * deployment-manager secrets picker-wheel --root ../Vrooli --tier desktop --swap postgres=sqlite --format env
 * ```
 */
export const secretsCommand: Command = defineCommand({
  description:
    'Finds every secret the scenario needs on a tier (after swaps), classifies each - generated per install, asked from the user, fetched from a store, or kept with the operator - and prints the plan: a .env template (the default), Kubernetes Secret objects, or JSON. Never a secret value. Blockers and warnings go to stderr.',
  positionals: [{ name: 'scenario', description: 'the scenario to plan secrets for' }],
  options: {
    ...GRAPH_SOURCE_OPTIONS,
    catalog: CATALOG_OPTION,
    tier: { ...TIER_OPTION, required: true, description: 'the tier to plan for' },
    swap: SWAP_OPTION,
    format: { type: 'string', value: '<format>', choices: ['env', 'k8s', 'json'], description: 'what to print', defaultText: 'env (json with --json)' },
    overrides: { type: 'string', value: '<file.json>', description: 'classification overrides: { "rules": [...], "secrets": [{ "id", "class" }] }' },
    'app-name': { type: 'string', value: '<name>', description: 'app name for --format k8s', defaultText: 'the scenario' },
    namespace: { type: 'string', value: '<ns>', description: 'namespace for --format k8s' },
  },
  exitOne: 'the plan has blockers (it is still printed)',
  examples: ['secrets recipe-hub --root examples/end-to-end/workspace --tier desktop --swap postgres=sqlite', 'secrets picker-wheel --root ../Vrooli --tier saas --format k8s'],
  machineOutput: ({ json, values }) => json || values.format === 'json' || values.format === 'k8s',
  run: async ({ values, json, positionals: [scenario = ''] }, io) => {
    const tier = parseTier(values.tier);
    const format = json ? 'json' : (values.format ?? 'env');
    const overrides = values.overrides === undefined ? undefined : readOverrides(values.overrides);

    const { workspace, graph } = await loadGraphSource(scenario, values, 'active');
    const catalog = userCatalog(values.catalog);
    const swapped = planSwaps(graph, values.swap.map(parseSwapArg), { tier, ...catalog });
    for (const s of swapped.skipped) io.stderr(`warning: swap ${s.from}=${s.to} does nothing: "${s.from}" is not in the graph of ${scenario}\n`);
    const plan = planSecrets(swapped.graph, { tier, scenarios: [...(workspace?.scenarios.values() ?? [])], ...(overrides === undefined ? {} : { overrides }), ...catalog });
    const ok = validatePlan(plan).ok;

    if (format === 'json') {
      const doc: SecretsJson = { scenario, tier, swaps: swapped.applied.map((s) => `${s.spec.from}=${s.spec.to}`), ok, plan };
      writeJson(io, doc);
    } else if (format === 'env') {
      io.stdout(renderEnvTemplate(plan));
    } else {
      const k8s = renderKubernetesSecrets(plan, { appName: values['app-name'] ?? scenario, ...(values.namespace === undefined ? {} : { namespace: values.namespace }) });
      writeJson(io, { apiVersion: 'v1', kind: 'List', items: k8s.objects });
    }
    if (format !== 'json') {
      for (const d of plan.blockers) io.stderr(line('blocker', d));
      for (const d of plan.warnings) io.stderr(line('warning', d));
      io.stderr(`${plan.secrets.length} secrets, ${plan.blockers.length} blockers, ${plan.warnings.length} warnings on tier ${tier}\n`);
    }
    return ok ? 0 : 1;
  },
});
