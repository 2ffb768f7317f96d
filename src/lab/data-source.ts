/** Where a model's training batches come from: fresh points of the dataset, interleaved xy. */
export interface DataSource {
  next(n: number): Float32Array;
}
