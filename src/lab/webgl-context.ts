/**
 * The WebGL context behind tfjs's WebGL backend: whether it was lost (a GPU reset, a driver update, the browser
 * reclaiming contexts, or WEBGL_lose_context), losing it on purpose to test the recovery, and a fresh WebGL backend
 * once it is gone. A lost context computes nothing and reads nothing back, so the trainer's weights on it are gone,
 * unless tfjs still holds a CPU copy of each (measured in Chromium with SwiftShader: after `loseContext()` the GAN's
 * weights read back only right after a checkpoint had read them; otherwise the worker's checkpoint was used, see
 * ../demo/context-recovery.ts).
 */
import { MathBackendWebGL } from "@tensorflow/tfjs-backend-webgl";
import { tf } from "#tf";

/** tfjs's WebGL context, when the running backend is WebGL. */
export function runningWebglContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== "webgl") return null;
  return (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl ?? null;
}

/** Whether the backend running is WebGL and its context has been lost. */
export function webglContextLost(): boolean {
  return runningWebglContext()?.isContextLost() ?? false;
}

/**
 * Loses the running backend's WebGL context through the WEBGL_lose_context extension, as a GPU reset would.
 * False when the backend running is not WebGL (or the extension is missing).
 */
export function loseWebglContext(): boolean {
  const gl = runningWebglContext();
  const extension = gl?.getExtension("WEBGL_lose_context");
  if (!extension) return false;
  extension.loseContext();
  return true;
}

/**
 * Throws the lost WebGL backend away and registers a fresh one, which makes a new context when it is next chosen
 * (the reader may switch back to WebGL). Call it once no tensor lives on the old one and another backend runs.
 */
export function replaceLostWebglBackend(): void {
  try {
    tf.removeBackend("webgl");
  } catch {
    // Disposing a backend whose context is gone may throw: it is dropped all the same.
  }
  tf.registerBackend("webgl", () => new MathBackendWebGL(), 2);
}
