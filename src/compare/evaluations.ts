/**
 * How many times a family's sampler runs its network to draw one sample, read from the family's settings (the
 * same values `create` gets), so the table's number follows a changed setting instead of being written down.
 * No tfjs: the page computes it before any model exists.
 */
import type { FamilyId } from "../models/ids.ts";
import type { SettingValues } from "../models/types.ts";
import { COMPARE_TEXT } from "../i18n/compare-text.ts";
import { fill, same, type Text } from "../i18n/text.ts";

const E = COMPARE_TEXT.evaluations;

/** A count of network evaluations per sample, and how it comes about (shown beside the number). */
export interface Evaluations {
  count: number;
  how: Text;
}

/**
 * Velocity evaluations per step of each ODE solver. The same table as `SOLVER_EVALUATIONS` in
 * lab/flow-matching-ode.ts, which imports tfjs and so cannot load on the page; a unit test holds the two equal.
 */
export const STEP_EVALUATIONS: Record<string, number> = { euler: 1, midpoint: 2, heun: 2 };

const num = (settings: SettingValues, name: string): number => {
  const value = settings[name];
  if (typeof value !== "number") throw new Error(`Setting "${name}" is missing or not a number.`);
  return value;
};

/**
 * Network evaluations per sample at these settings: one generator pass (GAN), one decoder pass (VAE), one inverse
 * pass (flow), one per coordinate (autoregressive), T reverse steps (DDPM), L levels × T Langevin steps (+1 for the
 * final denoising step) for NCSN, the generation-time Langevin steps (EBM; each is one gradient of the energy), the
 * ODE's steps × the solver's evaluations per step (flow matching), and the bridge's K steps (once per SDE step, twice
 * per Heun step of the ODE).
 */
export function networkEvaluations(id: FamilyId, settings: SettingValues): Evaluations {
  switch (id) {
    case "gan":
      return { count: 1, how: E.generator };
    case "vae":
      return { count: 1, how: E.decoder };
    case "flow":
      return { count: 1, how: E.inverse };
    case "autoregressive":
      return { count: 2, how: E.autoregressive };
    case "ddpm": {
      const steps = num(settings, "steps");
      return { count: steps, how: same(`T = ${steps}`) };
    }
    case "score": {
      const levels = num(settings, "levels");
      const perLevel = num(settings, "stepsPerLevel");
      const denoise = settings.denoise === "on" ? 1 : 0;
      return {
        count: levels * perLevel + denoise,
        how: fill(
          { zh: "L × T = {levels} × {perLevel}{denoise}", en: "L × T = {levels} × {perLevel}{denoise}" },
          {
            levels,
            perLevel,
            denoise: denoise ? E.denoise : same(""),
          },
        ),
      };
    }
    case "ebm": {
      const steps = num(settings, "sampleSteps");
      return { count: steps, how: fill(E.langevin, { steps }) };
    }
    case "flow-matching": {
      const steps = num(settings, "steps");
      const solver = String(settings.solver);
      const each = STEP_EVALUATIONS[solver];
      if (each === undefined) throw new Error(`Unknown ODE solver "${String(settings.solver)}".`);
      return {
        count: steps * each,
        how: fill(
          { zh: "K × {each} = {steps} × {each}（{solver}）", en: "K × {each} = {steps} × {each} ({solver})" },
          { each, steps, solver },
        ),
      };
    }
    case "schrodinger-bridge": {
      const steps = num(settings, "steps");
      const each = settings.sampler === "ode" ? STEP_EVALUATIONS.heun! : 1;
      return {
        count: steps * each,
        how:
          settings.sampler === "ode"
            ? fill({ zh: "K × 2 = {steps} × 2（ODE，Heun）", en: "K × 2 = {steps} × 2 (ODE, Heun)" }, { steps })
            : fill({ zh: "K = {steps}（SDE）", en: "K = {steps} (SDE)" }, { steps }),
      };
    }
  }
}
