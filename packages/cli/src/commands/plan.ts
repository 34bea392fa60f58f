import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assembleManifest, createFileProfileStore, decisionsFromSuggestions, type ProfileContent } from '@deployment-manager/bundle';
import { SdkError, buildGraph, loadWorkspace, parseTier, type DependencyGraph, type Tier } from '@deployment-manager/core';
import { applySwaps, parseSwapArg, suggestSwaps, type SwapSpec } from '@deployment-manager/fitness';
import { ROLLOUT_STRATEGIES, TARGET_IDS, planDeployment, type DeploymentPlan, type PlanFinding, type RolloutStrategy } from '@deployment-manager/planner';
import { planSecrets, type SecretOverride, type SecretPlan } from '@deployment-manager/secrets';
import { colour, reportError, scenarioArgument, type CliIo } from '../io.ts';

const USAGE = `usage: deployment-manager plan <scenario> --env <environment> --target ${TARGET_IDS.join('|')} [--json]
       [--root <dir>] [--manifest <bundle.json>] [--profile <id> --store <dir>] [--swap from=to ...] [--tier saas|enterprise]
       [--version <v>] [--secret NAME ...] [--secrets-file <.env file: names only are read>] [--strategy ${ROLLOUT_STRATEGIES.join('|')}]
       [--previous <bundle.json> [--previous-sha256 <hex>]] [--confirm-cost] [--region <region>]
`;

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `cannot read ${what} ${path}`, { hint: 'check the path', cause, details: { path } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `${what} ${path} is not valid JSON`, { hint: 'pass the exported bundle.json', cause, details: { path } });
  }
}

/** The names defined in a dotenv-style file. Values are never kept: each line is cut at `=` and the rest dropped. */
function secretNames(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `cannot read secrets file ${path}`, { hint: 'pass an env file of NAME=value lines (only the names are read)', cause, details: { path } });
  }
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
    const sha = readFileSync(`${path}.sha256`, 'utf8').trim().split(/\s+/)[0];
    if (sha !== undefined && /^[0-9a-fA-F]{64}$/.test(sha)) return sha;
  } catch {
    // fall through to the error below
  }
  throw new SdkError('INVALID_ARGUMENT', `no checksum for previous release ${path}`, { hint: `keep the ${path}.sha256 sidecar written by bundle export, or pass --previous-sha256 <hex>` });
}

interface Assembled {
  readonly manifest: unknown;
  readonly graph?: DependencyGraph;
  readonly secretPlan?: SecretPlan;
}

async function assemble(scenario: string, tier: Tier, values: Record<string, unknown>): Promise<Assembled> {
  const root = typeof values['root'] === 'string' ? values['root'] : '.';
  if (typeof values['manifest'] === 'string') {
    const manifest = readJson(values['manifest'], 'manifest');
    // Fitness needs the graph; use it when the workspace has the scenario, else plan without it.
    try {
      const workspace = loadWorkspace(root);
      if (!workspace.scenarios.has(scenario)) return { manifest };
      return { manifest, graph: applySwaps(buildGraph(workspace, scenario, { policy: 'active' }), (values['swap'] as string[]).map(parseSwapArg), { tier }) };
    } catch {
      return { manifest };
    }
  }
  const workspace = loadWorkspace(root);
  const spec = workspace.scenarios.get(scenario);
  if (spec === undefined) throw new SdkError('SCENARIO_NOT_FOUND', `scenario "${scenario}" is not in the workspace at ${root}`, { hint: 'check --root, or pass --manifest <bundle.json>' });
  let content: ProfileContent | undefined;
  if (typeof values['profile'] === 'string') {
    content = (await createFileProfileStore(typeof values['store'] === 'string' ? values['store'] : '.deployment-manager/profiles').get(values['profile'])).content;
  }
  const swaps: SwapSpec[] = [...(content?.swaps ?? []), ...(values['swap'] as string[]).map(parseSwapArg)];
  const graph = buildGraph(workspace, scenario, { policy: 'active' });
  const swapped = applySwaps(graph, swaps, { tier });
  const overrides: SecretOverride[] = Object.entries(content?.secrets ?? {}).map(([id, c]) => ({ ...(c as Omit<SecretOverride, 'id'>), id, tiers: [tier] }));
  const secretPlan = planSecrets(swapped, { tier, scenario: spec, overrides: { secrets: overrides } });
  const profile: ProfileContent = content ?? { name: scenario, scenario, tiers: [tier], swaps, secrets: {}, settings: {} };
  const result = assembleManifest(graph, decisionsFromSuggestions(suggestSwaps(graph, tier), swaps), secretPlan, { ...profile, swaps, tiers: profile.tiers.includes(tier) ? profile.tiers : [...profile.tiers, tier] }, { scenario: spec, tier });
  // An invalid assembly is still planned: pre-flight reports its validation errors.
  return { manifest: result.manifest, graph: swapped, secretPlan };
}

const mark = (io: CliIo, f: PlanFinding): string =>
  f.status === 'error' ? colour(io.isTTY, 'red', 'error  ') : f.status === 'warning' ? colour(io.isTTY, 'yellow', 'warning') : colour(io.isTTY, 'grey', 'info   ');

