/**
 * tfjs as the models use it, for the browser: the core with its chained ops and gradients registered,
 * plus the CPU and WebGL backends (the full `@tensorflow/tfjs` bundle would add layers, converter and data,
 * which the demos do not use). Node gets `tf.node.ts` instead, through the `#tf` import map in package.json.
 * Backends are chosen in `backend.ts` alone.
 */
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import * as tf from "@tensorflow/tfjs-core";

export { tf };
