// Dependency facts live only in this package: no other package's source may state an image, a
// data directory or a secret env name of a dependency the catalog knows. The needles come from the
// catalog's own records, so a new record is guarded without touching this test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RECORDS } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// Where a fact may be named outside the catalog, and why. Keys are `path:needle`. Comments are not
// scanned (a doc example states no fact).
const ALLOWED: Readonly<Record<string, string>> = {
  'packages/bundle/src/check-targets.ts:/var/lib/postgresql/data': 'an example of an absolute mount path in a hint',
  'packages/cli/src/commands/plan.ts:OPENAI_API_KEY': 'the help text of a command line that passes a secret',
  'packages/packager-terraform/src/terraform-aws.ts:AWS_ACCESS_KEY_ID': "the AWS provider's own credential chain, not the s3 dependency's secret",
  'packages/planner/src/targets-data.ts:AWS_ACCESS_KEY_ID': "the AWS provider's own credential chain, not the s3 dependency's secret",
};

// Source text without comments (block, TSDoc and line comments; `://` in URLs is kept).
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'generated' ? [] : sources(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function needles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of BUILTIN_RECORDS) {
    const c = r.container;
    if (c !== undefined) {
      out.set(`${c.image}:${c.tag}`, `${r.name} image`);
      if (c.image.includes('/')) out.set(c.image, `${r.name} image`);
      // A one-segment directory (`/data`) names nothing in particular.
      if (c.dataDir !== undefined && c.dataDir.split('/').length > 2) out.set(c.dataDir, `${r.name} data directory`);
    }
    for (const s of r.secrets ?? []) if (s.env.includes('_')) out.set(s.env, `${r.name} secret env name`);
  }
  return out;
}

describe('dependency facts', () => {
  it('are stated only in packages/catalog (images, data directories, secret env names)', () => {
    const found: string[] = [];
    const packages = join(ROOT, 'packages');
    const all = needles();
    expect(all.size).toBeGreaterThan(20);
    for (const pkg of readdirSync(packages)) {
      if (pkg === 'catalog' || !statSync(join(packages, pkg, 'src'), { throwIfNoEntry: false })?.isDirectory()) continue;
      for (const file of sources(join(packages, pkg, 'src'))) {
        const text = code(readFileSync(file, 'utf8'));
        const path = relative(ROOT, file);
        for (const [needle, what] of all) {
          const at = new RegExp(`(^|[^A-Za-z0-9_./-])${needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}($|[^A-Za-z0-9_-])`);
          if (at.test(text) && ALLOWED[`${path}:${needle}`] === undefined) found.push(`${path}: ${needle} (${what})`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
