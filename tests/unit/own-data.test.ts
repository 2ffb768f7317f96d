/**
 * The reader's own data: the CSV reader (every bad line by its number, the good ones kept), the limits, the one
 * affine map into the plot, the seeded split, the link codec (round trip, refusal of damaged values), the store,
 * and the held-out quality score on closed-form and clearly failing cases.
 */
import { describe, expect, it } from "vitest";
import { sampleDataset } from "../../src/lab/datasets.ts";
import { fitGaussian, sampleGaussian } from "../../src/lab/metrics.ts";
import { applyRescale, datasetFor, fitRescale, readOwnCsv, splitOwnData } from "../../src/lab/own-data.ts";
import { decodeOwnData, encodeOwnData, URL_MAX_POINTS } from "../../src/lab/own-data-url.ts";
import { MIN_SPREAD, ownQualityScore } from "../../src/lab/own-score.ts";
import { createRandom } from "../../src/lab/random.ts";
import { loadOwnData, OWN_DATA_KEY, ownDataOnLoad, saveOwnData } from "../../src/demo/own-data-store.ts";
import { problemText } from "../../src/demo/own-data-messages.ts";

const grid = (count: number) => Float32Array.from({ length: 2 * count }, (_, i) => ((i * 7919) % 801) / 100 - 4);

describe("readOwnCsv", () => {
  it("reports every bad line by its number, keeps the good ones, and refuses NaN and Infinity here", () => {
    const good = Array.from({ length: 12 }, (_, i) => `${i / 10},${-i / 10}`);
    const text = ["x,y", good[0], "abc,1", good[1], "1,2,3", "", "NaN,1", ...good.slice(2), "2,", "0.5,Infinity"].join(
      "\n",
    );
    const read = readOwnCsv(text);
    expect(read.points.length / 2).toBe(12);
    expect(read.refused).toBeNull();
    expect(read.rescale).toBeNull();
    expect(read.problems.map((p) => ("line" in p.place ? p.place.line : -1))).toEqual([3, 5, 7, 18, 19]);
    expect(read.problems.map((p) => problemText(p).zh)).toEqual([
      "第 3 行：x 的值 “abc” 不是数字",
      "第 5 行：应为逗号分隔的 2 个数（x,y），这一行有 3 个",
      "第 7 行：x 的值 “NaN” 不是有限数",
      "第 18 行：y 为空",
      "第 19 行：y 的值 “Infinity” 不是有限数",
    ]);
  });

  it("refuses fewer than 10 or more than 20,000 good points, and still lists the bad lines", () => {
    const few = readOwnCsv("1,1\n2,2\nx,\n");
    expect(few.refused).toEqual({ kind: "too-few", count: 2 });
    expect(few.problems).toHaveLength(1);
    const many = readOwnCsv(Array.from({ length: 20_001 }, (_, i) => `${(i % 9) - 4},0`).join("\n"));
    expect(many.refused).toEqual({ kind: "too-many", count: 20_001 });
    expect(readOwnCsv(Array.from({ length: 10 }, (_, i) => `${i / 5},0`).join("\n")).refused).toBeNull();
  });

  it("brings data outside the plot inside by one map that keeps the aspect, and says which", () => {
    // A box [0, 100] × [0, 50]: the longer side becomes 8 wide, centred on the origin.
    const raw = Float32Array.from([0, 0, 100, 50, 50, 25, 100, 0, 0, 50]);
    const rescale = fitRescale(raw)!;
    expect(rescale.scale).toBeCloseTo(0.08, 6);
    expect(rescale.shiftX).toBeCloseTo(-4, 5);
    expect(rescale.shiftY).toBeCloseTo(-2, 5);
    expect(Array.from(applyRescale(raw, rescale))).toEqual(
      [-4, -2, 4, 2, 0, 0, 4, -2, -4, 2].map((v) => expect.closeTo(v, 5)),
    );
    // Shifted but small: moved, not shrunk.
    expect(fitRescale(Float32Array.from([10, 10, 11, 12]))).toEqual({ scale: 1, shiftX: -10.5, shiftY: -11 });
    expect(fitRescale(Float32Array.from([-4.5, 4.5, 1, 2]))).toBeNull();
    const csv = readOwnCsv(Array.from({ length: 20 }, (_, i) => `${i * 10},${i}`).join("\n"));
    expect(csv.rescale).not.toBeNull();
    expect(csv.points.every((v) => Math.abs(v) <= 4 + 1e-6)).toBe(true);
  });
});

