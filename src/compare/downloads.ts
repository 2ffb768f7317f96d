/** The page's exports: a file the browser saves, and the chart's SVG rendered to a PNG. DOM only. */
import { DEMO_TEXT } from "../i18n/demo-text.ts";
import { TextError } from "../i18n/text-error.ts";

/** Saves text (or a blob) as a download named `name`. */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Renders a standalone SVG to a PNG at twice its size. */
export async function svgToPng(svg: string): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const context = canvas.getContext("2d")!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new TextError(DEMO_TEXT.exported.pngFailed))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
