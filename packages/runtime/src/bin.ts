/*
 * The runtime as a program, shipped in a desktop bundle as `runtime/runtime.mjs`
 * and run by the Electron shell with its own Node:
 *
 *   runtime.mjs --manifest <bundle.json | bundle dir> [--app-data <dir>] [--control-port <n>] [--stop-timeout-ms <n>]
 *
 * Prints one JSON event per line on stdout, stops gracefully on SIGINT/SIGTERM,
 * exits 0 after a requested stop, 1 when the bundle failed, 2 on bad input.
 */
import { parseArgs } from 'node:util';
import { SdkError, isSdkError } from '@deployment-manager/core';
import { startBundle } from './start-bundle.ts';

const exitWith = (code: number): void => {
  process.exitCode = code;
};

try {
  const { values } = parseArgs({ options: { manifest: { type: 'string' }, 'app-data': { type: 'string' }, 'control-port': { type: 'string' }, 'stop-timeout-ms': { type: 'string' } } });
  if (values.manifest === undefined) throw new SdkError('INVALID_ARGUMENT', 'no --manifest given', { hint: 'runtime.mjs --manifest <bundle.json | bundle dir> [--app-data <dir>] [--control-port <n>] [--stop-timeout-ms <n>]' });
  const bundle = await startBundle(values.manifest, {
    ...(values['app-data'] === undefined ? {} : { appData: values['app-data'] }),
    ...(values['control-port'] === undefined ? {} : { controlPort: Number(values['control-port']) }),
    ...(values['stop-timeout-ms'] === undefined ? {} : { stopTimeoutMs: Number(values['stop-timeout-ms']) }),
    onEvent: (e) => process.stdout.write(`${JSON.stringify(e)}\n`),
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => void bundle.stop(`received ${signal}`));
  const outcome = await bundle.done;
  exitWith(outcome.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`${isSdkError(error) ? `error [${error.code}]: ${error.message}${error.hint === undefined ? '' : `\nhint: ${error.hint}`}` : `error: ${error instanceof Error ? error.message : String(error)}`}\n`);
  exitWith(isSdkError(error) && error.code !== 'SERVICE_FAILED' && error.code !== 'MIGRATION_FAILED' ? 2 : 1);
}
