/**
 * Cell centres of a gridSize×gridSize grid over the square [−extent, extent]², as interleaved xy,
 * in the layout the heat map expects: row 0 is the top (highest y), columns run along x.
 */
export function gridPoints(extent: number, gridSize: number): Float32Array {
  const out = new Float32Array(gridSize * gridSize * 2);
  const cell = (2 * extent) / gridSize;
  for (let row = 0; row < gridSize; row++) {
    for (let col = 0; col < gridSize; col++) {
      const i = (row * gridSize + col) * 2;
      out[i] = -extent + (col + 0.5) * cell;
      out[i + 1] = extent - (row + 0.5) * cell;
    }
  }
  return out;
}
