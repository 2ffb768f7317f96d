/**
 * What `<gen-demo>` holds once its code has loaded: the handle `mountDemo` returns. A file of its own, so the
 * element and the controller do not import each other.
 */
export interface MountedDemo {
  setOnScreen(value: boolean): void;
  destroy(): void;
  /** Tensors and backend in the training worker (tests and the benchmark read it). */
  memory(): Promise<{ numTensors: number; numBytes: number; backend: string; sessions: number }>;
  /** The quality score of n fresh samples, and the worker time it took (the benchmark polls it). */
  quality(n: number): Promise<{ normalised: number; step: number; ms: number }>;
  /** What the model in the worker was created with (tests read it back). */
  modelSettings(): Promise<{
    family: string;
    dataset: string;
    seed: number;
    settings: Record<string, number | string>;
  }>;
}
