/**
 * The points-file parser: the CSV and JSON that `npm run train --out` writes read back exactly, non-finite values
 * kept as samples, and every bad line or entry reported with where it is while the good ones are kept.
 */
import { describe, expect, it } from "vitest";
import {
  formatProblem,
  parsePoints,
  parsePointsCsv,
  parsePointsJson,
  pointsFormat,
} from "../../src/lab/points-file.ts";

const list = (points: Float32Array) => Array.from(points);

describe("parsePointsCsv", () => {
  it("reads x,y rows with or without a header, skipping blank lines, with LF or CRLF line ends", () => {
    const expected = [1.5, -2, 0.25, 3e-3, -0.5, 4];
    for (const text of [
      "x,y\n1.5,-2\n0.25,3e-3\n-.5,+4\n",
      "1.5,-2\n\n0.25,3e-3\n  \n-.5,4",
      "x,y\r\n1.5,-2\r\n0.25,0.003\r\n-0.5,4\r\n\r\n",
      '\n\nX , Y\n 1.5 , -2 \n"0.25","3e-3"\n-0.5,4\n',
      "\uFEFFx,y\n1.5,-2\n0.25,0.003\n-0.5,4\n",
    ]) {
      const parsed = parsePointsCsv(text);
      expect(parsed.problems, JSON.stringify(text)).toEqual([]);
      expect(list(parsed.points), JSON.stringify(text)).toEqual(list(Float32Array.from(expected)));
    }
  });

  it("reads back exactly what the train command writes, float32 values printed as JavaScript numbers", () => {
    const samples = Float32Array.from([0.1, -3.3333333, 1e-8, 123.456, Math.PI, -Math.E]);
    const lines = ["x,y"];
    for (let i = 0; i < samples.length; i += 2) lines.push(`${samples[i]},${samples[i + 1]}`);
    expect(parsePointsCsv(`${lines.join("\n")}\n`)).toEqual({ points: samples, problems: [] });
  });

  it("keeps NaN and ±Infinity as samples, in JavaScript's and NumPy's spelling", () => {
    const parsed = parsePointsCsv("x,y\nNaN,1\n2,Infinity\n-Infinity,nan\ninf,-inf\n+Infinity,-NAN\n");
    expect(parsed.problems).toEqual([]);
    expect(list(parsed.points)).toEqual([NaN, 1, 2, Infinity, -Infinity, NaN, Infinity, -Infinity, Infinity, NaN]);
  });

  it("reports non-finite values as problems when asked to refuse them", () => {
    const parsed = parsePointsCsv("1,2\nNaN,1\n2,-Infinity\n", { nonFinite: "refuse" });
    expect(list(parsed.points)).toEqual([1, 2]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'line 2: the x value "NaN" is not finite',
      'line 3: the y value "-Infinity" is not finite',
    ]);
  });

  it("refuses, when asked to, a number beyond float32's range, which the points would hold as ±Infinity (found by fuzzing)", () => {
    const csv = parsePointsCsv("1,2\n1e39,0\n0,-1e309\n3.4e38,-3.4e38\n", { nonFinite: "refuse" });
    expect(list(csv.points)).toEqual([1, 2, Math.fround(3.4e38), Math.fround(-3.4e38)]);
    expect(csv.problems.map(formatProblem)).toEqual([
      'line 2: the x value "1e39" is beyond float32\'s range (not finite)',
      'line 3: the y value "-1e309" is beyond float32\'s range (not finite)',
    ]);
    const json = parsePointsJson("[[0,-3.4028235677973366e+38],[1,2]]", { nonFinite: "refuse" });
    expect(list(json.points)).toEqual([1, 2]);
    expect(json.problems.map(formatProblem)).toEqual([
      'entry [0]: the y value "-3.4028235677973366e+38" is beyond float32\'s range (not finite)',
    ]);
  });

  it("reports each bad line with its number and a clear message, and keeps the good lines", () => {
    const text = [
      "x,y", // 1: header
      "1,2", // 2
      "abc,2", // 3
      "1,2,3", // 4
      "", // 5: blank
      "4", // 6
      "0x10,1", // 7: hex is not a decimal
      "1,", // 8
      "5,6", // 9
      "x,y", // 10: a header only counts as the first line
      "1;2", // 11
      "1 2,3", // 12
    ].join("\r\n");
    const parsed = parsePointsCsv(text);
    expect(list(parsed.points)).toEqual([1, 2, 5, 6]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'line 3: the x value "abc" is not a number',
      "line 4: expected 2 values separated by a comma (x,y), got 3",
      "line 6: expected 2 values separated by a comma (x,y), got 1",
      'line 7: the x value "0x10" is not a number',
      "line 8: the y value is empty",
      'line 10: the x value "x" is not a number; the y value "y" is not a number',
      "line 11: expected 2 values separated by a comma (x,y), got 1",
      'line 12: the x value "1 2" is not a number',
    ]);
    expect(parsed.problems[0]!.place).toEqual({ line: 3 });
  });

  it("reports a header with the wrong number of columns", () => {
    expect(parsePointsCsv("x,y,z\n1,2\n").problems.map(formatProblem)).toEqual([
      "line 1: the header has 3 columns, expected 2 (x,y)",
    ]);
  });

  it("reads an empty file as no points and no problems", () => {
    expect(parsePointsCsv("")).toEqual({ points: new Float32Array(), problems: [] });
    expect(parsePointsCsv("x,y\n\n")).toEqual({ points: new Float32Array(), problems: [] });
  });
});

