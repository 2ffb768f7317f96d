/**
 * Faster Slice and SplitV kernels for tfjs's WASM backend (4.22). Its own Slice copies the whole input out of WASM
 * memory (`readSync`) before it copies the slice, and its SplitV slices once per piece, so splitting the flat Adam's
 * update (`flat-adam.ts`) into a network's weights copied the whole update once per weight, every step. In Chromium
 * that copy, with the garbage it leaves, was 15–20 % of the training worker's time. These read the input where it
 * lies in WASM memory. Same results as tfjs's kernels (tests/unit/wasm-kernels.test.ts); anything but float32, int32
 * and bool tensors goes to tfjs's kernels.
 */
import { tf } from "#tf";

type KernelFunc = import("@tensorflow/tfjs-core").KernelFunc;
type TensorInfo = import("@tensorflow/tfjs-core").TensorInfo;
type Dtype = TensorInfo["dtype"];

/** What these kernels use of tfjs's WASM backend (`BackendWasm`). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: Dtype): TensorInfo;
  typedArrayFromHeap(tensor: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

interface SliceAttrs {
  begin: number | number[];
  size: number | number[];
}

interface SplitAttrs {
  numOrSizeSplits: number | number[];
  axis: number;
}

const FAST_DTYPES: readonly Dtype[] = ["float32", "int32", "bool"];

/**
 * Copies the block of `x` that starts at `begin` and has shape `size` into a new tensor. The output is allocated
 * first: an allocation may grow WASM memory, which would leave an earlier view of the heap detached.
 */
function copyBlock(backend: WasmBackend, x: TensorInfo, begin: number[], size: number[]): TensorInfo {
  const out = backend.makeOutput(size, x.dtype);
  const count = tf.util.sizeFromShape(size);
  if (count === 0) return out;
  const from = backend.typedArrayFromHeap(x);
  const to = backend.typedArrayFromHeap(out);
  const strides = tf.util.computeStrides(x.shape);
  if (tf.slice_util.isSliceContinous(x.shape, begin, size)) {
    const offset = tf.slice_util.computeFlatOffset(begin, strides);
    to.set(from.subarray(offset, offset + count));
    return out;
  }
  // Row by row along the last axis, with an odometer over the others.
  const rank = x.shape.length;
  const row = size[rank - 1]!;
  const index = new Array<number>(rank - 1).fill(0);
  for (let written = 0; written < count; written += row) {
    let offset = begin[rank - 1]!;
    for (let d = 0; d < rank - 1; d++) offset += (begin[d]! + index[d]!) * strides[d]!;
    for (let k = 0; k < row; k++) to[written + k] = from[offset + k]!;
    for (let d = rank - 2; d >= 0; d--) {
      if (++index[d]! < size[d]!) break;
      index[d] = 0;
    }
  }
  return out;
}

function sliceKernel(original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs["x"] as TensorInfo;
    if (!FAST_DTYPES.includes(x.dtype) || x.shape.length === 0) return original(args);
    const { begin, size } = args.attrs as unknown as SliceAttrs;
    const [from, extent] = tf.slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
    return copyBlock(args.backend as unknown as WasmBackend, x, from, extent);
  };
}

function splitKernel(original: KernelFunc): KernelFunc {
  return (args) => {
    const x = args.inputs["x"] as TensorInfo;
    if (!FAST_DTYPES.includes(x.dtype) || x.shape.length === 0) return original(args);
    const { numOrSizeSplits, axis } = args.attrs as unknown as SplitAttrs;
    const along = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, along);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((part) => {
      const size = [...x.shape];
      size[along] = part;
      const piece = copyBlock(args.backend as unknown as WasmBackend, x, [...begin], size);
      begin[along]! += part;
      return piece;
    });
  };
}

let installed = false;

/**
 * Puts these kernels in place of the WASM backend's own Slice and SplitV. Call once the WASM backend's package has
 * been imported (its import registers its kernels); later calls do nothing.
 */
export function installWasmKernels(): void {
  if (installed) return;
  for (const [name, faster] of [
    ["Slice", sliceKernel],
    ["SplitV", splitKernel],
  ] as const) {
    const config = tf.getKernel(name, "wasm");
    if (!config) continue;
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel({ ...config, kernelFunc: faster(config.kernelFunc) });
  }
  installed = true;
}