function renderPlan(plan: DeploymentPlan, io: CliIo): string {
  const out: string[] = [`plan: ${plan.scenario} ${plan.version} -> ${plan.environment} on ${plan.target} (tier ${plan.tier})${plan.manifestSha256 === undefined ? '' : `, manifest sha256 ${plan.manifestSha256}`}`, ''];
  plan.stages.forEach((s, i) => {
    out.push(`${i + 1}. ${colour(io.isTTY, 'bold', s.id)} [${s.status === 'ready' ? colour(io.isTTY, 'green', 'ready') : colour(io.isTTY, 'red', 'blocked')}]`);
    for (const a of s.actions) out.push(`   - ${a}`);
    for (const c of s.commands) out.push(`   $ ${c}`);
    for (const n of s.needs) out.push(`   needs: ${n}`);
    if (s.id === 'pre-flight') for (const f of s.findings) out.push(`   ${mark(io, f)} [${f.stage}/${f.code}] ${f.reason}${f.status === 'info' ? '' : `\n            fix: ${f.fix_suggestion}`}`);
  });
  if (plan.cost !== undefined) {
    out.push('', `cost: $${plan.cost.monthlyUsd.toFixed(2)}/month (${plan.cost.source})`);
    for (const l of plan.cost.lines) out.push(`   ${l.item}: ${l.quantity} x $${l.unitUsd} = $${l.monthlyUsd.toFixed(2)}`);
  }
  out.push('');
  if (plan.outcome.status === 'success') {
    out.push(colour(io.isTTY, 'green', 'status: success'));
    for (const u of plan.outcome.urls) out.push(`url: ${u}`);
    out.push('next steps:', ...plan.outcome.next_steps.map((s) => `   $ ${s}`));
  } else {
    out.push(colour(io.isTTY, 'red', `status: error at ${plan.outcome.stage}: ${plan.outcome.reason}`), `fix: ${plan.outcome.fix_suggestion}`);
    if (plan.outcome.errors.length > 1) out.push(`(${plan.outcome.errors.length} blocking findings in all)`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * `deployment-manager plan <scenario> --env <env> --target do|aws|vps|compose|k8s [--json]`:
 * assembles the scenario's manifest (or reads `--manifest`), then prints the
 * deployment plan - pre-flight findings, the six stages, cost, rollout,
 * rollback and smoke checks. Secrets are given by name only (`--secret`,
 * or the names in `--secrets-file`). Exit code 0 when the plan is clear,
 * 1 when pre-flight blocks (the plan is still printed), 2 on bad input.
 *
 * @example
 * ```sh
 * deployment-manager plan recipe-hub --root examples/end-to-end/workspace --env production --target do --swap ollama=openai --secret OPENAI_API_KEY
 * ```
 */
export async function runPlanCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        env: { type: 'string', default: 'production' },
        target: { type: 'string' },
        json: { type: 'boolean', default: false },
        root: { type: 'string', default: '.' },
        manifest: { type: 'string' },
        profile: { type: 'string' },
        store: { type: 'string' },
        swap: { type: 'string', multiple: true, default: [] },
        tier: { type: 'string', default: 'saas' },
        version: { type: 'string' },
        secret: { type: 'string', multiple: true, default: [] },
        'secrets-file': { type: 'string' },
        strategy: { type: 'string' },
        previous: { type: 'string' },
        'previous-sha256': { type: 'string' },
        'confirm-cost': { type: 'boolean', default: false },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const scenario = scenarioArgument(positionals, USAGE);
    if (values.target === undefined) throw new SdkError('INVALID_ARGUMENT', 'no target given', { hint: `add --target ${TARGET_IDS.join('|')}` });
    const strategy = values.strategy;
    if (strategy !== undefined && !(ROLLOUT_STRATEGIES as readonly string[]).includes(strategy)) throw new SdkError('INVALID_ARGUMENT', `strategy "${strategy}" is not known`, { hint: `use ${ROLLOUT_STRATEGIES.join(', ')}` });
    const tier = parseTier(values.tier);
    const assembled = await assemble(scenario, tier, values);
    const manifestVersion = (assembled.manifest as { app?: { version?: unknown } } | null)?.app?.version;
    const provided = [...values.secret, ...(values['secrets-file'] === undefined ? [] : secretNames(values['secrets-file']))];
    const plan = planDeployment({
      scenario,
      version: values.version ?? (typeof manifestVersion === 'string' ? manifestVersion : '0.0.0'),
      tier,
      environment: values.env,
      target: values.target,
      manifest: assembled.manifest,
      ...(assembled.graph === undefined ? {} : { graph: assembled.graph }),
      ...(assembled.secretPlan === undefined ? {} : { secretPlan: assembled.secretPlan }),
      providedSecrets: provided,
      ...(strategy === undefined ? {} : { rollout: { strategy: strategy as RolloutStrategy } }),
      ...(values.previous === undefined ? {} : { previous: { manifest: readJson(values.previous, 'previous manifest'), sha256: readPreviousSha(values.previous, values['previous-sha256']) } }),
      confirmCost: values['confirm-cost'],
      ...(values.region === undefined ? {} : { region: values.region }),
    });
    io.stdout(values.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan, io));
    return plan.outcome.status === 'success' ? 0 : 1;
  } catch (error) {
    // node:util parseArgs throws plain TypeErrors for unknown or malformed options.
    if (error instanceof TypeError && String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`error [INVALID_ARGUMENT]: ${error.message}\n${USAGE}`);
      return 2;
    }
    return reportError(error, io);
  }
}
