/**
 * The Markdown demo directive's attributes, fuzzed (fast-check; issue 15): a valid attribute passes to the demo
 * element, anything else fails the build with the file, the line and the attribute's name; nothing else escapes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDemoAttribute } from "../../src/markdown/remark-demo-directive.ts";
import { FAMILY_IDS, type FamilyId } from "../../src/models/ids.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";
import { COMMON_SETTINGS } from "../../src/settings/common.ts";
import { parseSetting } from "../../src/settings/resolve.ts";
import type { SettingSpec } from "../../src/settings/table.ts";
import { fuzz, hostileText, validOrHostile } from "../support/hostile-input.ts";
import { renderMarkdown } from "../support/markdown.ts";

const specsOf = (model: FamilyId): SettingSpec[] => [...COMMON_SETTINGS, ...FAMILY_SPECS[model].settings];
const EVERY_NAME = [...new Set(FAMILY_IDS.flatMap((id) => specsOf(id).map((s) => s.name)))];

/** A value of `spec` as an author would write it, or hostile text. */
function attributeValue(spec: SettingSpec | undefined): fc.Arbitrary<string> {
  if (!spec) return hostileText;
  if (spec.type === "choice") return validOrHostile(fc.constantFrom(...spec.choices.map((c) => c.value)));
  if (spec.type === "integer") return validOrHostile(fc.integer({ min: spec.min, max: spec.max }).map(String));
  return validOrHostile(fc.double({ min: spec.min, max: spec.max, noNaN: true }).map(String));
}

/** An attribute for a demo of `model`: one of its settings, another family's, or a made-up name; any value. */
function attribute(model: FamilyId, name: fc.Arbitrary<string>) {
  const own = fc.constantFrom(...specsOf(model).map((s) => s.name));
  return fc
    .oneof({ weight: 4, arbitrary: own }, fc.constantFrom(...EVERY_NAME), name)
    .chain((n) => fc.tuple(fc.constant(n), attributeValue(specsOf(model).find((s) => s.name === n))));
}

describe("checkDemoAttribute, fuzzed", () => {
  it("accepts exactly the values the setting's table accepts, else names the attribute in its message", () => {
    const arb = fc
      .constantFrom(...FAMILY_IDS)
      .chain((model) => fc.tuple(fc.constant(model), attribute(model, hostileText)));
    fc.assert(
      fc.property(arb, ([model, [name, value]]) => {
        const problem = checkDemoAttribute(model, name, value);
        const spec = specsOf(model).find((s) => s.name === name);
        expect(problem === null).toBe(spec !== undefined && parseSetting(spec, value).ok);
        if (problem !== null)
          expect(problem).toMatch(spec ? `demo attribute ${name}=` : `unknown demo attribute "${name}"`);
      }),
      fuzz(2000),
    );
  });
});

/** Text that stays one attribute value inside `"…"` (Markdown decodes `&…;` and `\`, and ends the value at `"`). */
const quotable = (text: string) => /^[^"\\&\u0000-\u001f\u007f]*$/.test(text) && text.isWellFormed();

/** A made-up attribute name the directive syntax reads as a name. */
const madeUpName = fc.constantFrom("colour", "onerror", "style", "constructor", "toString", "data-x", "Seed", "seed_");

describe("the build, fed demo directives with fuzzed attributes", () => {
  it("renders the demo or fails with the file, the line and the first bad attribute", async () => {
    const arb = fc.constantFrom(...FAMILY_IDS).chain((model) =>
      fc.record({
        model: fc.constant(model),
        before: fc.array(fc.constantFrom("一段文字。", "", "$x^2$", "- 列表"), { maxLength: 4 }),
        attributes: fc.uniqueArray(
          attribute(model, madeUpName).filter(([, value]) => quotable(value)),
          { maxLength: 3, selector: ([name]) => name },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ model, before, attributes }) => {
        const written = attributes.map(([name, value]) => ` ${name}="${value}"`).join("");
        const markdown = [...before, "", `::demo{model="${model}"${written}}`, ""].join("\n");
        const line = before.length + 2;
        const bad = attributes.find(([name, value]) => checkDemoAttribute(model, name, value) !== null);
        const rendering = renderMarkdown(markdown, "fuzzed-note.md");
        if (bad) {
          const [name] = bad;
          await expect(rendering).rejects.toThrow(`fuzzed-note.md:${line}:1: `);
          await expect(rendering).rejects.toThrow(new RegExp(`demo attribute "?${name.replace(/\W/g, "\\$&")}`));
        } else {
          const { html } = await rendering;
          expect(html).toContain(`<gen-demo model="${model}"`);
        }
      }),
      fuzz(60),
    );
  });
});
