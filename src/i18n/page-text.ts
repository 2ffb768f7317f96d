/** The catalogue's strings of the page around the demos: the language line, the refusal of a bad `lang=`. */
export const PAGE_TEXT = {
  articleInChinese: {
    zh: "文章是中文的；交互演示的界面是英文的。",
    en: "The article is in Chinese; its interactive demos are in English.",
  },
  langRefused: {
    zh: "网址参数 lang=“{value}” 无效，可选：{valid}；页面保持中文。",
    en: "The URL parameter lang=“{value}” is not a language here; valid: {valid}. The page stays in Chinese.",
  },
} as const;
