/**
 * A demo's exports in Chromium: after some training, the export menu's buttons download the samples (CSV that the
 * points-file parser, i.e. `npm run score`, reads), the loss history (CSV) and the figure (SVG with its legend, PNG), and
 * the weights (JSON), which load back into the demo.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { parsePointsCsv } from "../../src/lab/points-file.ts";
import { ARTICLE_PATH } from "../support/site.ts";
import { servedSite } from "../support/served-site.ts";

const site = servedSite();

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const saved = await (file as Download).path();
  return { name: file.suggestedFilename(), bytes: readFileSync(saved) };
}

describe("exporting a demo", () => {
  it("downloads its samples, its losses, its figure and its weights, and loads the weights back", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(`${site.origin}${ARTICLE_PATH}?gan.dataset=moons#demo-gan`);
    const figure = page.locator("#demo-gan");
    await figure.locator("gen-demo").scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-state") === "ready",
      undefined,
      {
        timeout: 90_000,
      },
    );
    await figure.getByRole("button", { name: "▶ 训练" }).click();
    await page.waitForFunction(
      () => Number(document.querySelector("#demo-gan gen-demo")?.getAttribute("data-demo-step")) >= 30,
      undefined,
      {
        timeout: 90_000,
      },
    );
    await figure.getByRole("button", { name: "❚❚ 暂停" }).click();
    await figure.getByText("导出与载入", { exact: true }).click();

    const samples = await download(page, () => figure.getByRole("button", { name: "生成样本（CSV）" }).click());
    expect(samples.name).toMatch(/^gan-step\d+-samples\.csv$/);
    const parsed = parsePointsCsv(samples.bytes.toString("utf8"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.points.length).toBe(2 * 2000);
    expect(parsed.points.every(Number.isFinite)).toBe(true);

    const losses = await download(page, () => figure.getByRole("button", { name: "损失曲线（CSV）" }).click());
    const rows = losses.bytes.toString("utf8").trim().split("\n");
    expect(rows[0]).toBe("step,discriminator,generator");
    expect(rows.length).toBeGreaterThan(2);
    expect(
      rows.slice(1).every((r) => r.split(",").length === 3 && r.split(",").every((v) => Number.isFinite(Number(v)))),
    ).toBe(true);

    const svg = (await download(page, () => figure.getByRole("button", { name: "图（SVG）" }).click())).bytes.toString(
      "utf8",
    );
    expect(svg).toContain("<svg");
    for (const text of ["交互演示：生成对抗网络", "真实数据", "生成样本", "数据集 moons"]) expect(svg).toContain(text);
    // the dark scheme shown: the dark page background and the dark theme's sample colour
    expect(svg).toContain('fill="rgb(22, 24, 29)"');
    expect(svg.toLowerCase()).toContain('stroke="#e69f00"');

    const png = await download(page, () => figure.getByRole("button", { name: "图（PNG）" }).click());
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.readUInt32BE(16)).toBe(2 * 560); // width: the SVG's, at twice the pixels

    // the weights: downloaded, the model reset, loaded back; then the model holds exactly the downloaded weights
    const saved = await download(page, () => figure.getByRole("button", { name: "模型权重（JSON）" }).click());
    const weights = JSON.parse(saved.bytes.toString("utf8")) as { family: string; step: number; weights: object };
    expect(weights.family).toBe("gan");
    expect(weights.step).toBeGreaterThanOrEqual(30);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "weights-")), saved.name);
    writeFileSync(file, saved.bytes);
    // npm run train starts from the demo's weights
    const cli = spawnSync(
      process.execPath,
      ["src/cli/train.ts", "--model", "gan", "--steps", "0", "--samples", "200", "--weights", file],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`loaded the weights of ${file} (trained ${weights.step} steps on moons)`);
    await figure.getByRole("button", { name: "重置" }).click();
    await expect.poll(() => figure.locator(".demo-status").textContent()).toContain("已重置");
    await figure.getByLabel("载入权重文件").setInputFiles(file);
    await expect.poll(() => figure.locator(".demo-status").textContent()).toContain("已载入权重");
    const again = await download(page, () => figure.getByRole("button", { name: "模型权重（JSON）" }).click());
    expect((JSON.parse(again.bytes.toString("utf8")) as { weights: object }).weights).toEqual(weights.weights);

    // a file of another model is refused, with a message
    const wrong = path.join(path.dirname(file), "vae.json");
    writeFileSync(wrong, JSON.stringify({ format: "gen-demo-weights", version: 1, family: "vae", weights: {} }));
    await figure.getByLabel("载入权重文件").setInputFiles(wrong);
    await expect
      .poll(() => figure.locator(".demo-error").textContent())
      .toContain('权重未载入：the weights are of model "vae"');
    expect(problems).toEqual([]);
    await page.close();
  });
});
