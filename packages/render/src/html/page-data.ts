/**
 * The data each page's templates see: the plain rule set, the language and one `document`
 * object per page, shaped for its kind (docs/templates.md describes every field). The data is
 * plain JSON made of the rule set's own objects: lookups that every template of a kind needs
 * (a scorecard's indicators, a goal's indicators, a context's changes) are joined here once,
 * and everything a template prints goes through a helper.
 */
import type {
  Bilingual,
  Goal,
  Group,
  Indicator,
  Part,
  Position,
  RuleSet,
  WeightedIndicator,
} from '@kpilang/rule-set';
import { contextChanges } from '../changes.js';
import {
  catalogueGroups,
  findIndicator,
  planDocuments,
  scorecardParts,
  scorecardPosition,
  type DocumentRef,
} from '../documents.js';
import {
  adjustmentCause,
  adjustmentWords,
  earnsInProportion,
  PERSON_STATUS_WORDS,
  REASON_WORDS,
  scoredRatingOf,
  STATUS_WORDS,
  type FilledIndicator,
  type FilledNumber,
  type FilledPerson,
} from '../filled.js';
import { htmlLang, type Lang } from '../lang.js';
import {
  conditionRules,
  labelOf,
  partRules,
  quotaRules,
  scorecardRules,
  type ConditionRule,
  type PartRule,
  type QuotaRule,
  type ScorecardRules,
} from '../rating-rules.js';

/** What a page's templates get as their root object. */
export interface PageData {
  ruleSet: RuleSet;
  lang: Lang;
  /** The value of <html lang>: `vi`, or `en` for English-only documents. */
  htmlLang: 'vi' | 'en';
  document: DocumentModel;
}

/** A context as documents name it. */
export interface ContextName {
  id: string;
  label: Bilingual;
}

/** One line of a scorecard: its number from 1, the indicator, and how the position rates it. */
export interface ScorecardRow {
  ordinal: number;
  indicator: Indicator;
  weighted: WeightedIndicator;
  /** The part of the total the indicator counts toward, when the rule set has parts. */
  part?: Part;
  /** On a filled scorecard: what the person scored on this indicator. */
  result?: RowResult;
}

/** A row's result on a filled scorecard: the person's FilledIndicator, with words joined. */
export interface RowResult {
  status: FilledIndicator['status'];
  /** The numbers as displayed (`"97.5"`, `"85.33"`); absent when there is none. */
  value?: string;
  /** The level id of the band reached. */
  band?: string;
  points?: string;
  effectiveWeight?: string;
  contribution?: string;
  /** True when the effective weight differs from the declared one (something was left out). */
  reweighted: boolean;
  /** True when the indicator is scored in proportion and earned points: it has no band. */
  inProportion: boolean;
  /** Why there is no value, in words, and what became of the indicator, in words. */
  reason?: Bilingual;
  statusWords?: Bilingual;
  /** The runtime's sentence about the missing value (English). */
  message?: string;
}

/** The person's side of a filled scorecard. */
export interface FilledModel {
  person: string;
  orgUnit: string;
  period: string;
  status: FilledPerson['status'];
  statusWords: Bilingual;
  /** The weighted total as displayed; absent when unrated. */
  total?: string;
  /** The final rating line, absent when none. */
  rating?: string;
  /**
   * True when the rating of the total is not the final rating: a condition or a quota
   * changed it. `scoredRating` is then the line the total earned, absent when it earned none.
   */
  ratingChanged: boolean;
  scoredRating?: { id: string; label: Bilingual };
  /** Each step that changed the rating after the total, in order, with its words. */
  adjustments: FilledAdjustmentModel[];
  weightCounted: string;
  /** Every rating line of the rule set, the one reached with `ticked: true`. */
  choices: {
    id: string;
    label: Bilingual;
    interval: RuleSet['rating'][number]['interval'];
    ticked: boolean;
  }[];
}

/** A change to the rating on a filled scorecard, in words. */
export interface FilledAdjustmentModel {
  step: 'condition' | 'quota';
  /** The condition's or quota's id. */
  rule: string;
  /** What happened, in both languages, from the rule set's labels. */
  words: Bilingual;
  /** The scorer's sentence (English). */
  message: string;
}

