/**
 * Whether a URL's host is the loopback interface (`localhost`, `127.0.0.0/8`,
 * `::1`) - the same hosts the bundle's manifest check lets use plain http.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
