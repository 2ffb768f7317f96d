/**
 * Copies text for the reader, and says so; where the clipboard refuses (a page not served over HTTPS, a denied
 * permission, an old browser), the text is shown instead so it can be copied by hand.
 */
export async function copyText(
  text: string,
  announce: (message: string) => void,
  words: { copied: string; shown: string },
): Promise<boolean> {
  try {
    if (!navigator.clipboard) throw new Error("no clipboard");
    await navigator.clipboard.writeText(text);
    announce(`${words.copied}：${text}`);
    return true;
  } catch {
    announce(`${words.shown}：${text}`);
    return false;
  }
}
