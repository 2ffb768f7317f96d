/**
 * The catalogue's entries for the reader's own data (drawing, CSV, storage, links, its quality line), in Chinese and
 * English. Parameters are named in braces; src/demo/own-data-text.ts fills them.
 */
export const OWN_DATA_TEXT = {
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
    zh: "画点模式：在图上按住拖动（鼠标、手指或笔），或在图上用方向键移动画笔、按空格落点；训练已暂停。点“画完了”后用这些点训练。",
    en: "Drawing: press and drag on the plot (mouse, finger or pen), or on the plot move the brush with the arrow keys and press Space to drop points; training is paused. Press “Done drawing” to train on these points.",
  },
  drawingArea: {
    zh: "画点区：方向键移动画笔（按住 Shift 走得更远），空格或回车在画笔处落点，Esc 退出",
    en: "Drawing area: the arrow keys move the brush (with Shift, further), Space or Enter drops points at the brush, Escape leaves",
  },
  brushAt: { zh: "画笔在 ({x}, {y})", en: "Brush at ({x}, {y})" },
  dropped: {
    zh: "在 ({x}, {y}) 落了 {added} 个点，共 {count} 个",
    en: "{added} points dropped at ({x}, {y}), {count} in all",
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
  linkTooBig: {
    zh: "链接没有带上你的数据：{count} 个点，链接最多带 {max} 个。打开链接的人需要自己的数据。",
    en: "The link does not carry your data: {count} points, a link carries at most {max}. Whoever opens it needs data of their own.",
  },
  linkCarries: { zh: "链接带上了你的 {count} 个点。", en: "The link carries your {count} points." },
  count: { zh: "共 {count} 个点", en: "{count} points" },
  tooFewToTrain: {
    zh: "只有 {count} 个点，至少要 {min} 个才能训练：再画一些。",
    en: "Only {count} points; training needs at least {min}: draw some more.",
  },
  usingOwn: {
    zh: "已改用你的数据（{count} 个点），模型从头训练。四分之一的点留作评分，不参与训练。",
    en: "Now training on your data ({count} points), from scratch. A quarter of the points are held out for the score, never trained on.",
  },
  fromLink: {
    zh: "已载入链接带来的数据（{count} 个点），并保存在这台设备上。",
    en: "Loaded the data the link carries ({count} points) and kept it on this device.",
  },
  linkRefused: {
    zh: "链接里的数据无法读取（{reason}），已忽略，其余不变。",
    en: "The data in the link could not be read ({reason}); it was ignored and nothing else changed.",
  },
  missingOwn: {
    zh: "设置要求使用你的数据，但这台设备上还没有：暂用 8gaussians。在“设置”里画点或粘贴 CSV 后即可改用。",
    en: "The settings ask for your data, but this device has none yet: using 8gaussians for now. Draw or paste some in the settings to switch.",
  },
  scale: {
    zh: "数据超出了图的范围 [−4.5, 4.5]²，已按同一比例缩放并平移：x′ = {scale}·x {shiftX}，y′ = {scale}·y {shiftY}。",
    en: "The data went beyond the plot [−4.5, 4.5]², so it was scaled and shifted by one map: x′ = {scale}·x {shiftX}, y′ = {scale}·y {shiftY}.",
  },
  acceptedWithProblems: {
    zh: "读到 {count} 个点；{bad} 行有问题，已跳过：",
    en: "Read {count} points; {bad} lines had problems and were skipped:",
  },
  acceptedClean: { zh: "读到 {count} 个点，没有问题。", en: "Read {count} points, no problems." },
  tooFew: {
    zh: "只读到 {count} 个有效点，至少要 10 个：没有使用。",
    en: "Only {count} good points; at least 10 are needed: not used.",
  },
  tooMany: { zh: "读到 {count} 个点，最多 20,000 个：没有使用。", en: "{count} points; at most 20,000: not used." },
  emptyFile: { zh: "文件读不出来。", en: "The file could not be read." },
  quality: {
    zh: "质量分数 {score}（第 {step} 步；与你留出、未参与训练的 {heldOut} 个点比较：0 = 与平滑后的训练点一样好，1 = 不比单个高斯好；基于 {n} 个样本的 {bins}×{bins} 直方图 JS 散度 {js}，噪声基线 {floor}{misses}{rough}）",
    en: "Quality score {score} (step {step}; against your {heldOut} held-out points, never trained on: 0 = as good as your smoothed training points, 1 = no better than one Gaussian; JS divergence {js} of a {bins}×{bins} histogram of {n} samples, noise floor {floor}{misses}{rough})",
  },
  qualityRough: {
    zh: "；点少或数据接近单个高斯，分数只是粗略的",
    en: "; few points, or data close to one Gaussian: the score is rough",
  },
  line: { zh: "第 {line} 行：{why}", en: "line {line}: {why}" },
  lineUnreadable: { zh: "无法读取", en: "cannot be read" },
  headerColumns: { zh: "表头有 {got} 列，应为 2 列（x,y）", en: "the header has {got} columns, expected 2 (x,y)" },
  columns: {
    zh: "应为逗号分隔的 2 个数（x,y），这一行有 {got} 个",
    en: "expected 2 values separated by a comma (x,y), got {got}",
  },
  valueEmpty: { zh: "{what} 为空", en: "{what} is empty" },
  valueNotFinite: { zh: "{what} 的值 “{text}” 不是有限数", en: '{what} "{text}" is not finite' },
  valueNotNumber: { zh: "{what} 的值 “{text}” 不是数字", en: '{what} "{text}" is not a number' },
  issuesJoin: { zh: "；", en: "; " },
  urlCharacters: { zh: "含有不允许的字符", en: "it has characters a link value cannot have" },
  urlVersion: { zh: "未知的格式版本 {version}", en: "unknown format version {version}" },
  urlLength: { zh: "长度不对，可能被截断了", en: "its length is wrong, it may have been cut short" },
  urlChecksum: { zh: "校验和不符，数据已损坏", en: "its checksum does not match, the data is damaged" },
  urlCount: { zh: "点数 {count} 不在允许范围内", en: "its {count} points are outside the allowed range" },
} as const;
