/** Site-wide settings that are not Astro's own. */
export const SITE = {
  title: "生成模型笔记",
  description: "生成模型的技术路线总览，附可在浏览器中实时训练的交互演示。",
  lang: "zh-CN",
  /** Front-matter dates are wall-clock times in this zone (the Hexo convention), and are shown in it. */
  timeZone: "Asia/Shanghai",
} as const;