/** A part of the total on a scorecard: its indicators, and on a filled one the points earned. */
export interface ScorecardPart {
  part: Part;
  /** The `ordinal`s of the scorecard rows whose indicators count toward it. */
  ordinals: number[];
  /** On a filled scorecard, the person's points in it as displayed; absent when unrated. */
  earned?: string;
}

/** A link of the index page: the document's file name without `.html`. */
export interface DocumentLink {
  name: string;
  kind: DocumentRef['kind'];
  position?: Position;
}

export type DocumentModel =
  | {
      kind: 'scorecard';
      name: string;
      position: Position;
      group?: Group;
      context?: ContextName;
      rows: ScorecardRow[];
      /** The rule set's parts of the total, in order; empty when it has none. */
      parts: ScorecardPart[];
      /**
       * The conditions that apply to the position and the quotas, in words; absent when there
       * are none. The built-in partial prints them on blank scorecards.
       */
      rules?: ScorecardRules;
      /** Present on a filled scorecard (`kpic score --html`): the person and their result. */
      filled?: FilledModel;
    }
  | { kind: 'catalogue'; name: string; groups: { group: Group; indicators: Indicator[] }[] }
  | {
      kind: 'overview';
      name: string;
      goals: { goal: Goal; indicators: Indicator[] }[];
      /** Indicators that name no goal. */
      unaligned: Indicator[];
      contexts: { context: ContextName; changes: OverviewChange[] }[];
      /** The parts of the total with their indicators; empty when the rule set has none. */
      parts: PartRule[];
      /** The conditions, with whom each applies to and the rating it sets; may be empty. */
      conditions: ConditionRule[];
      /** The quotas, each in words; may be empty. */
      quotas: QuotaRule[];
    }
  | {
      kind: 'index';
      name: 'index';
      general: DocumentLink[];
      base: DocumentLink[];
      contexts: { context: ContextName; scorecards: DocumentLink[] }[];
    }
  | {
      kind: 'results';
      name: 'index';
      period: string;
      /**
       * True when the rule set has conditions or quotas, which can change a rating after the
       * total: the index then says, for each person, what changed theirs.
       */
      adjustable: boolean;
      people: ResultLink[];
    };

/** A line of the index of filled scorecards: one scored person. */
export interface ResultLink {
  /** The file name without `.html`. */
  name: string;
  person: string;
  orgUnit: string;
  position: Position;
  context?: ContextName;
  statusWords: Bilingual;
  total?: string;
  ratingLabel?: Bilingual;
  /**
   * Each condition or quota that changed the person's rating after the total, in order:
   * `words` "Condition: <the fact>" or "Quota: <the rule>"; empty when the rating stands.
   */
  changedBy: { step: 'condition' | 'quota'; rule: string; words: Bilingual }[];
}

/** An indicator a context rates differently, with the position and indicator looked up. */
export interface OverviewChange {
  position: Position;
  indicator: Indicator;
  base?: WeightedIndicator;
  context?: WeightedIndicator;
  weightChanged: boolean;
  targetChanged: boolean;
  bandsChanged: boolean;
}

/** The data of the page of `document`. */
export function pageData(ruleSet: RuleSet, lang: Lang, document: DocumentRef): PageData {
  return { ruleSet, lang, htmlLang: htmlLang(lang), document: documentModel(ruleSet, document) };
}

/** The data of the index page, which links every document of `planDocuments`. */
export function indexData(ruleSet: RuleSet, lang: Lang): PageData {
  const documents = planDocuments(ruleSet);
  const link = (document: DocumentRef): DocumentLink => {
    if (document.kind !== 'scorecard') return { name: document.name, kind: document.kind };
    const position = scorecardPosition(ruleSet, document);
    return { name: document.name, kind: document.kind, ...(position ? { position } : {}) };
  };
  const scorecards = documents.filter((document) => document.kind === 'scorecard');
  return {
    ruleSet,
    lang,
    htmlLang: htmlLang(lang),
    document: {
      kind: 'index',
      name: 'index',
      general: documents.filter((document) => document.kind !== 'scorecard').map(link),
      base: scorecards.filter((document) => document.context === undefined).map(link),
      contexts: ruleSet.contexts.map((context) => ({
        context: contextName(context),
        scorecards: scorecards.filter((document) => document.context === context.id).map(link),
      })),
    },
  };
}

