import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { assembleScenario, exportCanonical, type DesktopManifest } from '@deployment-manager/bundle';
import { SdkError, inputByteLimit, isSdkError, loadWorkspace, parseTier, readTextFileBounded, type Diagnostic, type Tier } from '@deployment-manager/core';
import { parseSwapArg } from '@deployment-manager/fitness';
import {
  DEPLOY_TARGETS,
  DEPLOY_TARGET_IDS,
  buildBundle,
  buildCommandsFor,
  classifyTelemetry,
  commandLine,
  createLocalHost,
  createSshHost,
  deployPlan,
  deployRelease,
  lastRun,
  latestRecords,
  planDeployment,
  prepareRelease,
  readHistory,
  releaseStatus,
  rollbackRelease,
  runCommand,
  sshMasterExit,
  type DeployEvent,
  type DeployHost,
  type DeployRecord,
  type DeployTargetId,
  type ReleaseResult,
  type SmokeResult,
  type SshTarget,
  type TelemetryFinding,
} from '@deployment-manager/planner';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, SUGGESTED_SWAP_OPTIONS, SWAP_OPTION, TIER_OPTION, suggestedSwaps } from '../common-options.ts';
import { userCatalog } from '../user-catalog.ts';
import { colour, type CliIo } from '../io.ts';
import { requireScenario } from '../require-scenario.ts';
import { issueJson } from './bundle.ts';
import { planInput, secretNames } from './plan-input.ts';
import { renderRefusal } from './plan.ts';
import { renderRuntimeStatus } from './runtime.ts';
import { writeJson } from '../json-output.ts';

/** Option values every action reads. */
interface DeployValues {
  readonly target: string | undefined;
  readonly env: string;
  readonly state: string;
  readonly 'deploy-root': string | undefined;
  readonly host: string | undefined;
  readonly port: string | undefined;
  readonly identity: string | undefined;
  readonly 'ssh-option': readonly string[];
}

const historyFile = (values: DeployValues): string => join(values.state, 'history.jsonl');

function sshTarget(values: DeployValues): SshTarget {
  if (values.host === undefined) throw new SdkError('INVALID_ARGUMENT', 'the vps target needs --host <user@host>', { hint: 'e.g. --host deploy@203.0.113.10 --identity ~/.ssh/deploy_ed25519' });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port <= 65535)) throw new SdkError('INVALID_ARGUMENT', `--port "${values.port}" is not a port`, { hint: 'give 1..65535' });
  // ssh reads a destination that starts with "-" as an option: refuse it rather than quote it.
  if (values.host.startsWith('-') || /\s/.test(values.host)) throw new SdkError('INVALID_ARGUMENT', `--host ${JSON.stringify(values.host)} is not a user@host destination`, { hint: 'give user@host, host, or a Host alias of your ssh config' });
  return { destination: values.host, ...(port === undefined ? {} : { port }), ...(values.identity === undefined ? {} : { identity: resolve(values.identity) }), ...(values['ssh-option'].length === 0 ? {} : { options: values['ssh-option'] }) };
}

/** The host a release target deploys to, from the options. */
function hostOf(target: 'local' | 'vps', scenario: string, values: DeployValues): DeployHost {
  if (target === 'local') return createLocalHost(resolve(values['deploy-root'] ?? join(values.state, 'local', `${scenario}-${values.env}`)));
  return createSshHost(sshTarget(values), values['deploy-root'] ?? `deployment-manager/${scenario}-${values.env}`);
}

/** The host of the newest release deploy in the history (of `scenario` when given). */
function lastHost(values: DeployValues, scenario: string | undefined): { readonly host: DeployHost; readonly record: DeployRecord } {
  const records = latestRecords(readHistory(historyFile(values)).records).filter((r) => r.root !== undefined && (scenario === undefined || r.scenario === scenario));
  const record = records.at(-1);
  if (record?.root === undefined) {
    throw new SdkError('RELEASE_NOT_FOUND', `no release deploy${scenario === undefined ? '' : ` of ${scenario}`} is recorded in ${historyFile(values)}`, { hint: 'deploy one with `deployment-manager deploy <scenario> --target local`, or pass --target and --deploy-root (and --host for vps)' });
  }
  return { host: record.ssh === undefined ? createLocalHost(record.root) : createSshHost(record.ssh, record.root), record };
}

