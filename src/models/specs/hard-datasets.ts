/**
 * Why a family whose sampler follows a learnt field (a noise predictor, a velocity, a score, a drift) misses thin gaps
 * and sharp edges within its budget: the reason its spec's `hardDatasets` gives, with the field named.
 */
import { fill, type Text } from "../../i18n/text.ts";

const SMOOTH_FIELD = {
  zh: "{field}由一个小 MLP 给出，是光滑的；而在采样的最后一段（离数据最近处），螺旋臂、圆环之间的窄缝和方块的锐利边界要求它在很短的距离内急剧变化。默认训练量内网络只学到一个抹平了的版本，样本会漏进缝隙和空格。{more}",
  en: "{field} comes from a small MLP and is smooth, while at the end of sampling (closest to the data) the narrow gaps between arms or rings and the sharp edges of the squares need it to change steeply over a short distance. Within the default budget the network learns a smoothed version of it, and samples leak into the gaps and the empty squares.{more}",
} as const;

/** The reason, `field` naming what the network gives ("速度场 v_θ(x, t)"), `more` what is particular to the family. */
export function smoothFieldReason(field: Text, more: Text = { zh: "", en: "" }): Text {
  return fill(SMOOTH_FIELD, { field, more: more.en ? { zh: more.zh, en: ` ${more.en}` } : more });
}
