import { emitHcl, type HclBodyItem } from './hcl.ts';

/** A Terraform module as typed HCL, one entry per file name. */
export type TerraformModule = Readonly<Record<string, readonly HclBodyItem[]>>;

/**
 * Renders every file of a module with {@link emitHcl}, sorted by file name.
 *
 * @example
 * ```ts
 * for (const [name, text] of Object.entries(renderTerraformModule(module))) writeFileSync(join(dir, name), text);
 * ```
 */
export function renderTerraformModule(module: TerraformModule): Record<string, string> {
  return Object.fromEntries(
    Object.keys(module)
      .sort()
      .map((name) => [name, emitHcl(module[name] ?? [])]),
  );
}
