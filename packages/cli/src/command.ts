import type { CliIo } from './io.ts';

/**
 * One option of a command: what the parser accepts and what `help <command>`
 * prints. `--json` and `--help` are added to every command by the parser.
 */
export interface OptionSpec {
  /** `string` takes a value (`--tier desktop` or `--tier=desktop`); `boolean` takes none. */
  readonly type: 'string' | 'boolean';
  /** One line for the help: what the option does. */
  readonly description: string;
  /** The value's placeholder in the help, e.g. `<dir>` (string options; default `<value>`). */
  readonly value?: string;
  /** The option may be given several times; its value is then the list. */
  readonly multiple?: boolean;
  /** A one-letter alias (`-h`). */
  readonly short?: string;
  /** The option must be given (string options); leaving it out is a usage error. */
  readonly required?: boolean;
  /** The value when the option is absent (string options), shown in the help. */
  readonly default?: string;
  /** What the default means when there is none to print (`all tiers`). */
  readonly defaultText?: string;
  /** The only values accepted; anything else is a usage error with the closest one as hint. */
  readonly choices?: readonly string[];
  /**
   * Maps an accepted alias to its choice (`tier-2-desktop` -> `desktop`);
   * `undefined` means not accepted. Without it only the choices themselves are.
   */
  readonly normalize?: (value: string) => string | undefined;
}

/** A command's options by long name (without the leading `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A positional argument, for the parser (count) and the help (name, meaning). */
export interface PositionalSpec {
  /** Its name in the usage line, e.g. `scenario` (printed `<scenario>`). */
  readonly name: string;
  /** One line for the help. */
  readonly description: string;
  /** It may be left out (printed `[name]`). */
  readonly optional?: boolean;
}

/** A sub-action of a command (`swaps suggest`, `bundle validate`). */
export interface ActionSpec {
  /** One line for the help. */
  readonly summary: string;
  /** The positionals after the action's name. */
  readonly positionals: readonly PositionalSpec[];
  /** The options that matter to this action (help only; the parser accepts every option of the command). */
  readonly options?: readonly string[];
}

/** The values of parsed options, typed from their specs. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends { readonly type: 'boolean' }
    ? boolean
    : O[K] extends { readonly multiple: true }
      ? readonly string[]
      : O[K] extends { readonly default: string } | { readonly required: true }
        ? string
        : string | undefined;
};

/** A parsed, checked command line: what a command's `run` receives. */
export interface Invocation<O extends OptionSpecs = OptionSpecs> {
  /** Option values; choices normalized (`tier-2-desktop` arrives as `desktop`). */
  readonly values: OptionValues<O>;
  /** The action, for commands that have actions. */
  readonly action: string | undefined;
  /** The positionals after the command (and after its action), in order. */
  readonly positionals: readonly string[];
  /** `--json` was given: stdout carries one JSON document, errors included. */
  readonly json: boolean;
}

/** Everything about one command: how it parses, what its help says, what it runs. */
export interface CommandDefinition<O extends OptionSpecs = OptionSpecs> {
  /** A few sentences for `help <command>` (its name and summary are in the command table). */
  readonly description: string;
  /** Positionals (commands without actions). */
  readonly positionals?: readonly PositionalSpec[];
  /** Sub-actions by name (the first positional picks one). */
  readonly actions?: Readonly<Record<string, ActionSpec>>;
  /**
   * The action run when the first positional names none (`deploy recipe-hub`
   * is `deploy run recipe-hub`); that positional is then the action's own.
   */
  readonly defaultAction?: string;
  /** The command's own options. */
  readonly options: O;
  /** What exit code 1 means for this command (a "no" answer), when it has one. */
  readonly exitOne?: string;
  /** Example command lines, without the leading `deployment-manager `. */
  readonly examples: readonly string[];
  /**
   * Whether stdout carries machine-readable text for this invocation (printed
   * exactly, never through the terminal sanitizer). Default: `--json` given.
   */
  readonly machineOutput?: (invocation: Invocation<O>) => boolean;
  /** Runs the command; resolves to the exit code. Throws `SdkError` on bad input. */
  readonly run: (invocation: Invocation<O>, io: CliIo) => Promise<number>;
}

/** A command definition with its option types erased, as the registry holds it. */
export type Command = CommandDefinition<OptionSpecs>;

/**
 * Types a command definition: `run` sees option values typed from the specs,
 * the registry sees a plain {@link Command}.
 *
 * @example
 * ```ts
 * export const helloCommand: Command = defineCommand({
 *   description: 'Says hello.', examples: ['hello --name ada'],
 *   options: { name: { type: 'string', default: 'world', description: 'who to greet' } },
 *   run: async ({ values }, io) => { io.stdout(`hello ${values.name}\n`); return 0; },
 * });
 * ```
 */
export function defineCommand<const O extends OptionSpecs>(definition: CommandDefinition<O>): Command {
  return definition as unknown as Command;
}

/** An entry of the command table: enough for the top-level help, and a loader for the rest. */
export interface CommandEntry {
  /** The command's name. */
  readonly name: string;
  /** One line for the top-level help. */
  readonly summary: string;
  /** Loads the command's module (its code loads only when the command runs or its help is asked). */
  readonly load: () => Promise<Command>;
}
