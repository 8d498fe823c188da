/**
 * The languages a document can be printed in, and every fixed word the documents use (column
 * headings, titles, the signature block) in Vietnamese and English. Framework text comes from
 * the rule set's own bilingual labels; only the words of the form itself live here.
 */
import type { Bilingual } from '@kpilang/rule-set';

/** `vi` or `en` prints one language; `both` prints Vietnamese with English beside it. */
export type Lang = 'vi' | 'en' | 'both';

export const LANGS: readonly Lang[] = ['vi', 'en', 'both'];

/** The fixed words of the documents, each in both languages. */
export const LABELS = {
  scorecard: { vi: 'Phiếu đánh giá KPI', en: 'KPI scorecard' },
  catalogue: { vi: 'Danh mục KPI theo nhóm vị trí', en: 'KPI catalogue by position group' },
  overview: { vi: 'Tổng quan khung KPI', en: 'KPI framework overview' },
  index: { vi: 'Tài liệu khung KPI', en: 'KPI framework documents' },
  framework: { vi: 'Khung KPI', en: 'Framework' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  version: { vi: 'Phiên bản', en: 'Version' },
  effective: { vi: 'Hiệu lực từ', en: 'Effective from' },
  cycle: { vi: 'Chu kỳ đánh giá', en: 'Rating cycle' },
  position: { vi: 'Vị trí', en: 'Position' },
  group: { vi: 'Nhóm vị trí', en: 'Position group' },
  context: { vi: 'Áp dụng tại', en: 'Applies in' },
  base: { vi: 'Khung chung', en: 'Base framework' },
  period: { vi: 'Kỳ đánh giá', en: 'Rating period' },
  civilServant: { vi: 'Công chức được đánh giá', en: 'Civil servant rated' },
  evaluator: { vi: 'Người đánh giá', en: 'Evaluator' },
  number: { vi: 'STT', en: 'No.' },
  indicator: { vi: 'Chỉ số KPI', en: 'KPI indicator' },
  objective: { vi: 'Mục tiêu', en: 'Objective' },
  measurement: { vi: 'Cách đo', en: 'Measurement' },
  bands: { vi: 'Ngưỡng đánh giá', en: 'Rating bands' },
  weight: { vi: 'Trọng số', en: 'Weight' },
  frequency: { vi: 'Tần suất', en: 'Frequency' },
  source: { vi: 'Nguồn dữ liệu', en: 'Data source' },
  unit: { vi: 'Đơn vị đo', en: 'Unit' },
  result: { vi: 'Kết quả đo', en: 'Measured result' },
  band: { vi: 'Mức đạt', en: 'Band reached' },
  points: { vi: 'Điểm', en: 'Points' },
  weightedPoints: { vi: 'Điểm × trọng số', en: 'Weighted points' },
  total: { vi: 'Tổng', en: 'Total' },
  overallRating: { vi: 'Xếp loại chung', en: 'Overall rating' },
  signature: { vi: 'Ký, ghi rõ họ tên', en: 'Signature and full name' },
  date: { vi: 'Ngày', en: 'Date' },
  goals: { vi: 'Mục tiêu của cơ quan', en: 'Goals' },
  goal: { vi: 'Mục tiêu', en: 'Goal' },
  perspective: { vi: 'Khía cạnh', en: 'Perspective' },
  supportedBy: { vi: 'Các chỉ số hỗ trợ', en: 'Indicators that support it' },
  levels: { vi: 'Mức đánh giá chỉ số', en: 'Indicator rating levels' },
  level: { vi: 'Mức', en: 'Level' },
  ratingScale: { vi: 'Thang xếp loại chung', en: 'Overall rating scale' },
  outcome: { vi: 'Kết quả xếp loại', en: 'Outcome' },
  tick: { vi: 'Đánh dấu', en: 'Tick one' },
  weightedTotal: { vi: 'Tổng điểm có trọng số', en: 'Weighted total of points' },
  contexts: { vi: 'Điều chỉnh theo địa bàn', en: 'What each context changes' },
  change: { vi: 'Nội dung điều chỉnh', en: 'Change' },
  inBase: { vi: 'Khung chung', en: 'Base' },
  inContext: { vi: 'Tại địa bàn', en: 'In this context' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  noChanges: { vi: 'Không điều chỉnh so với khung chung.', en: 'No changes against the base.' },
  positions: { vi: 'Phiếu đánh giá theo vị trí', en: 'Position scorecards' },
  documents: { vi: 'Tài liệu', en: 'Documents' },
  none: { vi: 'Không có', en: 'None' },
  personId: { vi: 'Mã công chức', en: 'Person' },
  orgUnit: { vi: 'Đơn vị', en: 'Organisational unit' },
  results: { vi: 'Kết quả đánh giá KPI', en: 'KPI results' },
  dataStatus: { vi: 'Tình trạng số liệu', en: 'Data status' },
  weightCounted: { vi: 'Trọng số được tính', en: 'Weight counted' },
  countsAs: { vi: 'tính là', en: 'counts as' },
  notRated: { vi: 'Không đánh giá', en: 'Not rated' },
  noGroup: { vi: 'Không thuộc nhóm nào', en: 'In no group' },
  part: { vi: 'Phần', en: 'Part' },
  parts: { vi: 'Các phần của tổng điểm', en: 'Parts of the total' },
  partIndicators: { vi: 'Các chỉ số (STT)', en: 'Indicators (No.)' },
  maxPoints: { vi: 'Điểm tối đa', en: 'Most points' },
  pointsEarned: { vi: 'Điểm đạt được', en: 'Points earned' },
  inProportion: { vi: 'Theo tỷ lệ', en: 'In proportion' },
  proportionalPoints: {
    vi: 'Tính điểm theo tỷ lệ: điểm = tỷ lệ % đạt được',
    en: 'Scored in proportion: points = the percentage reached',
  },
  scoredRating: { vi: 'Xếp loại theo tổng điểm', en: 'Rating the total earned' },
  adjustments: { vi: 'Điều chỉnh xếp loại', en: 'Changes to the rating' },
  indicators: { vi: 'Các chỉ số', en: 'Indicators' },
  conditions: {
    vi: 'Điều kiện quyết định xếp loại',
    en: 'Conditions that decide the rating',
  },
  condition: { vi: 'Điều kiện', en: 'Condition' },
  appliesTo: { vi: 'Áp dụng cho', en: 'Applies to' },
  everyone: { vi: 'Mọi công chức', en: 'Everyone' },
  ratingGiven: { vi: 'Xếp loại', en: 'Rating given' },
  firstConditionDecides: {
    vi: 'Khi nhiều điều kiện cùng đúng với một người, điều kiện đứng trước quyết định.',
    en: 'When several hold for a person, the first listed decides.',
  },
  quotas: { vi: 'Giới hạn số người theo xếp loại', en: 'Limits on how many hold a rating' },
  quota: { vi: 'Quy định giới hạn', en: 'Quota' },
  quotaLimit: { vi: 'Mức giới hạn', en: 'Limit' },
  quotaWithin: { vi: 'Phạm vi áp dụng', en: 'Where it holds' },
  rankBy: { vi: 'Tiêu chí xếp hạng, theo thứ tự', en: 'Ranking keys, in order' },
  quotasApplied: {
    vi: 'Áp dụng sau các điều kiện, khi mọi người đã được chấm điểm, theo thứ tự trên.',
    en: 'Applied once everyone is scored, after the conditions, in the order listed.',
  },
  changedBy: { vi: 'Xếp loại thay đổi do', en: 'Rating changed by' },
  quotasAfterScoring: {
    vi: 'Áp dụng khi mọi người đã được chấm điểm, sau các điều kiện.',
    en: 'Applied once everyone is scored, after the conditions.',
  },
} as const satisfies Record<string, Bilingual>;

export type LabelKey = keyof typeof LABELS;

/** A period as a frequency word: how often something happens. */
export const FREQUENCIES = {
  week: { vi: 'Hằng tuần', en: 'Weekly' },
  month: { vi: 'Hằng tháng', en: 'Monthly' },
  quarter: { vi: 'Hằng quý', en: 'Quarterly' },
  'half-year': { vi: '6 tháng', en: 'Half-yearly' },
  year: { vi: 'Hằng năm', en: 'Annual' },
} as const satisfies Record<string, Bilingual>;

/** A period as a noun, for rates ("1 / month"). */
export const PERIOD_NOUNS = {
  week: { vi: 'tuần', en: 'week' },
  month: { vi: 'tháng', en: 'month' },
  quarter: { vi: 'quý', en: 'quarter' },
  'half-year': { vi: '6 tháng', en: 'half-year' },
  year: { vi: 'năm', en: 'year' },
} as const satisfies Record<string, Bilingual>;

/**
 * The perspectives of a balanced scorecard, by the words a framework may name them with;
 * a goal's perspective is a free word, and any other is printed as written.
 */
export const PERSPECTIVES = {
  financial: { vi: 'Tài chính', en: 'Financial' },
  customer: { vi: 'Khách hàng', en: 'Customer' },
  citizen: { vi: 'Người dân', en: 'Citizen' },
  internal: { vi: 'Quy trình nội bộ', en: 'Internal process' },
  process: { vi: 'Quy trình nội bộ', en: 'Internal process' },
  learning: { vi: 'Học hỏi và phát triển', en: 'Learning and growth' },
  growth: { vi: 'Học hỏi và phát triển', en: 'Learning and growth' },
} as const satisfies Record<string, Bilingual>;

/** The built-in unit names; a scale's own label is used for a scale unit. */
export const UNIT_NAMES: Record<string, Bilingual> = {
  percent: { vi: '%', en: '%' },
  count: { vi: 'số lần', en: 'count' },
  number: { vi: 'số', en: 'number' },
  hours: { vi: 'giờ', en: 'hours' },
  days: { vi: 'ngày', en: 'days' },
  likert5: { vi: 'thang Likert 1–5', en: 'Likert scale 1–5' },
};

/** The text of `text` in one language; for `both`, the Vietnamese (callers add the English). */
export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.vi;
}

/**
 * The text of `text` as one string: one language, or for `both` the Vietnamese and then the
 * English after a slash, leaving out the English when the source gave only one text.
 */
export function inline(text: Bilingual, lang: Lang): string {
  if (lang !== 'both' || text.en === text.vi) return pick(text, lang);
  return `${text.vi} / ${text.en}`;
}

/** The BCP 47 tag of the document's main language (`both` documents are mainly Vietnamese). */
export function htmlLang(lang: Lang): 'vi' | 'en' {
  return lang === 'en' ? 'en' : 'vi';
}
