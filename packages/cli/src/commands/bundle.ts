import {
  assembleScenario,
  createFileProfileStore,
  exportCanonical,
  validateManifest,
  verifyExport,
  writeExport,
  type ProfileContent,
} from '@deployment-manager/bundle';
import { parseTier, type Diagnostic } from '@deployment-manager/core';
import { parseSwapArg } from '@deployment-manager/fitness';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, GRAPH_SOURCE_OPTIONS, SUGGESTED_SWAP_OPTIONS, SWAP_OPTION, TIER_OPTION, suggestedSwaps } from '../common-options.ts';
import { userCatalog } from '../user-catalog.ts';
import { loadGraphSource, requireWorkspace, type GraphSourceValues } from '../graph-source.ts';
import type { CliIo } from '../io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { UsageError } from '../usage-error.ts';
import { writeJson } from '../json-output.ts';

/** One issue as `bundle validate --json` prints it. */
export interface IssueJson {
  /** Stable code. */
  readonly code: string;
  /** error, warning or info. */
  readonly severity: string;
  /** JSON pointer into the manifest. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
  /** What to do, or null. */
  readonly hint: string | null;
}

/** A diagnostic in the CLI's JSON shape. */
export function issueJson(d: Diagnostic): IssueJson {
  return { code: d.code, severity: d.severity, path: d.path, message: d.message, hint: d.hint ?? null };
}

function renderIssues(issues: readonly Diagnostic[]): string {
  return issues.map((d) => `${d.severity.padEnd(7)} ${d.code} ${d.path || '/'}: ${d.message}${d.hint === undefined ? '' : `\n        hint: ${d.hint}`}\n`).join('');
}

function validateCommand(file: string, json: boolean, io: CliIo): number {
  const result = validateManifest(readJsonFile(file, 'fix the JSON syntax'));
  const issues = [...(result.ok ? [] : result.issues), ...result.warnings];
  if (json) writeJson(io, { valid: result.ok, issues: issues.map(issueJson) });
  else io.stdout(`${renderIssues(issues)}${result.ok ? `${file}: valid` : `${file}: invalid`} (${issues.length} finding(s))\n`);
  return result.ok ? 0 : 1;
}

async function assembleCommand(scenario: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (typeof values['tier'] !== 'string') throw new UsageError('bundle assemble needs --tier', 'add --tier <tier> (local, desktop, mobile, saas, enterprise)', 'bundle');
  const tier = parseTier(values['tier']);
  const source = await loadGraphSource(scenario, values as GraphSourceValues, 'active');
  const workspace = requireWorkspace(source, scenario);
  let content: ProfileContent | undefined;
  if (typeof values['profile'] === 'string') {
    content = (await createFileProfileStore(typeof values['store'] === 'string' ? values['store'] : '.deployment-manager/profiles').get(values['profile'])).content;
  }
  const { result } = assembleScenario(workspace, scenario, {
    tier,
    graph: source.graph,
    ...(content === undefined ? {} : { profile: content }),
    swaps: (values['swap'] as string[]).map(parseSwapArg),
    acceptSuggested: suggestedSwaps(values) ?? false,
    ...userCatalog(typeof values['catalog'] === 'string' ? values['catalog'] : undefined),
  });
  const exported = exportCanonical(result.manifest);
  if (typeof values['out'] === 'string' && result.ok) writeExport(result.manifest, values['out']);
  if (values['json'] === true) {
    writeJson(io, { ok: result.ok, sha256: exported.sha256, manifest: result.manifest, diagnostics: result.diagnostics.map(issueJson) });
  } else {
    io.stderr(renderIssues(result.diagnostics));
    if (typeof values['out'] === 'string') io.stdout(result.ok ? `wrote ${values['out']} (sha256 ${exported.sha256})\n` : 'not written: the manifest has errors\n');
    else writeJson(io, result.manifest);
  }
  return result.ok ? 0 : 1;
}

const FILE = { name: 'file', description: 'a manifest (bundle.json)' } as const;

