/**
 * A small set of the reader's points in a link: the URL parameter `owndata=<value>`. The value is base64url
 * (RFC 4648 §5, no padding) of these bytes:
 *
 *   byte 0        format version, 1
 *   bytes 1–2     the number of points N, unsigned 16-bit big-endian (10 to URL_MAX_POINTS)
 *   3 bytes each  the points: x and y quantised to 12 bits on the plot's range [−4.5, 4.5]
 *                 (q = round((v + 4.5) / 9 · 4095)), packed as xxxxxxxx xxxxyyyy yyyyyyyy
 *   last 2 bytes  Fletcher-16 checksum of every byte before it (sum1, then sum2)
 *
 * so 500 points take 1,505 bytes, 2,007 characters; a coordinate comes back within 9/8190 ≈ 0.0011 of where it was.
 * Decoding refuses, with the reason, anything that is not such a value: a character outside base64url, another
 * version, a length that does not match N (a link cut short), a wrong checksum, or N out of range. No DOM.
 */
import { OWN_LIMITS, PLOT_BOX } from "./own-data.ts";

/** The URL parameter that carries the points. */
export const OWN_DATA_PARAM = "owndata";
/** The most points a link carries. */
export const URL_MAX_POINTS = 500;

const VERSION = 1;
const LEVELS = 4095;
const HEADER = 3;
const CHECKSUM = 2;

/** Why a link's value was refused. */
export type UrlRefusal =
  | { kind: "characters" }
  | { kind: "version"; version: number }
  | { kind: "length" }
  | { kind: "checksum" }
  | { kind: "count"; count: number };

function quantise(value: number): number {
  const { lo, hi } = PLOT_BOX;
  return Math.max(0, Math.min(LEVELS, Math.round(((value - lo) / (hi - lo)) * LEVELS)));
}

function dequantise(q: number): number {
  const { lo, hi } = PLOT_BOX;
  return lo + (q / LEVELS) * (hi - lo);
}

/** Fletcher-16 of bytes [0, end). */
function fletcher16(bytes: Uint8Array, end: number): [number, number] {
  let a = 0;
  let b = 0;
  for (let i = 0; i < end; i++) {
    a = (a + bytes[i]!) % 255;
    b = (b + a) % 255;
  }
  return [a, b];
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * The link value of interleaved xy `points` (inside the plot; values outside are clamped to its edge), or null
 * when there are more than URL_MAX_POINTS (or fewer than the least a set may have).
 */
export function encodeOwnData(points: Float32Array): string | null {
  const count = Math.floor(points.length / 2);
  if (count > URL_MAX_POINTS || count < OWN_LIMITS.min) return null;
  const bytes = new Uint8Array(HEADER + 3 * count + CHECKSUM);
  bytes[0] = VERSION;
  bytes[1] = count >> 8;
  bytes[2] = count & 0xff;
  for (let i = 0; i < count; i++) {
    const x = quantise(points[2 * i]!);
    const y = quantise(points[2 * i + 1]!);
    const at = HEADER + 3 * i;
    bytes[at] = x >> 4;
    bytes[at + 1] = ((x & 0xf) << 4) | (y >> 8);
    bytes[at + 2] = y & 0xff;
  }
  const [a, b] = fletcher16(bytes, bytes.length - CHECKSUM);
  bytes[bytes.length - 2] = a;
  bytes[bytes.length - 1] = b;
  return toBase64Url(bytes);
}

/** The points of a link value, or why it was refused. */
export function decodeOwnData(value: string): { ok: true; points: Float32Array } | { ok: false; refusal: UrlRefusal } {
  const bytes = fromBase64Url(value.trim());
  if (!bytes) return { ok: false, refusal: { kind: "characters" } };
  if (bytes.length < HEADER + CHECKSUM) return { ok: false, refusal: { kind: "length" } };
  if (bytes[0] !== VERSION) return { ok: false, refusal: { kind: "version", version: bytes[0]! } };
  const count = (bytes[1]! << 8) | bytes[2]!;
  if (bytes.length !== HEADER + 3 * count + CHECKSUM) return { ok: false, refusal: { kind: "length" } };
  const [a, b] = fletcher16(bytes, bytes.length - CHECKSUM);
  if (bytes[bytes.length - 2] !== a || bytes[bytes.length - 1] !== b) {
    return { ok: false, refusal: { kind: "checksum" } };
  }
  if (count < OWN_LIMITS.min || count > URL_MAX_POINTS) return { ok: false, refusal: { kind: "count", count } };
  const points = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) {
    const at = HEADER + 3 * i;
    points[2 * i] = dequantise((bytes[at]! << 4) | (bytes[at + 1]! >> 4));
    points[2 * i + 1] = dequantise(((bytes[at + 1]! & 0xf) << 8) | bytes[at + 2]!);
  }
  return { ok: true, points };
}
