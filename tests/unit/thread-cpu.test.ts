import { describe, expect, it } from "vitest";
import {
  cpuShares,
  parseMachineTime,
  parseStat,
  processType,
  readCpu,
  type CpuReading,
  type MachineTime,
  type ThreadTime,
} from "../../src/cli/bench/thread-cpu.ts";

describe("processor time from /proc", () => {
  it("reads a stat line whose name holds spaces and parentheses", () => {
    const line = "4242 (Web Content (x)) S 4200 4242 4200 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 30 0 1 2 3";
    expect(parseStat(line)).toEqual({ name: "Web Content (x)", ppid: 4200, ticks: 1290 });
    expect(() => parseStat("garbage")).toThrow(/not a \/proc stat line/);
  });

  it("tells a Chromium process's type from its command line", () => {
    expect(processType("/usr/lib/chromium/chromium\0--type=renderer\0--lang=en")).toBe("renderer");
    expect(processType("/usr/lib/chromium/chromium\0--type=gpu-process\0")).toBe("gpu-process");
    expect(processType("/usr/lib/chromium/chromium\0--headless\0")).toBe("browser");
  });

  it("reads the machine's busy time, idle and iowait left out, and counts its cores", () => {
    const stat = "cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\ncpu1 50 0 25 400 25 0 0 0 0 0\nintr 1";
    expect(parseMachineTime(stat)).toEqual({ busy: 1.5, total: 10, cores: 2 });
  });

  /** Threads as [pid, tid, process type, name, seconds at the first reading (null: not yet started), at the second]. */
  const THREADS: [number, number, string, string, number | null, number][] = [
    [10, 10, "browser", "chromium", 5, 6],
    [20, 20, "gpu-process", "chromium", 3, 5],
    [30, 30, "renderer", "chromium", 1, 4],
    [30, 31, "renderer", "DedicatedWorker", 10, 28],
    [30, 32, "renderer", "Compositor", 1, 3],
    // A thread that started after the first reading counts from zero.
    [30, 33, "renderer", "ThreadPoolForeg", null, 1],
    [40, 40, "renderer", "chromium", 0, 2],
  ];
  const reading = (at: 0 | 1, machine: MachineTime): CpuReading => ({
    threads: THREADS.filter((t) => t[4 + at] !== null).map(
      ([pid, tid, processType, thread, ...seconds]): ThreadTime => ({
        pid,
        tid,
        processType,
        thread,
        seconds: seconds[at]!,
      }),
    ),
    machine,
  });

  it("splits the time of the busiest renderer from the rest of Chromium, as shares of one core", () => {
    const before = reading(0, { busy: 100, total: 200, cores: 2 });
    const after = reading(1, { busy: 130, total: 240, cores: 2 });
    const shares = cpuShares(before, after, 20);
    expect(shares.pageMain).toBeCloseTo(0.15);
    expect(shares.worker).toBeCloseTo(0.9);
    expect(shares.pageOther).toBeCloseTo(0.15);
    // The browser's 1 s, the GPU process's 2 s and the other renderer's 2 s.
    expect(shares.restOfChromium).toBeCloseTo(0.25);
    expect(shares.machine).toBeCloseTo(1.5);
    expect(shares.cores).toBe(2);
  });

  it("finds the threads of processes started under this one", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["-e", "const t = Date.now(); while (Date.now() - t < 400);"]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const reading = readCpu();
      if (reading === null) return expect(process.platform).not.toBe("linux");
      expect(reading.threads.some((t) => t.pid === child.pid && t.tid === child.pid)).toBe(true);
      expect(reading.threads.every((t) => t.pid !== process.pid)).toBe(true);
      expect(reading.machine.cores).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });
});
