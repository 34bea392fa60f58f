import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
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
import { SdkError, parseTier } from '@deployment-manager/core';
import { parseSwapArg } from '@deployment-manager/fitness';
import { reportError, type CliIo } from '../io.ts';

const USAGE = `usage: deployment-manager profile <action> [--store <dir>] [--json]
  create  --name <n> --scenario <s> --tier <t> [--tier ...] [--swap from=to ...] [--set key=value ...] [--secret id=class ...] [--note <text>]
  list
  show <id> [--version <n>]
  update <id> [--expected-version <n>] [--name <n>] [--tier ...] [--swap ...] [--set key=value ...] [--unset key ...] [--secret id=class ...] [--note <text>]
  history <id>
  diff <id> <from-version> <to-version>
  rollback <id> <version> [--expected-version <n>] [--note <text>]
  export <id> [--out <file>]
  import <file> [--new-id]
(the store defaults to .deployment-manager/profiles)
`;

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
export async function runProfileCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string', default: '.deployment-manager/profiles' },
        name: { type: 'string' },
        scenario: { type: 'string' },
        description: { type: 'string' },
        tier: { type: 'string', multiple: true, default: [] },
        swap: { type: 'string', multiple: true, default: [] },
        set: { type: 'string', multiple: true, default: [] },
        unset: { type: 'string', multiple: true, default: [] },
        secret: { type: 'string', multiple: true, default: [] },
        note: { type: 'string' },
        version: { type: 'string' },
        'expected-version': { type: 'string' },
        out: { type: 'string' },
        'new-id': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      io.stdout(USAGE);
      return 0;
    }
    const [action, ...args] = positionals;
    const store = createFileProfileStore(values.store);
    const print = (json: unknown, text: string): void => io.stdout(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);
    const need = (i: number, what: string): string => {
      const v = args[i];
      if (v === undefined) throw new SdkError('INVALID_ARGUMENT', `profile ${action ?? ''} needs ${what}`, { hint: USAGE.trim() });
      return v;
    };
    const tiers = values.tier.map(parseTier);
    const swaps = values.swap.map(parseSwapArg);
    switch (action) {
      case 'create': {
        if (values.name === undefined || values.scenario === undefined || tiers.length === 0) {
          throw new SdkError('INVALID_ARGUMENT', 'profile create needs --name, --scenario and at least one --tier', { hint: USAGE.trim() });
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
        const v = await store.get(need(0, 'a profile id'), values.version === undefined ? undefined : positiveInt(values.version, 'version'));
        print(v, renderVersion(v));
        return 0;
      }
      case 'update': {
        const id = need(0, 'a profile id');
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
        const history = await store.history(need(0, 'a profile id'));
        print(history, history.map((v) => `v${v.version}  ${v.createdAt}  ${v.note}${v.rollbackOf === undefined ? '' : ` (rollback of v${v.rollbackOf})`}\n`).join(''));
        return 0;
      }
      case 'diff': {
        const id = need(0, 'a profile id');
        const a = await store.get(id, positiveInt(need(1, 'two versions'), 'version'));
        const b = await store.get(id, positiveInt(need(2, 'two versions'), 'version'));
        const changes = diffProfiles(a.content, b.content);
        print(
          { id, from: a.version, to: b.version, changes },
          changes.map((c) => `${c.op.padEnd(7)} ${c.path}${c.op === 'add' ? '' : `  ${JSON.stringify(c.before)}`}${c.op === 'remove' ? '' : ` -> ${JSON.stringify(c.after)}`}\n`).join('') || 'no differences\n',
        );
        return 0;
      }
      case 'rollback': {
        const id = need(0, 'a profile id');
        const to = positiveInt(need(1, 'the version to restore'), 'version');
        const expected = values['expected-version'] === undefined ? (await store.get(id)).version : positiveInt(values['expected-version'], 'expected version');
        const v = await store.rollback(id, { toVersion: to, expectedVersion: expected, ...(values.note === undefined ? {} : { note: values.note }) });
        print(v, `rolled profile ${id} back to the content of version ${to} as version ${v.version}\n`);
        return 0;
      }
      case 'export': {
        const exported = await store.export(need(0, 'a profile id'));
        const text = `${JSON.stringify(exported, null, 2)}\n`;
        if (values.out === undefined) io.stdout(text);
        else {
          writeFileSync(values.out, text);
          print({ out: values.out, versions: exported.versions.length }, `wrote ${values.out} (${exported.versions.length} version(s))\n`);
        }
        return 0;
      }
      case 'import': {
        const file = need(0, 'a file');
        let data: unknown;
        try {
          data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        } catch (cause) {
          throw new SdkError('PARSE_FAILED', `cannot read profile export ${file}`, { hint: 'pass a file written by `profile export`', cause });
        }
        const v = await store.import(data, { newId: values['new-id'] });
        print(v, `imported profile ${v.id} (version ${v.version})\n`);
        return 0;
      }
      default:
        throw new SdkError('INVALID_ARGUMENT', `profile action "${action ?? ''}" is not known`, { hint: USAGE.trim() });
    }
  } catch (error) {
    return reportError(error, io);
  }
}
