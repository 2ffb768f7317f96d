import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // expect.poll waits 1 s by default: a page on a loaded two-core machine can take longer to scroll, observe
          // and repaint; a poll still fails when the thing it waits for never comes.
          expect: { poll: { timeout: 15_000 } },
          // says which Chromium runs and why, and unpacks the packaged one before the first test file
          globalSetup: ["tests/support/browser-setup.ts"],
        },
      },
    ],
  },
});
