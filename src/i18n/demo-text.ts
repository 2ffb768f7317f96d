/** The catalogue's entries of a demo: its controls, messages, legends and exports. Part of ./catalogue.ts. */
export const DEMO_TEXT = {
  play: { zh: "▶ 训练", en: "▶ Train" },
  pause: { zh: "❚❚ 暂停", en: "❚❚ Pause" },
  step: { zh: "单步", en: "Step" },
  reset: { zh: "重置", en: "Reset" },
  settings: { zh: "设置", en: "Settings" },
  copyLink: { zh: "复制此演示的链接", en: "Copy a link to this demo" },
  copyEmbed: { zh: "复制嵌入代码", en: "Copy embed code" },
  remeasure: { zh: "重新测速", en: "Measure again" },
  stepCount: { zh: "第 {step} 步", en: "step {step}" },
  stepsPerSecond: { zh: "{rate} 步/秒", en: "{rate} steps/s" },
  backendBadge: { zh: "后端：{label}", en: "Backend: {label}" },
  backendLoading: { zh: "加载中", en: "loading" },
  backendNone: { zh: "无", en: "none" },
  plotLabel: { zh: "{title}：真实数据与生成样本", en: "{title}: real data and generated samples" },
  lossLabel: { zh: "{title} 的损失曲线", en: "{title}: losses" },
  refusedInput: { zh: "输入被拒绝：{message}", en: "Input refused: {message}" },
  stillUsing: { zh: "{message}；仍使用 {value}。", en: "{message}; still using {value}." },
  loop: {
    running: { zh: "正在训练…", en: "Training…" },
    paused: { zh: "已暂停。", en: "Paused." },
    "off-screen": {
      zh: "演示已离开视口，训练暂停，回来后继续。",
      en: "The demo is off screen: training pauses and goes on when it is back.",
    },
    "hidden-tab": { zh: "标签页在后台，训练暂停。", en: "The tab is in the background: training pauses." },
  },
  ready: { zh: "{title}：已就绪，点击“训练”开始。", en: "{title}: ready; press “Train” to start." },
  cannotStart: {
    zh: "演示无法启动：{reason}。文章的其余部分不受影响；刷新页面可重试。",
    en: "The demo could not start: {reason}. The rest of the article is unaffected; reload the page to try again.",
  },
  hardDataset: {
    zh: "已知局限：在默认的 {steps} 步内，{title}学不好 {dataset}（基准测试的种子 1–3 并非都能把质量分数降到 {target} 以下）。{why}",
    en: "A known limit: within its default {steps} steps, {title} does not learn {dataset} (in the benchmark, not every seed of 1–3 brings the quality score below {target}). {why}",
  },
  budgetDone: {
    zh: "已训练 {step} 步（默认训练量），自动暂停；再点“训练”可继续。",
    en: "Trained {step} steps (the default amount) and paused; press “Train” to go on.",
  },
  didReset: { zh: "已重置：新的初始权重（同一随机种子）。", en: "Reset: new initial weights (the same seed)." },
  resetWithPresets: {
    zh: "已重置，并采用这一选项自带的设置：{list}。",
    en: "Reset, with the settings this choice brings: {list}.",
  },
  settingValue: { zh: "{label} = {value}", en: "{label} = {value}" },
  listSeparator: { zh: "，", en: ", " },
  views: { zh: "视图", en: "View" },
  playSweep: { zh: "▶ 播放", en: "▶ Play" },
  stopSweep: { zh: "❚❚ 停止", en: "❚❚ Stop" },
  legendData: { zh: "真实数据", en: "Real data" },
  legendSamples: { zh: "生成样本", en: "Generated samples" },
  quality: {
    pending: { zh: "质量分数：训练后显示", en: "Quality score: shown after training" },
    nonFinite: { zh: "{count} 个样本不是有限数", en: "{count} samples are not finite" },
    offGrid: { zh: "{count} 个样本落在图外", en: "{count} samples fall outside the plot" },
    missesJoin: { zh: "，", en: ", " },
    misses: { zh: "；{list}，都算作未命中", en: "; {list}, all counted as misses" },
    score: {
      zh: "质量分数 {score}（第 {step} 步；0 = 与新抽的真实数据一样好，1 = 不比单个高斯好；基于 {n} 个样本的 40×40 直方图 JS 散度 {js}，噪声基线 {floor}{misses}）",
      en: "Quality score {score} (step {step}; 0 = as good as fresh real data, 1 = no better than a single Gaussian; JS divergence {js} of 40×40 histograms of {n} samples, noise floor {floor}{misses})",
    },
  },
  backend: {
    switched: { zh: "计算后端已切换为 {label}。", en: "The compute backend is now {label}." },
    contextLost: {
      checkpoint: {
        zh: "WebGL 上下文丢失了：训练已改用 {label}，模型从第 {step} 步保存的权重接着训练（之后的 {lost} 步没能保留）。",
        en: "The WebGL context was lost: training moved to {label} and goes on from the weights saved at step {step} (the {lost} steps after it could not be kept).",
      },
      read: {
        zh: "WebGL 上下文丢失了：权重已读回，训练已改用 {label}，从第 {step} 步接着训练。",
        en: "The WebGL context was lost: the weights were read back, and training moved to {label}, going on from step {step}.",
      },
      reset: {
        zh: "WebGL 上下文丢失了，权重没能保留：训练已改用 {label}，模型从头开始。",
        en: "The WebGL context was lost and the weights with it: training moved to {label} and the model starts from scratch.",
      },
    },
    measuring: {
      zh: "正在测速：用这个模型在各个计算后端上各训练一小段，选最快的……",
      en: "Measuring: training this model briefly on each compute backend to pick the fastest…",
    },
    unavailable: { zh: "{backend} 不可用（{reason}）", en: "{backend} is not available ({reason})" },
    unknownReason: { zh: "未知原因", en: "unknown reason" },
    lap: { zh: "{backend} 每秒 {rate} 步", en: "{backend} {rate} steps per second" },
    race: {
      zh: "这台设备上的测速（{date}，用演示自己的模型训练）：{laps}，已选用 {winner}。",
      en: "Measured on this device ({date}, training the demo's own model): {laps}; chose {winner}.",
    },
    slow: {
      zh: "{backend} 在这台设备上是{reason}，训练比 {label} 慢",
      en: "{backend} on this device is {reason}, slower to train than {label}",
    },
    switchHere: { zh: "（可在“设置”中切换）", en: " (switch it in “Settings”)" },
    switchByUrl: { zh: "（网址加上 backend=webgl 可改用 WebGL）", en: " (add backend=webgl to the URL for WebGL)" },
    fellBack: { zh: "{notes}，已改用 {label}{where}。", en: "{notes}; using {label}{where}." },
    badUrl: {
      zh: "网址参数 backend=“{raw}” 无效，可选：webgl、wasm、cpu；已使用默认顺序",
      en: "The URL parameter backend=“{raw}” is not valid (webgl, wasm, cpu); using the default order",
    },
  },
  share: {
    linkCopied: { zh: "已复制链接", en: "Link copied" },
    linkShown: { zh: "此演示的链接", en: "This demo's link" },
    embedCopied: { zh: "已复制嵌入代码", en: "Embed code copied" },
    embedShown: { zh: "此演示的嵌入代码", en: "This demo's embed code" },
    /** Between "link copied" and a note on the reader's own data that the link does or does not carry. */
    noteJoin: { zh: "。", en: ". " },
  },
  demoTitle: { zh: "交互演示：{title}", en: "Interactive demo: {title}" },
  needsJavaScript: {
    zh: "这个演示会在你的浏览器里实时训练模型，需要启用 JavaScript。",
    en: "This demo trains a model live in your browser and needs JavaScript.",
  },
  exportMenu: {
    summary: { zh: "导出与载入", en: "Export and load" },
    "samples-csv": { zh: "生成样本（CSV）", en: "Samples (CSV)" },
    "losses-csv": { zh: "损失曲线（CSV）", en: "Losses (CSV)" },
    "figure-svg": { zh: "图（SVG）", en: "Figure (SVG)" },
    "figure-png": { zh: "图（PNG）", en: "Figure (PNG)" },
    "weights-json": { zh: "模型权重（JSON）", en: "Model weights (JSON)" },
    weightsFile: { zh: "载入权重文件", en: "Weights file to load" },
    loadWeights: { zh: "载入权重（JSON）…", en: "Load weights (JSON)…" },
    loadSnapshot: { zh: "加载训练好的模型", en: "Load a trained model" },
  },
  exported: {
    samples: { zh: "已导出 {count} 个生成样本（{file}）。", en: "Exported {count} samples ({file})." },
    losses: {
      zh: "已导出损失曲线，共 {count} 个记录点（{file}）。",
      en: "Exported the losses, {count} points ({file}).",
    },
    weights: {
      zh: "已导出模型权重（{file}）：可在此演示的“载入权重”或 npm run train -- --weights 中再用。",
      en: "Exported the model's weights ({file}): load them again with this demo's “Load weights” or npm run train -- --weights.",
    },
    figure: { zh: "已导出图（{file}）。", en: "Exported the figure ({file})." },
    failed: { zh: "导出失败：{reason}。", en: "Export failed: {reason}." },
    pngFailed: { zh: "PNG 生成失败", en: "the PNG could not be made" },
    caption: { zh: "第 {step} 步 · 数据集 {dataset}", en: "step {step} · dataset {dataset}" },
  },
  weights: {
    loaded: {
      zh: "已载入权重（{file}），从这些权重继续：点击“训练”接着训练，“重置”则从头开始。",
      en: "Loaded the weights ({file}); training goes on from them: press “Train” to go on, “Reset” to start afresh.",
    },
    notLoaded: {
      zh: "权重未载入：{reason}。模型保持原样。",
      en: "The weights were not loaded: {reason}. The model is as it was.",
    },
  },
  snapshot: {
    downloading: { zh: "正在下载训练好的模型…", en: "Downloading the trained model…" },
    notLoaded: {
      zh: "训练好的模型未载入：{reason}。模型保持原样，可照常从头训练。",
      en: "The trained model was not loaded: {reason}. The model is as it was and trains from scratch as usual.",
    },
    loaded: {
      zh: "已载入训练好的模型（训练了 {step} 步）：点击“训练”接着训练，“重置”则从头训练。",
      en: "Loaded the trained model (trained {step} steps): press “Train” to go on, “Reset” to train from scratch.",
    },
    switched: {
      zh: "{loaded}演示的设置已改为这个模型训练时所用的：{list}。",
      en: "{loaded} The demo's settings are now those it was trained with: {list}.",
    },
    unreachable: { zh: "无法下载 {url}（{reason}）", en: "could not download {url} ({reason})" },
    httpStatus: { zh: "服务器对 {url} 答复 {status}", en: "the server answered {status} for {url}" },
  },
  worker: {
    cannotStart: { zh: "训练线程无法启动：{reason}", en: "the training worker could not start: {reason}" },
    scriptFailed: { zh: "脚本加载失败", en: "its script failed to load" },
    stopped: {
      zh: "训练线程已停止（{reason}），所有演示的训练都中断了；文章不受影响。",
      en: "The training worker stopped ({reason}): every demo's training is interrupted; the article is unaffected.",
    },
    crashed: { zh: "线程内出错：{reason}", en: "an error in the worker: {reason}" },
    terminated: { zh: "线程被终止", en: "the worker was terminated" },
    unreadable: { zh: "线程发来的消息无法读取", en: "a message from the worker could not be read" },
    hung: {
      zh: "线程 {seconds} 秒没有响应，正在运行的调用是 {method}",
      en: "the worker did not answer for {seconds} s, running {method}",
    },
    restart: { zh: "重新启动", en: "Restart" },
    restartHint: {
      zh: "点“重新启动”会新开一个训练线程，并按当前设置从头创建每个演示的模型（已训练的权重随旧线程丢失）。",
      en: "“Restart” starts a new training worker and creates each demo's model from scratch with its current settings (the trained weights were lost with the old worker).",
    },
    restarted: {
      zh: "训练线程已重新启动：模型按当前设置从头开始，点击“训练”继续。",
      en: "The training worker restarted: the model starts from scratch with the current settings; press “Train” to go on.",
    },
  },
  embed: {
    hide: {
      settings: {
        zh: "设置（数据集、随机种子、模型参数、后端、链接）",
        en: "settings (dataset, seed, model settings, backend, links)",
      },
      loss: { zh: "损失曲线", en: "the loss chart" },
      views: { zh: "视图选择", en: "the view picker" },
      text: { zh: "标题与返回文章的链接", en: "the caption and the link back to the article" },
    },
    unknownHide: {
      zh: "网址参数 hide 中的“{raw}”无法识别；可用：{valid}。",
      en: "“{raw}” in the URL parameter hide is not known; valid: {valid}.",
    },
    badSnapshot: {
      zh: "网址参数 snapshot 的值 {shown} 无法识别；可用：1（从训练好的模型开始）或 0。",
      en: "The URL parameter snapshot={shown} is not known; valid: 1 (start from the trained model) or 0.",
    },
    readInArticle: { zh: "在《{note}》中阅读这一节", en: "Read this section in “{note}” (in Chinese)" },
    description: {
      zh: "在浏览器中实时训练的交互演示：{title}。",
      en: "An interactive demo trained live in the browser: {title}.",
    },
  },
} as const;
