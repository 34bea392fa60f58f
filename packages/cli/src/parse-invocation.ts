import { parseArgs } from 'node:util';
import { closestMatch } from '@deployment-manager/core/pure';
import type { Command, Invocation, OptionSpec, OptionSpecs, PositionalSpec } from './command.ts';
import { UsageError } from './usage-error.ts';

/** The options every command takes, besides its own. */
const COMMON_OPTIONS: OptionSpecs = {
  json: { type: 'boolean', description: 'print one JSON document on stdout (errors too), nothing for people' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** Every option of a command: its own, then the common ones. */
export function allOptions(command: Command): OptionSpecs {
  return { ...command.options, ...COMMON_OPTIONS };
}

type Value = string | boolean | readonly string[] | undefined;

const seeHelp = (name: string): string => `see \`deployment-manager help ${name}\``;

/** The error for a value outside an option's choices, with the closest one. */
function choiceError(command: string, option: string, spec: OptionSpec, value: string): UsageError {
  const choices = spec.choices ?? [];
  const near = closestMatch(value, choices);
  const valid = `valid: ${choices.join(', ')}`;
  return new UsageError(`${option} "${value}" is not known`, near === undefined ? valid : `did you mean "${near}"? (${valid})`, command);
}

function checkedValue(command: string, name: string, spec: OptionSpec, raw: string | undefined, inline: boolean): string {
  const flag = `--${name}`;
  if (raw === undefined || raw === '' || (!inline && raw.startsWith('-') && raw.length > 1)) {
    throw new UsageError(`option ${flag} needs a value`, `give it as ${flag} ${spec.value ?? '<value>'}${spec.choices === undefined ? '' : ` (${spec.choices.join(', ')})`}`, command);
  }
  if (spec.choices === undefined) return raw;
  const canonical = spec.normalize === undefined ? (spec.choices.includes(raw) ? raw : undefined) : spec.normalize(raw);
  if (canonical === undefined) throw choiceError(command, name, spec, raw);
  return canonical;
}

/** The positional count check: each missing one and each extra one is a usage error. */
function checkPositionals(command: string, specs: readonly PositionalSpec[], given: readonly string[], what: string): void {
  const missing = specs.slice(given.length).find((p) => p.optional !== true);
  if (missing !== undefined) throw new UsageError(`no ${missing.name} given`, `${what} needs <${missing.name}>: ${missing.description}`, command);
  if (given.length > specs.length) {
    const extra = given[specs.length] as string;
    throw new UsageError(`unexpected argument "${extra}"`, specs.length === 0 ? `${what} takes no arguments` : `${what} takes ${specs.map((p) => (p.optional === true ? `[${p.name}]` : `<${p.name}>`)).join(' ')}; quote a value that has spaces`, command);
  }
}

/** True when the arguments ask for help (`--help` or `-h` before any `--`). */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/**
 * Parses a command's arguments against its definition - every problem is a
 * {@link UsageError} naming the offending argument with a hint (closest
 * option, action or choice): unknown options, options without their value,
 * values outside the choices, a missing or unknown action, missing or extra
 * positionals. Options may be given as `--name value` or `--name=value`;
 * `--` ends the options.
 *
 * @example
 * ```ts
 * parseInvocation('fitness', fitnessCommand, ['recipe-hub', '--teir', 'desktop'])
 * // throws UsageError: unknown option "--teir" (hint: did you mean --tier?)
 * ```
 */
export function parseInvocation(name: string, command: Command, argv: readonly string[]): Invocation {
  const options = allOptions(command);
  const config = Object.fromEntries(
    Object.entries(options).map(([long, o]) => [long, { type: o.type, ...(o.short === undefined ? {} : { short: o.short }), ...(o.multiple === true ? { multiple: true } : {}) }]),
  );
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, Value> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) {
      const near = closestMatch(token.rawName, Object.keys(options).map((o) => `--${o}`));
      throw new UsageError(`unknown option "${token.rawName}"`, near === undefined ? `${seeHelp(name)} for the options` : `did you mean ${near}?`, name);
    }
    if (spec.type === 'boolean') {
      if (token.inlineValue === true) throw new UsageError(`option --${token.name} takes no value`, `write --${token.name} alone`, name);
      values[token.name] = true;
      continue;
    }
    const value = checkedValue(name, token.name, spec, token.value, token.inlineValue === true);
    values[token.name] = spec.multiple === true ? [...((values[token.name] as readonly string[] | undefined) ?? []), value] : value;
  }
  for (const [long, spec] of Object.entries(options)) {
    if (values[long] !== undefined) continue;
    if (spec.required === true) {
      throw new UsageError(`option --${long} is required`, `add --${long} ${spec.value ?? '<value>'}${spec.choices === undefined ? '' : ` (${spec.choices.join(', ')})`}: ${spec.description}`, name);
    }
    values[long] = spec.type === 'boolean' ? false : spec.multiple === true ? [] : spec.default;
  }
  let action: string | undefined;
  let rest: readonly string[] = positionals;
  if (command.actions !== undefined) {
    const actions = Object.keys(command.actions);
    let [first, ...after] = positionals;
    if (command.defaultAction !== undefined && (first === undefined || command.actions[first] === undefined)) {
      after = positionals;
      first = command.defaultAction;
    }
    if (first === undefined) throw new UsageError(`no ${name} action given`, `use one of: ${actions.join(', ')}`, name);
    const spec = command.actions[first];
    if (spec === undefined) {
      const near = closestMatch(first, actions);
      throw new UsageError(`${name} action "${first}" is not known`, near === undefined ? `use one of: ${actions.join(', ')}` : `did you mean "${near}"? (actions: ${actions.join(', ')})`, name);
    }
    checkPositionals(name, spec.positionals, after, `${name} ${first}`);
    action = first;
    rest = after;
  } else {
    checkPositionals(name, command.positionals ?? [], positionals, name);
  }
  return { values: values as Invocation['values'], action, positionals: rest, json: values['json'] === true };
}
