/**
 * Filled scorecards: a position's scorecard with one person's scored results written into it.
 * The results come in as plain data of their own shape, defined here, so that the renderer
 * keeps reading nothing but the rule set and plain objects: the CLI maps the runtime's
 * results into it (every field below has a field of the same meaning in a runtime
 * PersonResult). Numbers are `{ exact, display }` text, as the runtime writes them; the
 * documents print `display`.
 */
import type { Bilingual } from '@kpilang/rule-set';

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
  /** The id of the rating line the total falls in; null when there is none. */
  rating: string | null;
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
