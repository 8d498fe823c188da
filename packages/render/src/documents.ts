/**
 * Which documents a rule set makes, in which order, and what each file is called. The HTML
 * renderer, both PDF engines and the index page all read this one list, so every engine
 * writes the same set of documents under the same names.
 */
import type { Context, Group, Indicator, Part, Position, RuleSet } from '@kpilang/rule-set';
import { LABELS } from './lang.js';

/** A document of a rule set: its kind, its file name without extension, and what it shows. */
export type DocumentRef =
  | { kind: 'overview'; name: 'overview' }
  | { kind: 'catalogue'; name: 'catalogue' }
  | {
      kind: 'scorecard';
      name: string;
      /** The position id. */
      position: string;
      /** The context id, absent for the base framework. */
      context?: string;
    };

/**
 * Every document of `ruleSet`: the overview, the group catalogue, one scorecard per position
 * in the base framework, then one per position of each context, in rule-set order.
 * Identifiers hold only letters, digits and `_`, so `--` separates position and context
 * without ambiguity and every name is a safe file name.
 */
export function planDocuments(ruleSet: RuleSet): DocumentRef[] {
  const documents: DocumentRef[] = [
    { kind: 'overview', name: 'overview' },
    { kind: 'catalogue', name: 'catalogue' },
  ];
  for (const position of ruleSet.positions) {
    documents.push({ kind: 'scorecard', name: `scorecard-${position.id}`, position: position.id });
  }
  for (const context of ruleSet.contexts) {
    for (const position of context.positions) {
      documents.push({
        kind: 'scorecard',
        name: `scorecard-${position.id}--${context.id}`,
        position: position.id,
        context: context.id,
      });
    }
  }
  return documents;
}

/** The indicator with `id`, if the rule set declares it. */
export function findIndicator(ruleSet: RuleSet, id: string): Indicator | undefined {
  return ruleSet.indicators.find((indicator) => indicator.id === id);
}

/** The context with `id`, if any. */
export function findContext(ruleSet: RuleSet, id: string | undefined): Context | undefined {
  return id === undefined ? undefined : ruleSet.contexts.find((context) => context.id === id);
}

/** The position a scorecard shows: as it stands in its context, or in the base framework. */
export function scorecardPosition(
  ruleSet: RuleSet,
  document: { position: string; context?: string },
): Position | undefined {
  const positions = findContext(ruleSet, document.context)?.positions ?? ruleSet.positions;
  return positions.find((position) => position.id === document.position);
}

/**
 * Each part of the total, in the rule set's order, with the numbers (from 1) of the rows of
 * `position`'s scorecard whose indicators count toward it; empty when the rule set has no
 * parts. Both engines print these numbers in a scorecard's table of parts.
 */
export function scorecardParts(
  ruleSet: RuleSet,
  position: Position,
): { part: Part; ordinals: number[] }[] {
  return ruleSet.parts.map((part) => ({
    part,
    ordinals: position.indicators.flatMap((weighted, index) =>
      findIndicator(ruleSet, weighted.indicator)?.part === part.id ? [index + 1] : [],
    ),
  }));
}

/**
 * The groups the catalogue lists, in rule-set order, and after them, when some indicators
 * belong to no group (those a single position adds of its own), one more group with no id,
 * labelled "Không thuộc nhóm nào" / "In no group", that lists them: the catalogue names every
 * indicator of the framework.
 */
export function catalogueGroups(ruleSet: RuleSet): Group[] {
  const grouped = new Set(ruleSet.groups.flatMap((group) => group.indicators));
  const rest = ruleSet.indicators.map((indicator) => indicator.id).filter((id) => !grouped.has(id));
  if (rest.length === 0) return ruleSet.groups;
  return [...ruleSet.groups, { id: '', label: { ...LABELS.noGroup }, indicators: rest }];
}
