import { createInterface } from 'node:readline';
import { SdkError, isSdkError } from '@deployment-manager/core';
import { startBundle, type BundleHandle, type RuntimeEvent, type SecretPromptRequest } from '@deployment-manager/runtime';
import { defineCommand, type Command } from '../command.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIo } from '../io.ts';
import { reportError } from '../report-error.ts';
import { renderEvent, renderRuntimeStatus } from './runtime.ts';

/** Asks for a user-prompt secret on the terminal without echoing it. */
function promptOnTerminal(io: CliIo): (secret: SecretPromptRequest) => Promise<string | undefined> {
  return (secret) =>
    new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const hint = secret.prompt?.hint === undefined ? '' : ` (${secret.prompt.hint})`;
      io.stderr(`${secret.prompt?.label ?? secret.id}${hint}${secret.required === false ? ', empty to skip' : ''}: `);
      // Mute the echo: readline writes typed characters through _writeToOutput.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
      rl.question('', (answer) => {
        rl.close();
        io.stderr('\n');
        resolve(answer.trim() === '' ? undefined : answer.trim());
      });
    });
}

/** One line summing up the services, for the live line on a terminal. */
function liveLine(bundle: BundleHandle | undefined, last: RuntimeEvent): string {
  const services = bundle?.status().services.map((s) => `${s.id} ${s.state}`).join(', ');
  return `${services === undefined ? 'starting' : services} | ${last.type}${last.service === undefined ? '' : ` ${last.service}`}`.slice(0, (process.stdout.columns ?? 100) - 1);
}

/**
 * `deployment-manager run <bundle>`: starts a desktop bundle with
 * `startBundle` of `@deployment-manager/runtime` and supervises it in the
 * foreground until Ctrl-C (graceful stop), `runtime stop`, or a critical
 * service giving up.
 */
export const runCommand: Command = defineCommand({
  description:
    'Runs a desktop bundle in the foreground with the runtime supervisor: assets verified, ports allocated on 127.0.0.1, secrets obtained (asked once on a terminal), migrations, services started in dependency order and restarted on failure. A live status line on a terminal, one line per event otherwise (--json: the telemetry JSON lines). Ctrl-C stops it gracefully; `deployment-manager runtime status|ports|logs|stop` talks to it from another shell.',
  positionals: [{ name: 'bundle', description: 'the bundle directory (holding bundle.json) or its bundle.json' }],
  options: {
    'app-data': { type: 'string', value: '<dir>', description: 'writable directory for data, logs, telemetry, secrets and the control token', defaultText: '<bundle dir>/.runtime' },
    'control-port': { type: 'string', value: '<port>', description: 'control api port; 0 picks any free one', defaultText: "the manifest's ipc.port, else any free one" },
  },
  exitOne: 'the bundle failed: a critical service gave up, a migration failed, or it did not start',
  examples: ['run out/bundle', 'run out/bundle --app-data /tmp/recipe-hub --control-port 0', 'run out/bundle/bundle.json --json'],
  run: async ({ positionals: [target = ''], values, json }, io) => {
    const controlPort = values['control-port'] === undefined ? undefined : Number(values['control-port']);
    if (controlPort !== undefined && !(Number.isInteger(controlPort) && controlPort >= 0 && controlPort <= 65535)) {
      throw new SdkError('INVALID_ARGUMENT', `--control-port "${values['control-port']}" is not a port`, { hint: 'give 0..65535 (0 picks any free port)' });
    }
    const live = io.isTTY && !json;
    let bundle: BundleHandle | undefined;
    const onEvent = (e: RuntimeEvent): void => {
      if (live) io.stdout(`\r\u001b[2K${liveLine(bundle, e)}`);
      else io.stdout(json ? `${JSON.stringify(e)}\n` : `${renderEvent(e)}\n`);
    };
    try {
      bundle = await startBundle(target, {
        ...(values['app-data'] === undefined ? {} : { appData: values['app-data'] }),
        ...(controlPort === undefined ? {} : { controlPort }),
        ...(process.stdin.isTTY === true ? { prompt: promptOnTerminal(io) } : {}),
        onEvent,
      });
    } catch (error) {
      if (live) io.stdout('\r\u001b[2K');
      if (isSdkError(error) && (error.code === 'SERVICE_FAILED' || error.code === 'MIGRATION_FAILED')) {
        await reportError(error, io, { json: false });
        return EXIT.no;
      }
      throw error;
    }
    const running = bundle;
    const stop = (signal: string): void => void running.stop(`received ${signal}`);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (!json) {
      io.stdout(`${live ? '\r\u001b[2K' : ''}${renderRuntimeStatus(running.status())}`);
      io.stdout(`control api 127.0.0.1:${running.control.port}; app data ${running.appData}; Ctrl-C stops\n`);
    }
    const outcome = await running.done;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    io.stderr(`${live ? '\r\u001b[2K' : ''}${running.app.name}: ${outcome.ok ? 'stopped' : 'failed'} (${outcome.reason})\n`);
    return outcome.ok ? EXIT.ok : EXIT.no;
  },
});
