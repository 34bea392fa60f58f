import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { DesktopBuild } from '@deployment-manager/bundle';
import { BUILD_PLACEHOLDERS, buildCommands } from './build-commands.ts';
import { DESKTOP_PLATFORMS } from './platforms.ts';
import { templateNames } from './paths.ts';

const linux = DESKTOP_PLATFORMS['linux-x64']!;
const win = DESKTOP_PLATFORMS['win-x64']!;
const mac = DESKTOP_PLATFORMS['darwin-arm64']!;

describe('buildCommands', () => {
  it('cross-compiles go with GOOS/GOARCH and the expanded output', () => {
    const b = buildCommands('api', { type: 'go', source_dir: 'api', entry_point: './cmd/api', output_pattern: 'bin/{{platform}}/api{{ext}}', env: { CGO_ENABLED: '0' } }, 'win-x64', win);
    expect(b).toEqual({
      service: 'api',
      type: 'go',
      crossCompiles: true,
      output: 'api/bin/win-x64/api.exe',
      steps: [{ cwd: 'api', env: { GOOS: 'windows', GOARCH: 'amd64', CGO_ENABLED: '0' }, argv: ['go', 'build', '-o', 'bin/win-x64/api.exe', './cmd/api'] }],
    });
  });

  it('writes path operands that start with "-" as ./-..., so no compiler or cp reads one as an option', () => {
    const go = buildCommands('api', { type: 'go', source_dir: 'api', entry_point: '-toolexec=touch INJECTED', output_pattern: '-o' }, 'linux-x64', linux);
    expect(go.steps[0]?.argv).toEqual(['go', 'build', '-o', './-o', './-toolexec=touch INJECTED']);
    const rust = buildCommands('worker', { type: 'rust', source_dir: 'worker', entry_point: 'worker', output_pattern: '-rf' }, 'linux-x64', linux);
    expect(rust.steps[1]?.argv).toEqual(['cp', 'target/x86_64-unknown-linux-gnu/release/worker', './-rf']);
    const py = buildCommands('tool', { type: 'python', source_dir: 'tool', entry_point: '--onedir' }, 'linux-x64', linux);
    expect(py.steps[0]?.argv.at(-1)).toBe('./--onedir');
  });

  it('builds rust for the target triple and copies the result where the manifest expects it', () => {
    const b = buildCommands('worker', { type: 'rust', source_dir: 'worker', entry_point: 'worker', output_pattern: 'target/release/worker{{ext}}' }, 'darwin-arm64', mac);
    expect(b.steps.map((s) => s.argv)).toEqual([
      ['cargo', 'build', '--release', '--target', 'aarch64-apple-darwin', '--bin', 'worker'],
      ['cp', 'target/aarch64-apple-darwin/release/worker', 'target/release/worker'],
    ]);
    expect(b.output).toBe('worker/target/release/worker');
  });

  it('expands the predecessor placeholders of a custom command', () => {
    const b = buildCommands('tool', { type: 'custom', source_dir: 'tools/custom', output_pattern: 'bin/{{platform}}/tool{{ext}}', args: ['make', 'build', 'GOOS={{goos}}', 'GOARCH={{goarch}}', 'OUTPUT={{output}}'] }, 'linux-x64', linux);
    expect(b.steps[0]?.argv).toEqual(['make', 'build', 'GOOS=linux', 'GOARCH=amd64', 'OUTPUT=bin/linux-x64/tool']);
  });

  it('marks python builds as native-only and names the executable without its suffix', () => {
    const b = buildCommands('py', { type: 'python', source_dir: 'py', output_pattern: 'dist/{{platform}}/py{{ext}}' }, 'win-x64', win);
    expect(b.crossCompiles).toBe(false);
    expect(b.steps[0]?.argv).toEqual(['python3', '-m', 'PyInstaller', '--onefile', '--name', 'py', '--distpath', 'dist/win-x64', 'main.py']);
  });

  const buildArb: fc.Arbitrary<DesktopBuild> = fc.record({
    type: fc.constantFrom('go', 'rust', 'npm', 'python', 'custom'),
    source_dir: fc.constantFrom('api', 'src/app', '.'),
    output_pattern: fc.array(fc.constantFrom('bin', '/', '{{platform}}', '{{ext}}', '{{goos}}', '{{goarch}}', 'x'), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
    args: fc.array(fc.constantFrom('{{output}}', '{{platform}}', '-v', 'GOOS={{goos}}', 'make'), { minLength: 1, maxLength: 4 }),
    env: fc.dictionary(fc.constantFrom('A', 'B', 'OUT'), fc.constantFrom('{{output}}', '{{ext}}', '1')),
  });

  test.prop([buildArb, fc.constantFrom(...Object.keys(DESKTOP_PLATFORMS))])('leaves no known placeholder unexpanded, for every platform', (build, key) => {
    const b = buildCommands('svc', build, key, DESKTOP_PLATFORMS[key]!);
    const texts = [b.output, ...b.steps.flatMap((s) => [...s.argv, ...Object.values(s.env)])];
    for (const t of texts) expect(templateNames(t).filter((n) => BUILD_PLACEHOLDERS.includes(n))).toEqual([]);
    for (const s of b.steps) expect(s.cwd).toBe(build.source_dir === '.' ? '' : build.source_dir);
  });
});
