import { exportCanonical, verifyExport } from '@deployment-manager/bundle';
import { diffManifests, summarizeManifestChanges, type DiffOperation, type ManifestChanges } from '@deployment-manager/planner';
import { defineCommand, type Command } from '../command.ts';
import { readJsonFile } from '../read-json-file.ts';
import { writeJson } from '../json-output.ts';

/** The `diff --json` document. */
export interface DiffJson {
  /** SHA-256 of each manifest's canonical export. */
  readonly sha256: { readonly old: string; readonly new: string };
  /** Whether each file matches its `.sha256` sidecar (null when it has none). */
  readonly verified: { readonly old: boolean | null; readonly new: boolean | null };
  /** What changes, by meaning. */
  readonly changes: ManifestChanges;
  /** JSON Patch (RFC 6902 add/remove/replace) from old to new. */
  readonly operations: readonly DiffOperation[];
}

function sidecarOk(path: string): boolean | null {
  const v = verifyExport(path);
  return v.expected === undefined ? null : v.ok;
}

const list = (label: string, xs: readonly string[]): string[] => (xs.length === 0 ? [] : [`${label}: ${xs.join(', ')}`]);

function renderText(doc: DiffJson): string {
  const c = doc.changes;
  const lines = [
    `old sha256 ${doc.sha256.old}${doc.verified.old === false ? ' (does NOT match its .sha256)' : ''}`,
    `new sha256 ${doc.sha256.new}${doc.verified.new === false ? ' (does NOT match its .sha256)' : ''}`,
    ...(c.version === undefined ? [] : [`version: ${c.version.from} -> ${c.version.to}`]),
    ...list('services added', c.servicesAdded),
    ...list('services removed', c.servicesRemoved),
    ...c.servicesChanged.map((s) => `service ${s.id} changed: ${s.fields.join(', ')}`),
    ...list('secrets added', c.secretsAdded),
    ...list('secrets removed', c.secretsRemoved),
    ...list('secrets changed', c.secretsChanged),
    ...(c.ingressChanged ? ['ingress changed'] : []),
    ...list('other fields changed', c.otherChanged),
    '',
    ...doc.operations.map((o) => `${o.op.padEnd(7)} ${o.path || '/'}${o.op === 'remove' ? '' : ` = ${JSON.stringify(o.value)}`}`),
    `${doc.operations.length} operation(s)`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `deployment-manager diff <old bundle> <new bundle> [--json]`: what changes
 * between two exported manifests - a summary by meaning (services and
 * secrets by id) and the JSON Patch operations from old to new; each file's
 * `.sha256` sidecar is checked when present. Exit code 0 when the manifests
 * are equal, 1 when they differ, 2 on bad input.
 *
 * @example
 * ```sh
 * deployment-manager diff releases/3.1.0/bundle.json releases/3.2.0/bundle.json --json
 * ```
 */
export const diffCommand: Command = defineCommand({
  description:
    "Compares two exported manifests: a summary by meaning (services, secrets, ingress, version) and the JSON Patch from old to new. Each file's .sha256 sidecar is checked when it has one.",
  positionals: [
    { name: 'old', description: 'the old bundle.json' },
    { name: 'new', description: 'the new bundle.json' },
  ],
  options: {},
  exitOne: 'the manifests differ',
  examples: ['diff releases/3.1.0/bundle.json releases/3.2.0/bundle.json', 'diff old/bundle.json new/bundle.json --json'],
  run: async ({ json, positionals: [oldPath = '', newPath = ''] }, io) => {
    const a = readJsonFile(oldPath, 'pass exported bundle.json files');
    const b = readJsonFile(newPath, 'pass exported bundle.json files');
    const doc: DiffJson = {
      sha256: { old: exportCanonical(a).sha256, new: exportCanonical(b).sha256 },
      verified: { old: sidecarOk(oldPath), new: sidecarOk(newPath) },
      changes: summarizeManifestChanges(a, b),
      operations: diffManifests(a, b),
    };
    if (json) writeJson(io, doc);
    else io.stdout(renderText(doc));
    return doc.operations.length === 0 ? 0 : 1;
  },
});
