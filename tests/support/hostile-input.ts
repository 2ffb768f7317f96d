/**
 * Hostile input for property-based tests (fast-check): texts that a parser of settings, URLs, attributes, CSV or
 * JSON files must refuse with a message or read as a valid value, never crash on, never pass on as a non-finite
 * number and never echo as markup. Reusable by any parser's test: `hostileText` for one value, `hostileCsv` and
 * `hostileJson` for a whole file, `cutShort` for a file that stops early.
 *
 * Runs are deterministic (CI): `fuzz()` gives a fixed seed. To explore, run with `FUZZ_SEED=<n>` or `FUZZ_SEED=random`
 * (and `FUZZ_TIMES=10` for ten times the runs); a failure prints the seed, the shrunk counterexample and the path to
 * replay it.
 */
import fc from "fast-check";

/**
 * The runs' settings for `fc.assert`: `numRuns` runs from a fixed seed, unless `FUZZ_SEED` or `FUZZ_TIMES` say
 * otherwise.
 */
export function fuzz(numRuns = 200): { seed: number; numRuns: number } {
  const env = process.env["FUZZ_SEED"];
  const seed = env === "random" ? Date.now() ^ (Math.random() * 2 ** 31) : env ? Number(env) : 20_261_202;
  const times = Number(process.env["FUZZ_TIMES"] ?? 1);
  return { seed, numRuns: Math.max(1, Math.round(numRuns * times)) };
}

/** Numbers written the ways `Number()` or a careless regex misreads: non-finite, beyond float64, hex, padded, empty. */
export const TRICKY_NUMBERS = [
  "NaN",
  "nan",
  "-NaN",
  "Infinity",
  "-Infinity",
  "+Infinity",
  "inf",
  "-inf",
  "1e309",
  "-1e309",
  "1e39",
  "-3.5e38",
  "1e-400",
  "4.9e-324",
  "-0",
  "+0",
  "0x10",
  "0b11",
  "0o7",
  " 1 ",
  "\t2\n",
  "1_000",
  "1,5",
  "1.",
  ".5",
  "5e",
  "e5",
  "1e",
  "--1",
  "+-1",
  "",
  " ",
  "１２",
  "١٢",
  "Ⅻ",
  "1/0",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "[1]",
  "9".repeat(400),
  `0.${"0".repeat(400)}1`,
  "999999999999999999999",
  "9007199254740993",
  "0.1e1",
  "1e+3",
] as const;

/** Markup and script that would run, or break out of an attribute, if a message were rendered as HTML. */
export const HTML_FRAGMENTS = [
  "<img src=x onerror=alert(1)>",
  "</script><script>alert(1)</script>",
  "<svg onload=alert(1)>",
  '"><b>bold</b>',
  "' onmouseover='alert(1)",
  "javascript:alert(1)",
  "&lt;b&gt;&amp;",
  "<!--",
  "]]>",
  "${alert(1)}",
  "{{constructor.constructor('alert(1)')()}}",
  "<iframe srcdoc='<script>alert(1)</script>'>",
] as const;

/** Names an object lookup trips on, control and direction characters, a BOM, emoji, CJK, separators, long text. */
export const ODD_TEXT = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "\u0000",
  "\u202e",
  "\ufeff",
  "\ud800",
  "😀",
  "生成模型",
  "Ｘ",
  "\n",
  "\r\n",
  "\r",
  ",",
  "=",
  "&",
  "#",
  "%",
  "%zz",
  "+",
  ".",
  "a".repeat(5000),
] as const;

/** One of the fixed hostile texts above. */
export const knownHostile: fc.Arbitrary<string> = fc.constantFrom(...TRICKY_NUMBERS, ...HTML_FRAGMENTS, ...ODD_TEXT);

/** A number written by `String()`: any double (NaN, ±Infinity, −0, subnormals included) or a huge integer. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toExponential()),
);

/** Any text, weighted towards the hostile kinds: fixed cases, numbers, ASCII, full Unicode, and pastes of them. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: knownHostile },
  { weight: 3, arbitrary: numberText },
  { weight: 2, arbitrary: fc.string() },
  { weight: 2, arbitrary: fc.string({ unit: "binary" }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(knownHostile, numberText, fc.string({ maxLength: 3 })), { minLength: 2, maxLength: 4 })
      .map((parts) => parts.join("")),
  },
);

/** Mostly `valid` values, else hostile text: so a property sees both its accepted and its refused branch. */
export function validOrHostile(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 1, arbitrary: valid },
    { weight: 1, arbitrary: valid.map((v) => ` ${v} `) },
    { weight: 2, arbitrary: hostileText },
  );
}

/** A prefix of `text` cut at some point (never the whole text): a download or copy that stopped early. */
export function cutShort(text: string): fc.Arbitrary<string> {
  return fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n));
}

/** One CSV cell: a good coordinate, a non-finite word, hostile text, or a quoted one of these. */
const csvCell: fc.Arbitrary<string> = fc.oneof(
  fc.double({ min: -5, max: 5, noNaN: true }).map(String),
  fc.constantFrom("NaN", "Infinity", "-inf", "x", "y", '"1.5"', '" 2 "', ""),
  hostileText,
);

/** The text of a CSV points file: header or not, rows of 0–3 cells, any line ends, a BOM, hostile cells. */
export const hostileCsv: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    header: fc.constantFrom("", "x,y\n", "x\n", "x,y,z\n", "<b>x</b>,y\n"),
    rows: fc.array(fc.array(csvCell, { minLength: 0, maxLength: 3 }), { maxLength: 30 }),
    end: fc.constantFrom("\n", "\r\n", "\r"),
  })
  .map(({ bom, header, rows, end }) => `${bom ? "\ufeff" : ""}${header}${rows.map((r) => r.join(",")).join(end)}`);

/** A JSON value that a points or weights reader may meet where a number belongs. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.constantFrom(null, true, "1", "NaN", "1e999", [], {}, [1, 2], { x: 1 }),
  hostileText,
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * The text of a JSON points file: an array of pairs, `{x, y}` objects and stray values; any JSON at all; or text
 * that is not JSON. Numbers JSON cannot hold (NaN, Infinity) come out as `null`, as `JSON.stringify` writes them;
 * `1e999` and `-1e999` are spliced in as text, which `JSON.parse` reads as ±Infinity.
 */
export const hostileJson: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.tuple(hostileJsonValue, hostileJsonValue),
        fc.record({ x: hostileJsonValue, y: hostileJsonValue }),
        fc.array(hostileJsonValue, { maxLength: 3 }),
        hostileJsonValue,
      ),
      { maxLength: 20 },
    )
    .map((items) => JSON.stringify(items).replaceAll('"1e999"', "1e999")),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  hostileText,
);
