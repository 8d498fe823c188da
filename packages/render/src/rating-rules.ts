/**
 * What decides a rating besides the points of the indicators, in words for the framework
 * overview: the parts of the total with the indicators that count toward each, the conditions
 * that set a rating whatever the total, and the quotas that limit how many people keep a
 * rating. Both engines print these; a blank scorecard states the conditions and quotas that
 * bear on its position (scorecardRules), and a filled scorecard words its changes to a rating
 * with the same phrases (filled.ts), so a form and its overview say one rule the same way.
 */
import type {
  Bilingual,
  Condition,
  Group,
  Indicator,
  Part,
  Position,
  Quota,
  RankKey,
  RuleSet,
} from '@kpilang/rule-set';
import { formatPercent } from './format.js';
import { LABELS } from './lang.js';

/** A part of the total with the indicators that count toward it. */
export interface PartRule {
  part: Part;
  /** The indicators whose `part` it is, in the rule set's order. */
  indicators: Indicator[];
}

/** A condition with whom it applies to and the rating it sets, in words. */
export interface ConditionRule {
  condition: Condition;
  /** The position groups it applies to, looked up; empty when it applies to everyone. */
  groups: Group[];
  /** Who it applies to: the names of its groups, or "Everyone". */
  appliesTo: Bilingual[];
  /** The rating line it sets. */
  rating: { id: string; label: Bilingual };
  /** The rating it sets, as a sentence: "Rated “...” whatever the total". */
  ratingWords: Bilingual;
}

/** A quota in words: the limit, where it holds and who keeps the limited rating. */
export interface QuotaRule {
  quota: Quota;
  /** "Those rated “A” are at most 20% of those rated “B”". */
  limit: Bilingual;
  /** "Those ranked beyond the limit move to “C”". */
  demotion: Bilingual;
  /** The sets of people it holds in, in the order applied: "In each unit, then ...". */
  within: Bilingual;
  /** The ranking keys in order, first key first. */
  rankBy: Bilingual[];
  /** What orders people equal on every ranking key. */
  tieBreak: Bilingual;
}

/**
 * The conditions and quotas that bear on the rating of a position's holders, as its scorecard
 * states them, each in one sentence in both languages.
 */
export interface ScorecardRules {
  /**
   * The conditions that apply to the position: those for everyone and those for its group,
   * in the rule set's order, each as "Fact: rated “X” whatever the total."
   */
  conditions: { rule: ConditionRule; words: Bilingual }[];
  /**
   * Every quota (a quota counts everyone who is rated), each as "Those rated “A” are at most
   * 20% of the number rated “B”, in each unit, then in each position group. Those ranked
   * beyond the limit move to “C”."
   */
  quotas: { rule: QuotaRule; words: Bilingual }[];
}

/** Each part of the total with its indicators; empty when the rule set has no parts. */
export function partRules(ruleSet: RuleSet): PartRule[] {
  return ruleSet.parts.map((part) => ({
    part,
    indicators: ruleSet.indicators.filter((indicator) => indicator.part === part.id),
  }));
}

/** Each condition, in the rule set's order (the first that holds decides). */
export function conditionRules(ruleSet: RuleSet): ConditionRule[] {
  return ruleSet.conditions.map((condition) => {
    const groups = condition.groups.map(
      (id) =>
        ruleSet.groups.find((group) => group.id === id) ?? {
          id,
          label: { vi: id, en: id },
          indicators: [],
        },
    );
    const rating = { id: condition.rating, label: labelOf(ruleSet.rating, condition.rating) };
    return {
      condition,
      groups,
      appliesTo: groups.length === 0 ? [LABELS.everyone] : groups.map((group) => group.label),
      rating,
      ratingWords: capitalised(ratedWhateverTheTotal(rating.label)),
    };
  });
}

/** Each quota, in the rule set's order (the order they are applied in). */
export function quotaRules(ruleSet: RuleSet): QuotaRule[] {
  return ruleSet.quotas.map((quota) => quotaRuleWithin(quota, ruleSet).rule);
}

/**
 * The conditions that apply to the holders of `position` and every quota, in words, for its
 * scorecard; `undefined` when there are none, so the scorecard says nothing of them.
 */
export function scorecardRules(ruleSet: RuleSet, position: Position): ScorecardRules | undefined {
  const conditions = conditionRules(ruleSet)
    .filter(
      ({ condition }) =>
        condition.groups.length === 0 ||
        (position.group !== undefined && condition.groups.includes(position.group)),
    )
    .map((rule) => ({ rule, words: conditionWords(rule.condition.label, rule.rating.label) }));
  const quotas = ruleSet.quotas.map((quota) => {
    const { rule, within } = quotaRuleWithin(quota, ruleSet);
    return {
      rule,
      words: {
        vi: `${rule.limit.vi}, ${within.vi}. ${rule.demotion.vi}.`,
        en: `${rule.limit.en}, ${within.en}. ${rule.demotion.en}.`,
      },
    };
  });
  return conditions.length === 0 && quotas.length === 0 ? undefined : { conditions, quotas };
}

