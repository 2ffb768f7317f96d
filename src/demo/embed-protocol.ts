/**
 * The messages between an embed page and the page that frames it (pure, no DOM).
 *
 * The embed page posts `{ type: "gen-demo:height", family, height }` to its parent on load and whenever its content
 * changes size (`height` in CSS pixels, a whole number), so the parent can fit the frame:
 *
 * ```js
 * addEventListener("message", (e) => {
 *   if (e.data?.type === "gen-demo:height") frame.style.height = `${e.data.height}px`;
 * });
 * ```
 *
 * The parent may ask again with `{ type: "gen-demo:get-height" }` (say, when its listener starts after the frame
 * loaded). Any other message is ignored.
 */
import type { FamilyId } from "../models/ids.ts";

export interface EmbedHeightMessage {
  type: "gen-demo:height";
  family: FamilyId;
  height: number;
}

export interface EmbedHeightRequest {
  type: "gen-demo:get-height";
}

export function heightMessage(family: FamilyId, height: number): EmbedHeightMessage {
  return { type: "gen-demo:height", family, height: Math.ceil(height) };
}

/** Whether `data` (a message event's, from anyone) is a request for the height; nothing else is acted on. */
export function isHeightRequest(data: unknown): data is EmbedHeightRequest {
  return typeof data === "object" && data !== null && (data as { type?: unknown }).type === "gen-demo:get-height";
}
