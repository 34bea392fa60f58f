import { SdkError } from '@deployment-manager/core';
import { startUiServer } from '@deployment-manager/ui';
import { defineCommand, type Command } from '../command.ts';
import { parsePolicy } from '../graph-source.ts';

function portOf(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new SdkError('INVALID_ARGUMENT', `port "${value}" is not a port number`, { hint: 'pass --port 0..65535 (0 picks a free one)' });
  return port;
}

/** Resolves when the process is asked to stop (SIGINT or SIGTERM). */
function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/**
 * `deployment-manager ui [scenario] --root <dir>`: starts the local browser
 * view (graph, tiers, live what-if swaps, secret plan, deployment plan,
 * export wizard) on 127.0.0.1 and prints its URL, which carries a random
 * token. Serves until SIGINT or SIGTERM, then exits 0.
 *
 * @example
 * ```sh
 * deployment-manager ui recipe-hub --root examples/end-to-end/workspace
 * ```
 */
export const uiCommand: Command = defineCommand({
  description:
    'Serves the interactive view on 127.0.0.1 until interrupted (Ctrl+C): tier cards, the dependency graph coloured by the selected tier, swap toggles that re-score live with their cascade, the secret plan, the deployment plan with costs, and an export wizard that downloads the canonical manifest with its SHA-256 or packages it. Open the printed URL: it carries a random token, and the server refuses requests without it or under another Host.',
  positionals: [{ name: 'scenario', description: 'the scenario to open (the page offers a picker without it)', optional: true }],
  options: {
    root: { type: 'string', value: '<dir>', default: '.', description: 'the workspace: a Vrooli checkout, a folder of scenarios/ and resources/, or a compact workspace .json/.yaml file' },
    policy: { type: 'string', value: '<policy>', choices: ['all', 'active'], default: 'active', description: 'which declared dependencies count: all, or only enabled-or-required ones' },
    out: { type: 'string', value: '<dir>', description: 'where packaging from the page writes', defaultText: 'a new temporary folder' },
    port: { type: 'string', value: '<n>', default: '0', description: 'the port on 127.0.0.1 (0 picks a free one)' },
  },
  examples: ['ui recipe-hub --root examples/end-to-end/workspace', 'ui --root ../Vrooli --port 4173'],
  run: async ({ values, positionals: [scenario] }, io) => {
    const server = await startUiServer({
      root: values.root,
      policy: parsePolicy(values.policy, 'active'),
      port: portOf(values.port),
      ...(scenario === undefined ? {} : { scenario }),
      ...(values.out === undefined ? {} : { outDir: values.out }),
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(`deployment-manager ui: open ${server.url}\npackages are written under ${server.outDir}; press Ctrl+C to stop\n`);
    await untilInterrupted();
    await server.close();
    return 0;
  },
});
