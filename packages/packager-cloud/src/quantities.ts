/** A duration for Compose: whole seconds as `Ns`, otherwise `Nms`. */
export function composeDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Whole seconds for a Kubernetes probe field (at least 1, rounded up). */
export function probeSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
