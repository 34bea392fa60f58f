// The README's package table lists every package of the workspace, once: a new package cannot land unlisted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('the README package table lists every package exactly once', () => {
  const names = readdirSync('packages')
    .filter((dir) => existsSync(join('packages', dir, 'package.json')))
    .map((dir) => (JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8')) as { name: string }).name)
    .sort();
  const rows = [...readFileSync('README.md', 'utf8').matchAll(/^\| `(@deployment-manager\/[a-z-]+)` \|/gm)].map((m) => m[1] as string).sort();
  expect(rows).toEqual(names);
});
