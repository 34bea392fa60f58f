/**
 * The CLI's exit codes, one meaning each: 0 done, 1 the answer is "no"
 * (an invalid manifest, a blocked plan, a refused package - what each
 * command's help says), 2 a bad invocation or bad input (usage errors, unknown
 * names, unreadable or malformed files), 70 a bug in deployment-manager
 * (`EX_SOFTWARE`).
 */
export const EXIT = { ok: 0, no: 1, usage: 2, bug: 70 } as const;
