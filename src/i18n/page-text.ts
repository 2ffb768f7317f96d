/** The catalogue's strings of the page around the demos: the language line, the refusal of a bad `lang=`. */
export const PAGE_TEXT = {
  articleInChinese: {
    zh: "文章是中文的；交互演示的界面是英文的。",
    en: "The article is in Chinese; its interactive demos are in English.",
  },
  skipToContent: { zh: "跳到正文", en: "Skip to the content" },
  footer: {
    zh: "文章版权归原作者所有；交互演示在你的浏览器中实时训练，不向任何服务器发送数据。",
    en: "The articles' copyright belongs to their author; the interactive demos train in your browser and send no data to any server.",
  },
  langRefused: {
    zh: "网址参数 lang=“{value}” 无效，可选：{valid}；页面保持中文。",
    en: "The URL parameter lang=“{value}” is not a language here; valid: {valid}. The page stays in Chinese.",
  },
} as const;
