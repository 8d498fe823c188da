/**
 * Filled scorecards: a position's scorecard with one person's scored results written into it.
 * The results come in as plain data of their own shape, defined here, so that the renderer
 * keeps reading nothing but the rule set and plain objects: the CLI maps the runtime's
 * results into it (every field below has a field of the same meaning in a runtime
 * PersonResult). Numbers are `{ exact, display }` text, as the runtime writes them; the
 * documents print `display`.
 */
import type { Bilingual, Indicator, RuleSet } from '@kpilang/rule-set';
import { LABELS } from './lang.js';
import { conditionWords, labelOf } from './rating-rules.js';

/** A computed number: `exact` (a decimal or a fraction such as `256/3`) and `display`. */
export interface FilledNumber {
  exact: string;
  display: string;
}

/** Why an indicator has no value (the runtime's reason codes). */
export type FilledReason =
  | 'no-data'
  | 'blank-cell'
  | 'too-few-responses'
  | 'zero-denominator'
  | 'between-measurements'
  | 'out-of-range'
  | 'no-band'
  | 'no-measurement';

/** One weighted indicator of the person's position, as scored. */
export interface FilledIndicator {
  /** The indicator id; it names a weighted indicator of the person's position. */
  indicator: string;
  /**
   * `rated` from data; `lowest` rated at its lowest level for want of data; `excluded` left
   * out, its weight spread over the others; `unrated` left out, and the person has no total.
   */
  status: 'rated' | 'lowest' | 'excluded' | 'unrated';
  /** The measured (aggregated, rounded) value; null without one. */
  value: FilledNumber | null;
  /** The level id of the band reached; null when excluded or unrated. */
  band: string | null;
  points: FilledNumber | null;
  /** The weight it counts with after exclusions, in percent; null when it does not count. */
  effectiveWeight: FilledNumber | null;
  /** points × effective weight / 100; null when it does not count. */
  contribution: FilledNumber | null;
  /** Why there is no value: the reason code and the runtime's sentence; null with a value. */
  notRated: { reason: FilledReason; message: string } | null;
}

/** The points a person scored in one part of the total (the rule set's `parts`). */
export interface FilledPart {
  /** The part id. */
  id: string;
  /** The sum of the contributions of the part's indicators; null when the person is unrated. */
  points: FilledNumber | null;
  /** The part's own points: the most it adds to the total. */
  max: FilledNumber;
}

/** A condition that decided the person's rating whatever their total. */
export interface FilledConditionAdjustment {
  step: 'condition';
  /** The condition id (in the rule set's `conditions`). */
  rule: string;
  /** The rating line before (null when the total gave none) and the one the condition gives. */
  from: string | null;
  to: string;
  /** The scorer's sentence (English). */
  reason: string;
}

/** A quota that moved the person down from its limited rating line. */
export interface FilledQuotaAdjustment {
  step: 'quota';
  /** The quota id (in the rule set's `quotas`). */
  rule: string;
  from: string;
  to: string;
  /**
   * The set of people the limit was applied in: a unit (`key` as the data writes it), a
   * position group (`key` its id), or the holders of a position in no group (`key` its id).
   */
  set: { within: 'unit' | 'group' | 'position'; key: string };
  /** How many in the set held `from` (the candidates), and how many of them kept it. */
  candidates: number;
  places: number;
  /** The person's place among the candidates, from 1. */
  rank: number;
  /** Candidates who kept `from` while equal to the person on every rank key. */
  tiedWith: string[];
  /** The scorer's sentence (English). */
  reason: string;
}

/** A step that changed the rating after the total was rated. */
export type FilledAdjustment = FilledConditionAdjustment | FilledQuotaAdjustment;

/** One scored person. */
export interface FilledPerson {
  person: string;
  orgUnit: string;
  /** The position id, and the context id whose rules applied (null for the base rules). */
  position: string;
  context: string | null;
  /** The scored period, such as `2024-Q3`. */
  period: string;
  status: 'complete' | 'incomplete' | 'unrated';
  /** The weighted total; null when unrated. */
  total: FilledNumber | null;
  /**
   * The id of the person's final rating line: the one the total falls in, unless a condition
   * or a quota changed it; null when there is none.
   */
  rating: string | null;
  /**
   * The id of the rating line the total falls in, before conditions and quotas; null when
   * there is none. Absent: the same as `rating`.
   */
  scoredRating?: string | null;
  /** Each step that changed the rating after the total, in order. Absent: none. */
  adjustments?: FilledAdjustment[];
  /** The points of each part of the total, in the rule set's order. Absent: no parts. */
  parts?: FilledPart[];
  /** The sum of the declared weights that count, in percent (100 when complete). */
  weightCounted: FilledNumber;
  /** One per weighted indicator of the position, in the position's order. */
  indicators: FilledIndicator[];
}

/** A not-rated reason in words, in both languages. */
export const REASON_WORDS: Record<FilledReason, Bilingual> = {
  'no-data': { vi: 'Không có số liệu', en: 'No data' },
  'blank-cell': { vi: 'Ô số liệu để trống', en: 'Value cell left blank' },
  'too-few-responses': { vi: 'Không đủ số phiếu khảo sát', en: 'Too few survey answers' },
  'zero-denominator': { vi: 'Mẫu số bằng 0', en: 'Denominator is zero' },
  'between-measurements': {
    vi: 'Không đo trong kỳ này',
    en: 'Not measured in this period',
  },
  'out-of-range': { vi: 'Giá trị ngoài phạm vi', en: 'Value out of range' },
  'no-band': { vi: 'Không thuộc ngưỡng nào', en: 'In no band' },
  'no-measurement': { vi: 'Chưa có cách đo', en: 'No measurement' },
};

