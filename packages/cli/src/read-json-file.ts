import { SdkError, readTextFileBounded } from '@deployment-manager/core';

/**
 * Reads and parses a JSON file, or throws `FILE_UNREADABLE`, `FILE_NOT_REGULAR`
 * (FIFO, device, directory), `FILE_TOO_LARGE` or `PARSE_FAILED` naming the path,
 * after `what` the file is when given (`manifest /x/b.json is not valid JSON`).
 */
export function readJsonFile(path: string, hint: string, what?: string): unknown {
  const text = readTextFileBounded(path, what ?? 'file');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `${what === undefined ? '' : `${what} `}${path} is not valid JSON`, { hint, cause, details: { path } });
  }
}
