/** The demo's request for a shipped snapshot: its URL under the base path, and a failed request said for the reader. */
import { describe, expect, it } from "vitest";
import { fetchSnapshot, snapshotUrl } from "../../src/demo/snapshot-fetch.ts";
import { snapshotAdopted } from "../../src/demo/snapshot-text.ts";
import { FAMILY_SPECS } from "../../src/models/specs.ts";

describe("fetchSnapshot", () => {
  it("asks the site for snapshots/<family>.json under its base path", async () => {
    expect(snapshotUrl("gan", "/")).toBe("/snapshots/gan.json");
    expect(snapshotUrl("flow-matching", "/my-repo")).toBe("/my-repo/snapshots/flow-matching.json");
    const asked: string[] = [];
    const fetcher = (url: string) => {
      asked.push(url);
      return Promise.resolve(new Response('{"format":"gen-demo-weights"}'));
    };
    expect(await fetchSnapshot("vae", fetcher as typeof fetch)).toBe('{"format":"gen-demo-weights"}');
    expect(asked).toEqual([snapshotUrl("vae")]);
  });

  it("rejects with the status, or the network's reason, for the reader", async () => {
    const missing = () => Promise.resolve(new Response("no", { status: 404 }));
    await expect(fetchSnapshot("gan", missing as typeof fetch)).rejects.toThrow("答复 404");
    const offline = () => Promise.reject(new TypeError("Failed to fetch"));
    await expect(fetchSnapshot("gan", offline as typeof fetch)).rejects.toThrow("无法下载");
  });
});

describe("snapshotAdopted", () => {
  it("names the step, and the settings that changed to the snapshot's, if any", () => {
    const dataset = {
      name: "dataset",
      label: { zh: "数据集", en: "Dataset" },
    } as (typeof FAMILY_SPECS.gan.settings)[number];
    expect(snapshotAdopted(1500, [], {}).zh).toBe(
      "已载入训练好的模型（训练了 1500 步）：点击“训练”接着训练，“重置”则从头训练。",
    );
    expect(snapshotAdopted(1500, [dataset], { dataset: "8gaussians" }).zh).toContain(
      "演示的设置已改为这个模型训练时所用的：数据集 = 8gaussians。",
    );
  });
});
