/**
 * The site's service worker, served as `<base>sw.js`: after one visit the pages, the fonts, the scripts, tfjs's
 * WASM files and the demos' snapshots are in a cache, so the article opens and trains with no network (a lecture
 * hall with no Wi-Fi).
 *
 * The build (build-service-worker.ts) strips the types and puts `PRECACHE` in front: the site's base, the cache's
 * name (a hash of every precached file, so any change to the site makes a new one) and the URLs to fetch.
 *
 * - install: fetches every URL into the new cache, then takes over at once (skipWaiting), so a new version needs
 *   no second tab or closed window.
 * - activate: deletes this site's older caches, and claims the open pages.
 * - fetch: a page is asked of the network first (a new version shows on the next load) and comes from the cache
 *   when the network fails or has not answered in PAGE_TIMEOUT_MS; every other file of the site comes from the
 *   cache, else the network. Requests outside the base are left alone.
 *
 * A script, not a module (a module service worker is recent in some browsers), with no imports; its types are its
 * own, since the DOM library the project compiles against has none for service workers.
 */

interface Precache {
  /** The site's base path, `/` or `/repo/`. */
  base: string;
  /** `<prefix><hash>`: every cache whose name starts with the prefix belongs to this site. */
  cache: string;
  prefix: string;
  urls: string[];
}
declare const PRECACHE: Precache;

interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface SwScope {
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: SwFetchEvent) => void): void;
}

const swScope = self as unknown as SwScope;
/** How long a page waits for the network before the cached copy is shown (a hall's Wi-Fi that hangs). */
const PAGE_TIMEOUT_MS = 4000;

swScope.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PRECACHE.cache)
      .then((cache) => Promise.all(PRECACHE.urls.map((url) => precacheFile(cache, url))))
      .then(() => swScope.skipWaiting()),
  );
});

/**
 * Fetches one file into the cache; any failure fails the install, and the old version stays. Files under _astro/ are
 * named by their content, so the browser's HTTP cache may serve them; anything else is revalidated, or an older copy
 * could end up in the new cache. A page the host reached by a redirect (`/x` to `/x/`) is stored as a plain answer:
 * a redirected response cannot answer a navigation.
 */
async function precacheFile(cache: Cache, url: string): Promise<void> {
  const response = await fetch(new Request(url, { cache: url.includes("/_astro/") ? "default" : "no-cache" }));
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const { status, statusText, headers } = response;
  await cache.put(
    url,
    response.redirected ? new Response(await response.blob(), { status, statusText, headers }) : response,
  );
}

swScope.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(PRECACHE.prefix) && n !== PRECACHE.cache).map((n) => caches.delete(n)),
        ),
      )
      .then(() => swScope.clients.claim()),
  );
});

swScope.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" && request.method !== "HEAD") return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.pathname.startsWith(PRECACHE.base)) return;
  if (url.pathname === `${PRECACHE.base}sw.js`) return;
  event.respondWith(request.mode === "navigate" ? answerPage(request) : answerFile(request));
});

/** A page: the network's if it answers in time, else the cached copy (any query string), else the 404 page. */
async function answerPage(request: Request): Promise<Response> {
  const network = fetch(request);
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PAGE_TIMEOUT_MS));
  const fresh = await Promise.race([network.catch(() => undefined), timeout]);
  if (fresh) return fresh;
  const cache = await caches.open(PRECACHE.cache);
  const cached =
    (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(`${PRECACHE.base}404.html`));
  // Neither: wait for the network after all, and let its error reach the browser.
  return cached ?? network;
}

/** Any other file of the site: the cached copy, else the network. A HEAD (the WASM backend's check) is answered too. */
async function answerFile(request: Request): Promise<Response> {
  const cache = await caches.open(PRECACHE.cache);
  const cached = await cache.match(request, { ignoreMethod: true });
  if (!cached) return fetch(request);
  return request.method === "HEAD"
    ? new Response(null, { status: cached.status, statusText: cached.statusText, headers: cached.headers })
    : cached;
}
