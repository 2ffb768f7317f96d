/**
 * tfjs as the models use it, for the browser: the core with its chained ops and gradients registered,
 * plus the CPU and WebGL backends (the full `@tensorflow/tfjs` bundle would add layers, converter and data,
 * which the demos do not use). Node gets `tf.node.ts` instead, through the `#tf` import map in package.json.
 * Backends are chosen in `backend.ts` alone.
 */
// The core first: its entry registers tfjs's flags, which the gradient registry reads when a gradient is
// registered twice (register_all_gradients lists a few twice). Imported after it, as `npm run dev` evaluates
// each pre-bundled dependency in import order, this failed with "Cannot evaluate flag 'DEBUG'".
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";

export { tf };
