import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('README quick start', () => {
  it('runs as written and prints what it promises', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const code = /```ts quickstart\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'dm-readme-'));
    try {
      const file = join(root, 'examples/end-to-end/src', `.readme-quickstart-${process.pid}.ts`);
      writeFileSync(file, code!.replaceAll("'out/bundle.json'", JSON.stringify(join(dir, 'bundle.json'))));
      try {
        const out = execFileSync(join(root, 'node_modules/.bin/tsx'), [file], { cwd: root, encoding: 'utf8' });
        expect(out).toMatch(/^\d+(\.\d+)? \[/m); // desktop score and the mobile blockers
        expect(out).toMatch(/resource:\S+ -> \S+ \+\d/);
        expect(out).toContain('scenario:recipe-hub loses jsonb');
        expect(out).toMatch(/^[0-9a-f]{64}$/m); // the manifest was valid and exported
      } finally {
        rmSync(file, { force: true });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
