/**
 * The comparison's table as data: sorting by every column (missing values last in both directions, ties in the
 * families' order), the cells' text, the likelihood labelled as what it is, and the CSV (quoting, one line per
 * family, empty fields where a family has no value).
 */
import { describe, expect, it } from "vitest";
import { newRun, type FamilyRun } from "../../src/compare/race.ts";
import { familySettings } from "../../src/compare/setup.ts";
import { cellTexts, csvField, CSV_COLUMNS, rowOf, sortRows, toCsv, type TableRow } from "../../src/compare/table.ts";
import type { FamilyId } from "../../src/models/ids.ts";

function run(id: FamilyId, fields: Partial<FamilyRun>): FamilyRun {
  return { ...newRun(id, familySettings(id).values), state: "done", ...fields };
}

const rows: TableRow[] = [
  run("gan", { score: 0.4, steps: 3000, trainedMs: 2000, sampleMs: 1.5, secondsToTarget: null }),
  run("vae", { score: 0.1, steps: 1000, trainedMs: 2000, likelihood: { kind: "elbo", meanNll: 2.2 }, sampleMs: 2 }),
  run("ddpm", { score: 0.1, steps: 500, trainedMs: 2000, sampleMs: 40, secondsToTarget: 1.5 }),
  run("flow", { score: null, steps: 0, trainedMs: 0, likelihood: { kind: "exact", meanNll: 1.9 }, state: "failed" }),
].map(rowOf);

const ids = (sorted: TableRow[]) => sorted.map((r) => r.id);

describe("sortRows", () => {
  it("sorts by score both ways, ties in the families' order, a missing score last either way", () => {
    expect(ids(sortRows(rows, "score", "ascending"))).toEqual(["vae", "ddpm", "gan", "flow"]);
    expect(ids(sortRows(rows, "score", "descending"))).toEqual(["gan", "vae", "ddpm", "flow"]);
  });

  it("sorts by likelihood with the families that have none after those that have one", () => {
    expect(ids(sortRows(rows, "likelihood", "ascending"))).toEqual(["flow", "vae", "gan", "ddpm"]);
    expect(ids(sortRows(rows, "likelihood", "descending"))).toEqual(["vae", "flow", "gan", "ddpm"]);
  });

  it("sorts by speed, by network evaluations and back into the families' order", () => {
    expect(ids(sortRows(rows, "stepsPerSecond", "descending"))).toEqual(["gan", "vae", "ddpm", "flow"]);
    expect(ids(sortRows(rows, "evaluations", "descending"))).toEqual(["ddpm", "gan", "vae", "flow"]);
    expect(ids(sortRows(sortRows(rows, "score", "ascending"), "family", "ascending"))).toEqual([
      "gan",
      "vae",
      "ddpm",
      "flow",
    ]);
  });

  it("leaves its input alone", () => {
    const copy = [...rows];
    sortRows(rows, "score", "descending");
    expect(rows).toEqual(copy);
  });
});

describe("cellTexts", () => {
  it("labels the likelihood as exact or as a bound and writes — where a family has none", () => {
    const [gan, vae, ddpm, flow] = rows.map(cellTexts);
    expect(flow!.likelihood).toBe("1.900（精确 NLL）");
    expect(vae!.likelihood).toBe("≤ 2.200（负 ELBO，上界）");
    expect(gan!.likelihood).toBe("—");
    expect(gan!.stepsPerSecond).toBe("1500");
    expect(gan!.secondsToTarget).toBe("未达到");
    expect(ddpm!.secondsToTarget).toBe("1.5");
    expect(ddpm!.evaluations).toBe("100（T = 100）");
    expect(flow!.score).toBe("—");
    expect(flow!.secondsToTarget).toBe("—");
  });
});

describe("toCsv", () => {
  it("quotes fields with commas, quotes or line breaks, and leaves missing values empty", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("x\ny")).toBe('"x\ny"');
    expect(csvField(null)).toBe("");
    expect(csvField(NaN)).toBe("");
    expect(csvField(0.25)).toBe("0.25");
  });

  it("has a header and one line per family, with the numbers of the table", () => {
    const lines = toCsv(rows).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + rows.length);
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    const cells = lines.slice(1).map((l) => l.split(","));
    expect(cells.map((c) => c[0])).toEqual(["gan", "vae", "ddpm", "flow"]);
    const column = (name: string) => CSV_COLUMNS.indexOf(name as (typeof CSV_COLUMNS)[number]);
    expect(cells[1]![column("likelihood_kind")]).toBe("elbo");
    expect(cells[1]![column("nll_nats_per_point")]).toBe("2.2");
    expect(cells[0]![column("nll_nats_per_point")]).toBe("");
    expect(cells[0]![column("steps_per_second")]).toBe("1500");
    expect(cells[2]![column("network_evaluations_per_sample")]).toBe("100");
    expect(cells[3]![column("score")]).toBe("");
  });
});
