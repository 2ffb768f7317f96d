/** Headless Chromium for the browser tests and the benchmark: Debian's build (or $CHROMIUM_PATH), driven by playwright-core. */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

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

/** The browser the tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (tried ${candidates.join(", ")}). Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

/** Flags that take WebGL away, in the page and in workers (`--disable-webgl` leaves OffscreenCanvas's). */
export const NO_WEBGL_FLAGS = ["--disable-gpu", "--disable-software-rasterizer"];

export function launchChromium(extraArgs: string[] = [], options: { webgl?: boolean } = {}): Promise<Browser> {
  const flags =
    options.webgl === false
      ? [...CHROMIUM_FLAGS.filter((f) => !f.includes("swiftshader")), ...NO_WEBGL_FLAGS]
      : CHROMIUM_FLAGS;
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...flags, ...extraArgs] });
}
