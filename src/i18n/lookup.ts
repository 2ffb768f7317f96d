/**
 * A catalogue entry by its key ("compare.columns.score"), for the pages whose HTML is rendered at build time in
 * Chinese and marked with the keys it came from (`data-i18n`), so the page can switch to English in the browser.
 * An unknown key throws, naming it: the build fails rather than ship an untranslated string.
 */
import { CATALOGUE } from "./catalogue.ts";
import { fill, isText, type ParamValue, type Text } from "./text.ts";

/** The entry at `key`, with `params` put in when given. */
export function lookup(key: string, params?: Readonly<Record<string, ParamValue>>): Text {
  let node: unknown = CATALOGUE;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (!isText(node)) throw new Error(`no catalogue entry "${key}"`);
  return params ? fill(node, params as never) : node;
}
