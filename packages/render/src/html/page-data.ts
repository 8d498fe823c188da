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
  Position,
  RuleSet,
  WeightedIndicator,
} from '@kpilang/rule-set';
import { contextChanges } from '../changes.js';
import {
  catalogueGroups,
  findIndicator,
  planDocuments,
  scorecardPosition,
  type DocumentRef,
} from '../documents.js';
import { htmlLang, type Lang } from '../lang.js';

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
    }
  | { kind: 'catalogue'; name: string; groups: { group: Group; indicators: Indicator[] }[] }
  | {
      kind: 'overview';
      name: string;
      goals: { goal: Goal; indicators: Indicator[] }[];
      /** Indicators that name no goal. */
      unaligned: Indicator[];
      contexts: { context: ContextName; changes: OverviewChange[] }[];
    }
  | {
      kind: 'index';
      name: 'index';
      general: DocumentLink[];
      base: DocumentLink[];
      contexts: { context: ContextName; scorecards: DocumentLink[] }[];
    };

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
  return {
    kind: 'scorecard',
    name: document.name,
    position,
    ...(group ? { group } : {}),
    ...(context ? { context: contextName(context) } : {}),
    rows: position.indicators.map((weighted, index) => ({
      ordinal: index + 1,
      indicator: indicatorOf(ruleSet, weighted.indicator),
      weighted,
    })),
  };
}

/** The indicator with `id`; a stand-in named by its id if the rule set does not declare it. */
function indicatorOf(ruleSet: RuleSet, id: string): Indicator {
  return (
    findIndicator(ruleSet, id) ?? {
      id,
      label: { vi: id, en: id },
      bands: [],
      missingData: ruleSet.framework.missingData,
    }
  );
}

function contextName(context: ContextName): ContextName {
  return { id: context.id, label: context.label };
}
