import { isSdkError, SdkError } from './errors.ts';

/**
 * Runs a parser and turns any unexpected exception (a stack overflow on
 * hostile input, a proxy that throws...) into an `SdkError` `PARSE_FAILED`,
 * so callers only ever see SDK errors. The message names the file, never a
 * value from it.
 */
export function guardParse<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isSdkError(error)) throw error;
    throw new SdkError('PARSE_FAILED', `could not interpret ${file}`, {
      hint: 'the input is not a manifest this loader understands; check the file',
      cause: error,
      details: { file },
    });
  }
}
