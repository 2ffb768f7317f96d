/**
 * The catalogue's entries used without a DOM, in the worker, the CLI and the build as well as the page: settings
 * refused, a run that diverged, a backend that cannot run. Part of the one catalogue (./catalogue.ts).
 */
export const CORE_TEXT = {
  setting: {
    notAChoice: { zh: "“{label}”不能取 “{raw}”，可选：{valid}", en: "“{label}” cannot be “{raw}”; valid: {valid}" },
    notANumber: { zh: "“{label}”需要一个数字，收到 “{raw}”", en: "“{label}” needs a number, got “{raw}”" },
    notAnInteger: { zh: "“{label}”需要一个整数，收到 “{raw}”", en: "“{label}” needs a whole number, got “{raw}”" },
    outOfRange: {
      zh: "“{label}”应在 {min} 到 {max} 之间，收到 {raw}",
      en: "“{label}” must be between {min} and {max}, got {raw}",
    },
    unknown: {
      zh: "{source}中的未知设置 “{name}”，可用：{valid}",
      en: "unknown setting “{name}” in {source}; valid: {valid}",
    },
    unknownBare: { zh: "未知设置 “{name}”，可用：{valid}", en: "unknown setting “{name}”; valid: {valid}" },
    refused: { zh: "{source}：{message}", en: "{source}: {message}" },
    sourceAttributes: { zh: "属性", en: "the attributes" },
    sourceUrl: { zh: "网址参数", en: "the URL" },
  },
  divergence: {
    samples: {
      zh: "损失仍是有限数，但 {drawn} 个生成样本中有 {nonFinite} 个不是有限数（采样时数值溢出）",
      en: "the losses are finite, but {nonFinite} of {drawn} generated samples are not (the sampler overflowed)",
    },
    loss: { zh: "“{series}”变成了 NaN 或无穷大", en: "“{series}” became NaN or infinite" },
    cause: {
      why: { zh: "原因：{why}。{advice}", en: "Cause: {why}. {advice}" },
      advice: { zh: "请调小“{setting}”后点击“重置”。", en: "Lower “{setting}”, then press “Reset”." },
    },
    learningRate: {
      zh: "学习率可能太大：请降低学习率后点击“重置”。",
      en: "The learning rate may be too high: lower it, then press “Reset”.",
    },
    message: {
      zh: "训练在第 {step} 步发散（{what}），已停止。{advice}",
      en: "Training diverged at step {step} ({what}) and stopped. {advice}",
    },
  },
  backend: {
    wasmUnreachable: { zh: "WASM 文件无法下载", en: "the WASM file could not be downloaded" },
    wasmHttp: { zh: "WASM 文件无法下载（HTTP {status}）", en: "the WASM file could not be downloaded (HTTP {status})" },
    initFailed: { zh: "初始化失败", en: "it failed to start" },
    disabled: { zh: "已被禁用", en: "disabled" },
    software: { zh: "软件渲染：{renderer}", en: "software rendering: {renderer}" },
    failedReason: { zh: "{backend}（{reason}）", en: "{backend} ({reason})" },
    noneWorks: { zh: "没有可用的计算后端：{reasons}", en: "no compute backend works: {reasons}" },
    webglWrong: { zh: "WebGL 计算结果不正确", en: "WebGL computes wrong results" },
    contextLost: { zh: "WebGL 上下文已丢失", en: "its WebGL context was lost" },
    badSpeed: { zh: "测得的速度无效（{value}）", en: "the measured speed is not valid ({value})" },
    noneRan: { zh: "没有能运行的后端：{reasons}", en: "no backend could run: {reasons}" },
    diverged: {
      zh: "模型已停止训练（发散），无法测速",
      en: "the model stopped training (it diverged), so its speed cannot be measured",
    },
  },
} as const;
