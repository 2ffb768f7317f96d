/**
 * The comparison page in the benchmark: one full run of /compare/ on a dataset (every family, default settings, the
 * page's default budget), read back as the CSV the page exports, so the report shows what a reader's run shows.
 */
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import type { DatasetName } from "../../lab/dataset-names.ts";
import { LONG_TASK_OBSERVER } from "./browser-bench.ts";
import type { ComparisonResult } from "./report.ts";

export const COMPARE_PATH = "/compare/";

/** Splits one CSV line (RFC 4180 quoting, as the page writes it). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Runs the comparison on `dataset` (`backend` as the demos would pick it, unless given) and returns its table. */
export async function measureComparison(
  browser: Browser,
  origin: string,
  options: { dataset: DatasetName; seed: number; budgetSeconds: number; backend: string; families: readonly string[] },
): Promise<ComparisonResult> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    await page.addInitScript(LONG_TASK_OBSERVER);
    const query = new URLSearchParams({
      dataset: options.dataset,
      seed: String(options.seed),
      budget: String(options.budgetSeconds),
      backend: options.backend,
      families: options.families.join(","),
    });
    await page.goto(`${origin}${COMPARE_PATH}?${query}`);
    await page.waitForSelector("main[data-compare-state=idle]");
    const started = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "开始比较" }).click();
    await page.waitForFunction(() => document.querySelector("main")?.dataset.compareState === "running");
    await page.waitForFunction(() => document.querySelector("main")?.dataset.compareState !== "running", undefined, {
      timeout: 30 * 60_000,
      polling: 1000,
    });
    const longTasks = await page.evaluate(
      (from) =>
        (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
          .filter((t) => t.start >= from)
          .map((t) => t.duration),
      started,
    );
    const state = await page.locator("main").getAttribute("data-compare-state");
    if (state !== "done") throw new Error(`the comparison ended "${state}"`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("button[data-export=csv]").click(),
    ]);
    const lines = (await readFile(await download.path(), "utf8")).split(/\r?\n/).filter((l) => l !== "");
    const [header = [], ...rows] = lines.map(csvFields);
    // The family's id names the row; its long title is the page's, not the report's.
    const keep = header.map((name, i) => (name === "title" ? -1 : i)).filter((i) => i >= 0);
    return {
      dataset: options.dataset,
      seed: options.seed,
      budgetSeconds: options.budgetSeconds,
      backend: (await page.locator("main").getAttribute("data-compare-backend-name")) ?? options.backend,
      longTasks: { count: longTasks.length, longestMs: Math.max(0, ...longTasks) },
      columns: keep.map((i) => header[i]!),
      rows: rows.map((row) => keep.map((i) => row[i] ?? "")),
    };
  } finally {
    await page.close();
  }
}
