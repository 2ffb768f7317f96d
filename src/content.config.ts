import { defineCollection } from "astro:content";
import { noteSchema } from "./content/schema.ts";
import { strictGlob } from "./content/strict-glob.ts";

/** Every Markdown file under `content/` (or $CONTENT_DIR) is a note; its id is its path without `.md`. */
const notes = defineCollection({
  loader: strictGlob({ pattern: "**/*.md", base: process.env.CONTENT_DIR ?? "./content" }),
  schema: noteSchema(),
});

export const collections = { notes };
