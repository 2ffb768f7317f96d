/**
 * The interface's two languages and the one shape every string of it takes: a `Text` is `{ zh, en }`, plain data
 * that crosses the worker boundary, so the main thread picks the language. A string with parameters names them in
 * braces, the same names in both languages (`"第 {step} 步"` / `"step {step}"`), and `fill` puts values in both;
 * a value may itself be a `Text`, whose own language goes in. No DOM here: the worker, the CLI and the build use it.
 */

/** The interface's languages: Chinese (the default, the article's) and English. */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** The `lang` attribute each language writes into the page. */
export const HTML_LANG: Record<Lang, string> = { zh: "zh-CN", en: "en" };

/** One string of the interface in both languages. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}

/** The names in braces of a template string: `"{a} of {b}"` gives `"a" | "b"`. */
export type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;

/** A value put into a template: a number or string (the same in both languages) or a `Text`. */
export type ParamValue = string | number | Text;

/** The values `fill` needs for an entry: one per name in braces. */
export type ParamsOf<E extends Text> = { readonly [K in ParamNames<E["zh"]> | ParamNames<E["en"]>]: ParamValue };

/** Reads a `lang` value; an unknown one throws, naming the valid ones. */
export function parseLang(raw: string): Lang {
  if ((LANGS as readonly string[]).includes(raw)) return raw as Lang;
  throw new Error(`unknown language "${raw}"; valid: ${LANGS.join(", ")}`);
}

/** Whether a value is a `Text` (and not a number or a plain string). */
export function isText(value: unknown): value is Text {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Text).zh === "string" &&
    typeof (value as Text).en === "string"
  );
}

/** The names in braces of one template, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))];
}

function fillOne(template: string, lang: Lang, params: Readonly<Record<string, ParamValue>>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_whole, name: string) => {
    if (!(name in params)) throw new Error(`no value for {${name}} in "${template}"`);
    const value = params[name]!;
    return isText(value) ? value[lang] : String(value);
  });
}

/** The entry with its parameters put in, in both languages. */
export function fill<E extends Text>(entry: E, params: ParamsOf<E>): Text {
  const values = params as Readonly<Record<string, ParamValue>>;
  return { zh: fillOne(entry.zh, "zh", values), en: fillOne(entry.en, "en", values) };
}

/** Texts joined, each language with its own separator (Chinese lists run on with "，" where English uses ", "). */
export function joinTexts(parts: readonly Text[], separator: Text): Text {
  return { zh: parts.map((p) => p.zh).join(separator.zh), en: parts.map((p) => p.en).join(separator.en) };
}

/** Names listed, "a、b、c" in Chinese and "a, b, c" in English. */
export function listOf(names: readonly (string | number)[]): Text {
  return { zh: names.join("、"), en: names.join(", ") };
}

/** The same string in both languages: a name, a number, a formula. */
export function same(text: string): Text {
  return { zh: text, en: text };
}

/** A `Text` or a plain string (a name that reads the same in both languages), in one language. */
export function pick(text: Text | string, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}
