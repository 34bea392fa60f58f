// The formatting check of `terraform fmt -check`, without terraform: hclwrite's formatter (the Go
// library terraform fmt calls), compiled to WebAssembly by @cdktf/hcl-tools. Runs on any machine
// with Node, so CI checks the layout of every emitted file instead of skipping when terraform is missing.
import { format } from '@cdktf/hcl-tools';

/**
 * The files (by name) that hclwrite would reformat: what `terraform fmt -check` lists.
 *
 * @example
 * ```ts
 * expect(await unformattedHcl({ 'main.tf': text })).toEqual([]);
 * ```
 */
export async function unformattedHcl(files: Readonly<Record<string, string>>): Promise<string[]> {
  const out: string[] = [];
  for (const [name, text] of Object.entries(files)) if ((await format(text)) !== text) out.push(name);
  return out;
}
