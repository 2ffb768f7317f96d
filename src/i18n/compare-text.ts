/**
 * The catalogue's entries of the comparison page (/compare/): its form, panels, table, chart, messages and its
 * prose on reading the table (ours, not the author's). Entries ending in `Html` hold inline markup (`<strong>`,
 * `<a>`) and are set as HTML; their parameters are the site's own paths and numbers. Part of ./catalogue.ts.
 */
export const COMPARE_TEXT = {
  title: { zh: "把所有模型放在一起比较", en: "All the models compared" },
  description: {
    zh: "九种生成模型在同一份二维数据上、用同样的训练时间，在你的浏览器里训练，并排比较质量分数、似然、训练速度和采样代价。",
    en: "Nine generative models trained in your browser on the same 2D data for the same time, side by side: quality score, likelihood, training speed and sampling cost.",
  },
  leadHtml: {
    zh: '选一个数据集，每种模型都用自己的默认设置、在同一份数据上训练同样长的时间，全部在你的浏览器里真实地训练（与 <a href="{demos}">文章里的演示</a>用同一个训练线程），表里的每个数字都是这次运行测出来的。',
    en: 'Pick a dataset: every model, at its own default settings, trains on the same data for the same time, really trained in your browser (in the same training worker as <a href="{demos}">the article\'s demos</a>); every number in the table is measured by this run.',
  },
  budget: { zh: "每个模型的训练时间（秒）", en: "Training time per model (seconds)" },
  setupLegend: { zh: "比较的设置", en: "Comparison setup" },
  modeLegend: { zh: "训练方式", en: "How they train" },
  modeRace: {
    zh: "比赛：轮流给每个模型一小段训练时间，同时看它们学习",
    en: "Race: each model trains a short while in turn, so you watch them all learn at once",
  },
  modeTurns: { zh: "依次：一个模型训练完再训练下一个", en: "In turn: one model after another" },
  familiesLegend: { zh: "参加比较的模型", en: "Models in the comparison" },
  start: { zh: "开始比较", en: "Start the comparison" },
  stop: { zh: "停止", en: "Stop" },
  idle: {
    zh: "设好之后点“开始比较”。每个模型的训练时间只算它在训练线程里训练的时间；评分、画图的时间不算在内。",
    en: "Set it up, then press “Start the comparison”. A model's training time counts only its training in the worker; scoring and drawing do not count.",
  },
  noScript: {
    zh: "比较需要 JavaScript：模型在你的浏览器里训练。",
    en: "The comparison needs JavaScript: the models train in your browser.",
  },
  samplesHeading: { zh: "每个模型的样本", en: "Each model's samples" },
  samplesNote: {
    zh: "蓝色圆点是真实数据，橙色叉号是模型生成的样本；模型名链接到文章里讲它的一节。",
    en: "Blue dots are the real data, orange crosses the model's samples; each model's name links to its section of the article (in Chinese).",
  },
  panelScorePending: { zh: "质量分数 —", en: "Quality score —" },
  resultsHeading: { zh: "结果", en: "Results" },
  tableRegion: { zh: "结果表（可左右滚动）", en: "Results table (scrolls sideways)" },
  tableCaption: {
    zh: "点列名排序。质量分数：0 表示和重新抽一批真实数据一样好，1 表示不比单个高斯好。似然一栏：标准化流与自回归模型是精确的 −log p(x)，VAE 是负 ELBO（−log p(x) 的上界），其余模型没有可直接计算的似然，记作“—”。",
    en: "Click a column's name to sort. Quality score: 0 is as good as a fresh draw of real data, 1 no better than a single Gaussian. Likelihood: the exact −log p(x) for the normalizing flow and the autoregressive model, the negative ELBO (an upper bound on −log p(x)) for the VAE; the other models have no likelihood to compute directly, shown as “—”.",
  },
  columns: {
    family: { zh: "模型", en: "Model" },
    score: { zh: "质量分数", en: "Quality score" },
    likelihood: { zh: "留出数据的负对数似然（nats/点）", en: "Held-out negative log-likelihood (nats/point)" },
    stepsPerSecond: { zh: "训练步/秒", en: "Training steps/s" },
    secondsToTarget: { zh: "达到 ≤ {target} 的训练秒数", en: "Training seconds to ≤ {target}" },
    evaluations: { zh: "每个样本的网络求值次数", en: "Network evaluations per sample" },
    sampleMs: { zh: "生成 1000 个样本（毫秒）", en: "1,000 samples (ms)" },
  },
  downloadCsv: { zh: "下载表格（CSV）", en: "Download the table (CSV)" },
  curvesHeading: { zh: "质量分数随训练时间的变化", en: "Quality score over training time" },
  curvesNote: {
    zh: "每条线是一个模型的质量分数（越低越好），虚线是 {target}；高于 {ceiling} 的分数画在图的上边缘。",
    en: "Each line is one model's quality score (lower is better); the dashed line is {target}; scores above {ceiling} are drawn at the top edge.",
  },
  downloadSvg: { zh: "下载图（SVG）", en: "Download the chart (SVG)" },
  downloadPng: { zh: "下载图（PNG）", en: "Download the chart (PNG)" },
  readingHeading: { zh: "怎样读这张表", en: "How to read the table" },
  readingHtml: [
    {
      zh: "<strong>精确似然与采样代价。</strong>标准化流用变量替换公式、自回归模型把 p(x) 分解成 p(x₁)·p(x₂ | x₁)，都能精确算出 log p(x)，所以表里有它们在留出数据上的负对数似然（单位 nats/点，越低越好）。VAE 只能算出证据下界 ELBO，负 ELBO ≥ −log p(x)，它比真实值高多少取决于近似后验 q(z|x) 离真实后验有多远，因此不能直接和精确值比大小。扩散模型和流匹配原则上也能估计似然（变分下界，或沿概率流 ODE 积分速度场的散度），但那要多次求值网络，这里没有计算；GAN 没有显式的密度，能量模型的密度则差一个算不出的归一化常数。另一方面，采样代价正好反过来：GAN、VAE 和标准化流生成一个样本只需一次网络前向，自回归模型每个坐标一次（二维只有两次，图像则是每个像素一次），而 DDPM、分数匹配、能量模型、流匹配和薛定谔桥都要迭代几十到几百步。“每个样本的网络求值次数”一栏由各模型的默认设置算出；毫秒数还取决于批量、后端和设备。",
      en: "<strong>Exact likelihood and sampling cost.</strong> The normalizing flow (by the change of variables) and the autoregressive model (which factors p(x) into p(x₁)·p(x₂ | x₁)) compute log p(x) exactly, so the table gives their negative log-likelihood on held-out data (nats per point, lower is better). The VAE computes only the evidence lower bound: the negative ELBO ≥ −log p(x), above the true value by as much as the approximate posterior q(z|x) is from the true one, so it cannot be ranked against the exact values. Diffusion and flow matching could estimate a likelihood too (a variational bound, or the divergence of the velocity integrated along the probability-flow ODE), but that takes many network evaluations and is not computed here; a GAN has no explicit density, and an energy model's lacks a normalising constant it cannot compute. Sampling cost runs the other way: a GAN, a VAE and a normalizing flow draw a sample with one forward pass, the autoregressive model with one per coordinate (two in 2D, one per pixel for images), while DDPM, score matching, the energy model, flow matching and the Schrödinger bridge iterate tens to hundreds of steps. “Network evaluations per sample” is computed from each model's default settings; the milliseconds also depend on the batch, the backend and the device.",
    },
    {
      zh: "<strong>模式覆盖。</strong>按最大似然训练等价于最小化 KL(p_data ‖ p_θ)：数据所在之处模型若给出接近 0 的密度，代价会趋于无穷，所以流、自回归模型和 VAE 倾向于覆盖所有的模式，代价是常在模式之间留下一些概率质量（连成“桥”或显得模糊）。GAN 在最优判别器下相当于最小化 Jensen–Shannon 散度，它不超过 ln 2，漏掉一个模式只受有限的惩罚；而且生成器的梯度只来自它自己的样本附近，没有样本落到的模式几乎不给梯度，所以生成器可能只产生部分模式（模式坍塌）。质量分数用的是直方图上的 Jensen–Shannon 散度，漏掉的模式和落错位置的样本都会让它变差。",
      en: "<strong>Mode coverage.</strong> Maximum-likelihood training minimises KL(p_data ‖ p_θ): a density near 0 where there is data costs without bound, so the flow, the autoregressive model and the VAE tend to cover every mode, at the price of often leaving some probability mass between modes (joined by “bridges”, or blurred). A GAN with an optimal discriminator minimises the Jensen–Shannon divergence, which is at most ln 2, so missing a mode costs only so much; and the generator's gradient comes only from near its own samples, a mode none of them reach gives almost none, so the generator may produce only some of the modes (mode collapse). The quality score is a Jensen–Shannon divergence of histograms: missed modes and misplaced samples both make it worse.",
    },
    {
      zh: "<strong>对抗训练为什么会振荡。</strong>GAN 求解的是极小极大问题 min_G max_D，而不是最小化一个目标函数。在鞍点附近，同时做梯度下降和上升不一定收敛：最简单的例子 min_x max_y x·y，梯度下降—上升会绕着平衡点 (0, 0) 转圈，步长有限时还会越转越远。所以 GAN 的分数曲线往往上下起伏而不是单调下降，预算结束那一刻的分数取决于振荡正好处在哪里；WGAN 的权重裁剪或梯度惩罚让评论家更平滑，起伏通常会小一些。",
      en: "<strong>Why adversarial training oscillates.</strong> A GAN solves a minimax problem, min_G max_D, rather than minimising one objective. Near a saddle point, simultaneous gradient descent and ascent need not converge: in the simplest case, min_x max_y x·y, descent–ascent circles the equilibrium (0, 0), and with a finite step it spirals outwards. So a GAN's score curve often goes up and down rather than falling steadily, and its score when the budget ends depends on where the oscillation happens to be; a WGAN's weight clipping or gradient penalty makes the critic smoother, and the swings are usually smaller.",
    },
    {
      zh: "<strong>一次运行只是一个样本。</strong>按秒计的预算对每步便宜的模型有利，按步数计则不同；换一个种子、数据集或设备，名次可能改变。分数在训练开始时测一次，之后每训练预算的十分之一（至少 0.25 秒、至多 1 秒）测一次，所以“达到 ≤ {target} 的训练秒数”只精确到这个间隔。",
      en: "<strong>One run is one sample.</strong> A budget in seconds favours models with cheap steps, one in steps would not; with another seed, dataset or device the ranking may change. The score is measured when training starts and then every tenth of the budget (at least 0.25 s, at most 1 s), so “Training seconds to ≤ {target}” is only as precise as that interval.",
    },
  ],
  overrides: {
    zh: "网址改动了这些模型的设置（其余都是默认设置）：{list}",
    en: "The URL changed these models' settings (the rest are defaults): {list}",
  },
  noFamily: { zh: "至少要选一个模型", en: "Choose at least one model" },
  plotLabel: { zh: "{title}：样本与真实数据", en: "{title}: samples and real data" },
  state: {
    waiting: { zh: "等待", en: "waiting" },
    training: { zh: "训练中", en: "training" },
    done: { zh: "完成", en: "done" },
    diverged: { zh: "已发散", en: "diverged" },
    failed: { zh: "出错", en: "failed" },
    stopped: { zh: "已停止", en: "stopped" },
  },
  hardDataset: {
    zh: "已知局限：默认的 {steps} 步内学不好 {dataset}",
    en: "A known limit: does not learn {dataset} within its default {steps} steps",
  },
  panelScore: {
    zh: "质量分数 {score} · {seconds} 秒 · {steps} 步 · {state}",
    en: "Quality score {score} · {seconds} s · {steps} steps · {state}",
  },
  chartLabel: { zh: "各模型的质量分数随训练时间的变化", en: "Each model's quality score over training time" },
  progress: { zh: "训练中：{done} / {total} 个模型已结束", en: "Training: {done} / {total} models finished" },
  preparing: { zh: "正在准备训练线程和计算后端……", en: "Preparing the training worker and the compute backend…" },
  backend: { zh: "计算后端：{label}{note}", en: "Compute backend: {label}{note}" },
  backendNote: { zh: "。{note}", en: ". {note}" },
  stopped: { zh: "已停止。", en: "Stopped." },
  finished: {
    zh: "完成：{count} 个模型，每个训练 {budget} 秒。训练线程中的张量：开始前 {before} 个，结束后 {after} 个。",
    en: "Done: {count} models, each trained {budget} s. Tensors in the training worker: {before} before, {after} after.",
  },
  failed: { zh: "比较没能进行：{reason}。", en: "The comparison could not run: {reason}." },
  stopping: { zh: "正在停止……", en: "Stopping…" },
  workerStopped: {
    zh: "比较中断了：训练线程已停止。",
    en: "The comparison was interrupted: the training worker stopped.",
  },
  workerStoppedBox: {
    zh: "训练线程已停止（{reason}），比较中断了。",
    en: "The training worker stopped ({reason}): the comparison was interrupted.",
  },
  restartHint: {
    zh: "点“重新启动”会新开一个训练线程，并按表单中的设置重新运行比较。",
    en: "“Restart” starts a new training worker and runs the comparison again with the form's setup.",
  },
  runFailed: { zh: "出错了：{reason}。", en: "It failed: {reason}." },
  divergedAdvice: {
    zh: "请调小“{setting}”后重新比较。",
    en: "Lower “{setting}” and compare again.",
  },
  learningRateAdvice: {
    zh: "学习率可能太大：请降低学习率后重新比较。",
    en: "The learning rate may be too high: lower it and compare again.",
  },
  exactNll: { zh: "{value}（精确 NLL）", en: "{value} (exact NLL)" },
  elbo: { zh: "≤ {value}（负 ELBO，上界）", en: "≤ {value} (negative ELBO, a bound)" },
  notReached: { zh: "未达到", en: "not reached" },
  evaluationsCell: { zh: "{count}（{how}）", en: "{count} ({how})" },
  evaluations: {
    generator: { zh: "生成器 1 次", en: "the generator once" },
    decoder: { zh: "解码器 1 次", en: "the decoder once" },
    inverse: { zh: "逆映射 f⁻¹ 1 次", en: "the inverse f⁻¹ once" },
    autoregressive: { zh: "p(x₁)、p(x₂ | x₁) 各 1 次", en: "p(x₁) and p(x₂ | x₁) once each" },
    denoise: { zh: " + 1（去噪）", en: " + 1 (denoising)" },
    langevin: { zh: "朗之万 K = {steps}", en: "Langevin K = {steps}" },
  },
  shortTitles: {
    flow: { zh: "标准化流", en: "Flow" },
    "flow-matching": { zh: "流匹配", en: "Flow matching" },
    score: { zh: "分数匹配", en: "Score matching" },
    autoregressive: { zh: "自回归", en: "Autoregressive" },
    ebm: { zh: "能量模型", en: "EBM" },
    "schrodinger-bridge": { zh: "薛定谔桥", en: "Schrödinger bridge" },
  },
  chartX: { zh: "训练时间（秒）", en: "Training time (s)" },
  chartY: { zh: "质量分数（越低越好）", en: "Quality score (lower is better)" },
  url: {
    refused: {
      zh: "网址参数 {name}：{message}，已改用默认值",
      en: "URL parameter {name}: {message}; using the default",
    },
    unknownFamily: { zh: "未知的模型 “{names}”，可选：{valid}", en: "unknown model “{names}”; valid: {valid}" },
    badMode: { zh: "不能取 “{mode}”，可选：{valid}", en: "cannot be “{mode}”; valid: {valid}" },
    badBackend: { zh: "不能取 “{backend}”，可选：{valid}", en: "cannot be “{backend}”; valid: {valid}" },
    unknownParam: {
      zh: "未知的网址参数 “{name}”，已忽略；可用：{valid} 和 “模型.设置”",
      en: "unknown URL parameter “{name}”, ignored; valid: {valid} and “model.setting”",
    },
    familySetting: {
      zh: "网址参数 {family}.{message}，已改用默认值",
      en: "URL parameter {family}.{message}; using the default",
    },
    settingProblem: { zh: "{name}：{message}", en: "{name}: {message}" },
  },
} as const;
