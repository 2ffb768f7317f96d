import type { Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { DATASET_NAMES, isDatasetName } from "../lab/dataset-names.ts";
import { FAMILY_IDS, FAMILY_TITLES, isFamilyId } from "../models/ids.ts";
import { failAt } from "./fail.ts";

/** Attributes the `::demo{…}` directive accepts, each with its check (an error message, or null when valid). */
export const DEMO_ATTRIBUTES: Record<string, (value: string) => string | null> = {
  model: (v) => (isFamilyId(v) ? null : `unknown model "${v}"; valid models: ${FAMILY_IDS.join(", ")}`),
  dataset: (v) => (isDatasetName(v) ? null : `unknown dataset "${v}"; valid datasets: ${DATASET_NAMES.join(", ")}`),
  seed: (v) => (/^\d{1,9}$/.test(v) ? null : `seed "${v}" must be a whole number from 0 to 999999999`),
};

type Directive = TextDirective | LeafDirective | ContainerDirective;

/**
 * Turns `::demo{model="gan" dataset="moons" seed="1"}` into the demo's server-rendered placeholder:
 * a figure holding `<gen-demo model="gan" data-dataset="moons" data-seed="1">` with a caption and a note that it needs JavaScript.
 * The live element upgrades it in the browser. An unknown model, attribute or value fails the build
 * with file and line. Other directives: a `:word` in running text (remark-directive's text form,
 * which ordinary prose can contain) is put back as the text it was; any other block directive fails.
 */
export function remarkDemoDirective() {
  return (tree: Root, file: VFile) => {
    const counts = new Map<string, number>();
    visit(tree, (node, index, parent) => {
      if (node.type !== "textDirective" && node.type !== "leafDirective" && node.type !== "containerDirective") return;
      const directive = node as Directive;
      if (directive.type === "textDirective") {
        if (parent && index !== undefined) {
          const source = String(file.value).slice(directive.position?.start.offset, directive.position?.end.offset);
          parent.children.splice(index, 1, { type: "text", value: source } as RootContent as never);
        }
        return;
      }
      if (directive.name !== "demo" || directive.type !== "leafDirective") {
        failAt(file, directive, `unknown directive "${directive.name}"; write ::demo{model="…"}`, "directive");
      }
      const attributes = directive.attributes ?? {};
      for (const [name, value] of Object.entries(attributes)) {
        const check = DEMO_ATTRIBUTES[name];
        if (!check) {
          failAt(
            file,
            directive,
            `unknown demo attribute "${name}"; valid attributes: ${Object.keys(DEMO_ATTRIBUTES).join(", ")}`,
            "demo",
          );
        }
        const problem = check(value ?? "");
        if (problem) failAt(file, directive, problem, "demo");
      }
      const model = attributes.model;
      if (!model || !isFamilyId(model))
        failAt(file, directive, `a demo needs model="…"; valid models: ${FAMILY_IDS.join(", ")}`, "demo");
      const count = (counts.get(model) ?? 0) + 1;
      counts.set(model, count);
      const figureId = count === 1 ? `demo-${model}` : `demo-${model}-${count}`;
      const title = FAMILY_TITLES[model];
      // Settings travel as data-* attributes (read back through the element's `dataset`); `model` names the family.
      const elementAttributes: Record<string, string> = { model };
      for (const [name, value] of Object.entries(attributes)) {
        if (name !== "model") elementAttributes[`data-${name}`] = value ?? "";
      }
      // mdast-util-to-hast reads hName/hProperties/hChildren to build the figure.
      const figure = {
        hName: "figure",
        hProperties: { className: ["demo-figure"], id: figureId },
        hChildren: [
          {
            type: "element",
            tagName: "gen-demo",
            properties: elementAttributes,
            children: [
              {
                type: "element",
                tagName: "div",
                properties: { className: ["demo-placeholder"] },
                children: [
                  {
                    type: "element",
                    tagName: "p",
                    properties: { className: ["demo-placeholder-note"] },
                    children: [{ type: "text", value: "这个演示会在你的浏览器里实时训练模型，需要启用 JavaScript。" }],
                  },
                ],
              },
            ],
          },
          {
            type: "element",
            tagName: "figcaption",
            properties: {},
            children: [{ type: "text", value: `交互演示：${title}` }],
          },
        ],
      };
      directive.data = figure as LeafDirective["data"];
      directive.children = [];
    });
  };
}
