/**
 * An error whose message the reader sees, in both languages: thrown in the worker (a backend that fails), it
 * crosses as its `Text` (the protocol's `errorText`) and the main thread shows it in the page's language. Its
 * `message` is the Chinese, as the demos' messages were before there was a choice.
 */
import { isText, same, type Text } from "./text.ts";

export class TextError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(text.zh);
    this.name = "TextError";
    this.text = text;
  }
}

/** The `Text` of an error, when it has one (a `TextError`, or anything carrying a `text` that is one). */
export function errorText(error: unknown): Text | null {
  if (error instanceof TextError) return error.text;
  const text = (error as { text?: unknown } | null)?.text;
  return isText(text) ? text : null;
}

/** What an error says, in both languages (an error of tfjs or the browser reads the same in both). */
export function reasonOf(error: unknown): Text {
  return errorText(error) ?? same(error instanceof Error ? error.message : String(error));
}
