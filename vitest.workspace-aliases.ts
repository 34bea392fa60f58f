import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Maps every workspace package name to its TypeScript source so tests and
 * examples run without a build step.
 */
export const workspaceAliases: Record<string, string> = Object.fromEntries(
  readdirSync(join(root, 'packages'))
    .filter((dir) => existsSync(join(root, 'packages', dir, 'src', 'index.ts')))
    .map((dir) => [`@deployment-manager/${dir}`, join(root, 'packages', dir, 'src', 'index.ts')]),
);