/**
 * The page of `person`'s filled scorecard, named `name`: their position's scorecard (in their
 * context when they have one) with their results joined to its rows. Throws when the person's
 * position is not in the rule set, or names an indicator the position does not weight: the
 * results were scored against another rule set.
 */
export function filledPageData(
  ruleSet: RuleSet,
  lang: Lang,
  person: FilledPerson,
  name: string,
): PageData {
  const ref = {
    kind: 'scorecard' as const,
    name,
    position: person.position,
    ...(person.context === null ? {} : { context: person.context }),
  };
  if (!scorecardPosition(ruleSet, ref)) missingPosition(person);
  const model = scorecardModel(ruleSet, ref);
  if (model.kind !== 'scorecard') throw new Error('A scorecard model was expected.');
  const byId = new Map(person.indicators.map((result) => [result.indicator, result]));
  for (const id of byId.keys()) {
    if (!model.rows.some((row) => row.indicator.id === id)) {
      throw new Error(
        `Person '${person.person}' has a result for '${id}', which their position does not weight.`,
      );
    }
  }
  const rows = model.rows.map((row) => {
    const result = byId.get(row.indicator.id);
    return result ? { ...row, result: rowResult(result, row.weighted, row.indicator) } : row;
  });
  const earned = new Map((person.parts ?? []).map((part) => [part.id, part.points]));
  const parts = model.parts.map((part) => ({
    ...part,
    ...shown('earned', earned.get(part.part.id) ?? null),
  }));
  const scored = scoredRatingOf(person);
  const filled: FilledModel = {
    person: person.person,
    orgUnit: person.orgUnit,
    period: person.period,
    status: person.status,
    statusWords: PERSON_STATUS_WORDS[person.status],
    ...shown('total', person.total),
    ...(person.rating === null ? {} : { rating: person.rating }),
    ratingChanged: scored !== person.rating,
    ...(scored === null
      ? {}
      : { scoredRating: { id: scored, label: labelOf(ruleSet.rating, scored) } }),
    adjustments: (person.adjustments ?? []).map((adjustment) => ({
      step: adjustment.step,
      rule: adjustment.rule,
      words: adjustmentWords(adjustment, ruleSet),
      message: adjustment.reason,
    })),
    weightCounted: person.weightCounted.display,
    choices: ruleSet.rating.map((line) => ({
      id: line.id,
      label: line.label,
      interval: line.interval,
      ticked: line.id === person.rating,
    })),
  };
  return {
    ruleSet,
    lang,
    htmlLang: htmlLang(lang),
    document: { ...model, rows, parts, filled },
  };
}

/** The index of filled scorecards: one line per person, linking `names[i]` for `people[i]`. */
export function filledIndexData(
  ruleSet: RuleSet,
  lang: Lang,
  period: string,
  people: readonly FilledPerson[],
  names: readonly string[],
): PageData {
  return {
    ruleSet,
    lang,
    htmlLang: htmlLang(lang),
    document: {
      kind: 'results',
      name: 'index',
      period,
      adjustable: ruleSet.conditions.length > 0 || ruleSet.quotas.length > 0,
      people: people.map((person, index) => {
        const context = ruleSet.contexts.find((candidate) => candidate.id === person.context);
        const position = scorecardPosition(ruleSet, {
          position: person.position,
          ...(person.context === null ? {} : { context: person.context }),
        });
        const rating = ruleSet.rating.find((line) => line.id === person.rating);
        return {
          name: names[index]!,
          person: person.person,
          orgUnit: person.orgUnit,
          position: position ?? missingPosition(person),
          ...(context ? { context: contextName(context) } : {}),
          statusWords: PERSON_STATUS_WORDS[person.status],
          ...shown('total', person.total),
          ...(rating ? { ratingLabel: rating.label } : {}),
          changedBy: (person.adjustments ?? []).map((adjustment) => ({
            step: adjustment.step,
            rule: adjustment.rule,
            words: adjustmentCause(adjustment, ruleSet),
          })),
        };
      }),
    },
  };
}

function missingPosition(person: FilledPerson): never {
  const where = person.context === null ? '' : ` in context '${person.context}'`;
  throw new Error(
    `Person '${person.person}' holds position '${person.position}'${where}, which the rule ` +
      'set lacks: the results were scored against another rule set.',
  );
}

