import { join, resolve } from 'node:path';
import {
  assembleScenario,
  createFileProfileStore,
  writeExport,
  type CloudManifest,
  type DesktopManifest,
  type MobileManifest,
  type ProfileContent,
} from '@deployment-manager/bundle';
import { parseTier, runPackagers, type Diagnostic, type Packager, type PackagerLogEvent, type PackagerRun, type Tier } from '@deployment-manager/core';
import { parseSwapArg } from '@deployment-manager/fitness';
import { defineCommand, type Command } from '../command.ts';
import { CATALOG_OPTION, GRAPH_SOURCE_OPTIONS, SUGGESTED_SWAP_OPTIONS, SWAP_OPTION, TIER_OPTION, suggestedSwaps } from '../common-options.ts';
import { userCatalog } from '../user-catalog.ts';
import { loadGraphSource, requireWorkspace } from '../graph-source.ts';
import { colour, type CliIo } from '../io.ts';
import { bytesForPeople } from '../people-text.ts';
import { issueJson, type IssueJson } from './bundle.ts';
import { writeJson } from '../json-output.ts';

/** Package targets and the tier each assembles for by default. */
export const PACKAGE_TARGETS: Readonly<Record<'desktop' | 'cloud' | 'mobile', Tier>> = { desktop: 'desktop', cloud: 'saas', mobile: 'mobile' };

/** The `package --json` document. */
export interface PackageJson {
  /** Scenario packaged. */
  readonly scenario: string;
  /** desktop, cloud or mobile. */
  readonly target: string;
  /** The tier the manifest was assembled for. */
  readonly tier: Tier;
  /** True when the manifest validated and the packager packed. */
  readonly ok: boolean;
  /** Swaps applied, as `from=to`. */
  readonly swaps: readonly string[];
  /** The exported manifest (absent when assembly failed). */
  readonly manifest: { readonly path: string; readonly sha256: string } | null;
  /** Assembly and validation findings. */
  readonly diagnostics: readonly IssueJson[];
  /** The packager's outcome. */
  readonly packager: {
    readonly name: string;
    readonly status: 'packed' | 'refused' | 'skipped';
    readonly artifacts: readonly { path: string; mediaType: string; sha256: string; bytes: number }[];
    readonly notes: readonly { kind: string; feature: string; message: string }[];
    readonly issues: readonly IssueJson[];
  } | null;
}

/**
 * A progress sink: on a terminal one rewritten progress line; elsewhere the
 * info lines. Notes (`warn` events) are not printed here: the report lists
 * each once.
 */
function progress(io: CliIo): (event: PackagerLogEvent) => void {
  return (e) => {
    if (io.isTTY && e.progress !== undefined) {
      const width = 20;
      const done = Math.round(Math.max(0, Math.min(1, e.progress)) * width);
      io.stderr(`\r\u001b[2K[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${e.packager}: ${e.message}`);
    } else if (!io.isTTY && e.level === 'info') io.stderr(`${e.packager}: ${e.message}\n`);
  };
}

/**
 * `deployment-manager package <scenario> --root <dir> --target desktop|cloud|mobile --out <dir>`:
 * the whole pipeline - graph, swaps, secret plan, assembly, validation,
 * canonical export (`<out>/bundle.json` + `.sha256`) and the target's packager
 * (`<out>/<packager>/...`). Exit 0 when packed, 1 when the manifest or the
 * packager's check has errors, 2 on bad input.
 *
 * @example
 * ```sh
 * deployment-manager package picker-wheel --root ../Vrooli --target desktop --accept-suggested --out dist/
 * ```
 */
