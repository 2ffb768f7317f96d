/**
 * The benchmark's Node trainings: each run (family × dataset × seed) in a child process of node-quality.ts, `jobs` at
 * a time, after the browser parts (a training beside them would slow what they time).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { DatasetName } from "../../lab/dataset-names.ts";
import type { QualityCurve } from "./node-quality.ts";

/** One Node training run to score. */
export interface NodeTask {
  family: string;
  dataset: DatasetName;
  seed: number;
  /** The part of the report it is for: the default run's curves, or the family × dataset table. */
  part: "node" | "datasets";
  /** Scored checkpoints; node-quality.ts's own count when left out. */
  checkpoints?: number;
}

/** One Node training run in a child process; resolves with its curve. */
function runNodeTask({ family, dataset, seed, checkpoints }: NodeTask): Promise<QualityCurve> {
  const script = path.resolve("src/cli/bench/node-quality.ts");
  return new Promise((resolve, reject) => {
    const extra = checkpoints === undefined ? [] : [String(checkpoints)];
    const child = spawn(process.execPath, [script, family, dataset, String(seed), ...extra], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as QualityCurve)
        : reject(new Error(`${family}/${dataset}/seed ${seed}: exit ${code}`)),
    );
  });
}

/**
 * Runs `tasks`, `jobs` at a time; `onDone` hears of each as it finishes (with how many have). Resolves with the
 * curves in the order of `tasks`; rejects with the first failure.
 */
export async function runNodeTasks(
  tasks: readonly NodeTask[],
  jobs: number,
  onDone: (task: NodeTask, curve: QualityCurve, finished: number) => void,
): Promise<QualityCurve[]> {
  const curves: QualityCurve[] = [];
  let next = 0;
  let finished = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index]!;
      curves[index] = await runNodeTask(task);
      onDone(task, curves[index]!, ++finished);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
  return curves;
}
