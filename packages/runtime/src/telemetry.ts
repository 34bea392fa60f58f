/*
 * Telemetry: one JSON line per runtime event, in the manifest's telemetry
 * file under the app data directory, rotated by size. Every string goes
 * through the redactor first, so no secret value is ever written.
 */
import type { RotatingFile } from './rotating-file.ts';
import type { RuntimeEvent } from './types.ts';

/** A redacting function: returns `text` with every known secret value replaced. */
export type Redactor = (text: string) => string;

/** An event with every string redacted. */
export function redactEvent(event: RuntimeEvent, redact: Redactor): RuntimeEvent {
  const details = event.details === undefined ? undefined : Object.fromEntries(Object.entries(event.details).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : v]));
  return {
    ...event,
    ...(event.reason === undefined ? {} : { reason: redact(event.reason) }),
    ...(details === undefined ? {} : { details }),
  };
}

/** The JSONL line of an event (redacted, newline-terminated). */
function telemetryLine(event: RuntimeEvent, app: { readonly name: string; readonly version: string }, redact: Redactor): string {
  return `${JSON.stringify({ ...redactEvent(event, redact), app: app.name, version: app.version })}\n`;
}

/** Writes events to a rotating telemetry file. */
export function createTelemetrySink(file: RotatingFile, app: { readonly name: string; readonly version: string }, redact: Redactor): (event: RuntimeEvent) => void {
  return (event) => file.write(telemetryLine(event, app, redact));
}
