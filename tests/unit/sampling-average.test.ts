/**
 * The families that sample from an exponential moving average of their network's weights (Ho et al. 2020,
 * Appendix B, for DDPM): samples and views read the average, training the network, and β = 0 turns it off.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createDataStream } from "../../src/lab/datasets.ts";
import { ddpm } from "../../src/models/ddpm.ts";
import { flowMatching } from "../../src/models/flow-matching.ts";
import { schrodingerBridge } from "../../src/models/schrodinger-bridge.ts";
import type { Family } from "../../src/models/types.ts";
import { defaults } from "../../src/settings/resolve.ts";
import { useWasm } from "../support/tf-node.ts";

let tf: Awaited<ReturnType<typeof useWasm>>;
beforeAll(async () => {
  tf = await useWasm();
});

const FAMILIES = [ddpm, flowMatching, schrodingerBridge] as unknown as Family[];

describe.each(FAMILIES.map((family) => [family.id, family] as const))("%s", (_, family) => {
  it("samples from the network's weight average (β = 0.999 by default), and from the trained network at β = 0", () => {
    const settings = defaults(family.settings);
    expect(settings.average).toBe(0.999);
    const model = family.create({ settings, seed: 2, dataset: "moons" });
    const data = createDataStream("moons", 2);
    for (let i = 0; i < 5; i++) model.trainStep(data, false, i + 1);
    expect(Object.keys(model.weights())).toContain("networkAverage.output.weight");
    // The samples view draws from the same noise every time, so only the model can change what it shows.
    const drawn = () => model.view({ view: "samples", n: 300, extent: 4.5, gridSize: 8 }).samples!;
    const before = drawn();
    const zero = (name: string) => {
      model.weights()[name]!.assign(tf.zerosLike(model.weights()[name]!));
      model.weightsChanged();
    };
    // Zeroing the trained network's last layer changes nothing drawn; zeroing the average's changes the samples.
    zero("network.output.weight");
    zero("network.output.bias");
    expect(drawn()).toEqual(before);
    zero("networkAverage.output.weight");
    zero("networkAverage.output.bias");
    expect(drawn()).not.toEqual(before);
    model.dispose();

    const plain = family.create({ settings: { ...settings, average: 0 }, seed: 2, dataset: "moons" });
    expect(Object.keys(plain.weights()).some((n) => n.startsWith("networkAverage"))).toBe(false);
    plain.dispose();
  });
});
