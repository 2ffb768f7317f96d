/**
 * Colours of the demos: the Okabe–Ito palette (safe for the common colour-vision deficiencies),
 * the colour of each role, and the two colour maps of the heat map. Pure: strings and numbers in, RGBA out.
 */
import { rgb } from "d3-color";
import { interpolateLab, piecewise } from "d3-interpolate";
import { interpolateCividis, interpolateSinebow } from "d3-scale-chromatic";

/** A colour as [red, green, blue, alpha], each 0–255 (the byte layout of canvas ImageData). */
export type RGBA = readonly [red: number, green: number, blue: number, alpha: number];

/** Fully transparent: what a missing value (NaN) is drawn as. */
export const TRANSPARENT: RGBA = [0, 0, 0, 0];

/** The eight colours of Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

/** What a mark on the plot stands for. */
export type Role = "data" | "samples" | "arrows" | "paths";

/** Light or dark page background. */
export type Theme = "light" | "dark";

/**
 * The colour of each role by theme. `render.css` sets the same values as the custom properties
 * `--gm-data`, `--gm-samples`, `--gm-arrows` and `--gm-paths`; the plot reads those and falls back to `light`.
 */
export const ROLE_COLORS: Record<Theme, Record<Role, string>> = {
  light: {
    data: OKABE_ITO.blue,
    samples: OKABE_ITO.vermillion,
    arrows: OKABE_ITO.black,
    paths: OKABE_ITO.reddishPurple,
  },
  dark: {
    data: OKABE_ITO.skyBlue,
    samples: OKABE_ITO.orange,
    arrows: "#E3E5E8",
    paths: OKABE_ITO.reddishPurple,
  },
};

/**
 * Colours of the diverging map at its low end, its middle (zero) and its high end, by theme:
 * negative values lean to the samples' orange, positive ones to the data's blue, so a discriminator
 * logit that says "real" is coloured like the data. Mirrored in `render.css` as `--gm-field-low/-mid/-high`.
 */
export const DIVERGING_STOPS: Record<Theme, readonly [low: string, mid: string, high: string]> = {
  light: [OKABE_ITO.vermillion, "#F7F7F7", OKABE_ITO.blue],
  dark: [OKABE_ITO.orange, "#1F2228", OKABE_ITO.skyBlue],
};

/** Parses any CSS colour d3-color understands ("#0072B2", "rgb(…)", "steelblue"); unparsable → transparent. */
export function parseColor(css: string): RGBA {
  const color = rgb(css);
  if (!color.displayable()) return TRANSPARENT;
  return [Math.round(color.r), Math.round(color.g), Math.round(color.b), Math.round(color.opacity * 255)];
}

/**
 * Number of entries in a colour ramp: enough that steps are invisible, and odd so that t = 0.5
 * (zero of a diverging field) falls exactly on the middle entry, the neutral colour.
 */
export const RAMP_SIZE = 257;

/** RAMP_SIZE colours sampled evenly from t = 0 to t = 1, as packed RGBA bytes. */
function buildRamp(interpolate: (t: number) => string): Uint8ClampedArray {
  const ramp = new Uint8ClampedArray(RAMP_SIZE * 4);
  for (let i = 0; i < RAMP_SIZE; i++) ramp.set(parseColor(interpolate(i / (RAMP_SIZE - 1))), i * 4);
  return ramp;
}

let sequentialRamp: Uint8ClampedArray | undefined;
const divergingRamps = new Map<string, Uint8ClampedArray>();

/** The sequential map (cividis, dark blue → yellow) as a packed RGBA ramp; built once. */
export function sequentialRampBytes(): Uint8ClampedArray {
  sequentialRamp ??= buildRamp(interpolateCividis);
  return sequentialRamp;
}

/** The diverging map low → mid → high (interpolated in CIELAB) as a packed RGBA ramp; cached per stops. */
export function divergingRampBytes(
  stops: readonly [string, string, string] = DIVERGING_STOPS.light,
): Uint8ClampedArray {
  const key = stops.join(" ");
  let ramp = divergingRamps.get(key);
  if (!ramp) {
    ramp = buildRamp(piecewise(interpolateLab, [...stops]));
    divergingRamps.set(key, ramp);
  }
  return ramp;
}

/** Index of t ∈ [0, 1] in a ramp (t is clamped); −1 for NaN. */
export function rampIndex(t: number): number {
  if (Number.isNaN(t)) return -1;
  const clamped = Math.min(1, Math.max(0, t));
  return Math.round(clamped * (RAMP_SIZE - 1));
}

function rampColor(ramp: Uint8ClampedArray, t: number): RGBA {
  const index = rampIndex(t);
  if (index < 0) return TRANSPARENT;
  const o = index * 4;
  return [ramp[o] ?? 0, ramp[o + 1] ?? 0, ramp[o + 2] ?? 0, ramp[o + 3] ?? 0];
}

/** Colour of t ∈ [0, 1] on the sequential map (for densities); t is clamped, NaN → transparent. */
export function sequentialColor(t: number): RGBA {
  return rampColor(sequentialRampBytes(), t);
}

/** Colour of t ∈ [0, 1] on the diverging map (0.5 = zero of a signed field); t is clamped, NaN → transparent. */
export function divergingColor(t: number, stops: readonly [string, string, string] = DIVERGING_STOPS.light): RGBA {
  return rampColor(divergingRampBytes(stops), t);
}

/** A CSS colour string for an RGBA tuple (for legends and SVG). */
export function rgbaToCss([red, green, blue, alpha]: RGBA): string {
  return `rgba(${red}, ${green}, ${blue}, ${Math.round((alpha / 255) * 1000) / 1000})`;
}

/** Colours of the cyclic wheel, for points coloured by where they came from (see `cyclicColor`). */
export const CYCLIC_STEPS = 24;

/**
 * The colour of hue h ∈ [0, 1) (taken modulo 1) on the sinebow wheel, quantised to CYCLIC_STEPS colours
 * so that a cloud is drawn with a few canvas paths; NaN → transparent.
 */
export function cyclicColor(hue: number): string {
  if (!Number.isFinite(hue)) return "transparent";
  return interpolateSinebow(cyclicStep(hue) / CYCLIC_STEPS);
}

/** The index 0…CYCLIC_STEPS−1 of hue h on the quantised wheel. */
export function cyclicStep(hue: number): number {
  const wrapped = hue - Math.floor(hue);
  return Math.round(wrapped * CYCLIC_STEPS) % CYCLIC_STEPS;
}
