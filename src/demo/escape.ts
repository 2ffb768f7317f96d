/**
 * Escape closes what the reader opened: a disclosure (the settings, the export menu, "你的数据") closes and the focus
 * goes back to its summary, the control that opened it. A key pressed in an open `<dialog>` is the dialog's own
 * (it closes itself), and a handler nearer the focus that took the key (`preventDefault`) wins.
 */
export function closeOnEscape(details: HTMLDetailsElement): void {
  details.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || !details.open) return;
    if (event.target instanceof Element && event.target.closest("dialog[open]")) return;
    event.preventDefault();
    details.open = false;
    details.querySelector<HTMLElement>(":scope > summary")?.focus();
  });
}
