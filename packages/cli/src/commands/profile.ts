import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  SECRET_CLASSES,
  applyProfilePatch,
  canonicalJson,
  createFileProfileStore,
  diffProfiles,
  type JsonValue,
  type ProfileContent,
  type ProfileSecretChoice,
  type ProfileVersion,
  type SecretClass,
} from '@deployment-manager/bundle';
import { SdkError, isSdkError, parseTier, readTextFileBounded } from '@deployment-manager/core';
import { parseSwapArg } from '@deployment-manager/fitness';
import { defineCommand, type Command } from '../command.ts';
import { SWAP_OPTION, TIER_OPTION } from '../common-options.ts';
import { UsageError } from '../usage-error.ts';
import { writeJson } from '../json-output.ts';

function parseSet(pairs: readonly string[]): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new SdkError('INVALID_ARGUMENT', `setting "${pair}" is not key=value`, { hint: 'e.g. --set version=1.2.0 or --set port_range={"min":47000,"max":47999}' });
    const raw = pair.slice(i + 1);
    let value: JsonValue;
    try {
      value = JSON.parse(raw) as JsonValue;
    } catch {
      value = raw;
    }
    out[pair.slice(0, i)] = value;
  }
  return out;
}

function parseSecrets(pairs: readonly string[]): Record<string, ProfileSecretChoice | null> {
  const out: Record<string, ProfileSecretChoice | null> = {};
  for (const pair of pairs) {
    const [id, cls] = pair.split('=');
    if (id === undefined || id === '' || cls === undefined) throw new SdkError('INVALID_ARGUMENT', `secret choice "${pair}" is not id=class`, { hint: `classes: ${SECRET_CLASSES.join(', ')}, or id=none to drop the choice` });
    if (cls === 'none') out[id] = null;
    else if ((SECRET_CLASSES as readonly string[]).includes(cls)) out[id] = { class: cls as SecretClass };
    else throw new SdkError('INVALID_ARGUMENT', `secret class "${cls}" is not known`, { hint: `use one of ${SECRET_CLASSES.join(', ')}` });
  }
  return out;
}

function positiveInt(value: string | undefined, what: string): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) throw new SdkError('INVALID_ARGUMENT', `${what} "${value ?? ''}" is not a version number`, { hint: 'versions are 1, 2, 3...' });
  return n;
}

function renderVersion(v: ProfileVersion): string {
  const c = v.content;
  return [
    `${c.name} (${v.id}) version ${v.version} - ${v.note}${v.rollbackOf === undefined ? '' : ` [rollback of ${v.rollbackOf}]`}`,
    `  scenario: ${c.scenario}`,
    `  tiers:    ${c.tiers.join(', ')}`,
    `  swaps:    ${c.swaps.map((s) => `${s.from}=${s.to}${s.tiers === undefined ? '' : `@${s.tiers.join(',')}`}`).join(', ') || '-'}`,
    `  secrets:  ${Object.entries(c.secrets).map(([id, s]) => `${id}=${s.class ?? '?'}`).join(', ') || '-'}`,
    `  settings: ${Object.keys(c.settings).length === 0 ? '-' : canonicalJson(c.settings)}`,
    '',
  ].join('\n');
}

const ID = { name: 'id', description: 'a profile id (see profile list)' } as const;
const VERSION = (what: string): { readonly name: string; readonly description: string } => ({ name: what, description: `a version number (1, 2, 3...)` });

/**
 * `deployment-manager profile create|list|show|update|history|diff|rollback|export|import`.
 * Exit codes: 0 ok, 2 bad input or a conflict (`PROFILE_CONFLICT`: re-read and retry).
 *
 * @example
 * ```sh
 * deployment-manager profile create --name desk --scenario picker-wheel --tier desktop --swap postgres=sqlite
 * deployment-manager profile update <id> --expected-version 1 --set version=1.2.0 --note "bump"
 * ```
 */