describe("splitOwnData", () => {
  it("holds out a quarter, the same points for the same seed, never in the training part", () => {
    const points = grid(101);
    const a = splitOwnData(points, 3);
    expect(a.heldOut.length / 2).toBe(26);
    expect(a.train.length / 2).toBe(75);
    expect(splitOwnData(points, 3)).toEqual(a);
    expect(splitOwnData(points, 4).heldOut).not.toEqual(a.heldOut);
    const key = (arr: Float32Array, i: number) => `${arr[2 * i]},${arr[2 * i + 1]}`;
    const all = Array.from({ length: 101 }, (_, i) => key(points, i)).sort();
    const parts = [
      ...Array.from({ length: 75 }, (_, i) => key(a.train, i)),
      ...Array.from({ length: 26 }, (_, i) => key(a.heldOut, i)),
    ].sort();
    expect(parts).toEqual(all);
  });

  it("draws training batches from the training part only", () => {
    const own = splitOwnData(grid(40), 1);
    const train = new Set(
      Array.from({ length: own.train.length / 2 }, (_, i) => `${own.train[2 * i]},${own.train[2 * i + 1]}`),
    );
    const batch = sampleDataset(own, 500, createRandom(2));
    for (let i = 0; i < 500; i++) expect(train.has(`${batch[2 * i]},${batch[2 * i + 1]}`)).toBe(true);
  });

  it("is refused by the worker's check when too small or not finite", () => {
    expect(() => datasetFor("own", undefined, 1)).toThrow(/none were sent/);
    expect(() => datasetFor("own", grid(9), 1)).toThrow(/9 points/);
    const bad = grid(20);
    bad[3] = Number.NaN;
    expect(() => datasetFor("own", bad, 1)).toThrow(/finite/);
    expect(datasetFor("moons", undefined, 1)).toBe("moons");
  });
});

describe("the link codec", () => {
  const points = sampleDataset("moons", 300, createRandom(7));

  it("round-trips a few hundred points within 12-bit quantisation of the plot's range", () => {
    const value = encodeOwnData(points)!;
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(value.length).toBe(Math.ceil(((3 + 900 + 2) * 4) / 3));
    const back = decodeOwnData(value);
    if (!back.ok) throw new Error(JSON.stringify(back.refusal));
    expect(back.points.length).toBe(points.length);
    for (let i = 0; i < points.length; i++)
      expect(Math.abs(back.points[i]! - points[i]!)).toBeLessThan(9 / 8190 + 1e-6);
  });

  it("carries at most URL_MAX_POINTS points", () => {
    expect(encodeOwnData(grid(URL_MAX_POINTS))).not.toBeNull();
    expect(encodeOwnData(grid(URL_MAX_POINTS + 1))).toBeNull();
  });

  it("refuses a cut-short, damaged or foreign value with the reason", () => {
    const value = encodeOwnData(points)!;
    const refusal = (text: string) => {
      const decoded = decodeOwnData(text);
      return decoded.ok ? null : decoded.refusal.kind;
    };
    expect(refusal(value.slice(0, -4))).toBe("length");
    expect(refusal(value.slice(0, 40))).toBe("length");
    expect(refusal(`${value.slice(0, 100)}${value[100] === "A" ? "B" : "A"}${value.slice(101)}`)).toBe("checksum");
    expect(refusal(`${value.slice(0, 10)}!${value.slice(11)}`)).toBe("characters");
    expect(refusal(`C${value.slice(1)}`)).toBe("version");
    expect(refusal("")).toBe("length");
  });
});

