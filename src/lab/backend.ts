/**
 * The one place that chooses the tfjs backend. Order of preference: WebGL, then WASM, then CPU.
 * A backend that fails to initialise is skipped, and the reason is kept so the demo can say so.
 * WebGL drawn by a software rasteriser (SwiftShader, llvmpipe: a machine without a usable GPU) trains these
 * small networks several times slower than WASM, so when the choice is automatic it counts as a fallback too.
 */
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { tf } from "#tf";

import { BACKEND_LABELS, BACKEND_NAMES, type BackendName } from "./backend-names.ts";
import { installWasmKernels } from "./wasm-kernels.ts";
import { runningWebglContext } from "./webgl-context.ts";
import { CORE_TEXT } from "../i18n/core-text.ts";
import { fill, joinTexts, type Text } from "../i18n/text.ts";
import { reasonOf, TextError } from "../i18n/text-error.ts";

const T = CORE_TEXT.backend;

export interface BackendChoice {
  /** The backend now running. */
  name: BackendName;
  /** The GPU that WebGL reported, when WebGL was tried and a context came up. */
  renderer?: string;
  /** Why a preferred backend was skipped, in the reader's language; empty when the first choice worked. */
  fallbacks: { backend: BackendName; reason: Text; why: "disabled" | "failed" | "slow" }[];
}

/**
 * Where the WASM backend finds its `.wasm` files in the browser: URLs served by the site itself.
 * Only the plain and SIMD builds are used: the threaded one needs cross-origin isolation, which a static
 * host may not give. (In Node the backend reads the files from its package and needs no call.)
 */
export function configureWasm(urls: { plain: string; simd: string }): void {
  wasmUrls = urls;
  setWasmPaths(
    {
      "tfjs-backend-wasm.wasm": urls.plain,
      "tfjs-backend-wasm-simd.wasm": urls.simd,
      "tfjs-backend-wasm-threaded-simd.wasm": urls.simd,
    },
    true,
  );
}

let wasmUrls: { plain: string; simd: string } | null = null;

/**
 * Asks the site for the `.wasm` file the WASM backend is about to load. tfjs never settles its initialisation when
 * that download fails, so a missing file is found here first and the choice moves on to the CPU.
 */
async function checkWasmFile(): Promise<void> {
  if (!wasmUrls) return;
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const url = simd ? wasmUrls.simd : wasmUrls.plain;
  let status: number;
  try {
    status = (await fetch(url, { method: "HEAD" })).status;
  } catch {
    throw new TextError(T.wasmUnreachable);
  }
  if (status >= 400) throw new TextError(fill(T.wasmHttp, { status }));
}

/** Renderer names of software WebGL implementations. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** Whether a WebGL renderer string names a software rasteriser rather than a GPU. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

export interface ChooseOptions {
  /** Backends not to try (e.g. WebGL in Node). */
  disabled?: readonly BackendName[];
  /** Skip WebGL when it runs on a software rasteriser (the automatic choice); an explicit choice keeps it. */
  avoidSoftwareWebgl?: boolean;
}

/**
 * Makes `name` the running backend, with no fallback: throws when it cannot start or (WebGL) cannot compute.
 * Resolves with WebGL's renderer string, if it tells one.
 */
export async function activateBackend(name: BackendName): Promise<string | undefined> {
  if (name === "wasm") {
    await checkWasmFile();
    installWasmKernels();
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new TextError(T.initFailed);
  await tf.ready();
  if (name !== "webgl") return undefined;
  probeWebgl();
  return webglRenderer();
}

/** Tries `preferred` first, then the rest in the order WebGL, WASM, CPU; resolves with what runs. */
export async function chooseBackend(preferred: BackendName, options: ChooseOptions = {}): Promise<BackendChoice> {
  const disabled = options.disabled ?? [];
  const order = [preferred, ...BACKEND_NAMES.filter((b) => b !== preferred)];
  const fallbacks: BackendChoice["fallbacks"] = [];
  let renderer: string | undefined;
  for (const name of order) {
    if (disabled.includes(name)) {
      fallbacks.push({ backend: name, reason: T.disabled, why: "disabled" });
      continue;
    }
    try {
      renderer = (await activateBackend(name)) ?? renderer;
      if (name === "webgl" && options.avoidSoftwareWebgl && renderer && isSoftwareRenderer(renderer)) {
        fallbacks.push({ backend: name, reason: fill(T.software, { renderer: shortRenderer(renderer) }), why: "slow" });
        continue;
      }
      return renderer === undefined ? { name, fallbacks } : { name, fallbacks, renderer };
    } catch (error) {
      fallbacks.push({ backend: name, reason: reasonOf(error), why: "failed" });
    }
  }
  const reasons = fallbacks.map((f) => fill(T.failedReason, { backend: BACKEND_LABELS[f.backend], reason: f.reason }));
  throw new TextError(fill(T.noneWorks, { reasons: joinTexts(reasons, { zh: "；", en: "; " }) }));
}

/** The software rasteriser's own name ("SwiftShader", "llvmpipe"), else the renderer string, shortened. */
function shortRenderer(renderer: string): string {
  const known = /swiftshader|llvmpipe|softpipe/i.exec(renderer)?.[0];
  if (known) return known;
  return renderer.length > 60 ? `${renderer.slice(0, 59)}…` : renderer;
}

/** The unmasked renderer string of tfjs's WebGL context ("ANGLE (NVIDIA …)", "… SwiftShader …"), if it tells. */
function webglRenderer(): string | undefined {
  const gl = runningWebglContext();
  if (!gl) return undefined;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const value: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof value === "string" ? value : undefined;
}

/** A tiny computation read back from the GPU: catches a WebGL context that exists but cannot run shaders. */
function probeWebgl(): void {
  const value = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)).dataSync()[0]);
  if (value !== 3) throw new TextError(T.webglWrong);
}
