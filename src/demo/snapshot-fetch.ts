/**
 * Fetches a family's shipped snapshot (`public/snapshots/<family>.json`, written by `npm run snapshots`) from the
 * site itself, only when asked: the demo's "加载训练好的模型" or an embed's `?snapshot=1`. No request before.
 */
import type { FamilyId } from "../models/ids.ts";
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { fill } from "../i18n/text.ts";
import { reasonOf, TextError } from "../i18n/text-error.ts";

/** The snapshot's URL under the site's base (`BASE_PATH` respected). */
export function snapshotUrl(family: FamilyId, base: string = import.meta.env.BASE_URL): string {
  return `${base.endsWith("/") ? base : `${base}/`}snapshots/${family}.json`;
}

/** The snapshot's text; rejects with a reason for the reader when the request fails or the server refuses it. */
export async function fetchSnapshot(family: FamilyId, fetcher: typeof fetch = fetch): Promise<string> {
  let response: Response;
  try {
    response = await fetcher(snapshotUrl(family));
  } catch (error) {
    throw new TextError(fill(DEMO_TEXT.snapshot.unreachable, { url: snapshotUrl(family), reason: reasonOf(error) }));
  }
  if (!response.ok)
    throw new TextError(fill(DEMO_TEXT.snapshot.httpStatus, { url: snapshotUrl(family), status: response.status }));
  return response.text();
}
