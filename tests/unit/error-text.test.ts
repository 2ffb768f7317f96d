import { describe, expect, it } from "vitest";
import { quotedReason } from "../../src/demo/error-text.ts";

describe("an error quoted in a demo's message", () => {
  it("loses its own final full stop, Latin or Chinese, and nothing else", () => {
    expect(quotedReason(new Error("Uncaught Error: Cannot evaluate flag 'DEBUG': no evaluation function found."))).toBe(
      "Uncaught Error: Cannot evaluate flag 'DEBUG': no evaluation function found",
    );
    expect(quotedReason(new Error("训练线程无法启动：脚本加载失败。 "))).toBe("训练线程无法启动：脚本加载失败");
    expect(quotedReason(new Error("WASM 文件无法下载（HTTP 404）"))).toBe("WASM 文件无法下载（HTTP 404）");
    expect(quotedReason("v1.2 failed")).toBe("v1.2 failed");
  });
});