describe("the store", () => {
  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (key) => map.get(key) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (key) => void map.delete(key),
      setItem: (key, value) => void map.set(key, value),
    };
  }

  it("keeps a set, ignores what is not one, and takes a good link's set over it", () => {
    const storage = memoryStorage();
    expect(loadOwnData(storage)).toBeNull();
    const points = grid(30);
    expect(saveOwnData(points, storage)).toBe(true);
    expect(Array.from(loadOwnData(storage)!)).toEqual(Array.from(points).map((v) => expect.closeTo(v, 4)));
    const link = sampleDataset("circles", 50, createRandom(1));
    const loaded = ownDataOnLoad(`?gan.dataset=own&owndata=${encodeOwnData(link)}`, storage);
    expect(loaded.refused).toBe(false);
    expect(loaded.points!.length).toBe(100);
    expect(loadOwnData(storage)!.length).toBe(100);
    storage.setItem(OWN_DATA_KEY, "{not json");
    expect(loadOwnData(storage)).toBeNull();
  });

  it("refuses a bad link value and changes nothing", () => {
    const storage = memoryStorage();
    saveOwnData(grid(30), storage);
    const before = storage.getItem(OWN_DATA_KEY);
    const value = encodeOwnData(grid(40))!;
    const loaded = ownDataOnLoad(`?owndata=${value.slice(0, -3)}`, storage);
    expect(loaded.refused).toBe(true);
    expect(loaded.notice!.zh).toMatch(/截断/);
    expect(storage.getItem(OWN_DATA_KEY)).toBe(before);
    expect(loaded.points!.length).toBe(60);
  });
});

describe("the held-out quality score", () => {
  const own = splitOwnData(sampleDataset("moons", 1000, createRandom(5)), 1);
  const n = 2000;

  it("scores fresh draws of the true distribution near 0 and the fitted Gaussian near 1", () => {
    const fresh = ownQualityScore(sampleDataset("moons", n, createRandom(9)), own, { n });
    expect(Math.abs(fresh.normalised)).toBeLessThan(0.3);
    expect(fresh.own).toEqual({ bins: 16, heldOut: 250, reliable: true });
    const gaussian = ownQualityScore(sampleGaussian(fitGaussian(own.train), n, createRandom(11)), own, { n });
    expect(gaussian.normalised).toBeGreaterThan(0.7);
    expect(gaussian.normalised).toBeLessThan(1.3);
  });

  it("scores a broken model badly: NaN samples, one blob, samples far off the plot, nothing at all", () => {
    const nan = new Float32Array(2 * n).fill(Number.NaN);
    const blob = new Float32Array(2 * n).fill(0.3);
    const far = new Float32Array(2 * n).fill(50);
    for (const broken of [nan, blob, far]) expect(ownQualityScore(broken, own, { n }).normalised).toBeGreaterThan(3);
    expect(ownQualityScore(nan, own, { n }).nonFinite).toBe(n);
    expect(() => ownQualityScore(new Float32Array(), own, { n })).toThrow(/at least 2/);
  });

  it("cannot be fooled by data that is one Gaussian: the gap it divides by is floored", () => {
    const blobData = splitOwnData(
      sampleGaussian(
        {
          mean: [0, 0],
          cov: [
            [1, 0],
            [0, 1],
          ],
        },
        400,
        createRandom(3),
      ),
      1,
    );
    const score = ownQualityScore(new Float32Array(2 * n).fill(Number.NaN), blobData, { n });
    expect(score.normalised).toBeGreaterThan(3);
    expect(score.normalised).toBe(
      (score.js - score.noiseFloor) / Math.max(MIN_SPREAD, score.gaussianJs - score.noiseFloor),
    );
  });

  it("says a score on a handful of points is rough", () => {
    const small = splitOwnData(sampleDataset("moons", 40, createRandom(5)), 1);
    expect(ownQualityScore(sampleDataset("moons", n, createRandom(9)), small, { n }).own!.reliable).toBe(false);
  });
});
