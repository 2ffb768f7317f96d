/**
 * Lighthouse (mobile, its default: an emulated phone with simulated throttling) on the article page,
 * against the same Chromium as the tests, reached through a remote-debugging port.
 */
import { launchChromium } from "../chromium.ts";

export interface LighthouseResult {
  performance: number;
  accessibility: number;
  /** The main metrics, in milliseconds (CLS unitless). */
  metrics: Record<string, number>;
}

const PORT = 9333;

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const { default: lighthouse } = await import("lighthouse");
  const browser = await launchChromium([`--remote-debugging-port=${PORT}`]);
  try {
    const result = await lighthouse(url, {
      port: PORT,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
    });
    if (!result) throw new Error("Lighthouse returned no result");
    const { categories, audits } = result.lhr;
    const metric = (id: string) => Number(audits[id]?.numericValue ?? NaN);
    return {
      performance: Math.round((categories.performance?.score ?? NaN) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? NaN) * 100),
      metrics: {
        firstContentfulPaint: metric("first-contentful-paint"),
        largestContentfulPaint: metric("largest-contentful-paint"),
        totalBlockingTime: metric("total-blocking-time"),
        cumulativeLayoutShift: metric("cumulative-layout-shift"),
        speedIndex: metric("speed-index"),
      },
    };
  } finally {
    await browser.close();
  }
}
