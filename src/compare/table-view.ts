/** The results table's body and its sort state drawn into the server-rendered <table>. DOM only. */
import { cellTexts, type SortDirection, type SortKey, type TableRow } from "./table.ts";

/**
 * Replaces the rows of `body` with `rows` (already sorted): the family's name as the row header, each cell marked
 * with its column (`data-column`), each row with its family and state; marks the sorted column's header with
 * `aria-sort`.
 */
export function renderTable(
  body: HTMLTableSectionElement,
  sortButtons: readonly HTMLButtonElement[],
  rows: readonly TableRow[],
  sortKey: SortKey,
  sortDirection: SortDirection,
): void {
  const doc = body.ownerDocument;
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = doc.createElement("tr");
      tr.dataset.family = row.id;
      tr.dataset.state = row.state;
      const texts = cellTexts(row);
      for (const key of Object.keys(texts) as SortKey[]) {
        const cell = doc.createElement(key === "family" ? "th" : "td");
        if (key === "family") cell.setAttribute("scope", "row");
        cell.dataset.column = key;
        cell.textContent = texts[key];
        tr.append(cell);
      }
      return tr;
    }),
  );
  for (const button of sortButtons) {
    const th = button.closest("th");
    if (!th) continue;
    if (button.dataset.sort === sortKey) th.setAttribute("aria-sort", sortDirection);
    else th.removeAttribute("aria-sort");
  }
}
