/**
 * The page-wide backend: every demo of a page trains in one worker, so the backend is chosen once
 * (`?backend=wasm` in the URL, else WebGL first) and switching it in any demo switches it for all.
 */
import type { BackendChoice } from "../lab/backend.ts";
import { BACKEND_LABELS, isBackendName, type BackendName } from "../lab/backend-names.ts";
import { trainingWorker } from "./worker-client.ts";

const EVENT = "gen-demo-backend";
let current: Promise<BackendChoice> | null = null;

/** The backend asked for in the URL, or null with a message when the value is not a backend. */
export function backendFromUrl(search = location.search): { backend: BackendName | null; problem: string | null } {
  const raw = new URLSearchParams(search).get("backend");
  if (raw === null) return { backend: null, problem: null };
  if (isBackendName(raw)) return { backend: raw, problem: null };
  return { backend: null, problem: `网址参数 backend=“${raw}” 无效，可选：webgl、wasm、cpu；已使用默认顺序` };
}

/** The backend running in the worker, chosen on first use. */
export function currentBackend(): Promise<BackendChoice> {
  current ??= trainingWorker().call("setBackend", { preferred: backendFromUrl().backend ?? "webgl" });
  return current;
}

/** Switches the worker to `name` (falling back if it fails) and tells every demo. */
export function switchBackend(name: BackendName): Promise<BackendChoice> {
  current = trainingWorker().call("setBackend", { preferred: name });
  void current.then((choice) => document.dispatchEvent(new CustomEvent<BackendChoice>(EVENT, { detail: choice })));
  return current;
}

export function onBackendChange(listener: (choice: BackendChoice) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<BackendChoice>).detail);
  document.addEventListener(EVENT, handler);
  return () => document.removeEventListener(EVENT, handler);
}

/** "WebGL", or "WASM（WebGL 不可用：…）" when the preferred backend failed. */
export function describeBackend(choice: BackendChoice): { label: string; note: string } {
  const label = BACKEND_LABELS[choice.name];
  const failed = choice.fallbacks.filter((f) => f.reason !== "已被禁用");
  const note = failed.length
    ? `${failed.map((f) => `${BACKEND_LABELS[f.backend]} 不可用（${f.reason}）`).join("；")}，已改用 ${label}。`
    : "";
  return { label, note };
}
