/**
 * The documented debug handles, `genDemoDebug.*()` in the console (or a test), to see the page survive a fault:
 * `stopWorker()` terminates the page's training worker; `crashWorker()` throws an error in an async task of it that
 * nobody awaits; `hangWorker()` sets it in a busy loop (the page notices within seconds, see ./reply-watch.ts);
 * `loseWebglContext()` loses its WebGL context through WEBGL_lose_context (resolves false when WebGL does not run).
 */
import { stopTrainingWorker, trainingWorker } from "./worker-client.ts";

export interface DebugHandles {
  stopWorker(): void;
  crashWorker(): Promise<void>;
  hangWorker(): Promise<void>;
  loseWebglContext(): Promise<boolean>;
}

const handles: DebugHandles = {
  stopWorker: stopTrainingWorker,
  crashWorker: async () => {
    await trainingWorker().call("debugCrash", {});
  },
  hangWorker: async () => {
    await trainingWorker().call("debugHang", {});
  },
  loseWebglContext: async () => (await trainingWorker().call("debugLoseContext", {})).lost,
};

(globalThis as { genDemoDebug?: DebugHandles }).genDemoDebug = handles;
