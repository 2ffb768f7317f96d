/**
 * Registers the site's service worker (service-worker.ts, built as `<base>sw.js`) once the page has loaded, so its
 * precaching (tfjs, the WASM files, the fonts, every page) never competes with what the reader is opening. Not in
 * `npm run dev`, which has no `sw.js`. (The mode, not `PROD`: a build run with NODE_ENV=test, as the tests' variant
 * builds are, is not `PROD`, but it is a build.)
 */
if (import.meta.env.MODE !== "development" && "serviceWorker" in navigator) {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, "/");
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      // The site works without it, only not offline (a private window may refuse it).
      console.warn("Offline cache unavailable (the site works online):", error);
    });
  };
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
