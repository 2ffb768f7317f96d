/**
 * Global set-up of the browser tests: chooses the browser once (unpacking the packaged one before any test file
 * starts, so they never race to do it), launches it once to fail early, and prints one line saying which and why.
 */
import { describeChromium, launchChromium, resolveChromium } from "../../src/cli/chromium.ts";

export default async function setup(): Promise<void> {
  const chosen = await resolveChromium();
  const browser = await launchChromium();
  const version = browser.version();
  await browser.close();
  console.log(`Browser tests: ${describeChromium(chosen, version)}`);
}
