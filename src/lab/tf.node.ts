/**
 * tfjs for Node (tests and the CLI). The core's ES modules cannot be loaded one by one by Node,
 * so this takes the CommonJS bundle of `@tensorflow/tfjs`, which registers the same ops, gradients and
 * the CPU backend. Same API as `tf.ts`, which the browser gets through the `#tf` import map.
 */
import * as tfjs from "@tensorflow/tfjs";

// Quiet the "install tfjs-node" banner: the CLI and tests use the WASM and CPU backends on purpose.
tfjs.env().set("PROD", true);

export const tf: typeof import("@tensorflow/tfjs-core") = tfjs;