describe("parsePointsJson", () => {
  it("reads [x, y] pairs and {x, y} objects, as the train command writes them", () => {
    const samples = Float32Array.from([0.1, -3.3333333, 1e-8, 123.456]);
    const pairs = [];
    for (let i = 0; i < samples.length; i += 2) pairs.push([samples[i], samples[i + 1]]);
    expect(parsePointsJson(JSON.stringify(pairs))).toEqual({ points: samples, problems: [] });
    const objects = JSON.stringify([
      { x: 0.1, y: -3.3333333, label: "a" },
      { y: 123.456, x: 1e-8 },
    ]);
    expect(parsePointsJson(objects)).toEqual({ points: samples, problems: [] });
  });

  it("reads null (what JSON.stringify writes for NaN and ±Infinity) and non-finite words as non-finite samples", () => {
    const written = JSON.stringify([
      [NaN, 1],
      [2, Infinity],
    ]);
    expect(written).toBe("[[null,1],[2,null]]");
    const parsed = parsePointsJson('[[null,1],[2,null],["-Infinity","NaN"],{"x":"inf","y":"1.5"}]');
    expect(parsed.problems).toEqual([]);
    expect(list(parsed.points)).toEqual([NaN, 1, 2, NaN, -Infinity, NaN, Infinity, 1.5]);
  });

  it("reports each bad entry by its index and keeps the good ones", () => {
    const parsed = parsePointsJson('[[1,2],[1,2,3],"a",{"x":1},[true,"b"],null,[3,4],{"x":[1],"y":{}}]');
    expect(list(parsed.points)).toEqual([1, 2, 3, 4]);
    expect(parsed.problems.map(formatProblem)).toEqual([
      "entry [1]: expected a pair [x, y], got 3 values",
      'entry [2]: expected [x, y] or {x, y}, got "a"',
      "entry [3]: the y value is missing",
      'entry [4]: the x value is a boolean, not a number; the y value "b" is not a number',
      "entry [5]: expected [x, y] or {x, y}, got null",
      "entry [7]: the x value is an array, not a number; the y value is an object, not a number",
    ]);
    expect(parsed.problems[0]!.place).toEqual({ entry: 1 });
  });

  it("reports a file that is not JSON or not an array", () => {
    const broken = parsePointsJson("[[1,2],");
    expect(broken.points).toHaveLength(0);
    expect(broken.problems).toHaveLength(1);
    expect(broken.problems[0]!.place).toEqual({ file: true });
    expect(formatProblem(broken.problems[0]!)).toMatch(/^not valid JSON \(/);
    expect(parsePointsJson('{"x":1,"y":2}').problems.map(formatProblem)).toEqual([
      "expected a JSON array of [x, y] pairs or {x, y} objects",
    ]);
  });
});

describe("pointsFormat and parsePoints", () => {
  it("chooses the format by the file's extension, else by the text", () => {
    expect(pointsFormat("1,2", "a.JSON")).toBe("json");
    expect(pointsFormat("[[1,2]]", "a.csv")).toBe("csv");
    expect(pointsFormat("  \n[[1,2]]")).toBe("json");
    expect(pointsFormat("x,y\n1,2", "points.txt")).toBe("csv");
    expect(list(parsePoints("[[1,2]]").points)).toEqual([1, 2]);
    expect(list(parsePoints("x,y\n3,4").points)).toEqual([3, 4]);
    expect(parsePoints("[[1,2]]", "csv").problems).toHaveLength(1);
  });
});
