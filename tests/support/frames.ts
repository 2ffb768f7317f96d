import type { ViewFrame } from "../../src/models/types.ts";

/** Every array a view hands to the plot, to check them all for finite values. */
export function frameArrays(frame: ViewFrame): Float32Array[] {
  return [
    frame.samples,
    frame.field?.values,
    frame.arrows?.origins,
    frame.arrows?.vectors,
    ...(frame.paths?.lines ?? []),
    frame.colouredPoints?.points,
    frame.colouredPoints?.hues,
    ...(frame.bars ?? []).map((b) => b.values),
  ].filter((a): a is Float32Array => a !== undefined);
}
