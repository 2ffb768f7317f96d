import { z } from "astro/zod";
import { SITE } from "../site.config.ts";
import { readFrontMatterDate } from "./dates.ts";

const stringList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]));

const zonedDate = (timeZone: string) =>
  z.union([z.date(), z.string()]).transform((value, ctx) => {
    try {
      return readFrontMatterDate(value, timeZone);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });

/**
 * Hexo front matter: `title`, `date` (wall clock in the site's zone), `cover: false` or a path,
 * `mathjax`, `categories`, `tags` (a word or a list), `series`. Unknown keys are kept, not refused.
 */
export function noteSchema(timeZone: string = SITE.timeZone) {
  return z.looseObject({
    title: z.string().min(1, "title must not be empty"),
    date: zonedDate(timeZone),
    updated: zonedDate(timeZone).optional(),
    cover: z.union([z.literal(false), z.string().min(1)]).default(false),
    mathjax: z.boolean().optional(),
    categories: stringList,
    tags: stringList,
    series: z.string().optional(),
  });
}

export type NoteData = z.infer<ReturnType<typeof noteSchema>>;
