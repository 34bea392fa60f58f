import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));

/** One exact-match alias, as Vite and vitest take them. */
export interface WorkspaceAlias {
  /** Matches the whole import specifier, e.g. `@deployment-manager/core/pure`. */
  readonly find: RegExp;
  /** The TypeScript source file it stands for. */
  readonly replacement: string;
}

/** Code entries of a package: `.` -> src/index.ts, `./pure` -> src/pure.ts (from its exports map). */
function codeEntries(dir: string): [string, string][] {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as { exports?: Record<string, unknown> };
  return Object.entries(pkg.exports ?? {})
    .filter(([, target]) => typeof target === 'object' && target !== null && 'types' in target)
    .map(([subpath, target]) => {
      const built = String((target as { default?: unknown }).default);
      const source = built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
      return [`@deployment-manager/${dir}${subpath.slice(1)}`, join(root, 'packages', dir, source)];
    });
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Maps every workspace package entry (`@deployment-manager/core`,
 * `@deployment-manager/core/pure`...) to its TypeScript source so tests,
 * examples and the UI build run without a build step. Exact matches, so a
 * package name never swallows its subpaths.
 */
export const workspaceAliases: WorkspaceAlias[] = readdirSync(join(root, 'packages'))
  .filter((dir) => existsSync(join(root, 'packages', dir, 'src', 'index.ts')))
  .flatMap(codeEntries)
  .filter(([, source]) => existsSync(source))
  .map(([name, source]) => ({ find: new RegExp(`^${escape(name)}$`), replacement: source }));