/** What became of an indicator without a value, in words. */
export const STATUS_WORDS: Record<Exclude<FilledIndicator['status'], 'rated'>, Bilingual> = {
  lowest: { vi: 'tính ở mức thấp nhất', en: 'rated at the lowest level' },
  excluded: { vi: 'không tính, trọng số chia cho chỉ số khác', en: 'left out, weight spread' },
  unrated: { vi: 'không xếp loại được', en: 'leaves the person unrated' },
};

/** What becomes of a person, in words. */
export const PERSON_STATUS_WORDS: Record<FilledPerson['status'], Bilingual> = {
  complete: { vi: 'Đủ số liệu', en: 'Complete' },
  incomplete: { vi: 'Thiếu số liệu', en: 'Incomplete' },
  unrated: { vi: 'Không xếp loại', en: 'Unrated' },
};

/**
 * The id of the rating line `person`'s total earned, before conditions and quotas; null when
 * it earned none. It differs from `person.rating` exactly when a condition or a quota changed
 * the rating.
 */
export function scoredRatingOf(person: FilledPerson): string | null {
  return person.scoredRating === undefined ? person.rating : person.scoredRating;
}

/**
 * Whether `result` earned its points in proportion to its value, so that it has no band to
 * name: its indicator (undefined when the rule set lacks it) is scored in proportion and the
 * result has points.
 */
export function earnsInProportion(
  indicator: Pick<Indicator, 'scoring'> | undefined,
  result: FilledIndicator,
): boolean {
  return indicator?.scoring === 'proportional' && result.points !== null;
}

/**
 * An adjustment in words, in both languages, from the labels of the rule set: the condition
 * and the rating it gave, or the quota, the set of people it counted and where the person
 * ranked. Ids the rule set lacks are printed as they are.
 */
export function adjustmentWords(adjustment: FilledAdjustment, ruleSet: RuleSet): Bilingual {
  const line = (id: string) => labelOf(ruleSet.rating, id);
  const to = line(adjustment.to);
  if (adjustment.step === 'condition') {
    return conditionWords(labelOf(ruleSet.conditions, adjustment.rule), to);
  }

  const quota = labelOf(ruleSet.quotas, adjustment.rule);
  const from = line(adjustment.from);
  const where = setWords(adjustment.set, ruleSet);
  const { candidates, places, rank, tiedWith } = adjustment;
  const ties = tiedWith.join(', ');
  return {
    vi:
      `${quota.vi}: ${where.vi}, ${places} trong số ${candidates} người xếp loại “${from.vi}” ` +
      `được giữ mức này; xếp thứ ${rank}, chuyển xuống “${to.vi}”.` +
      (ties === ''
        ? ''
        : ` Bằng nhau ở mọi tiêu chí xếp hạng với ${ties}; thứ tự theo mã công chức.`),
    en:
      `${quota.en}: ${where.en}, ${places} of the ${candidates} rated “${from.en}” ` +
      `${places === 1 ? 'keeps' : 'keep'} it; ranked ${rank}, moved to “${to.en}”.` +
      (ties === '' ? '' : ` Equal on every ranking key with ${ties}; the person ids decided.`),
  };
}

/**
 * What made an adjustment, in a few words for a list of people: "Condition: <the fact>" or
 * "Quota: <the rule>", from the labels of the rule set (an id it lacks is printed as it is).
 */
export function adjustmentCause(adjustment: FilledAdjustment, ruleSet: RuleSet): Bilingual {
  const [kind, rule] =
    adjustment.step === 'condition'
      ? [LABELS.condition, labelOf(ruleSet.conditions, adjustment.rule)]
      : [LABELS.quota, labelOf(ruleSet.quotas, adjustment.rule)];
  return { vi: `${kind.vi}: ${rule.vi}`, en: `${kind.en}: ${rule.en}` };
}

/** Where a quota counted people, in words. */
function setWords(set: FilledQuotaAdjustment['set'], ruleSet: RuleSet): Bilingual {
  if (set.within === 'unit') {
    if (set.key === '')
      return { vi: 'trong số người không có đơn vị', en: 'among those in no unit' };
    return { vi: `trong đơn vị “${set.key}”`, en: `in unit “${set.key}”` };
  }
  if (set.within === 'group') {
    const group = labelOf(ruleSet.groups, set.key);
    return { vi: `trong nhóm “${group.vi}”`, en: `in group “${group.en}”` };
  }
  const position = labelOf(ruleSet.positions, set.key);
  return {
    vi: `trong số người giữ vị trí “${position.vi}”`,
    en: `among the holders of “${position.en}”`,
  };
}

/**
 * The file name (without extension) of each person's filled scorecard, in the order given:
 * `scorecard-<person>`. A person id is data, not an identifier, so every character other than
 * an ASCII letter, digit, `_` or `-` becomes `_`; when two people then share a name (compared
 * without case, for case-insensitive file systems), the later ones get `-2`, `-3`, ...
 */
export function filledNames(people: readonly { person: string }[]): string[] {
  const taken = new Set<string>();
  return people.map(({ person }) => {
    const base = `scorecard-${person.replace(/[^A-Za-z0-9_-]/g, '_') || '_'}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