export const packageCommand: Command = defineCommand({
  description:
    "Runs the whole pipeline for one target: the scenario's graph, the swaps, the secret plan, the manifest (validated, exported to <out>/bundle.json with its .sha256) and the target's packager, whose artifacts go to <out>/<packager>/. The output folder is created when missing. Warnings and the packager's notes are listed once at the end.",
  positionals: [{ name: 'scenario', description: 'the scenario to package' }],
  options: {
    ...GRAPH_SOURCE_OPTIONS,
    target: { type: 'string', value: '<target>', choices: Object.keys(PACKAGE_TARGETS), required: true, description: 'what to build: desktop (Electron), cloud (Compose, Kubernetes, Helm), mobile (Capacitor)' },
    out: { type: 'string', value: '<dir>', required: true, description: 'the output folder (created when missing)' },
    tier: { ...TIER_OPTION, description: 'the tier to assemble for', defaultText: 'desktop for desktop, saas for cloud, mobile for mobile' },
    profile: { type: 'string', value: '<id>', description: 'start from a saved profile' },
    store: { type: 'string', value: '<dir>', default: '.deployment-manager/profiles', description: 'where profiles are kept' },
    swap: SWAP_OPTION,
    ...SUGGESTED_SWAP_OPTIONS,
    catalog: CATALOG_OPTION,
  },
  exitOne: 'the manifest has errors or the packager refused it (the findings are printed)',
  examples: ['package recipe-hub --root examples/end-to-end/workspace --target desktop --accept-suggested --out out/', 'package recipe-hub --root examples/end-to-end/workspace --target cloud --accept-suggested --out out/cloud --json'],
  run: async ({ values, json, positionals: [scenario = ''] }, io) => {
    const target = values.target as keyof typeof PACKAGE_TARGETS;
    const out = resolve(values.out);
    const tier = values.tier === undefined ? PACKAGE_TARGETS[target] : parseTier(values.tier);
    const source = await loadGraphSource(scenario, values, 'active');
    const workspace = requireWorkspace(source, scenario);
    let profile: ProfileContent | undefined;
    if (values.profile !== undefined) profile = (await createFileProfileStore(values.store).get(values.profile)).content;
    if (!io.isTTY || json) io.stderr(`${scenario}: assembling the ${target} manifest for tier ${tier}\n`);
    const assembly = assembleScenario(workspace, scenario, {
      tier,
      graph: source.graph,
      swaps: values.swap.map(parseSwapArg),
      acceptSuggested: suggestedSwaps(values) ?? false,
      ...(profile === undefined ? {} : { profile }),
      ...userCatalog(values.catalog),
    });
    const { result } = assembly;
    const swaps = assembly.swaps.map((s) => `${s.from}=${s.to}`);
    let manifest: PackageJson['manifest'] = null;
    let run: PackagerRun | undefined;
    if (result.ok) {
      const file = join(out, 'bundle.json');
      manifest = { path: file, sha256: writeExport(result.manifest, file).sha256 };
      const log = json ? (): void => undefined : progress(io);
      const manifestTarget = result.manifest.target;
      const packer = async <B>(p: Packager<B>, m: B): Promise<PackagerRun | undefined> => (await runPackagers([p], m, { outDir: out, log }))[0];
      // Only the target's packager is loaded.
      if (manifestTarget === 'desktop') run = await packer((await import('@deployment-manager/packager-desktop')).createDesktopPackager(), result.manifest as DesktopManifest);
      else if (manifestTarget === 'cloud') run = await packer((await import('@deployment-manager/packager-cloud')).createCloudPackager(), result.manifest as CloudManifest);
      else run = await packer((await import('@deployment-manager/packager-mobile')).createMobilePackager(), result.manifest as MobileManifest);
      if (io.isTTY && !json) io.stderr('\r\u001b[2K');
    }
    const doc: PackageJson = {
      scenario,
      target,
      tier,
      ok: result.ok && run?.status === 'packed',
      swaps,
      manifest,
      diagnostics: result.diagnostics.map(issueJson),
      packager:
        run === undefined
          ? null
          : {
              name: run.packager,
              status: run.status,
              artifacts: run.status === 'packed' ? run.result.artifacts.map((a) => ({ ...a })) : [],
              notes: run.status === 'packed' ? run.result.notes.map((n) => ({ kind: n.kind, feature: n.feature, message: n.message })) : [],
              issues: run.issues.map(issueJson),
            },
    };
    if (json) writeJson(io, doc);
    else io.stdout(renderPackage(doc, result.diagnostics, io.isTTY));
    return doc.ok ? 0 : 1;
  },
});

/** Human report: the outcome, the files, then every warning and note once (the errors when refused). */
function renderPackage(doc: PackageJson, diagnostics: readonly Diagnostic[], tty: boolean): string {
  const lines: string[] = [];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  lines.push(`${colour(tty, 'bold', `${doc.scenario} → ${doc.target}`)} (tier ${doc.tier})${doc.swaps.length > 0 ? `, swaps: ${doc.swaps.join(', ')}` : ''}`);
  if (doc.manifest === null) {
    lines.push(colour(tty, 'red', `manifest not valid: ${errors.length} error(s)`));
    for (const d of errors) lines.push(`  ${d.code} ${d.path || '/'}: ${d.message}${d.hint === undefined ? '' : `\n    hint: ${d.hint}`}`);
    // Refused without swaps: say how to ask for the ones that would ship it.
    if (doc.swaps.length === 0) lines.push(`no swaps were applied: --swaps optimal applies the cheapest set that ships (see \`deployment-manager swaps plan ${doc.scenario} --tier ${doc.tier}\`)`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`manifest: ${doc.manifest.path} (sha256 ${doc.manifest.sha256})`);
  const p = doc.packager;
  if (p !== null && p.status === 'packed') {
    lines.push(colour(tty, 'green', `${p.name}: ${p.artifacts.length} artifact(s)`));
    for (const a of p.artifacts) lines.push(`  ${a.path}  ${bytesForPeople(a.bytes)}`);
  } else if (p !== null) {
    lines.push(colour(tty, 'red', `${p.name}: refused`));
    for (const i of p.issues.filter((x) => x.severity === 'error')) lines.push(`  ${i.code} ${i.path || '/'}: ${i.message}`);
  }
  const warnings = [...diagnostics.filter((d) => d.severity === 'warning').map(issueJson), ...(p?.issues.filter((i) => i.severity === 'warning') ?? [])];
  if (warnings.length > 0) {
    lines.push(colour(tty, 'yellow', `${warnings.length} warning(s):`));
    for (const w of warnings) lines.push(`  - ${w.message}${w.hint === null ? '' : ` (${w.hint})`}`);
  }
  const notes = p?.notes ?? [];
  if (notes.length > 0) {
    lines.push(`${notes.length} note(s) on what ${doc.target} cannot express:`);
    for (const n of notes) lines.push(`  - ${n.kind} ${n.feature}: ${n.message}`);
  }
  return `${lines.join('\n')}\n`;
}
