/**
 * The order in which the browser tests look for Chromium, on made-up machines: $CHROMIUM_PATH, an installed
 * Chromium or Chrome in the usual places of each platform, then the packaged one (Linux x64 only).
 */
import { describe, expect, it } from "vitest";
import { chooseChromium, installedCandidates } from "../../src/cli/chromium.ts";
import { fontconfig, packagedChromiumRuns } from "../../src/cli/packaged-chromium.ts";

const machine = (files: string[]) => (file: string) => files.includes(file);
const linux = { platform: "linux", arch: "x64" } as const;

describe("chooseChromium", () => {
  it("takes CHROMIUM_PATH first, and refuses one that does not exist", () => {
    const exists = machine(["/opt/my/chrome", "/usr/bin/chromium"]);
    expect(chooseChromium({ ...linux, env: { CHROMIUM_PATH: "/opt/my/chrome" }, exists })).toMatchObject({
      source: "CHROMIUM_PATH",
      executablePath: "/opt/my/chrome",
    });
    expect(() => chooseChromium({ ...linux, env: { CHROMIUM_PATH: "/nowhere/chrome" }, exists })).toThrow(
      /CHROMIUM_PATH is set to \/nowhere\/chrome, which does not exist/,
    );
  });

  it("takes an installed Chromium before Chrome, in the usual places and then on the PATH", () => {
    const env = { PATH: "/home/me/bin:/usr/bin" };
    expect(chooseChromium({ ...linux, env, exists: machine(["/usr/bin/google-chrome", "/usr/bin/chromium"]) })).toEqual(
      expect.objectContaining({ source: "installed", executablePath: "/usr/bin/chromium" }),
    );
    expect(chooseChromium({ ...linux, env, exists: machine(["/home/me/bin/chromium"]) })).toMatchObject({
      source: "installed",
      executablePath: "/home/me/bin/chromium",
    });
  });

  it("falls back to the packaged Chromium on Linux x64 when none is installed, and says where it looked", () => {
    const choice = chooseChromium({ ...linux, env: { PATH: "/usr/bin" }, exists: machine([]) });
    expect(choice.source).toBe("packaged");
    expect(choice.reason).toMatch(/no Chromium or Chrome installed \(looked in \/usr\/bin\/chromium, .* on the PATH\)/);
  });

  it("passes over the installed browsers with CHROMIUM_PACKAGED=1, and refuses another value", () => {
    const exists = machine(["/usr/bin/chromium"]);
    expect(chooseChromium({ ...linux, env: { CHROMIUM_PACKAGED: "1" }, exists })).toMatchObject({ source: "packaged" });
    expect(chooseChromium({ ...linux, env: { CHROMIUM_PACKAGED: "0" }, exists })).toMatchObject({
      source: "installed",
    });
    expect(() => chooseChromium({ ...linux, env: { CHROMIUM_PACKAGED: "yes" }, exists })).toThrow(/must be 1 or 0/);
  });

  it("asks for CHROMIUM_PATH where nothing is installed and the packaged build does not run", () => {
    const search = { platform: "darwin", arch: "arm64", env: { HOME: "/Users/me" }, exists: machine([]) } as const;
    expect(() => chooseChromium(search)).toThrow(/Linux x64 only: set CHROMIUM_PATH/);
    expect(() => chooseChromium({ ...search, env: { CHROMIUM_PACKAGED: "1" } })).toThrow(/Linux x64 only/);
  });
});

describe("installedCandidates", () => {
  it("knows the usual places on macOS and Windows", () => {
    expect(installedCandidates("darwin", { HOME: "/Users/me" })).toEqual([
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Users/me/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Users/me/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ]);
    const windows = installedCandidates("win32", {
      LOCALAPPDATA: "C:\\Users\\me\\AppData\\Local",
      PROGRAMFILES: "C:\\Program Files",
      "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
    });
    expect(windows[0]).toBe("C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe");
    expect(windows).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(windows).toHaveLength(6);
  });
});

describe("the packaged Chromium", () => {
  it("runs on Linux x64 only", () => {
    expect(packagedChromiumRuns("linux", "x64")).toBe(true);
    expect(packagedChromiumRuns("linux", "arm64")).toBe(false);
    expect(packagedChromiumRuns("darwin", "x64")).toBe(false);
  });

  it("sees the machine's fonts, where it has a configuration, and the packaged Open Sans", () => {
    const conf = fontconfig("/p/node_modules/.cache/sparticuz-chromium/153.0.0");
    expect(conf).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
    expect(conf).toContain("<dir>/p/node_modules/.cache/sparticuz-chromium/153.0.0/fonts</dir>");
  });
});
