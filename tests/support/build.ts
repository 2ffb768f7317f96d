import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface VariantBuild {
  status: number | null;
  output: string;
  outDir: string;
  contentDir: string;
}

/**
 * Builds the site with other notes and/or another base path, into a temporary folder,
 * through the project's own `astro build` (same Node as the tests run under).
 */
export function buildVariant(options: {
  base?: string;
  /** The site's origin (SITE_URL), for canonical URLs. */
  site?: string;
  extraNotes?: Record<string, string>;
  withArticle?: boolean;
}): VariantBuild {
  const root = mkdtempSync(path.join(tmpdir(), "gen-site-"));
  const contentDir = path.join(root, "content");
  const outDir = path.join(root, "dist");
  if (options.withArticle ?? true) cpSync("content", contentDir, { recursive: true });
  for (const [name, text] of Object.entries(options.extraNotes ?? {})) {
    cpSync("content/unpublished-links.json", path.join(contentDir, "unpublished-links.json"));
    writeFileSync(path.join(contentDir, name), text);
  }
  const result = spawnSync(
    process.execPath,
    ["node_modules/astro/bin/astro.mjs", "build", "--force", "--outDir", outDir],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: "1",
        BASE_PATH: options.base ?? "/",
        SITE_URL: options.site ?? "",
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: path.join(root, "cache"),
      },
      timeout: 170_000,
    },
  );
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir, contentDir };
}
