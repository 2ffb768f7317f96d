/** Names of the tfjs backends, apart from `backend.ts` so the page can show them without loading tfjs. */
export const BACKEND_NAMES = ["webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export const BACKEND_LABELS: Record<BackendName, string> = { webgl: "WebGL", wasm: "WASM", cpu: "CPU" };

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_NAMES as readonly string[]).includes(value);
}
