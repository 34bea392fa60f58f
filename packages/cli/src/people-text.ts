// How the CLI writes values for people. Full precision stays in --json.

/**
 * A number rounded for reading: whole numbers from 10 up, one decimal below
 * (trailing `.0` dropped). `76.66` -> `77`, `0.7875000000000001` -> `0.8`, `7.21` -> `7.2`.
 */
export function roundForPeople(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A signed change for reading: `+7`, `-3.5`, `0`. */
export function signedForPeople(value: number): string {
  const text = roundForPeople(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** A node id as people say it: `resource:postgres` -> `postgres`, `scenario:auth` -> `auth (scenario)`. */
export function nodeName(id: string): string {
  const colon = id.indexOf(':');
  if (colon === -1) return id;
  const kind = id.slice(0, colon);
  const name = id.slice(colon + 1);
  return kind === 'scenario' ? `${name} (scenario)` : name;
}

/** A byte count for reading: `512 B`, `3.4 KiB`, `12 MiB`. */
export function bytesForPeople(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : roundForPeople(value)} ${units[unit] as string}`;
}
