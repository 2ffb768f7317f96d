/**
 * What the reader sees about their own data, as `{ zh, en }` texts: the catalogue's entries (src/i18n/own-data-text.ts)
 * as they are, and filled in where they take the data's numbers, a CSV line's problem or a link's refusal.
 */
import { OWN_DATA_TEXT as T } from "../i18n/own-data-text.ts";
import { fill, joinTexts, type Text } from "../i18n/text.ts";
import type { LineReason, PointsProblem } from "../lab/points-file.ts";
import type { CountProblem, Rescale } from "../lab/own-data.ts";
import type { UrlRefusal } from "../lab/own-data-url.ts";

const n = (value: number) => value.toLocaleString("en-US");

export const OWN_TEXT = {
  ...T,
  linkTooBig: (count: number, max: number): Text => fill(T.linkTooBig, { count: n(count), max: n(max) }),
  linkCarries: (count: number): Text => fill(T.linkCarries, { count: n(count) }),
  count: (count: number): Text => fill(T.count, { count: n(count) }),
  tooFewToTrain: (count: number, min: number): Text => fill(T.tooFewToTrain, { count: n(count), min: n(min) }),
  usingOwn: (count: number): Text => fill(T.usingOwn, { count: n(count) }),
  brushAt: (x: number, y: number): Text => fill(T.brushAt, { x: coordinate(x), y: coordinate(y) }),
  dropped: (x: number, y: number, added: number, count: number): Text =>
    fill(T.dropped, { x: coordinate(x), y: coordinate(y), added: n(added), count: n(count) }),
  fromLink: (count: number): Text => fill(T.fromLink, { count: n(count) }),
  linkRefused: (reason: Text): Text => fill(T.linkRefused, { reason }),
  scale: (rescale: Rescale): Text =>
    fill(T.scale, { scale: fmt(rescale.scale), shiftX: signed(rescale.shiftX), shiftY: signed(rescale.shiftY) }),
  accepted: (count: number, bad: number): Text =>
    bad > 0
      ? fill(T.acceptedWithProblems, { count: n(count), bad: n(bad) })
      : fill(T.acceptedClean, { count: n(count) }),
  refused: (problem: CountProblem): Text =>
    fill(problem.kind === "too-few" ? T.tooFew : T.tooMany, { count: n(problem.count) }),
};

/** A brush coordinate, to one decimal, with a true minus sign. */
function coordinate(value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return text === "-0.0" ? "0.0" : text.replace("-", "−");
}

function fmt(value: number): string {
  return Number(value.toPrecision(3)).toString();
}

function signed(value: number): string {
  return value < 0 ? `− ${fmt(-value)}` : `+ ${fmt(value)}`;
}

/** One bad CSV line, by its number, in the reader's words. */
export function problemText(problem: PointsProblem): Text {
  const line = "line" in problem.place ? problem.place.line : 0;
  return fill(T.line, { line, why: reasonText(problem.reason) });
}

function reasonText(reason: LineReason | undefined): Text {
  if (!reason) return T.lineUnreadable;
  if (reason.kind === "header-columns") return fill(T.headerColumns, { got: reason.got });
  if (reason.kind === "columns") return fill(T.columns, { got: reason.got });
  const parts = reason.issues.map((issue) => {
    if (issue.issue === "empty") return fill(T.valueEmpty, { what: issue.what });
    const entry = issue.issue === "not-finite" ? T.valueNotFinite : T.valueNotNumber;
    return fill(entry, { what: issue.what, text: issue.text });
  });
  return joinTexts(parts, T.issuesJoin);
}

/** Why a link's data was refused. */
export function urlRefusalText(refusal: UrlRefusal): Text {
  switch (refusal.kind) {
    case "characters":
      return T.urlCharacters;
    case "version":
      return fill(T.urlVersion, { version: refusal.version });
    case "length":
      return T.urlLength;
    case "checksum":
      return T.urlChecksum;
    case "count":
      return fill(T.urlCount, { count: refusal.count });
  }
}
