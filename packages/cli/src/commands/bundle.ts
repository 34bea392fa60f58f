import { parseArgs } from 'node:util';
import {
  assembleScenario,
  createFileProfileStore,
  exportCanonical,
  validateManifest,
  verifyExport,
  writeExport,
  type ProfileContent,
} from '@deployment-manager/bundle';
import { SdkError, parseTier, type Diagnostic } from '@deployment-manager/core';
import { parseSwapArg } from '@deployment-manager/fitness';
import { GRAPH_SOURCE_OPTIONS, loadGraphSource, requireWorkspace, type GraphSourceValues } from '../graph-source.ts';
import { readJsonFile, reportError, type CliIo } from '../io.ts';

const USAGE = `usage:
  deployment-manager bundle validate <manifest.json> [--json]
  deployment-manager bundle assemble <scenario> --root <dir> --tier <tier> [--profile <id> --store <dir>] [--swap from=to ...] [--accept-suggested] [--analyzer-url <url>] [--policy all|active] [--out <file>] [--json]
  deployment-manager bundle export <manifest.json> --out <file> [--json]
  deployment-manager bundle verify <file> [--sha256 <hex>] [--json]
`;

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
  if (json) io.stdout(`${JSON.stringify({ valid: result.ok, issues: issues.map(issueJson) }, null, 2)}\n`);
  else io.stdout(`${renderIssues(issues)}${result.ok ? `${file}: valid` : `${file}: invalid`} (${issues.length} finding(s))\n`);
  return result.ok ? 0 : 1;
}

async function assembleCommand(scenario: string, values: Record<string, unknown>, io: CliIo): Promise<number> {
  if (typeof values['tier'] !== 'string') throw new SdkError('INVALID_ARGUMENT', 'no tier given', { hint: 'pass --tier desktop|mobile|saas|enterprise' });
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
    acceptSuggested: values['accept-suggested'] === true,
  });
  const exported = exportCanonical(result.manifest);
  if (typeof values['out'] === 'string' && result.ok) writeExport(result.manifest, values['out']);
  if (values['json'] === true) {
    io.stdout(`${JSON.stringify({ ok: result.ok, sha256: exported.sha256, manifest: result.manifest, diagnostics: result.diagnostics.map(issueJson) }, null, 2)}\n`);
  } else {
    io.stderr(renderIssues(result.diagnostics));
    if (typeof values['out'] === 'string') io.stdout(result.ok ? `wrote ${values['out']} (sha256 ${exported.sha256})\n` : 'not written: the manifest has errors\n');
    else io.stdout(`${JSON.stringify(result.manifest, null, 2)}\n`);
  }
  return result.ok ? 0 : 1;
}

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
export async function runBundleCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...GRAPH_SOURCE_OPTIONS,
        tier: { type: 'string' },
        profile: { type: 'string' },
        store: { type: 'string' },
        swap: { type: 'string', multiple: true, default: [] },
        'accept-suggested': { type: 'boolean', default: false },
        out: { type: 'string' },
        sha256: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      io.stdout(USAGE);
      return 0;
    }
    const [action, subject] = positionals;
    if (subject === undefined || !['validate', 'assemble', 'export', 'verify'].includes(action ?? '')) {
      throw new SdkError('INVALID_ARGUMENT', action === undefined ? 'no bundle action given' : `bundle ${action} needs a file or scenario`, { hint: USAGE.trim() });
    }
    if (action === 'validate') return validateCommand(subject, values.json, io);
    if (action === 'assemble') return await assembleCommand(subject, values, io);
    if (action === 'verify') {
      const v = verifyExport(subject, values.sha256);
      if (values.json) io.stdout(`${JSON.stringify(v, null, 2)}\n`);
      else io.stdout(v.ok ? `${subject}: ok (sha256 ${v.actual})\n` : `${subject}: MISMATCH (expected ${v.expected ?? 'none'}, actual ${v.actual}${v.canonical ? '' : ', not canonical JSON'})\n`);
      return v.ok ? 0 : 1;
    }
    if (values.out === undefined) throw new SdkError('INVALID_ARGUMENT', 'bundle export needs --out <file>', { hint: USAGE.trim() });
    const manifest = readJsonFile(subject, 'fix the JSON syntax');
    const result = validateManifest(manifest);
    if (!result.ok) {
      if (values.json) io.stdout(`${JSON.stringify({ valid: false, issues: [...result.issues, ...result.warnings].map(issueJson) }, null, 2)}\n`);
      else io.stderr(`${renderIssues(result.issues)}not exported: ${subject} is invalid\n`);
      return 1;
    }
    const e = writeExport(result.value, values.out);
    if (values.json) io.stdout(`${JSON.stringify({ valid: true, out: values.out, sha256: e.sha256, bytes: e.bytes.length }, null, 2)}\n`);
    else io.stdout(`wrote ${values.out} and ${values.out}.sha256 (sha256 ${e.sha256})\n`);
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}
