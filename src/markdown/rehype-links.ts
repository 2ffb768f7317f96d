import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { failAt } from "./fail.ts";

/** A link to a note that is not (yet) in `content/`, with the reason it is allowed. */
export interface UnpublishedLink {
  note: string;
  href: string;
  reason: string;
}

export interface LinkOptions {
  /** Folder holding the notes; a note's id is its path there without `.md`. */
  contentDir: string;
  /** URL path of a note, without the site's base: `/notes/<id>/`. */
  notePath?: (id: string) => string;
  /** URL paths, without the site's base, of the site's pages that are not notes (src/pages/), which a note may link to. */
  sitePages?: readonly string[];
}

/** The pages of the site besides the notes and the home page: a relative link from a note may point at them. */
export const SITE_PAGES = ["/compare/"] as const;

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Ids of the notes under `contentDir` (Markdown files, by path without extension). */
export function listNoteIds(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => file.slice(0, -3).split(path.sep).join("/"));
}

/** Reads `unpublished-links.json` beside the notes: the one allowlist of links to notes not yet published. */
export function readUnpublishedLinks(contentDir: string): UnpublishedLink[] {
  const file = path.join(contentDir, "unpublished-links.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as UnpublishedLink[]) : [];
}

/**
 * Checks and marks links. External links open normally and are marked (class and a hidden "外部链接"
 * for screen readers). A relative link to another note must point at a note in `content/` (or at one of the
 * site's other pages, `sitePages`, such as the comparison);
 * one listed in the allowlist is rendered as plain text marked "尚未发布", never as a link that 404s;
 * any other fails the build with file and line.
 */
export function rehypeLinks(options: LinkOptions) {
  const notePath = options.notePath ?? ((id: string) => `/notes/${id}/`);
  const sitePages = (options.sitePages ?? SITE_PAGES).map((page) => page.replace(/\/$/, ""));
  return (tree: Root, file: VFile) => {
    const noteIds = new Set(listNoteIds(options.contentDir));
    const unpublished = readUnpublishedLinks(options.contentDir);
    const relative = file.path ? path.relative(options.contentDir, file.path) : "";
    const currentId = relative.endsWith(".md") ? relative.slice(0, -3).split(path.sep).join("/") : "";
    const pageUrl = new URL(notePath(currentId), "https://site.invalid");
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "a" || typeof node.properties.href !== "string") return;
      const href = node.properties.href;
      if (href.startsWith("#") || href.startsWith("/")) return;
      if (EXTERNAL.test(href)) {
        const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
        node.properties.className = [...classes, "external-link"];
        node.children.push({
          type: "element",
          tagName: "span",
          properties: { className: ["visually-hidden"] },
          children: [{ type: "text", value: "（外部链接）" }],
        });
        return;
      }
      const target = new URL(href, pageUrl).pathname.replace(/\/$/, "");
      if ([...noteIds].some((id) => notePath(id).replace(/\/$/, "") === target)) return;
      if (sitePages.includes(target)) return;
      const allowed = unpublished.find((link) => link.href === href && (link.note === currentId || link.note === "*"));
      if (!allowed) {
        failAt(
          file,
          node,
          `link "${href}" points at no note in content/; add the note or list it in content/unpublished-links.json with a reason`,
          "link",
        );
      }
      if (!parent || index === undefined) return;
      const replacement: ElementContent = {
        type: "element",
        tagName: "span",
        properties: { className: ["unpublished-link"], title: `尚未发布：${allowed.reason}` },
        children: [
          ...node.children,
          {
            type: "element",
            tagName: "span",
            properties: { className: ["unpublished-badge"] },
            children: [{ type: "text", value: "（尚未发布）" }],
          },
        ],
      };
      parent.children.splice(index, 1, replacement);
    });
  };
}
