/**
 * The Chromium that ships inside the npm package `@sparticuz/chromium` (a headless shell for Linux x64, brotli
 * compressed, with SwiftShader for WebGL, Open Sans and the NSS libraries of Amazon Linux), unpacked on first use
 * into `node_modules/.cache/sparticuz-chromium/<version>/`.
 *
 * The package's own `executablePath()` always unpacks into the shared temporary folder and reuses whatever
 * `/tmp/chromium` it finds there, so only its files are used here, not its code.
 */
import { spawnSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { brotliDecompressSync, createBrotliDecompress } from "node:zlib";

export const PACKAGE = "@sparticuz/chromium";

export interface PackagedChromium {
  executablePath: string;
  /** The package's version, which is the browser's major version. */
  packageVersion: string;
  /** Where it is unpacked. */
  cacheDir: string;
  /** What the browser process needs in its environment: its fonts, and its own libraries where the system lacks them. */
  env: Record<string, string>;
  /** A few words on its set-up, for the line the tests print. */
  notes: string[];
}

/** The package only carries a Linux x64 build. */
export function packagedChromiumRuns(platform: string = process.platform, arch: string = process.arch): boolean {
  return platform === "linux" && arch === "x64";
}

/** Libraries the browser links to beyond glibc; the package brings its own for systems without them. */
const NSS_LIBRARIES = ["libnss3.so", "libnssutil3.so", "libnspr4.so", "libplc4.so", "libplds4.so", "libexpat.so.1"];
const LIBRARY_DIRS = ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib"];

/** Unpacks the packaged browser if needed (a few seconds, once per installed version) and says how to launch it. */
export async function packagedChromium(env: NodeJS.ProcessEnv = process.env): Promise<PackagedChromium> {
  const packageDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve(PACKAGE)), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  // <project>/node_modules/@sparticuz/chromium → <project>/node_modules/.cache/sparticuz-chromium/<version>
  const cacheDir = path.join(packageDir, "..", "..", ".cache", "sparticuz-chromium", version);
  const executablePath = path.join(cacheDir, "chromium");
  const notes: string[] = [];
  if (!existsSync(executablePath)) {
    const started = Date.now();
    await unpack(path.join(packageDir, "bin"), cacheDir);
    notes.push(`unpacked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const browserEnv: Record<string, string> = {};
  // Its fontconfig is built in and reads /etc/fonts by default; this configuration keeps the machine's fonts and adds
  // the packaged Open Sans, so that text has glyphs on a machine with no fonts at all. FONTCONFIG_FILE, when set, wins.
  if (!env.FONTCONFIG_FILE) {
    const fontsConf = path.join(cacheDir, "fonts.conf");
    writeIfChanged(fontsConf, fontconfig(cacheDir));
    browserEnv.FONTCONFIG_FILE = fontsConf;
  } else {
    notes.push(`fonts from FONTCONFIG_FILE=${env.FONTCONFIG_FILE}`);
  }
  const missing = NSS_LIBRARIES.filter((lib) => !LIBRARY_DIRS.some((dir) => existsSync(path.join(dir, lib))));
  if (missing.length > 0) {
    browserEnv.LD_LIBRARY_PATH = [path.join(cacheDir, "lib"), env.LD_LIBRARY_PATH].filter(Boolean).join(":");
    notes.push(`its own ${missing.join(", ")}`);
  }
  return { executablePath, packageVersion: version, cacheDir, env: browserEnv, notes };
}

/** The fonts the packaged browser sees: the machine's (if it has a configuration) and Open Sans from the package. */
export function fontconfig(cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(cacheDir, "fonts")}</dir>
  <cachedir>${path.join(cacheDir, "fontconfig-cache")}</cachedir>
</fontconfig>
`;
}

/**
 * Unpacks into a folder of its own, then renames it into place, so that a second process (another test worker, the
 * benchmark) never sees half a browser; whichever finishes second throws its copy away.
 */
async function unpack(binDir: string, cacheDir: string): Promise<void> {
  const staging = `${cacheDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    await pipeline(
      createReadStream(path.join(binDir, "chromium.br")),
      createBrotliDecompress(),
      createWriteStream(path.join(staging, "chromium"), { mode: 0o755 }),
    );
    // SwiftShader's libraries lie beside the binary, where it looks for them; fonts/ and lib/ go below it
    for (const archive of ["swiftshader.tar.br", "fonts.tar.br", "al2023.tar.br"]) {
      const tar = spawnSync("tar", ["-x", "--no-same-owner", "-C", staging], {
        input: brotliDecompressSync(readFileSync(path.join(binDir, archive))),
      });
      if (tar.status !== 0) {
        throw new Error(`Could not unpack ${archive} from ${PACKAGE}: ${tar.error ?? tar.stderr.toString()}`);
      }
    }
    try {
      renameSync(staging, cacheDir);
    } catch (error) {
      if (!existsSync(path.join(cacheDir, "chromium"))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function writeIfChanged(file: string, text: string): void {
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
}
