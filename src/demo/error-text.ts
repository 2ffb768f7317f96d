/**
 * An error's message, to quote inside a Chinese sentence that brings its own "。": the message's final full stop
 * goes, so the demo never says "…found.。".
 */
export function quotedReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[.。]\s*$/, "");
}
