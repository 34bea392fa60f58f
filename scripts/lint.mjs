// Package correctness after build: sherif over the workspace, then publint --strict and
// attw (esm-only profile) for every public package. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const run = (cmd, args, cwd = '.') => {
  console.log(`$ ${cmd} ${args.join(' ')}  (${cwd})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit' });
};
const bin = (name) => join(process.cwd(), 'node_modules', '.bin', name);

try {
  run(bin('sherif'), ['--ignore-package', 'deployment-manager-monorepo']);
  for (const dir of readdirSync('packages')) {
    const cwd = join('packages', dir);
    const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
    if (pkg.private) continue;
    run(bin('publint'), ['--strict'], cwd);
    run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--quiet'], cwd);
  }
} catch {
  process.exit(1);
}
