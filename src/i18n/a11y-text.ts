/**
 * The catalogue's strings for a screen reader: the plot's text alternative (src/demo/plot-description.ts), the
 * milestones the status line announces (src/demo/milestones.ts) and what Escape says. Part of ./catalogue.ts.
 */
export const A11Y_TEXT = {
  plot: {
    zh: "{title}：数据集 {dataset}，第 {step} 步，{score}。视图“{view}”{caption}：{layers}。",
    en: "{title}: dataset {dataset}, step {step}, {score}. View “{view}”{caption}: {layers}.",
  },
  score: { zh: "得分 {score}", en: "score {score}" },
  noScore: { zh: "尚无得分", en: "no score yet" },
  caption: { zh: "（{caption}）", en: " ({caption})" },
  points: { zh: "{label} {n} 个点", en: "{label}, {n} points" },
  field: { zh: "热图“{label}”", en: "heat map “{label}”" },
  arrows: { zh: "箭头“{label}”", en: "arrows “{label}”" },
  lines: { zh: "{label} {n} 条", en: "{label}, {n} of them" },
  bars: { zh: "柱状图“{label}”", en: "bar chart “{label}”" },
  /** Between the layers of the list above. */
  separator: { zh: "、", en: "; " },
  learned: {
    zh: "已学会：第 {step} 步得分 {score}，不超过 {target}。",
    en: "Learned: score {score} at step {step}, at most {target}.",
  },
  drawingLeft: {
    zh: "已退出画点：刚画的点没有使用，数据保持原样。",
    en: "Left drawing: the points just drawn are not used; the data is as it was.",
  },
} as const;
