import type { Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { COMMON_SETTINGS } from "../settings/common.ts";
import { parseSetting } from "../settings/resolve.ts";
import { FAMILY_IDS, FAMILY_TITLES, isFamilyId, type FamilyId } from "../models/ids.ts";
import { FAMILY_SPECS } from "../models/specs.ts";
import type { SettingSpec } from "../models/types.ts";
import { failAt } from "./fail.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill } from "../i18n/text.ts";

/** What a setting accepts, in words, for a build error. */
function accepted(spec: SettingSpec): string {
  if (spec.type === "choice") return `one of ${spec.choices.map((c) => c.value).join(", ")}`;
  return `${spec.type === "integer" ? "a whole number" : "a number"} from ${spec.min} to ${spec.max}`;
}

/**
 * The attributes a demo of `model` accepts: `model`, the settings every demo has (dataset, seed, speed) and the
 * family's own settings (the same table as its controls and URL parameters), each checked by `parseSetting`.
 * Returns an error message, or null when the attribute and its value are valid.
 */
export function checkDemoAttribute(model: string, name: string, value: string): string | null {
  const specs = [...COMMON_SETTINGS, ...(FAMILY_SPECS[model as FamilyId]?.settings ?? [])];
  const spec = specs.find((s) => s.name === name);
  if (!spec) {
    return `unknown demo attribute "${name}" for model "${model}"; valid attributes: model, ${specs.map((s) => s.name).join(", ")}`;
  }
  return parseSetting(spec, value).ok ? null : `demo attribute ${name}="${value}" must be ${accepted(spec)}`;
}

type Directive = TextDirective | LeafDirective | ContainerDirective;

/**
 * Turns `::demo{model="gan" dataset="moons" seed="1"}` into the demo's server-rendered placeholder:
 * a figure holding `<gen-demo model="gan" data-dataset="moons" data-seed="1">` with a caption and a note that it needs JavaScript.
 * Any setting of the family may be given too (e.g. `loss="wgan"` for a GAN): the demo starts with it.
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
      const model = attributes.model;
      if (model === undefined || model === null)
        failAt(file, directive, `a demo needs model="…"; valid models: ${FAMILY_IDS.join(", ")}`, "demo");
      if (!isFamilyId(model))
        failAt(file, directive, `unknown model "${model}"; valid models: ${FAMILY_IDS.join(", ")}`, "demo");
      for (const [name, value] of Object.entries(attributes)) {
        if (name === "model") continue;
        const problem = checkDemoAttribute(model, name, value ?? "");
        if (problem) failAt(file, directive, problem, "demo");
      }
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
                    children: [{ type: "text", value: DEMO_TEXT.needsJavaScript.zh }],
                  },
                ],
              },
            ],
          },
          {
            type: "element",
            tagName: "figcaption",
            properties: {},
            children: [{ type: "text", value: fill(DEMO_TEXT.demoTitle, { title }).zh }],
          },
        ],
      };
      directive.data = figure as LeafDirective["data"];
      directive.children = [];
    });
  };
}
