import { SdkError, readTextFileBounded } from '@deployment-manager/core';

/**
 * Reads and parses a JSON file, or throws `FILE_UNREADABLE`, `FILE_NOT_REGULAR`
 * (FIFO, device, directory), `FILE_TOO_LARGE` or `PARSE_FAILED` naming the path.
 */
export function readJsonFile(path: string, hint: string): unknown {
  const text = readTextFileBounded(path, 'file');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `${path} is not valid JSON`, { hint, cause, details: { path } });
  }
}
