/*
 * A generated JavaScript file read by a real parser (esbuild's), for tests
 * that check an emitter's output is a program and not text that happens to
 * look like one.
 */
import { transformSync } from 'esbuild';

/**
 * The syntax errors esbuild finds in `code` (as a CommonJS or ES module
 * script), as `line:column message`; empty when it parses.
 *
 * @example
 * ```ts
 * expect(javaScriptSyntaxErrors(plan.files.find((f) => f.path === 'app/main.cjs')?.content ?? '')).toEqual([]);
 * ```
 */
export function javaScriptSyntaxErrors(code: string, format: 'cjs' | 'esm' = 'cjs'): string[] {
  try {
    transformSync(code, { loader: 'js', format, logLevel: 'silent' });
    return [];
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors ?? [{ text: String(error) }];
    return errors.map((e) => `${e.location?.line ?? 0}:${e.location?.column ?? 0} ${e.text}`);
  }
}