/**
 * `deployment-manager bundle validate|assemble|export|verify ...`. Exit codes:
 * 0 ok, 1 invalid manifest (or failed verification), 2 bad input.
 *
 * @example
 * ```sh
 * deployment-manager bundle validate bundle.json --json
 * deployment-manager bundle assemble picker-wheel --root ../Vrooli --tier desktop --accept-suggested --out bundle.json
 * ```
 */
export const bundleCommand: Command = defineCommand({
  description:
    'A deployment manifest (bundle.json) says what ships on a target: services, swaps, secrets by class, ports. assemble builds one for a scenario and tier; validate checks one (schema and meaning); export writes it canonically with a .sha256 sidecar; verify checks a file against its checksum.',
  actions: {
    assemble: { summary: "build the scenario's manifest for --tier (printed, or written to --out)", positionals: [{ name: 'scenario', description: 'the scenario to assemble' }], options: ['root', 'tier', 'profile', 'store', 'swap', 'accept-suggested', 'swaps', 'catalog', 'out'] },
    validate: { summary: 'check a manifest against its schema and the semantic rules', positionals: [FILE] },
    export: { summary: 'validate and write a manifest canonically with its .sha256 sidecar', positionals: [FILE], options: ['out'] },
    verify: { summary: "check a file's SHA-256 against its sidecar or --sha256", positionals: [{ name: 'file', description: 'an exported file' }], options: ['sha256'] },
  },
  options: {
    ...GRAPH_SOURCE_OPTIONS,
    tier: { ...TIER_OPTION, description: 'assemble: the tier to assemble for (required there)' },
    profile: { type: 'string', value: '<id>', description: 'assemble: start from a saved profile' },
    store: { type: 'string', value: '<dir>', default: '.deployment-manager/profiles', description: 'where profiles are kept' },
    swap: SWAP_OPTION,
    'accept-suggested': { ...SUGGESTED_SWAP_OPTIONS['accept-suggested'], description: `assemble: ${SUGGESTED_SWAP_OPTIONS['accept-suggested'].description}` },
    swaps: { ...SUGGESTED_SWAP_OPTIONS.swaps, description: `assemble: ${SUGGESTED_SWAP_OPTIONS.swaps.description}` },
    catalog: { ...CATALOG_OPTION, description: `assemble: ${CATALOG_OPTION.description}` },
    out: { type: 'string', value: '<file>', description: 'assemble/export: the file to write (folders are created); export requires it' },
    sha256: { type: 'string', value: '<hex>', description: 'verify: the expected checksum', defaultText: "the file's .sha256 sidecar" },
  },
  exitOne: 'the manifest is invalid, or verification failed',
  examples: ['bundle assemble recipe-hub --root examples/end-to-end/workspace --tier desktop --accept-suggested --out out/bundle.json', 'bundle validate out/bundle.json --json', 'bundle verify out/bundle.json'],
  run: async ({ values, json, action, positionals: [subject = ''] }, io) => {
    if (action === 'validate') return validateCommand(subject, json, io);
    if (action === 'assemble') return await assembleCommand(subject, { ...values, json }, io);
    if (action === 'verify') {
      const v = verifyExport(subject, values.sha256);
      if (json) writeJson(io, v);
      else io.stdout(v.ok ? `${subject}: ok (sha256 ${v.actual})\n` : `${subject}: MISMATCH (expected ${v.expected ?? 'none'}, actual ${v.actual}${v.canonical ? '' : ', not canonical JSON'})\n`);
      return v.ok ? 0 : 1;
    }
    if (values.out === undefined) throw new UsageError('bundle export needs --out', 'add --out <file>', 'bundle');
    const manifest = readJsonFile(subject, 'fix the JSON syntax');
    const result = validateManifest(manifest);
    if (!result.ok) {
      if (json) writeJson(io, { valid: false, issues: [...result.issues, ...result.warnings].map(issueJson) });
      else io.stderr(`${renderIssues(result.issues)}not exported: ${subject} is invalid\n`);
      return 1;
    }
    const e = writeExport(result.value, values.out);
    if (json) writeJson(io, { valid: true, out: values.out, sha256: e.sha256, bytes: e.bytes.length });
    else io.stdout(`wrote ${values.out} and ${values.out}.sha256 (sha256 ${e.sha256})\n`);
    return 0;
  },
});
