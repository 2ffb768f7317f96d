/**
 * Every string the reader sees about their own data, in Chinese and English (the page uses `zh` for now; the
 * interface catalogue will take these pairs over). Functions return a pair where the text has parameters.
 */
import type { LineReason, PointsProblem } from "../lab/points-file.ts";
import type { CountProblem, Rescale } from "../lab/own-data.ts";
import type { UrlRefusal } from "../lab/own-data-url.ts";

/** A text in both languages. */
export interface Text {
  zh: string;
  en: string;
}

const n = (value: number) => value.toLocaleString("en-US");

export const OWN_TEXT = {
  choice: { zh: "你的数据", en: "Your data" },
  section: { zh: "你的数据", en: "Your data" },
  intro: {
    zh: "在图上画点，或粘贴 / 上传 CSV（每行 x,y）；数据存在这台设备的浏览器里，所有演示和比较页共用。",
    en: "Draw points on the plot, or paste / upload a CSV (x,y per line); the data stays in this browser, shared by every demo and the comparison page.",
  },
  draw: { zh: "在图上画点", en: "Draw on the plot" },
  stopDrawing: { zh: "画完了", en: "Done drawing" },
  brush: { zh: "笔刷大小", en: "Brush size" },
  undo: { zh: "撤销一笔", en: "Undo stroke" },
  clear: { zh: "清除全部点", en: "Clear all points" },
  csvOpen: { zh: "粘贴或上传 CSV…", en: "Paste or upload CSV…" },
  csvTitle: { zh: "粘贴或上传 CSV", en: "Paste or upload a CSV" },
  csvHelp: {
    zh: "每行一个点：x,y（第一行可以是表头）。只接受有限的数字，10 到 20,000 个点；超出图范围的数据会按同一比例缩放进来。",
    en: "One point per line: x,y (the first line may be a header). Finite numbers only, 10 to 20,000 points; data outside the plot is scaled into it by one factor.",
  },
  csvText: { zh: "CSV 文本", en: "CSV text" },
  csvFile: { zh: "或选择文件", en: "or choose a file" },
  csvUse: { zh: "使用这些点", en: "Use these points" },
  csvCancel: { zh: "关闭", en: "Close" },
  drawingHint: {
    zh: "画点模式：在图上按住拖动（鼠标、手指或笔）；训练已暂停。点“画完了”后用这些点训练。",
    en: "Drawing: press and drag on the plot (mouse, finger or pen); training is paused. Press “Done drawing” to train on these points.",
  },
  noData: {
    zh: "还没有你的数据：在图上画点或粘贴 CSV。",
    en: "No data of yours yet: draw points on the plot or paste a CSV.",
  },
  noDataForCompare: {
    zh: "还没有你的数据：先在文章里任一演示的“设置”中画点或粘贴 CSV，再回来比较。",
    en: "No data of yours yet: draw or paste it in any demo's settings in the article first, then come back.",
  },
  cleared: { zh: "已清除你的数据。", en: "Your data was cleared." },
  storageFailed: {
    zh: "浏览器不让保存数据（存储已满或被禁用）：这些点只在本页有效。",
    en: "The browser would not store the data (storage full or disabled): the points last only on this page.",
  },
  drawLegend: { zh: "你画的点", en: "Your points" },
  linkTooBig: (count: number, max: number): Text => ({
    zh: `链接没有带上你的数据：${n(count)} 个点，链接最多带 ${n(max)} 个。打开链接的人需要自己的数据。`,
    en: `The link does not carry your data: ${n(count)} points, a link carries at most ${n(max)}. Whoever opens it needs data of their own.`,
  }),
  linkCarries: (count: number): Text => ({
    zh: `链接带上了你的 ${n(count)} 个点。`,
    en: `The link carries your ${n(count)} points.`,
  }),
  count: (count: number): Text => ({ zh: `共 ${n(count)} 个点`, en: `${n(count)} points` }),
  tooFewToTrain: (count: number, min: number): Text => ({
    zh: `只有 ${n(count)} 个点，至少要 ${n(min)} 个才能训练：再画一些。`,
    en: `Only ${n(count)} points; training needs at least ${n(min)}: draw some more.`,
  }),
  usingOwn: (count: number): Text => ({
    zh: `已改用你的数据（${n(count)} 个点），模型从头训练。四分之一的点留作评分，不参与训练。`,
    en: `Now training on your data (${n(count)} points), from scratch. A quarter of the points are held out for the score, never trained on.`,
  }),
  fromLink: (count: number): Text => ({
    zh: `已载入链接带来的数据（${n(count)} 个点），并保存在这台设备上。`,
    en: `Loaded the data the link carries (${n(count)} points) and kept it on this device.`,
  }),
  linkRefused: (reason: Text): Text => ({
    zh: `链接里的数据无法读取（${reason.zh}），已忽略，其余不变。`,
    en: `The data in the link could not be read (${reason.en}); it was ignored and nothing else changed.`,
  }),
  missingOwn: {
    zh: "设置要求使用你的数据，但这台设备上还没有：暂用 8gaussians。在“设置”里画点或粘贴 CSV 后即可改用。",
    en: "The settings ask for your data, but this device has none yet: using 8gaussians for now. Draw or paste some in the settings to switch.",
  },
  scale: (rescale: Rescale): Text => ({
    zh: `数据超出了图的范围 [−4.5, 4.5]²，已按同一比例缩放并平移：x′ = ${fmt(rescale.scale)}·x ${signed(rescale.shiftX)}，y′ = ${fmt(rescale.scale)}·y ${signed(rescale.shiftY)}。`,
    en: `The data went beyond the plot [−4.5, 4.5]², so it was scaled and shifted by one map: x′ = ${fmt(rescale.scale)}·x ${signed(rescale.shiftX)}, y′ = ${fmt(rescale.scale)}·y ${signed(rescale.shiftY)}.`,
  }),
  accepted: (count: number, bad: number): Text => ({
    zh: bad > 0 ? `读到 ${n(count)} 个点；${n(bad)} 行有问题，已跳过：` : `读到 ${n(count)} 个点，没有问题。`,
    en:
      bad > 0
        ? `Read ${n(count)} points; ${n(bad)} lines had problems and were skipped:`
        : `Read ${n(count)} points, no problems.`,
  }),
  refused: (problem: CountProblem): Text =>
    problem.kind === "too-few"
      ? {
          zh: `只读到 ${n(problem.count)} 个有效点，至少要 10 个：没有使用。`,
          en: `Only ${n(problem.count)} good points; at least 10 are needed: not used.`,
        }
      : {
          zh: `读到 ${n(problem.count)} 个点，最多 20,000 个：没有使用。`,
          en: `${n(problem.count)} points; at most 20,000: not used.`,
        },
  emptyFile: { zh: "文件读不出来。", en: "The file could not be read." },
  /** The quality line on the reader's own data (see own-score.ts for what 0 and 1 are). */
  quality: (q: {
    normalised: number;
    step: number;
    n: number;
    js: number;
    noiseFloor: number;
    bins: number;
    heldOut: number;
    reliable: boolean;
    nonFinite: number;
    offGrid: number;
  }): Text => {
    const misses = missesText(q.nonFinite, q.offGrid);
    return {
      zh:
        `质量分数 ${q.normalised.toFixed(2)}（第 ${q.step} 步；与你留出、未参与训练的 ${n(q.heldOut)} 个点比较：` +
        `0 = 与平滑后的训练点一样好，1 = 不比单个高斯好；基于 ${n(q.n)} 个样本的 ${q.bins}×${q.bins} 直方图 JS 散度 ` +
        `${q.js.toFixed(3)}，噪声基线 ${q.noiseFloor.toFixed(3)}${misses ? `；${misses.zh}` : ""}` +
        `${q.reliable ? "" : "；点少或数据接近单个高斯，分数只是粗略的"}）`,
      en:
        `Quality score ${q.normalised.toFixed(2)} (step ${q.step}; against your ${n(q.heldOut)} held-out points, never ` +
        `trained on: 0 = as good as your smoothed training points, 1 = no better than one Gaussian; JS divergence ` +
        `${q.js.toFixed(3)} of a ${q.bins}×${q.bins} histogram of ${n(q.n)} samples, noise floor ${q.noiseFloor.toFixed(3)}` +
        `${misses ? `; ${misses.en}` : ""}${q.reliable ? "" : "; few points, or data close to one Gaussian: the score is rough"})`,
    };
  },
} as const;

