import { isSdkError } from '@deployment-manager/core';

/**
 * What calling `f` throws, as the tests compare it: the `SdkError` code, `'raw'` for anything else
 * thrown (a bug: the library throws SdkError only), `undefined` when it returns.
 */
export function thrownCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isSdkError(e) ? e.code : 'raw';
  }
  return undefined;
}
