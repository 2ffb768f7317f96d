/**
 * Headless Chromium for the browser tests and the benchmark, driven by playwright-core. The browser is, in order:
 * $CHROMIUM_PATH; a Chromium or Chrome installed in the usual places of Linux, macOS or Windows (on Linux, also on
 * the PATH); else the Chromium packaged in the npm package @sparticuz/chromium (Linux x64 only), so that a machine
 * with no browser runs the tests too. CHROMIUM_PACKAGED=1 passes over the installed browsers, as on such a machine.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { PACKAGE, packagedChromium, packagedChromiumRuns } from "./packaged-chromium.ts";

/** Flags that keep Chromium quiet on a machine with no network but localhost. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  // WebGL through SwiftShader where there is no GPU (Chromium no longer falls back to it by itself)
  "--enable-unsafe-swiftshader",
];

/** Flags that take WebGL away, in the page and in workers (`--disable-webgl` leaves OffscreenCanvas's). */
export const NO_WEBGL_FLAGS = ["--disable-gpu", "--disable-software-rasterizer"];

/** Where the browser comes from. */
export type ChromiumSource = "CHROMIUM_PATH" | "installed" | "packaged";

/** The choice made before anything is unpacked: a file that exists, or the packaged browser. */
export type ChromiumChoice =
  | { source: "CHROMIUM_PATH" | "installed"; executablePath: string; reason: string }
  | { source: "packaged"; reason: string };

/** What the search looks at; the defaults are this process's, tests pass others. */
export interface ChromiumSearch {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  exists?: (file: string) => boolean;
}

const LINUX_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/opt/google/chrome/chrome",
];
const LINUX_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

/** The usual places of an installed Chromium, then Chrome, on a platform. */
export function installedCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const nonEmpty = (dirs: (string | undefined)[]) => dirs.filter((d): d is string => Boolean(d));
  switch (platform) {
    case "linux": {
      const onPath = nonEmpty((env.PATH ?? "").split(":")).flatMap((dir) =>
        LINUX_NAMES.map((name) => path.posix.join(dir, name)),
      );
      return [...new Set([...LINUX_PATHS, ...onPath])];
    }
    case "darwin": {
      const roots = nonEmpty(["/Applications", env.HOME && path.posix.join(env.HOME, "Applications")]);
      const apps = ["Chromium.app/Contents/MacOS/Chromium", "Google Chrome.app/Contents/MacOS/Google Chrome"];
      return apps.flatMap((app) => roots.map((root) => path.posix.join(root, app)));
    }
    case "win32": {
      const roots = nonEmpty([env.LOCALAPPDATA, env.PROGRAMFILES, env["PROGRAMFILES(X86)"]]);
      const apps = ["Chromium\\Application\\chrome.exe", "Google\\Chrome\\Application\\chrome.exe"];
      return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
    }
    default:
      return [];
  }
}

/** Chooses the browser by the order above, without unpacking anything. */
export function chooseChromium(search: ChromiumSearch = {}): ChromiumChoice {
  const { env = process.env, platform = process.platform, arch = process.arch, exists = existsSync } = search;
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) {
      throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, which does not exist.`);
    }
    return { source: "CHROMIUM_PATH", executablePath: env.CHROMIUM_PATH, reason: "CHROMIUM_PATH names it" };
  }
  const packagedOnly = env.CHROMIUM_PACKAGED === "1";
  if (env.CHROMIUM_PACKAGED !== undefined && !["0", "1"].includes(env.CHROMIUM_PACKAGED)) {
    throw new Error(`CHROMIUM_PACKAGED must be 1 or 0, not ${JSON.stringify(env.CHROMIUM_PACKAGED)}.`);
  }
  const candidates = installedCandidates(platform, env);
  if (!packagedOnly) {
    const found = candidates.find((file) => exists(file));
    const reason = "it is the first installed one found in the usual places";
    if (found) return { source: "installed", executablePath: found, reason };
  }
  const looked =
    platform === "linux"
      ? `${LINUX_PATHS.join(", ")} and ${LINUX_NAMES.join(", ")} on the PATH`
      : candidates.join(", ");
  if (!packagedChromiumRuns(platform, arch)) {
    throw new Error(
      packagedOnly
        ? `CHROMIUM_PACKAGED=1, but ${PACKAGE} has a build for Linux x64 only (this is ${platform} ${arch}).`
        : `No Chromium or Chrome found (looked in ${looked || "no usual place on " + platform}), and ${PACKAGE} has ` +
            `a build for Linux x64 only: set CHROMIUM_PATH to a Chromium or Chrome.`,
    );
  }
  return {
    source: "packaged",
    reason: packagedOnly
      ? "CHROMIUM_PACKAGED=1 passes over the installed browsers"
      : `no Chromium or Chrome installed (looked in ${looked})`,
  };
}

/** The browser to launch, with what its process needs in its environment. */
export interface ResolvedChromium {
  source: ChromiumSource;
  executablePath: string;
  reason: string;
  /** Variables added to the browser's environment (the packaged browser's fonts and libraries). */
  env: Record<string, string>;
  /** Details for the summary line: the package and version, how it was set up. */
  notes: string[];
}

let resolved: Promise<ResolvedChromium> | undefined;

/** The browser every launch in this process uses; the packaged one is unpacked on the first call. */
export function resolveChromium(): Promise<ResolvedChromium> {
  resolved ??= (async (): Promise<ResolvedChromium> => {
    const choice = chooseChromium();
    if (choice.source !== "packaged") return { ...choice, env: {}, notes: [] };
    const packaged = await packagedChromium();
    return {
      source: "packaged",
      executablePath: packaged.executablePath,
      reason: choice.reason,
      env: packaged.env,
      notes: [`${PACKAGE} ${packaged.packageVersion}`, ...packaged.notes],
    };
  })();
  return resolved;
}

/** One line saying which browser runs and why, e.g. for the start of the browser tests. */
export function describeChromium(browser: ResolvedChromium, version: string): string {
  const relative = path.relative(process.cwd(), browser.executablePath);
  const where = relative.startsWith("..") || path.isAbsolute(relative) ? browser.executablePath : relative;
  const [from, ...details] = browser.source === "packaged" ? browser.notes : ["", ...browser.notes];
  const head = `Chromium ${version} at ${where}${from ? ` from ${from}` : ""}, since ${browser.reason}`;
  return [head, ...details].join("; ");
}

/** Launches the chosen browser headless; `webgl: false` takes WebGL away (the tests of the WASM and CPU fallbacks). */
export async function launchChromium(extraArgs: string[] = [], options: { webgl?: boolean } = {}): Promise<Browser> {
  const browser = await resolveChromium();
  const flags =
    options.webgl === false
      ? [...CHROMIUM_FLAGS.filter((f) => !f.includes("swiftshader")), ...NO_WEBGL_FLAGS]
      : CHROMIUM_FLAGS;
  return chromium.launch({
    executablePath: browser.executablePath,
    headless: true,
    args: [...flags, ...extraArgs],
    ...(Object.keys(browser.env).length > 0 && { env: { ...process.env, ...browser.env } }),
  });
}