/** The host `status` and `rollback` talk to: given by --target (local, vps), else the last release deploy. */
function hostFor(values: DeployValues, scenario: string | undefined): DeployHost {
  if (values.target === 'local' || values.target === 'vps') {
    return hostOf(values.target, scenario ?? lastHost(values, undefined).record.scenario, values);
  }
  if (values.target !== undefined) throw new SdkError('INVALID_ARGUMENT', `target ${values.target} keeps no releases`, { hint: 'status and rollback work on the local and vps targets; compose and k8s are read with docker compose ps and helm status' });
  return lastHost(values, scenario).host;
}

/** Runs `work` with the host's commands sharing one ssh connection, closed (and its socket removed) at the end. */
async function withSharedSsh<T>(host: DeployHost, work: (host: DeployHost) => Promise<T>): Promise<T> {
  if (host.ssh === undefined) return work(host);
  const controlDir = mkdtempSync(join(tmpdir(), 'dm-ssh-'));
  const target = { ...host.ssh, controlDir };
  try {
    return await work(createSshHost(target, host.layout.root));
  } finally {
    const exit = sshMasterExit(target);
    if (exit !== undefined) await runCommand(exit, { timeoutMs: 10_000 });
    rmSync(controlDir, { recursive: true, force: true });
  }
}