function rowResult(
  result: FilledIndicator,
  weighted: WeightedIndicator,
  indicator: Indicator,
): RowResult {
  const effective = result.effectiveWeight;
  return {
    status: result.status,
    ...shown('value', result.value),
    ...(result.band === null ? {} : { band: result.band }),
    ...shown('points', result.points),
    ...shown('effectiveWeight', effective),
    ...shown('contribution', result.contribution),
    reweighted: effective !== null && effective.exact !== weighted.weight,
    inProportion: earnsInProportion(indicator, result),
    ...(result.notRated
      ? {
          reason: REASON_WORDS[result.notRated.reason] ?? {
            vi: result.notRated.reason,
            en: result.notRated.reason,
          },
          message: result.notRated.message,
        }
      : {}),
    ...(result.status === 'rated' ? {} : { statusWords: STATUS_WORDS[result.status] }),
  };
}

/** `{ [key]: number.display }`, or nothing for a null number. */
function shown<Key extends string>(
  key: Key,
  number: FilledNumber | null,
): Partial<Record<Key, string>> {
  return number === null ? {} : ({ [key]: number.display } as Record<Key, string>);
}

function documentModel(ruleSet: RuleSet, document: DocumentRef): DocumentModel {
  switch (document.kind) {
    case 'scorecard':
      return scorecardModel(ruleSet, document);
    case 'catalogue':
      return {
        kind: 'catalogue',
        name: document.name,
        groups: catalogueGroups(ruleSet).map((group) => ({
          group,
          indicators: group.indicators.map((id) => indicatorOf(ruleSet, id)),
        })),
      };
    case 'overview':
      return {
        kind: 'overview',
        name: document.name,
        goals: ruleSet.goals.map((goal) => ({
          goal,
          indicators: ruleSet.indicators.filter((indicator) => indicator.goal === goal.id),
        })),
        unaligned: ruleSet.indicators.filter(
          (indicator) =>
            indicator.goal === undefined ||
            !ruleSet.goals.some((goal) => goal.id === indicator.goal),
        ),
        contexts: ruleSet.contexts.map((context) => ({
          context: contextName(context),
          changes: contextChanges(ruleSet, context.id).map((change) => ({
            ...change,
            position:
              context.positions.find((position) => position.id === change.position) ??
              ruleSet.positions.find((position) => position.id === change.position)!,
            indicator: indicatorOf(ruleSet, change.indicator),
          })),
        })),
        parts: partRules(ruleSet),
        conditions: conditionRules(ruleSet),
        quotas: quotaRules(ruleSet),
      };
  }
}

function scorecardModel(
  ruleSet: RuleSet,
  document: Extract<DocumentRef, { kind: 'scorecard' }>,
): DocumentModel {
  const position = scorecardPosition(ruleSet, document);
  if (!position)
    throw new Error(`The document plan names an unknown position '${document.position}'.`);
  const group = ruleSet.groups.find((candidate) => candidate.id === position.group);
  const context = ruleSet.contexts.find((candidate) => candidate.id === document.context);
  const rows: ScorecardRow[] = position.indicators.map((weighted, index) => {
    const indicator = indicatorOf(ruleSet, weighted.indicator);
    const part = ruleSet.parts.find((candidate) => candidate.id === indicator.part);
    return { ordinal: index + 1, indicator, weighted, ...(part ? { part } : {}) };
  });
  const rules = scorecardRules(ruleSet, position);
  return {
    kind: 'scorecard',
    name: document.name,
    position,
    ...(group ? { group } : {}),
    ...(context ? { context: contextName(context) } : {}),
    rows,
    parts: scorecardParts(ruleSet, position),
    ...(rules ? { rules } : {}),
  };
}

/** The indicator with `id`; a stand-in named by its id if the rule set does not declare it. */
function indicatorOf(ruleSet: RuleSet, id: string): Indicator {
  return (
    findIndicator(ruleSet, id) ?? {
      id,
      label: { vi: id, en: id },
      bands: [],
      scoring: 'bands',
      missingData: ruleSet.framework.missingData,
    }
  );
}

function contextName(context: ContextName): ContextName {
  return { id: context.id, label: context.label };
}