export const profileCommand: Command = defineCommand({
  description:
    'A profile keeps the choices for deploying a scenario - tiers, swaps, secret classes, settings - with a version history: every change is a new version, any old version can be restored. Profiles live as files in --store.',
  actions: {
    create: { summary: 'a new profile (needs --name, --scenario, --tier)', positionals: [], options: ['name', 'scenario', 'tier', 'swap', 'set', 'secret', 'description', 'note'] },
    list: { summary: 'every profile in the store', positionals: [] },
    show: { summary: 'a profile (its latest version, or --version)', positionals: [ID], options: ['version'] },
    update: { summary: 'a new version with the given changes', positionals: [ID], options: ['expected-version', 'name', 'tier', 'swap', 'set', 'unset', 'secret', 'note'] },
    history: { summary: 'every version of a profile', positionals: [ID] },
    diff: { summary: 'what changed between two versions', positionals: [ID, VERSION('from-version'), VERSION('to-version')] },
    rollback: { summary: "a new version with an old version's content", positionals: [ID, VERSION('version')], options: ['expected-version', 'note'] },
    export: { summary: 'a profile with its history as JSON (stdout or --out)', positionals: [ID], options: ['out'] },
    import: { summary: 'a profile from an export file', positionals: [{ name: 'file', description: 'a file written by profile export' }], options: ['new-id'] },
  },
  options: {
    store: { type: 'string', value: '<dir>', default: '.deployment-manager/profiles', description: 'where profiles are kept' },
    name: { type: 'string', value: '<name>', description: "the profile's name" },
    scenario: { type: 'string', value: '<scenario>', description: 'the scenario it deploys' },
    description: { type: 'string', value: '<text>', description: 'a description (update: empty to remove it)' },
    tier: { ...TIER_OPTION, multiple: true, description: 'a tier it targets' },
    swap: SWAP_OPTION,
    set: { type: 'string', value: '<key=value>', multiple: true, description: 'a setting (the value is JSON when it parses as JSON)' },
    unset: { type: 'string', value: '<key>', multiple: true, description: 'remove a setting' },
    secret: { type: 'string', value: '<id=class>', multiple: true, description: `a secret's class (${SECRET_CLASSES.join(', ')}), or id=none to drop the choice` },
    note: { type: 'string', value: '<text>', description: 'why, kept in the history' },
    version: { type: 'string', value: '<n>', description: 'show: this version', defaultText: 'the latest' },
    'expected-version': { type: 'string', value: '<n>', description: 'refuse the change unless the profile is at this version', defaultText: 'the current version' },
    out: { type: 'string', value: '<file>', description: 'export: write here (folders are created)', defaultText: 'stdout' },
    'new-id': { type: 'boolean', description: 'import: under a new id' },
  },
  examples: ['profile create --name desk --scenario recipe-hub --tier desktop --swap postgres=sqlite', 'profile list', 'profile update <id> --expected-version 1 --set version=1.2.0 --note "bump"'],
  run: async ({ values, json, action, positionals: args }, io) => {
    const store = createFileProfileStore(values.store);
    const print = (doc: unknown, text: string): void => (json ? writeJson(io, doc) : io.stdout(text));
    const need = (i: number): string => args[i] as string; // the parser checked the count
    const tiers = values.tier.map(parseTier);
    const swaps = values.swap.map(parseSwapArg);
    switch (action) {
      case 'create': {
        if (values.name === undefined || values.scenario === undefined || tiers.length === 0) {
          const missing = [values.name === undefined ? '--name' : '', values.scenario === undefined ? '--scenario' : '', tiers.length === 0 ? '--tier' : ''].filter((m) => m !== '');
          throw new UsageError(`profile create needs ${missing.join(', ')}`, 'add --name <name> --scenario <scenario> --tier <tier>', 'profile');
        }
        const secrets = Object.fromEntries(Object.entries(parseSecrets(values.secret)).filter((e): e is [string, ProfileSecretChoice] => e[1] !== null));
        const content: ProfileContent = {
          name: values.name,
          scenario: values.scenario,
          tiers,
          swaps,
          secrets,
          settings: parseSet(values.set),
          ...(values.description === undefined ? {} : { description: values.description }),
        };
        const v = await store.create(content, { note: values.note ?? 'created' });
        print(v, `created profile ${v.id} (version 1)\n`);
        return 0;
      }
      case 'list': {
        const list = await store.list();
        print(list, list.map((p) => `${p.id}  ${p.name}  ${p.scenario}  v${p.version}  ${p.updatedAt}\n`).join('') || 'no profiles\n');
        return 0;
      }
      case 'show': {
        const v = await store.get(need(0), values.version === undefined ? undefined : positiveInt(values.version, 'version'));
        print(v, renderVersion(v));
        return 0;
      }
      case 'update': {
        const id = need(0);
        const current = await store.get(id);
        const expected = values['expected-version'] === undefined ? current.version : positiveInt(values['expected-version'], 'expected version');
        const content = applyProfilePatch(current.content, {
          ...(values.name === undefined ? {} : { name: values.name }),
          ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
          ...(values.description === undefined ? {} : { description: values.description === '' ? null : values.description }),
          ...(tiers.length === 0 ? {} : { tiers }),
          ...(swaps.length === 0 ? {} : { swaps }),
          secrets: parseSecrets(values.secret),
          settings: parseSet(values.set),
          unsetSettings: values.unset,
        });
        if (diffProfiles(current.content, content).length === 0) throw new SdkError('INVALID_ARGUMENT', 'the update changes nothing', { hint: 'pass --tier, --swap, --set, --unset, --secret, --name or --description' });
        const v = await store.update(id, { expectedVersion: expected, content, note: values.note ?? 'updated' });
        print(v, `updated profile ${id} to version ${v.version}\n`);
        return 0;
      }
      case 'history': {
        const history = await store.history(need(0));
        print(history, history.map((v) => `v${v.version}  ${v.createdAt}  ${v.note}${v.rollbackOf === undefined ? '' : ` (rollback of v${v.rollbackOf})`}\n`).join(''));
        return 0;
      }
      case 'diff': {
        const id = need(0);
        const a = await store.get(id, positiveInt(need(1), 'version'));
        const b = await store.get(id, positiveInt(need(2), 'version'));
        const changes = diffProfiles(a.content, b.content);
        print(
          { id, from: a.version, to: b.version, changes },
          changes.map((c) => `${c.op.padEnd(7)} ${c.path}${c.op === 'add' ? '' : `  ${JSON.stringify(c.before)}`}${c.op === 'remove' ? '' : ` -> ${JSON.stringify(c.after)}`}\n`).join('') || 'no differences\n',
        );
        return 0;
      }
      case 'rollback': {
        const id = need(0);
        const to = positiveInt(need(1), 'version');
        const expected = values['expected-version'] === undefined ? (await store.get(id)).version : positiveInt(values['expected-version'], 'expected version');
        const v = await store.rollback(id, { toVersion: to, expectedVersion: expected, ...(values.note === undefined ? {} : { note: values.note }) });
        print(v, `rolled profile ${id} back to the content of version ${to} as version ${v.version}\n`);
        return 0;
      }
      case 'export': {
        const exported = await store.export(need(0));
        const text = `${JSON.stringify(exported, null, 2)}\n`;
        if (values.out === undefined) io.stdout(text);
        else {
          mkdirSync(dirname(values.out), { recursive: true });
          writeFileSync(values.out, text);
          print({ out: values.out, versions: exported.versions.length }, `wrote ${values.out} (${exported.versions.length} version(s))\n`);
        }
        return 0;
      }
      case 'import': {
        const file = need(0);
        let data: unknown;
        try {
          data = JSON.parse(readTextFileBounded(file, 'profile export')) as unknown;
        } catch (cause) {
          if (isSdkError(cause)) throw cause;
          throw new SdkError('PARSE_FAILED', `cannot read profile export ${file}`, { hint: 'pass a file written by `profile export`', cause });
        }
        const v = await store.import(data, { newId: values['new-id'] });
        print(v, `imported profile ${v.id} (version ${v.version})\n`);
        return 0;
      }
      default:
        return 2; // unreachable: the parser only lets the actions above through
    }
  },
});
