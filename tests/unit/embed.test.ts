/** The embed page's URL flags, its message to the framing page, and the `<iframe>` snippet the demo copies. */
import { describe, expect, it } from "vitest";
import { DemoSettings } from "../../src/demo/demo-settings.ts";
import { parseHideFlags, parseSnapshotFlag } from "../../src/demo/embed-options.ts";
import { heightMessage, isHeightRequest } from "../../src/demo/embed-protocol.ts";
import { EMBED_SIZE, embedSnippet, embedUrl } from "../../src/demo/embed-snippet.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

describe("parseHideFlags", () => {
  it("reads a comma list in any case and with spaces, each flag once, in a fixed order", () => {
    expect(parseHideFlags("?hide=views, Settings,,loss,settings")).toEqual({
      flags: ["settings", "loss", "views"],
      problems: [],
    });
  });

  it("reads repeated hide= parameters and ignores other parameters", () => {
    expect(parseHideFlags("?gan.dataset=moons&hide=text&hide=loss").flags).toEqual(["loss", "text"]);
  });

  it("hides nothing without hide=", () => {
    expect(parseHideFlags("?gan.loss=wgan")).toEqual({ flags: [], problems: [] });
    expect(parseHideFlags("")).toEqual({ flags: [], problems: [] });
  });

  it("names each unknown flag with the valid list, and keeps the valid ones", () => {
    const { flags, problems } = parseHideFlags("?hide=loss,chart,toString");
    expect(flags).toEqual(["loss"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]!.zh).toContain("“chart”");
    expect(problems[0]!.zh).toContain("settings, loss, views, text");
    expect(problems[1]!.zh).toContain("“toString”");
  });
});

describe("parseSnapshotFlag", () => {
  it("starts from the trained model with snapshot=1 or true, in any case, from scratch with 0, false or none", () => {
    for (const search of ["?snapshot=1", "?hide=loss&snapshot=TRUE", "?snapshot=1&snapshot=true"]) {
      expect(parseSnapshotFlag(search)).toEqual({ snapshot: true, problem: null });
    }
    for (const search of ["", "?snapshot=0", "?snapshot=false", "?gan.dataset=moons"]) {
      expect(parseSnapshotFlag(search)).toEqual({ snapshot: false, problem: null });
    }
  });

  it("names any other value, or two that disagree, and starts from scratch", () => {
    const bad = parseSnapshotFlag("?snapshot=yes");
    expect(bad.snapshot).toBe(false);
    expect(bad.problem?.zh).toContain("“yes”");
    expect(bad.problem?.zh).toContain("1（从训练好的模型开始）或 0");
    expect(parseSnapshotFlag("?snapshot=1&snapshot=0")).toMatchObject({ snapshot: false });
    expect(parseSnapshotFlag("?snapshot=")).toMatchObject({ snapshot: false });
    expect(parseSnapshotFlag("?snapshot=").problem).not.toBeNull();
  });
});

describe("the height message", () => {
  it("has the documented shape, a whole number of pixels", () => {
    expect(heightMessage("gan", 612.2)).toEqual({ type: "gen-demo:height", family: "gan", height: 613 });
  });

  it("acts on a height request only", () => {
    expect(isHeightRequest({ type: "gen-demo:get-height" })).toBe(true);
    for (const junk of [null, undefined, "gen-demo:get-height", 42, {}, { type: "gen-demo:height", height: 1 }, []]) {
      expect(isHeightRequest(junk)).toBe(false);
    }
  });
});

/** The attributes of a lone `<iframe …></iframe>`, values unescaped; throws if the snippet is anything else. */
function iframeAttributes(html: string): Record<string, string> {
  const match = /^<iframe((?: [a-z-]+="[^"<>]*")*)><\/iframe>$/.exec(html);
  if (!match) throw new Error(`not one iframe: ${html}`);
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return Object.fromEntries([...match[1]!.matchAll(/ ([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

describe("the embed snippet", () => {
  const target = {
    origin: "https://notes.example.org",
    base: "/course",
    family: "gan" as const,
    settings: { dataset: "moons", loss: "wgan-gp" },
  };

  it("points at the family's embed page under the base path, settings namespaced by the family", () => {
    const url = new URL(embedUrl(target));
    expect(url.origin + url.pathname).toBe("https://notes.example.org/course/embed/gan/");
    expect([...url.searchParams]).toEqual([
      ["gan.dataset", "moons"],
      ["gan.loss", "wgan-gp"],
    ]);
    expect(embedUrl({ ...target, base: "/", settings: {} })).toBe("https://notes.example.org/embed/gan/");
  });

  it("is one iframe with the URL, a title and a size, its attributes escaped", () => {
    const html = embedSnippet(target, `交互演示："GAN" & <WGAN>`);
    const frame = iframeAttributes(html);
    expect(frame.src).toBe(embedUrl(target));
    expect(frame.title).toBe(`交互演示："GAN" & <WGAN>`);
    expect(frame.width).toBe(String(EMBED_SIZE.width));
    expect(frame.height).toBe(String(EMBED_SIZE.height));
    expect(html).toContain("gan.dataset=moons&amp;gan.loss=wgan-gp");
  });
});

describe("DemoSettings.embedSettings", () => {
  it("names what the article's attributes chose, since the embed page has none of its own", () => {
    const element = { dataset: { dataset: "moons", seed: "1", demoStep: "40" } } as unknown as HTMLElement;
    const settings = new DemoSettings(element, FAMILY_SPECS.autoregressive, "autoregressive", "");
    expect(settings.embedSettings()).toEqual({ dataset: "moons" });
    settings.change("seed", 7);
    expect(settings.embedSettings()).toEqual({ dataset: "moons", seed: "7" });
    // the page's own link still names only what differs from its attributes
    expect(new URL(settings.link("https://x.org/notes/a/")).search).toBe("?autoregressive.seed=7");
  });
});
