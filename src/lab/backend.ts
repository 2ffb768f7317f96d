/**
 * The one place that chooses the tfjs backend. Order of preference: WebGL, then WASM, then CPU.
 * A backend that fails to initialise is skipped, and the reason is kept so the demo can say so.
 */
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { tf } from "#tf";

import { BACKEND_LABELS, BACKEND_NAMES, type BackendName } from "./backend-names.ts";

export interface BackendChoice {
  /** The backend now running. */
  name: BackendName;
  /** Why a preferred backend was skipped, in the reader's language; empty when the first choice worked. */
  fallbacks: { backend: BackendName; reason: string }[];
}

/**
 * Where the WASM backend finds its `.wasm` files in the browser: URLs served by the site itself.
 * Only the plain and SIMD builds are used: the threaded one needs cross-origin isolation, which a static
 * host may not give. (In Node the backend reads the files from its package and needs no call.)
 */
export function configureWasm(urls: { plain: string; simd: string }): void {
  setWasmPaths(
    {
      "tfjs-backend-wasm.wasm": urls.plain,
      "tfjs-backend-wasm-simd.wasm": urls.simd,
      "tfjs-backend-wasm-threaded-simd.wasm": urls.simd,
    },
    true,
  );
}

/** Tries `preferred` first, then the rest in the order WebGL, WASM, CPU; resolves with what runs. */
export async function chooseBackend(
  preferred: BackendName,
  disabled: readonly BackendName[] = [],
): Promise<BackendChoice> {
  const order = [preferred, ...BACKEND_NAMES.filter((b) => b !== preferred)];
  const fallbacks: BackendChoice["fallbacks"] = [];
  for (const name of order) {
    if (disabled.includes(name)) {
      fallbacks.push({ backend: name, reason: "已被禁用" });
      continue;
    }
    try {
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error("初始化失败");
      await tf.ready();
      if (name === "webgl") probeWebgl();
      return { name, fallbacks };
    } catch (error) {
      fallbacks.push({ backend: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(
    `没有可用的计算后端：${fallbacks.map((f) => `${BACKEND_LABELS[f.backend]}（${f.reason}）`).join("；")}`,
  );
}

/** A tiny computation read back from the GPU: catches a WebGL context that exists but cannot run shaders. */
function probeWebgl(): void {
  const value = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
  if (value !== 3) throw new Error("WebGL 计算结果不正确");
}
