import { z } from 'zod';

// Tolerant building blocks for predecessor JSON (Go encoders write `null` for
// empty slices and maps, and omit zero values): absent and null read the same.

/** A string that may be absent or null. */
export const optString: z.ZodOptional<z.ZodNullable<z.ZodString>> = z.string().nullish();
/** A number that may be absent or null. */
export const optNumber: z.ZodOptional<z.ZodNullable<z.ZodNumber>> = z.number().nullish();
/** A boolean that may be absent or null. */
export const optBool: z.ZodOptional<z.ZodNullable<z.ZodBoolean>> = z.boolean().nullish();
/** A list of strings that may be absent or null. */
export const optStrings: z.ZodOptional<z.ZodNullable<z.ZodArray<z.ZodString>>> = z.array(z.string()).nullish();

/** Copies the keys whose value is neither undefined nor null (for exactOptionalPropertyTypes). */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
