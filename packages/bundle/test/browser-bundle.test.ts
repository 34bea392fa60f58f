// The pure entries of core, catalog, fitness, secrets and bundle must bundle for the
// browser: esbuild with platform 'browser' and no Node built-in anywhere in the
// import graph (a built-in fails the build, and the plugin names who imported it).
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
// Node's globals: a free reference to one is renamed to a marker the test looks for.
// (`require` is not among them: esbuild bundles require() calls, and the plugin checks what they load.)
const NODE_GLOBALS = ['Buffer', 'process', '__dirname', '__filename', 'global', 'setImmediate'];
const MARKER = '__node_global__';

/** The browser entries: what the UI imports. */
const ENTRIES = ['@deployment-manager/core/pure', '@deployment-manager/catalog', '@deployment-manager/fitness', '@deployment-manager/secrets/pure', '@deployment-manager/bundle/pure'];

interface BuiltinImport {
  readonly module: string;
  readonly importer: string;
}

// A bare name like `events` is fine when an npm package of that name is
// installed for the importer (graphology depends on the `events` package);
// `node:` imports and unresolvable built-in names are recorded.
function recordBuiltins(found: BuiltinImport[]): Plugin {
  return {
    name: 'record-node-builtins',
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, async (args) => {
        if (!BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
        if (args.pluginData === 'retry') return undefined;
        if (!args.path.startsWith('node:')) {
          const npm = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'retry' });
          if (npm.errors.length === 0 && npm.path.includes('node_modules')) return npm;
        }
        found.push({ module: args.path, importer: args.importer.replace(root, '') });
        return { path: args.path, external: true };
      });
    },
  };
}

async function bundleForBrowser(entry: string): Promise<{ builtins: BuiltinImport[]; globals: string[]; bytes: number; errors: number }> {
  const builtins: BuiltinImport[] = [];
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    // The workspace's tsconfig paths map each package entry to its source.
    tsconfig: `${root}tsconfig.json`,
    logLevel: 'silent',
    define: Object.fromEntries(NODE_GLOBALS.map((g) => [g, `${MARKER}${g}`])),
    plugins: [recordBuiltins(builtins)],
  });
  const text = result.outputFiles.map((f) => f.text).join('\n');
  // A use right after its own `typeof` check (semver: typeof process === "object" && process.env...) is guarded.
  const guarded = (name: string, at: number): boolean => text.slice(Math.max(0, at - 300), at).includes(`typeof ${MARKER}${name}`);
  const globals = [...new Set([...text.matchAll(new RegExp(`(?<!typeof )${MARKER}(\\w+)`, 'g'))].filter((m) => !guarded(m[1] as string, m.index)).map((m) => m[1] as string))];
  return { builtins, globals, bytes: text.length, errors: result.errors.length };
}

describe('browser bundles of the pure entries', () => {
  it.each(ENTRIES)('%s bundles for the browser with no Node built-in module or global', async (entry) => {
    const { builtins, globals, bytes, errors } = await bundleForBrowser(entry);
    expect(builtins).toEqual([]);
    expect(globals).toEqual([]);
    expect(errors).toBe(0);
    expect(bytes).toBeGreaterThan(0);
  });

  it('the check notices a Node built-in (the full core entry reads files)', async () => {
    const { builtins } = await bundleForBrowser('@deployment-manager/core');
    expect(builtins.map((b) => b.module)).toContain('node:fs');
  });

  it('the check notices a Node global (the full secrets entry checks values with Buffer)', async () => {
    const { globals } = await bundleForBrowser('@deployment-manager/secrets');
    expect(globals).toContain('Buffer');
  });
});
