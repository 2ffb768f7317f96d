/**
 * The exported figure of every view of every family (WASM in Node): a well-formed SVG with no NaN in it, every
 * legend entry of the live plot written out, and a mark for each layer the view draws.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { frameLegend } from "../../src/demo/frame-drawing.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { EXPORT_THEMES, escapeXml, figureSvg } from "../../src/render/render-export.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

beforeAll(async () => {
  await useWasm();
});

/** Whether every opened element of `svg` is closed in order. */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe.each(registeredFamilies().map((f) => [f.id, f] as const))("the exported figure of %s", (_id, family) => {
  it("is well-formed for every view, with its legend and its marks", () => {
    const t = new Trainer({ family, dataset: "moons", seed: 1, settings: defaults(family.settings) });
    t.train(5);
    const data = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i));
    for (const view of family.views) {
      const frame = t.view({
        view: view.id,
        n: 200,
        extent: 4.5,
        gridSize: 12,
        ...(view.param ? { param: view.param.default } : {}),
      });
      const legend = frameLegend(frame);
      const { svg } = figureSvg({
        title: family.title.zh,
        caption: [frame.caption?.zh ?? ""],
        extent: 4.5,
        theme: EXPORT_THEMES.light,
        legend,
        data: (frame.showData ?? true) ? data : null,
        samples: frame.samples ?? null,
        colouredPoints: frame.colouredPoints ?? null,
        field: frame.field ?? null,
        arrows: frame.arrows ?? null,
        paths: frame.paths ?? null,
      });
      expect(balanced(svg), view.id).toBe(true);
      expect(svg, view.id).not.toContain("NaN");
      for (const item of legend) expect(svg, view.id).toContain(escapeXml(item.label));
      if (frame.samples) expect(svg, view.id).toContain(`stroke="${EXPORT_THEMES.light.samples}" stroke-width="1.6"`);
      if (frame.field) expect(svg, view.id).toContain('class="field"');
      if (frame.paths) expect(svg, view.id).toContain(`stroke="${EXPORT_THEMES.light.paths}"`);
      if (frame.arrows) expect(svg, view.id).toContain(`stroke="${EXPORT_THEMES.light.arrows}" stroke-width="1.2"`);
    }
    t.dispose();
  });
});
