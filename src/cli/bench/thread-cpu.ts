/**
 * Where the processors' time went while a page ran: each thread's processor time from Linux's /proc, for every
 * process under this benchmark (the Chromium it launched), and the whole machine's from /proc/stat. A main-thread
 * task that takes 60 ms of the clock may have run for 10 of them and waited for a core the rest; the shares say
 * whether the page's main thread was busy, or the machine was.
 */
import { readFileSync, readdirSync } from "node:fs";

/** Clock ticks per second of /proc's times (USER_HZ, 100 on every Linux the benchmark runs on). */
const TICKS_PER_SECOND = 100;

/** One /proc `stat` line's fields that matter here. */
export interface StatFields {
  /** The thread's (or process's) name, up to 15 characters. */
  name: string;
  ppid: number;
  /** User and system time, in clock ticks. */
  ticks: number;
}

/** Parses a /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat line; the name may hold spaces and parentheses. */
export function parseStat(line: string): StatFields {
  const open = line.indexOf("(");
  const close = line.lastIndexOf(")");
  if (open < 0 || close < open) throw new Error(`not a /proc stat line: ${line.slice(0, 80)}`);
  // After the name: state, ppid, …; utime and stime are fields 14 and 15 of the line (11 and 12 after the state).
  const rest = line.slice(close + 2).split(" ");
  return { name: line.slice(open + 1, close), ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
}

/** What a Chromium process is, from its command line: `renderer`, `gpu-process`, `utility`…, or `browser`. */
export function processType(cmdline: string): string {
  return /--type=([\w-]+)/.exec(cmdline)?.[1] ?? "browser";
}

/** One thread's processor time so far. */
export interface ThreadTime {
  pid: number;
  tid: number;
  processType: string;
  thread: string;
  seconds: number;
}

/** The processor time of the machine so far: busy and in all, in seconds summed over its cores. */
export interface MachineTime {
  busy: number;
  total: number;
  cores: number;
}

/** What a reading holds: every thread of the processes under this one, and the machine's time. */
export interface CpuReading {
  threads: ThreadTime[];
  machine: MachineTime;
}

const read = (path: string): string | null => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

/** The machine's time from /proc/stat's first line (idle and iowait are not busy). */
export function parseMachineTime(procStat: string): MachineTime {
  const lines = procStat.split("\n");
  const fields = lines[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  const cores = lines.filter((l) => /^cpu\d+ /.test(l)).length;
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND, cores };
}

/** Every thread of every process descended from `rootPid` (by default this one), or null off Linux. */
export function readCpu(rootPid = process.pid): CpuReading | null {
  const procStat = read("/proc/stat");
  if (procStat === null) return null;
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (stat) parents.set(Number(entry), parseStat(stat).ppid);
  }
  const under = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === rootPid) return true;
    return false;
  };
  const threads: ThreadTime[] = [];
  for (const pid of parents.keys()) {
    if (!under(pid)) continue;
    const type = processType(read(`/proc/${pid}/cmdline`) ?? "");
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const stat = read(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      const { name, ticks } = parseStat(stat);
      threads.push({ pid, tid: Number(tid), processType: type, thread: name, seconds: ticks / TICKS_PER_SECOND });
    }
  }
  return { threads, machine: parseMachineTime(procStat) };
}

/**
 * Processor time between two readings, as shares of one core (1 = a core busy all the time): the page's main
 * thread, its training worker (threads named DedicatedWorker), the page's other threads (compositor, raster,
 * garbage collection), and the rest of Chromium (the GPU process, with SwiftShader here, the browser process and the
 * others), each over the wall-clock `seconds`; the machine's busy time over its whole time, times its cores. The
 * page's process is the renderer that used the most time.
 */
export interface CpuShares {
  seconds: number;
  cores: number;
  pageMain: number;
  worker: number;
  pageOther: number;
  restOfChromium: number;
  /** The whole machine, this benchmark's driver and anything else running included. */
  machine: number;
}

export function cpuShares(before: CpuReading, after: CpuReading, seconds: number): CpuShares {
  const earlier = new Map(before.threads.map((t) => [`${t.pid}/${t.tid}`, t.seconds]));
  const used = after.threads.map((t) => ({ ...t, used: t.seconds - (earlier.get(`${t.pid}/${t.tid}`) ?? 0) }));
  const byRenderer = new Map<number, number>();
  for (const t of used) if (t.processType === "renderer") byRenderer.set(t.pid, (byRenderer.get(t.pid) ?? 0) + t.used);
  const page = [...byRenderer].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sum = (keep: (t: (typeof used)[number]) => boolean) =>
    used.filter(keep).reduce((total, t) => total + t.used, 0) / seconds;
  const inPage = (t: ThreadTime) => t.pid === page;
  const machineTime = after.machine.total - before.machine.total;
  return {
    seconds,
    cores: after.machine.cores,
    pageMain: sum((t) => inPage(t) && t.tid === t.pid),
    worker: sum((t) => inPage(t) && t.tid !== t.pid && t.thread === "DedicatedWorker"),
    pageOther: sum((t) => inPage(t) && t.tid !== t.pid && t.thread !== "DedicatedWorker"),
    restOfChromium: sum((t) => !inPage(t)),
    machine: machineTime > 0 ? ((after.machine.busy - before.machine.busy) / machineTime) * after.machine.cores : 0,
  };
}
