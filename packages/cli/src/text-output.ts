// People's text of a graph-sized report is written in chunks of whole lines,
// never joined into one string: fitness of 300k dependencies on five tiers is
// millions of lines, past V8's largest string ("Invalid string length") and
// far past what needs to be held at once. Chunks end at a line end, so the
// terminal sanitizer never sees half of a colour sequence.
import type { CliIo } from './io.ts';

/** About how many characters each chunk of {@link writeLines} holds. */
export const TEXT_CHUNK_CHARS: number = 64 * 1024;

/**
 * Prints `lines` (each followed by a newline) to stdout in chunks of about
 * {@link TEXT_CHUNK_CHARS} characters, consuming the iterable as it goes.
 *
 * @example
 * ```ts
 * writeLines(io, ['recipe-hub', '', 'desktop: 82 of 100']);
 * ```
 */
export function writeLines(io: CliIo, lines: Iterable<string>): void {
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length >= TEXT_CHUNK_CHARS) {
      io.stdout(buffer);
      buffer = '';
    }
  }
  if (buffer !== '') io.stdout(buffer);
}