/** Telemetry findings of the last run, each with its evidence and fix. */
function renderFindings(findings: readonly TelemetryFinding[], io: CliIo): string {
  if (findings.length === 0) return 'telemetry of the last run: no failures\n';
  const lines = [`telemetry of the last run: ${findings.length} kind(s) of failure`];
  for (const f of findings) {
    lines.push(`  ${colour(io.isTTY, 'red', f.kind)}${f.service === undefined ? '' : ` ${f.service}`} (${f.count}x, last ${f.last}): ${f.summary}`);
    for (const e of f.evidence) lines.push(`    ${e}`);
    lines.push(`    fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

function renderEvent(io: CliIo): (e: DeployEvent) => void {
  return (e) => {
    const mark = e.status === 'run' ? colour(io.isTTY, 'grey', '..') : e.status === 'ok' ? colour(io.isTTY, 'green', 'ok') : colour(io.isTTY, 'red', 'FAILED');
    io.stderr(`${e.stage.padEnd(8)} ${mark} ${e.status === 'run' ? `$ ${e.detail}` : e.detail}\n`);
  };
}

/** One line per smoke check: name, outcome and why. */
function smokeLines(smoke: readonly SmokeResult[], io: CliIo): string[] {
  return smoke.map((s) => `  smoke ${s.name}: ${s.status === 'failed' ? colour(io.isTTY, 'red', s.status) : s.status}${s.detail === '' ? '' : ` (${s.detail})`}`);
}

function renderResult(r: ReleaseResult, host: DeployHost, io: CliIo): string {
  if (r.outcome === 'dry-run') return `${r.commands.map((c) => (c.startsWith('#') ? c : `$ ${c}`)).join('\n')}\n`;
  const id = r.id.slice(0, 12);
  const lines: string[] = [];
  if (r.outcome === 'success') lines.push(colour(io.isTTY, 'green', `release ${id} serves on ${host.label} (${host.layout.root}/current)`));
  else if (r.outcome === 'rolled-back') lines.push(colour(io.isTTY, 'red', `release ${id} failed at ${r.failedStage ?? '?'}: ${r.reason ?? ''}`), colour(io.isTTY, 'yellow', `rolled back: ${r.previous?.slice(0, 12) ?? '?'} serves again`));
  else lines.push(colour(io.isTTY, 'red', `release ${id} failed at ${r.failedStage ?? '?'}: ${r.reason ?? ''}`));
  lines.push(...smokeLines(r.gate?.smoke ?? [], io));
  if (r.record !== undefined) lines.push(`took ${(r.record.durationMs / 1000).toFixed(1)} s; recorded in the deploy history`);
  return `${lines.join('\n')}\n`;
}

/** The values of an env file, for the commands' environment only (never printed). */
function secretValues(path: string | undefined): Record<string, string> {
  if (path === undefined) return {};
  const names = new Set(secretNames(path));
  const out: Record<string, string> = {};
  for (const line of readTextFileBounded(path, 'secrets file').split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line);
    if (m?.[1] !== undefined && names.has(m[1])) out[m[1]] = (m[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

const ask = (io: CliIo, question: string): Promise<boolean> =>
  new Promise((resolveAnswer) => {
    if (process.stdin.isTTY !== true) return resolveAnswer(false);
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    io.stderr(`${question} [y/N] `);
    rl.question('', (answer) => {
      rl.close();
      resolveAnswer(/^y(es)?$/i.test(answer.trim()));
    });
  });

const SCENARIO_OPTIONAL = { name: 'scenario', description: 'the scenario (default: the one deployed last, from the history)', optional: true } as const;
const HOST_OPTIONS = ['target', 'deploy-root', 'host', 'port', 'identity', 'ssh-option', 'state', 'env'];

/**
 * `deployment-manager deploy [run] <scenario> --target local|vps|compose|k8s|do|aws`,
 * `deploy status|history|rollback`: executes a plan through real tools and
 * keeps a release history (planner's `deployRelease`, `deployPlan`,
 * `rollbackRelease`).
 */
export const deployCommand: Command = defineCommand({
  description:
    'Deploys a scenario for real. local and vps: the desktop bundle is assembled (every suggested swap that gains taken unless --swaps says otherwise: the runtime runs only what the bundle ships) and built (its build plan), uploaded to <deploy root>/releases/<sha256>/ (over the system ssh for vps), checked against its SHA256SUMS on the host, started under the bundle runtime (migrations first), health-gated through the runtime control api and smoke checks, and only then `current` is switched atomically; a failed gate rolls back to the release that served. compose, k8s, do, aws: the plan files are written and the plan commands run with the target tools (terraform apply only after its plan is confirmed). A missing tool is refused by name before anything runs. Every deploy is recorded in <state>/history.jsonl.',
  defaultAction: 'run',
  actions: {
    run: { summary: 'deploy a scenario to a target (the default action)', positionals: [{ name: 'scenario', description: 'the scenario to deploy' }], options: ['target', 'root', 'env', 'dry-run', 'bundle', 'keep', 'health-timeout', 'swap', 'swaps', 'accept-suggested', 'tier', 'secret', 'secrets-file', 'catalog', 'confirm-cost', 'yes', 'out', ...HOST_OPTIONS] },
    status: { summary: 'the release serving on a host: runtime status through its control api (an ssh tunnel for vps), its smoke checks run again through the same way, and the failures its telemetry shows, each with a fix', positionals: [SCENARIO_OPTIONAL], options: HOST_OPTIONS },
    stop: { summary: 'stop the release running on a host (current stays; deploy or rollback starts one again)', positionals: [SCENARIO_OPTIONAL], options: HOST_OPTIONS },
    history: { summary: 'the recorded deploys and rollbacks, oldest first', positionals: [SCENARIO_OPTIONAL], options: ['state'] },
    rollback: { summary: 'switch back to a kept release (the previous one, or --to) and health-gate it', positionals: [SCENARIO_OPTIONAL], options: ['to', 'health-timeout', ...HOST_OPTIONS] },
  },
  options: {
    target: { type: 'string', value: '<target>', choices: DEPLOY_TARGET_IDS, description: 'where to deploy: local, vps (a release of the bundle runtime), compose, k8s, do, aws (the plan through its tools)', defaultText: 'run: required; status/rollback: the last release deploy' },
    root: { type: 'string', value: '<dir>', default: '.', description: 'the workspace holding the scenario' },
    env: { type: 'string', value: '<environment>', default: 'production', description: 'the environment name' },
    state: { type: 'string', value: '<dir>', default: '.deployment-manager/deploy', description: 'where the history (history.jsonl), builds and local releases are kept' },
    'dry-run': { type: 'boolean', description: 'print the exact commands, run none of them, record nothing' },
    'deploy-root': { type: 'string', value: '<dir>', description: 'the deploy root on the host (releases/, current, shared/)', defaultText: 'local: <state>/local/<scenario>-<env>; vps: deployment-manager/<scenario>-<env> under the login directory' },
    host: { type: 'string', value: '<user@host>', description: 'vps: the ssh destination' },
    port: { type: 'string', value: '<port>', description: 'vps: the ssh port', defaultText: "ssh's (22)" },
    identity: { type: 'string', value: '<key file>', description: 'vps: the private key (ssh -i)' },
    'ssh-option': { type: 'string', value: '<option>', multiple: true, description: 'vps: an ssh -o option (e.g. UserKnownHostsFile=known_hosts)' },
    bundle: { type: 'string', value: '<dir>', description: 'local/vps: deploy this staged bundle instead of building one' },
    keep: { type: 'string', value: '<n>', default: '5', description: 'local/vps: releases kept on the host (the serving one is never pruned)' },
    'health-timeout': { type: 'string', value: '<seconds>', default: '120', description: 'how long a release may take to get ready' },
    to: { type: 'string', value: '<sha256>', description: 'rollback: the release to go back to (at least 7 digits)' },
    swap: SWAP_OPTION,
    ...SUGGESTED_SWAP_OPTIONS,
    tier: { ...TIER_OPTION, description: 'the tier to assemble for', defaultText: 'desktop for local/vps, saas otherwise' },
    secret: { type: 'string', value: '<NAME>', multiple: true, description: 'plan targets: a secret that will be provided (name only)' },
    'secrets-file': { type: 'string', value: '<.env file>', description: "plan targets: an env file; its names count as provided and its values reach the tools' environment only" },
    catalog: CATALOG_OPTION,
    'confirm-cost': { type: 'boolean', description: "accept a cost over the target's guardrail" },
    yes: { type: 'boolean', description: 'apply the terraform plan without asking' },
    out: { type: 'string', value: '<dir>', description: 'plan targets: where the plan files go', defaultText: '<state>/plans/<scenario>-<env>-<target>' },
  },
  exitOne: 'run/rollback: the deploy failed or was rolled back, or was refused (a tool is missing, the plan or the assembly is blocked); status: not ready, or a critical smoke check failed',
  examples: [
    'deploy recipe-hub --root examples/end-to-end/workspace --target local',
    'deploy status',
    'deploy recipe-hub --root examples/end-to-end/workspace --target vps --host deploy@203.0.113.10 --identity ~/.ssh/deploy --dry-run',
    'deploy recipe-hub --root examples/end-to-end/workspace --target compose --swap ollama=openai --secrets-file .env.production',
    'deploy history --json',
    'deploy rollback --to 4a2504691b2c',
  ],
  run: async ({ action, positionals: [scenario], values, json }, io) => {
    try {
      if (action === 'history') {
        const read = readHistory(historyFile(values));
        for (const w of read.warnings) io.stderr(`warning: ${historyFile(values)}: ${w}\n`);
        const records = latestRecords(read.records).filter((r) => scenario === undefined || r.scenario === scenario);
        if (json) writeJson(io, records);
        else for (const r of records) io.stdout(`${r.time}  ${r.action.padEnd(8)} ${r.outcome.padEnd(11)} ${r.scenario} ${r.version} -> ${r.target} ${r.host}  ${r.manifestSha256.slice(0, 12)}  ${(r.durationMs / 1000).toFixed(1)} s  ${r.who}${r.failedStage === undefined ? '' : `  failed at ${r.failedStage}: ${r.reason ?? ''}`}\n`);
        return 0;
      }
      const timeout = Number(values['health-timeout']);
      if (!(Number.isFinite(timeout) && timeout > 0)) throw new SdkError('INVALID_ARGUMENT', `--health-timeout "${values['health-timeout']}" is not a number of seconds`, { hint: 'e.g. --health-timeout 60' });
      const gate = { timeoutMs: timeout * 1000 };
      if (action === 'status') {
        const host = hostFor(values, scenario);
        return await withSharedSsh(host, async (h) => {
          const telemetry = await runCommand(h.release('telemetry'), { timeoutMs: 60_000, maxOutputBytes: inputByteLimit() });
          if (telemetry.truncated === true) io.stderr(`warning: the telemetry on ${h.label} is larger than ${inputByteLimit()} bytes (DM_MAX_INPUT_BYTES): not classified\n`);
          const findings = telemetry.code === 0 ? classifyTelemetry(lastRun(telemetry.stdout)) : [];
          const { status, down, smoke, healthy } = await releaseStatus(h);
          const smokeText = smoke.length === 0 ? '' : `smoke checks, run now:\n${smokeLines(smoke, io).join('\n')}\n`;
          if (json) writeJson(io, { host: h.label, root: h.layout.root, status: status ?? null, ...(down === undefined ? {} : { down }), smoke, healthy, findings });
          else io.stdout(`${h.label} ${h.layout.root}\n${status === undefined ? `${colour(io.isTTY, 'red', down ?? 'not running')}\n` : renderRuntimeStatus(status)}${smokeText}${renderFindings(findings, io)}`);
          return healthy ? 0 : 1;
        });
      }
      if (action === 'stop') {
        const host = hostFor(values, scenario);
        const r = await withSharedSsh(host, (h) => runCommand(h.release('stop'), { timeoutMs: 180_000 }));
        if (r.code !== 0) throw new SdkError('DEPLOY_FAILED', `cannot stop the release on ${host.label}: ${r.stderr.trim() || `exit ${String(r.code)}`}`, { hint: 'check the ssh connection and --deploy-root' });
        io.stdout(json ? `${JSON.stringify({ host: host.label, root: host.layout.root, stopped: true })}\n` : `stopped the release on ${host.label} (${host.layout.root})\n`);
        return 0;
      }
      if (action === 'rollback') {
        const host = hostFor(values, scenario);
        const last = readHistory(historyFile(values)).records.filter((r) => r.root === host.layout.root).at(-1);
        const result = await withSharedSsh(host, (h) => rollbackRelease({
          host: h,
          history: historyFile(values),
          identity: { scenario: scenario ?? last?.scenario ?? 'unknown', environment: last?.environment ?? values.env, target: last?.target ?? values.target ?? 'local' },
          gate,
          ...(values.to === undefined ? {} : { to: values.to }),
          dryRun: values['dry-run'],
          ...(json ? {} : { onEvent: renderEvent(io) }),
        }));
        if (json) writeJson(io, result);
        else io.stdout(renderResult(result, host, io));
        return result.outcome === 'success' || result.outcome === 'dry-run' ? 0 : 1;
      }
      // run
      if (values.target === undefined) throw new SdkError('INVALID_ARGUMENT', 'deploy needs --target', { hint: `one of ${DEPLOY_TARGET_IDS.join(', ')}` });
      const target = values.target as DeployTargetId;
      const name = scenario ?? '';
      const info = DEPLOY_TARGETS[target];
      const tier = values.tier === undefined ? info.tier : parseTier(values.tier);
      if (info.kind === 'plan') return await deployThroughPlan(name, target, tier, values, json, io);
      const keep = Number(values.keep);
      if (!(Number.isInteger(keep) && keep > 0)) throw new SdkError('INVALID_ARGUMENT', `--keep "${values.keep}" is not a count of releases`, { hint: 'give 1 or more' });
      const host = hostOf(target as 'local' | 'vps', name, values);
      const work = resolve(values.state, 'work', `${name}-${values.env}`);
      let bundleDir = values.bundle;
      const lines: string[] = [];
      if (bundleDir === undefined) {
        const workspace = loadWorkspace(values.root);
        requireScenario(workspace, name);
        const { result } = assembleScenario(workspace, name, { tier, swaps: values.swap.map(parseSwapArg), acceptSuggested: suggestedSwaps(values) ?? 'all-gains', ...userCatalog(values.catalog) });
        if (!result.ok) return refuse(name, result.diagnostics, json, io);
        if (result.manifest.target !== 'desktop') throw new SdkError('INVALID_ARGUMENT', `tier ${tier} makes a ${result.manifest.target} manifest, and ${target} runs desktop bundles`, { hint: 'leave --tier out (desktop), or use --target compose|k8s|do|aws' });
        const manifest = result.manifest as DesktopManifest;
        const sourceRoot = join(workspace.root, 'scenarios', name);
        if (values['dry-run']) {
          lines.push(...buildCommandsFor(manifest).map((c) => `(cd ${commandLine({ argv: [join(sourceRoot, c.cwd)] })} && ${commandLine(c)})`));
          const id = exportCanonical(manifest).sha256;
          const dry = await deployRelease({ host, history: historyFile(values), identity: { scenario: name, environment: values.env, target }, gate, keep, dryRun: true, release: { dir: join(work, 'release'), id, manifest } });
          if (json) writeJson(io, { ...dry, commands: [...lines, ...dry.commands] });
          else io.stdout(renderResult({ ...dry, commands: [...lines, ...dry.commands] }, host, io));
          return 0;
        }
        if (!json) io.stderr(`build    ${colour(io.isTTY, 'grey', '..')} ${name} ${manifest.app.version}: the build plan in ${sourceRoot}\n`);
        bundleDir = await buildBundle(manifest, { sourceRoot, workDir: work });
      }
      const release = await prepareRelease(bundleDir, join(work, 'release'));
      const result = await withSharedSsh(host, (h) => deployRelease({ host: h, release, history: historyFile(values), identity: { scenario: name, environment: values.env, target }, gate, keep, dryRun: values['dry-run'], ...(json ? {} : { onEvent: renderEvent(io) }) }));
      if (json) writeJson(io, result);
      else io.stdout(renderResult(result, host, io));
      return result.outcome === 'success' || result.outcome === 'dry-run' ? 0 : 1;
    } catch (error) {
      // A refusal of this machine or of the plan is a "no", not bad input.
      if (isSdkError(error) && (error.code === 'TOOL_MISSING' || error.code === 'PLAN_BLOCKED' || error.code === 'DEPLOY_FAILED')) {
        io.stderr(`${colour(io.isTTY, 'red', `error [${error.code}]`)}: ${error.message}\n${error.hint === undefined ? '' : `hint: ${error.hint}\n`}`);
        if (json) writeJson(io, { error: { code: error.code, message: error.message, hint: error.hint ?? null } });
        return 1;
      }
      throw error;
    }
  },
});

function refuse(scenario: string, diagnostics: readonly Diagnostic[], json: boolean, io: CliIo): number {
  if (json) writeJson(io, { scenario, ok: false, stage: 'assembly', diagnostics: diagnostics.map(issueJson) });
  else io.stdout(renderRefusal(scenario, diagnostics, io));
  return 1;
}

interface PlanDeployValues extends DeployValues {
  readonly root: string;
  readonly swap: readonly string[];
  readonly secret: readonly string[];
  readonly 'secrets-file': string | undefined;
  readonly catalog: string | undefined;
  readonly 'confirm-cost': boolean;
  readonly 'dry-run': boolean;
  readonly yes: boolean;
  readonly out: string | undefined;
}

/** compose, k8s, do, aws: the plan's files and commands, run with the target's tools. */
async function deployThroughPlan(scenario: string, target: DeployTargetId, tier: Tier, values: PlanDeployValues, json: boolean, io: CliIo): Promise<number> {
  const outDir = values.out ?? join(values.state, 'plans', `${scenario}-${values.env}-${target}`);
  const planned = await planInput(scenario, tier, { ...values, manifest: undefined, target, region: undefined }, outDir);
  if (!planned.ok) return refuse(scenario, planned.diagnostics, json, io);
  const plan = planDeployment(planned.input);
  const result = await deployPlan({
    input: planned.input,
    plan,
    history: historyFile(values),
    identity: { scenario, environment: values.env, target },
    dryRun: values['dry-run'],
    secretEnv: secretValues(values['secrets-file']),
    confirm: async (q) => values.yes || (await ask(io, q)),
    ...(json ? {} : { onLine: (l: string) => io.stderr(`${l}\n`) }),
  });
  if (json) writeJson(io, result);
  else if (result.outcome === 'dry-run') {
    io.stdout(`${result.commands.map((c) => `$ ${c}`).join('\n')}\n`);
    if (result.missing.length > 0) io.stdout(`# not installed here: ${result.missing.join(', ')} (a real deploy refuses)\n`);
  } else io.stdout(result.outcome === 'success' ? `${scenario} deployed to ${target}\n` : `${scenario} failed: ${result.failed?.reason ?? ''}\n`);
  return result.outcome === 'failed' ? 1 : 0;
}
