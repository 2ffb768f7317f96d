/**
 * Drawing samples never changes a training run: every family draws them from a stream of its own, so the demo's
 * views and scores (drawn whenever the page asks) leave the loss curve of a seed exactly as it was.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { defaults } from "../../src/settings/resolve.ts";
import { registeredFamilies } from "../../src/models/registry.ts";
import { Trainer } from "../../src/models/trainer.ts";
import { useWasm } from "../support/tf-node.ts";

beforeAll(async () => {
  await useWasm();
});

describe.each(registeredFamilies().map((f) => [f.id, f] as const))("family %s", (_id, family) => {
  it("has the same loss curve whether or not samples and views are drawn during training", () => {
    const run = (drawBetween: boolean) => {
      const trainer = new Trainer({ family, dataset: "8gaussians", seed: 3, settings: defaults(family.settings) });
      for (let i = 0; i < 4; i++) {
        trainer.train(5, 1);
        if (drawBetween) {
          trainer.sample(64);
          const view = family.views.at(-1)!;
          trainer.view({
            view: view.id,
            n: 32,
            extent: 4.5,
            gridSize: 4,
            ...(view.param ? { param: view.param.default } : {}),
          });
        }
      }
      const curve = structuredClone(trainer.history.values);
      trainer.dispose();
      return curve;
    };
    expect(run(true)).toEqual(run(false));
  });
});