/** Samples the score counted as misses, or null when none were. */
function missesText(nonFinite: number, offGrid: number): Text | null {
  if (nonFinite === 0 && offGrid === 0) return null;
  const zh = [
    nonFinite > 0 ? `${n(nonFinite)} 个样本不是有限数` : "",
    offGrid > 0 ? `${n(offGrid)} 个样本落在图外` : "",
  ];
  const en = [
    nonFinite > 0 ? `${n(nonFinite)} samples not finite` : "",
    offGrid > 0 ? `${n(offGrid)} off the plot` : "",
  ];
  return {
    zh: `${zh.filter(Boolean).join("，")}，都算作未命中`,
    en: `${en.filter(Boolean).join(", ")}, all counted as misses`,
  };
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
  const why = reasonText(problem.reason);
  return { zh: `第 ${line} 行：${why.zh}`, en: `line ${line}: ${why.en}` };
}

function reasonText(reason: LineReason | undefined): Text {
  if (!reason) return { zh: "无法读取", en: "cannot be read" };
  if (reason.kind === "header-columns") {
    return {
      zh: `表头有 ${reason.got} 列，应为 2 列（x,y）`,
      en: `the header has ${reason.got} columns, expected 2 (x,y)`,
    };
  }
  if (reason.kind === "columns") {
    return {
      zh: `应为逗号分隔的 2 个数（x,y），这一行有 ${reason.got} 个`,
      en: `expected 2 values separated by a comma (x,y), got ${reason.got}`,
    };
  }
  const parts = reason.issues.map((issue) => {
    if (issue.issue === "empty") return { zh: `${issue.what} 为空`, en: `${issue.what} is empty` };
    if (issue.issue === "not-finite") {
      return { zh: `${issue.what} 的值 “${issue.text}” 不是有限数`, en: `${issue.what} "${issue.text}" is not finite` };
    }
    return { zh: `${issue.what} 的值 “${issue.text}” 不是数字`, en: `${issue.what} "${issue.text}" is not a number` };
  });
  return { zh: parts.map((p) => p.zh).join("；"), en: parts.map((p) => p.en).join("; ") };
}

/** Why a link's data was refused. */
export function urlRefusalText(refusal: UrlRefusal): Text {
  switch (refusal.kind) {
    case "characters":
      return { zh: "含有不允许的字符", en: "it has characters a link value cannot have" };
    case "version":
      return { zh: `未知的格式版本 ${refusal.version}`, en: `unknown format version ${refusal.version}` };
    case "length":
      return { zh: "长度不对，可能被截断了", en: "its length is wrong, it may have been cut short" };
    case "checksum":
      return { zh: "校验和不符，数据已损坏", en: "its checksum does not match, the data is damaged" };
    case "count":
      return {
        zh: `点数 ${refusal.count} 不在允许范围内`,
        en: `its ${refusal.count} points are outside the allowed range`,
      };
  }
}
