import { readFileSync } from 'node:fs';
import { SdkError } from '@deployment-manager/core';

/** Reads and parses a JSON file, or throws `FILE_UNREADABLE` / `PARSE_FAILED` naming the path. */
export function readJsonFile(path: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new SdkError('FILE_UNREADABLE', `cannot read ${path}`, { hint: 'check the path', cause, details: { path } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new SdkError('PARSE_FAILED', `${path} is not valid JSON`, { hint, cause, details: { path } });
  }
}
