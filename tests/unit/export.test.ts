/** What a demo exports: samples and losses as CSV, the figure as SVG (plain arrays in, text out). */
import { describe, expect, it } from "vitest";
import { lossHistoryCsv, samplesCsv } from "../../src/lab/csv-export.ts";
import { parsePointsCsv } from "../../src/lab/points-file.ts";
import { EXPORT_THEMES, escapeXml, figureSvg, type FigureInput } from "../../src/render/render-export.ts";

describe("samplesCsv", () => {
  it("round-trips through the points-file parser (npm run score's), header included, float32 exactly", () => {
    const points = Float32Array.from([0.1, -2.5, 3.14159, 1e-7, -4.4, 4.4, 1 / 3, 2 / 3]);
    const text = samplesCsv(points);
    expect(text.split("\n")[0]).toBe("x,y");
    const parsed = parsePointsCsv(text);
    expect(parsed.problems).toEqual([]);
    expect(Array.from(parsed.points)).toEqual(Array.from(points));
  });

  it("writes non-finite samples so the parser reads them back as such", () => {
    const points = Float32Array.from([NaN, 1, Infinity, -Infinity]);
    const parsed = parsePointsCsv(samplesCsv(points));
    expect(parsed.problems).toEqual([]);
    expect(Array.from(parsed.points)).toEqual([NaN, 1, Infinity, -Infinity]);
  });

  it("is a header alone for no samples", () => {
    expect(samplesCsv(new Float32Array())).toBe("x,y\n");
  });
});

describe("lossHistoryCsv", () => {
  const series = [{ key: "discriminator" }, { key: "generator" }];

  it("has a step column and one column per series, in the series' order", () => {
    const csv = lossHistoryCsv(
      { steps: [10, 20, 30], values: { generator: [0.7, 0.69, 0.68], discriminator: [1.4, 1.38, 1.3] } },
      series,
    );
    expect(csv).toBe("step,discriminator,generator\n10,1.4,0.7\n20,1.38,0.69\n30,1.3,0.68\n");
  });

  it("leaves a cell empty where a series has no value, and writes a diverged loss as NaN", () => {
    const csv = lossHistoryCsv({ steps: [1, 2], values: { discriminator: [NaN] } }, series);
    expect(csv.trim().split("\n")).toEqual(["step,discriminator,generator", "1,NaN,", "2,,"]);
  });

  it("quotes a key that holds a comma", () => {
    expect(lossHistoryCsv({ steps: [], values: {} }, [{ key: "a,b" }])).toBe('step,"a,b"\n');
  });
});

/** Every element of an SVG document's tags balanced (a check of well-formedness without a DOM). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe("figureSvg", () => {
  const input: FigureInput = {
    title: "交互演示：生成对抗网络（GAN / WGAN）",
    caption: ["t = 60 / 100", "第 120 步 · 数据集 moons"],
    extent: 4.5,
    theme: EXPORT_THEMES.dark,
    legend: [
      { label: "真实数据", kind: "data" },
      { label: "生成样本", kind: "samples" },
      { label: "判别器 D(x) <logit> & more", kind: "field" },
      { label: "轨迹", kind: "paths" },
    ],
    data: Float32Array.from([0, 0, 1, 1, NaN, 2]),
    samples: Float32Array.from([-1, -1, 2, 0.5]),
    field: { values: Float32Array.from({ length: 16 }, (_, i) => i - 8), gridSize: 4, kind: "diverging" },
    paths: { lines: [Float32Array.from([0, 0, 1, 1, 2, 0])] },
  };

  it("is a well-formed SVG document with the title, every legend label (escaped) and the caption", () => {
    const { svg, width, height } = figureSvg(input);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(balanced(svg)).toBe(true);
    expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(svg).toContain(`width="${width}" height="${height}"`);
    for (const text of [input.title, "真实数据", "生成样本", "轨迹", ...input.caption]) expect(svg).toContain(text);
    expect(svg).toContain(escapeXml("判别器 D(x) <logit> & more"));
    expect(svg).toContain("−8 … 8"); // the field's range, as the live legend writes it
  });

  it("draws the marks it was given: one circle per finite data point, the field's cells, the path's dots", () => {
    const { svg } = figureSvg(input);
    const dataCircles = svg.match(new RegExp(`<circle [^>]*fill="${EXPORT_THEMES.dark.data}"`, "g")) ?? [];
    expect(dataCircles).toHaveLength(2 + 1); // two points and the legend's swatch
    expect(svg.match(/<rect x=/g)).toHaveLength(16);
    expect(figureSvg({ ...input, field: null }).svg.match(/<rect x=/g)).toBeNull();
  });

  it("takes the theme's colours: the dark page, its data and sample colours, none of the light ones", () => {
    const dark = figureSvg(input).svg;
    const { background, data, samples } = EXPORT_THEMES.dark;
    expect(dark).toContain(`<rect width="100%" height="100%" fill="${background}"/>`);
    expect(dark).toContain(`fill="${data}"`);
    expect(dark).toContain(`stroke="${samples}"`);
    for (const colour of [EXPORT_THEMES.light.background, EXPORT_THEMES.light.data, EXPORT_THEMES.light.samples]) {
      expect(dark).not.toContain(colour);
    }
    const light = figureSvg({ ...input, theme: EXPORT_THEMES.light }).svg;
    expect(light).toContain(`fill="${EXPORT_THEMES.light.background}"`);
    expect(light).toContain(`stroke="${EXPORT_THEMES.light.samples}"`);
  });

  it("grows to fit a legend that wraps", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `图例项目第${i}个很长的名字`, kind: "data" as const }));
    expect(figureSvg({ ...input, legend: many }).height).toBeGreaterThan(figureSvg(input).height);
  });
});
