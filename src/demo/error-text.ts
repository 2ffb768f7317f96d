/**
 * An error's message, to quote inside a Chinese sentence that brings its own "。": the message's final full stop
 * goes, so the demo never says "…found.。".
 */
import { tr } from "../i18n/page-lang.ts";
import { errorText } from "../i18n/text-error.ts";

export function quotedReason(error: unknown): string {
  const text = errorText(error);
  const message = text ? tr(text) : error instanceof Error ? error.message : String(error);
  return message.replace(/[.。]\s*$/, "");
}
