/** Where a command writes: injected so commands are testable without a process. */
export interface CliIo {
  /** Standard output (a complete chunk, newline included by the caller). */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours, progress). */
  readonly isTTY: boolean;
}

const COLOURS = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;

/** Wraps text in an ANSI colour when `enabled` (a TTY without NO_COLOR). */
export function colour(enabled: boolean, name: keyof typeof COLOURS, text: string): string {
  return enabled && !process.env['NO_COLOR'] ? `\u001b[${COLOURS[name]}m${text}\u001b[0m` : text;
}
