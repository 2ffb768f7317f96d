/**
 * The page-wide backend: every demo of a page trains in one worker, so the backend is chosen once
 * (`?backend=wasm` in the URL, else WebGL first unless it is software-rendered) and switching it in any demo
 * switches it for all.
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
  const asked = backendFromUrl().backend;
  current ??= trainingWorker().call("setBackend", { preferred: asked ?? "webgl", automatic: asked === null });
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

/**
 * The badge ("WebGL") and a note when the first choice was passed over: "WebGL 不可用（…），已改用 WASM。",
 * or, for a software-rendered WebGL, that WASM is faster here and the reader can still switch.
 */
export function describeBackend(choice: BackendChoice): { label: string; note: string } {
  const label = BACKEND_LABELS[choice.name];
  const notes = choice.fallbacks.flatMap((f) => {
    if (f.why === "slow") return [`${BACKEND_LABELS[f.backend]} 在这台设备上是${f.reason}，训练比 ${label} 慢`];
    if (f.why === "failed") return [`${BACKEND_LABELS[f.backend]} 不可用（${f.reason}）`];
    return [];
  });
  const slow = choice.fallbacks.some((f) => f.why === "slow");
  const note = notes.length ? `${notes.join("；")}，已改用 ${label}${slow ? "（可在“设置”中切换）" : ""}。` : "";
  return { label, note };
}