/**
 * A condition and the rating it sets, as one sentence: "Fact: rated “X” whatever the total."
 * A blank scorecard states a condition so, and a filled one the condition that held.
 */
export function conditionWords(fact: Bilingual, line: Bilingual): Bilingual {
  const rated = ratedWhateverTheTotal(line);
  return { vi: `${fact.vi}: ${rated.vi}.`, en: `${fact.en}: ${rated.en}.` };
}

/** The rating a condition sets, as a filled scorecard and the overview say it. */
export function ratedWhateverTheTotal(line: Bilingual): Bilingual {
  return {
    vi: `xếp loại “${line.vi}”, không phụ thuộc tổng điểm`,
    en: `rated “${line.en}” whatever the total`,
  };
}

/** The label of the item with `id` in `list`, or the id in both languages. */
export function labelOf(list: readonly { id: string; label: Bilingual }[], id: string): Bilingual {
  return list.find((item) => item.id === id)?.label ?? { vi: id, en: id };
}

/**
 * A quota in words, with the sets of people it holds in as a phrase to go inside a sentence
 * ("in each unit, then ..."): the scorecard's sentence takes the phrase as it is, and the rule
 * opens a cell with it capitalised.
 */
function quotaRuleWithin(quota: Quota, ruleSet: RuleSet): { rule: QuotaRule; within: Bilingual } {
  const line = (id: string) => labelOf(ruleSet.rating, id);
  const limited = line(quota.limited);
  const of = line(quota.of);
  const to = line(quota.demoteTo);
  const within = withinPhrase(quota, ruleSet);
  const rule: QuotaRule = {
    quota,
    limit: {
      vi:
        `Số người xếp loại “${limited.vi}” không quá ${formatPercent(quota.share, 'vi')} ` +
        `số người xếp loại “${of.vi}”`,
      en:
        `Those rated “${limited.en}” are at most ${formatPercent(quota.share, 'en')} ` +
        `of the number rated “${of.en}”`,
    },
    demotion: {
      vi: `Người xếp hạng ngoài giới hạn chuyển xuống “${to.vi}”`,
      en: `Those ranked beyond the limit move to “${to.en}”`,
    },
    within: capitalised(within),
    rankBy: quota.rankBy.map((key) => rankKeyWords(key, ruleSet)),
    tieBreak: {
      vi: 'Bằng nhau ở mọi tiêu chí xếp hạng: thứ tự theo mã công chức',
      en: 'Equal on every ranking key: the person ids decide',
    },
  };
  return { rule, within };
}

/**
 * One set of people a quota holds in, as the adjustments name one set ("trong nhóm ...").
 * People whose position is in no group form a set per position; this says so only when the
 * rule set has such a position.
 */
function withinWords(set: Quota['within'][number], ruleSet: RuleSet): Bilingual {
  if (set === 'unit') return { vi: 'trong từng đơn vị', en: 'in each unit' };
  const positions = [...ruleSet.positions, ...ruleSet.contexts.flatMap((c) => c.positions)];
  if (positions.every((position) => position.group !== undefined)) {
    return { vi: 'trong từng nhóm vị trí', en: 'in each position group' };
  }
  return {
    vi: 'trong từng nhóm vị trí (người giữ vị trí không thuộc nhóm nào được tính theo vị trí)',
    en: 'in each position group (the holders of a position in no group count by position)',
  };
}

/** The sets of people a quota holds in, in the order applied: "in each unit, then ...". */
function withinPhrase(quota: Quota, ruleSet: RuleSet): Bilingual {
  const sets = quota.within.map((set) => withinWords(set, ruleSet));
  return {
    vi: sets.map((set) => set.vi).join(', rồi '),
    en: sets.map((set) => set.en).join(', then '),
  };
}

/** A ranking key in words, with which values come first. */
function rankKeyWords(key: RankKey, ruleSet: RuleSet): Bilingual {
  if (key.kind === 'total') {
    return { vi: 'Tổng điểm (cao hơn xếp trước)', en: 'Total (higher first)' };
  }
  if (key.kind === 'part') {
    const part = labelOf(ruleSet.parts, key.id);
    return {
      vi: `Điểm phần “${part.vi}” (cao hơn xếp trước)`,
      en: `Points of the part “${part.en}” (higher first)`,
    };
  }
  const indicator = ruleSet.indicators.find((candidate) => candidate.id === key.id);
  const label = indicator?.label ?? { vi: key.id, en: key.id };
  const first =
    indicator?.direction === 'higher'
      ? { vi: 'giá trị cao hơn xếp trước', en: 'higher values first' }
      : indicator?.direction === 'lower'
        ? { vi: 'giá trị thấp hơn xếp trước', en: 'lower values first' }
        : { vi: 'giá trị tốt hơn xếp trước', en: 'better values first' };
  return {
    vi: `Chỉ số “${label.vi}” (${first.vi})`,
    en: `Indicator “${label.en}” (${first.en})`,
  };
}

/** `text` with the first letter of each language in upper case, to open a cell. */
function capitalised(text: Bilingual): Bilingual {
  const upper = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
  return { vi: upper(text.vi), en: upper(text.en) };
}
