/**
 * The documented debug handles, `genDemoDebug.*()` in the console (or a test), to see the page survive a fault:
 * `stopWorker()` terminates the page's training worker; `crashWorker()` throws an error in an async task of it that
 * nobody awaits; `hangWorker()` sets it in a busy loop (the page notices within seconds, see ./reply-watch.ts);
 * `loseWebglContext()` loses its WebGL context through WEBGL_lose_context (resolves false when WebGL does not run);
 * `loseWebglContextInRace()` has the next backend race lose it in its WebGL lap; `garbleReply()` has the worker post
 * a message that is not of the protocol (the page ends it, as for any message it cannot read).
 */
import { stopTrainingWorker, trainingWorker } from "./worker-client.ts";

export interface DebugHandles {
  stopWorker(): void;
  crashWorker(): Promise<void>;
  hangWorker(): Promise<void>;
  loseWebglContext(): Promise<boolean>;
  loseWebglContextInRace(): Promise<void>;
  garbleReply(): Promise<void>;
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
  loseWebglContextInRace: async () => {
    await trainingWorker().call("debugLoseContextInRace", {});
  },
  garbleReply: async () => {
    await trainingWorker().call("debugGarbleReply", {});
  },
};

(globalThis as { genDemoDebug?: DebugHandles }).genDemoDebug = handles;
