import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".png": "image/png",
};

const COMPRESSIBLE = /^(text\/|application\/(json|wasm)|image\/svg)/;
const compressed = new Map<string, { mtime: number; body: Buffer }>();

/** The gzip of a file, made once per version of it. */
function gzipped(file: string): Buffer {
  const mtime = statSync(file).mtimeMs;
  const cached = compressed.get(file);
  if (cached?.mtime === mtime) return cached.body;
  const body = gzipSync(readFileSync(file));
  compressed.set(file, { mtime, body });
  return body;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site from `root` under `base` on 127.0.0.1, like any plain static host:
 * `/base/x/` serves `x/index.html`, anything missing is a 404 with the site's 404 page. `extraPages` adds
 * HTML pages by path that are not in `root` (the benchmark's bare page). Text, SVG, JSON and WASM are sent
 * gzipped to a client that accepts it. `headers` go with every answer (e.g. the site's Content-Security-Policy,
 * as a host that sets it would send it).
 */
export async function serveStatic(
  root: string,
  base = "/",
  extraPages: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const url = new URL(request.url ?? "/", "http://localhost");
    let pathname = decodeURIComponent(url.pathname);
    const extra = extraPages[pathname];
    if (extra !== undefined) {
      response.writeHead(200, { "content-type": TYPES[".html"] }).end(extra);
      return;
    }
    if (!pathname.startsWith(base)) {
      response.writeHead(404).end("outside base");
      return;
    }
    pathname = pathname.slice(base.length);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) {
      const notFound = path.join(root, "404.html");
      response.writeHead(404, { "content-type": TYPES[".html"] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("not found");
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    // Compressed like any real static host does (the page's HTML is ten times smaller gzipped): Lighthouse's
    // throttled network would otherwise measure a transfer no reader makes.
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      response.writeHead(200, { "content-type": type, "content-encoding": "gzip", vary: "accept-encoding" });
      response.end(gzipped(file));
      return;
    }
    response.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
