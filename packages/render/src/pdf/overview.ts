/**
 * The framework overview on A4 portrait: the framework's fields, its goals with the
 * indicators that support them, the rating levels with their points, the overall rating
 * scale, the parts of the total, conditions and quotas when the rule set has them, and for
 * each context what it rates differently from the base framework.
 */
import type { Indicator, RuleSet, WeightedIndicator } from '@kpilang/rule-set';
import { contextChanges, type IndicatorChange } from '../changes.js';
import { findIndicator } from '../documents.js';
import {
  ABSENT,
  formatBand,
  dateLabel,
  formatFrequency,
  formatInterval,
  formatPercent,
  perspectiveLabel,
  formatTarget,
  formatText,
  levelPoints,
  unitSuffix,
} from '../format.js';
import { inline, LABELS, type LabelKey, type Lang } from '../lang.js';
import { bilingual, label, plain, stated } from './bilingual.js';
import { drawBlock, drawHeading, drawTitleBlock } from './blocks.js';
import { fieldsTable } from './fields-table.js';
import { drawRatingRules } from './overview-rules.js';
import type { PageCursor } from './page-cursor.js';
import { aligned, FILLS, STYLES } from './styles.js';
import {
  columnWidths,
  drawTable,
  noneRow,
  type Table,
  type TableCell,
  type TableRow,
} from './table.js';
import type { Paragraph } from './text-layout.js';

/** The page format of the overview. */
export const OVERVIEW_FORMAT = { layout: 'portrait' } as const;

/** Draws the overview of `ruleSet` from a fresh page. */
export function drawOverview(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): void {
  const framework = ruleSet.framework;
  drawTitleBlock(cursor, ruleSet, lang, 'overview', framework.label);
  drawTable(
    cursor,
    fieldsTable(
      cursor,
      [
        ['framework', bilingual(framework.label, lang, STYLES.body)],
        ['agency', stated(framework.agency, lang, STYLES.body)],
        ['version', plain(formatText(framework.version), STYLES.body)],
        ['effective', stated(dateLabel(framework.effective), lang, STYLES.body)],
        ['cycle', plain(formatFrequency(framework.cycle, lang), STYLES.body)],
      ],
      lang,
    ),
  );

  drawHeading(cursor, label('goals', lang, STYLES.heading));
  drawTable(cursor, goalsTable(cursor, ruleSet, lang));

  drawHeading(cursor, label('levels', lang, STYLES.heading));
  drawTable(cursor, levelsTable(cursor, ruleSet, lang));

  drawHeading(cursor, label('ratingScale', lang, STYLES.heading));
  drawTable(cursor, ratingTable(cursor, ruleSet, lang));

  drawRatingRules(cursor, ruleSet, lang);

  if (ruleSet.contexts.length === 0) return;
  drawHeading(cursor, label('contexts', lang, STYLES.heading), 90);
  for (const context of ruleSet.contexts) {
    cursor.y += 4;
    drawBlock(cursor, bilingual(context.label, lang, STYLES.subheading), { keepWithNext: 60 });
    cursor.y += 3;
    const changes = contextChanges(ruleSet, context.id);
    if (changes.length === 0) drawBlock(cursor, label('noChanges', lang, STYLES.body));
    else drawTable(cursor, changesTable(cursor, ruleSet, context.id, changes, lang));
  }
}

function head(key: LabelKey, lang: Lang): TableCell {
  return { paragraphs: label(key, lang, STYLES.header), fill: FILLS.header, valign: 'middle' };
}

/** Each goal with its perspective and supporting indicators; then indicators with no goal. */
function goalsTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  const indicatorList = (indicators: Indicator[]): Paragraph[] =>
    indicators.length === 0
      ? label('none', lang, STYLES.body)
      : indicators.flatMap((indicator, index) =>
          bilingual(indicator.label, lang, STYLES.body).map((paragraph, line) =>
            index > 0 && line === 0 ? { ...paragraph, spaceBefore: 3 } : paragraph,
          ),
        );
  const rows: TableRow[] = ruleSet.goals.map((goal, index) => ({
    cells: [
      { paragraphs: plain(String(index + 1), aligned(STYLES.body, 'center')) },
      { paragraphs: bilingual(goal.label, lang, STYLES.bodyBold) },
      { paragraphs: stated(perspectiveLabel(goal.perspective), lang, STYLES.body) },
      {
        paragraphs: indicatorList(
          ruleSet.indicators.filter((indicator) => indicator.goal === goal.id),
        ),
      },
    ],
  }));
  const unaligned = ruleSet.indicators.filter(
    (indicator) => !ruleSet.goals.some((goal) => goal.id === indicator.goal),
  );
  if (rows.length === 0 && unaligned.length === 0) {
    rows.push(noneRow(4, label('none', lang, STYLES.body)));
  }
  if (unaligned.length > 0) {
    rows.push({
      cells: [
        { paragraphs: plain(ABSENT, aligned(STYLES.body, 'center')) },
        { paragraphs: label('none', lang, STYLES.bodyBold) },
        { paragraphs: plain(ABSENT, STYLES.body) },
        { paragraphs: indicatorList(unaligned) },
      ],
    });
  }
  return {
    columns: columnWidths([6, 38, 14, 42], cursor.width),
    header: [
      {
        cells: [
          head('number', lang),
          head('goal', lang),
          head('perspective', lang),
          head('supportedBy', lang),
        ],
      },
    ],
    rows,
  };
}

/** The levels with their points; "None" when every indicator earns its points in proportion. */
function levelsTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  const none = [noneRow(2, label('none', lang, STYLES.body))];
  return {
    columns: columnWidths([70, 30], cursor.width * 0.5),
    header: [{ cells: [head('level', lang), head('points', lang)] }],
    rows:
      ruleSet.levels.length === 0
        ? none
        : ruleSet.levels.map((level) => ({
            cells: [
              { paragraphs: bilingual(level.label, lang, STYLES.body) },
              {
                paragraphs: plain(
                  levelPoints(level.id, ruleSet, lang),
                  aligned(STYLES.body, 'center'),
                ),
                valign: 'middle',
              },
            ],
          })),
  };
}

function ratingTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  return {
    columns: columnWidths([60, 40], cursor.width * 0.7),
    header: [{ cells: [head('outcome', lang), head('weightedTotal', lang)] }],
    rows: ruleSet.rating.map((line) => ({
      cells: [
        { paragraphs: bilingual(line.label, lang, STYLES.body) },
        {
          paragraphs: plain(
            formatInterval(line.interval, '', lang),
            aligned(STYLES.body, 'center'),
          ),
        },
      ],
    })),
  };
}

/** Each indicator a context rates differently: what changed, as in the base and in the context. */
function changesTable(
  cursor: PageCursor,
  ruleSet: RuleSet,
  contextId: string,
  changes: readonly IndicatorChange[],
  lang: Lang,
): Table {
  const context = ruleSet.contexts.find((candidate) => candidate.id === contextId);
  const positionLabel = (id: string) =>
    (
      context?.positions.find((position) => position.id === id) ??
      ruleSet.positions.find((position) => position.id === id)
    )?.label ?? { vi: id, en: id };
  return {
    columns: columnWidths([19, 21, 14, 23, 23], cursor.width),
    header: [
      {
        cells: [
          head('position', lang),
          head('indicator', lang),
          head('change', lang),
          head('inBase', lang),
          head('inContext', lang),
        ],
      },
    ],
    rows: changes.map((change, index) => {
      const indicator = findIndicator(ruleSet, change.indicator);
      const samePosition = index > 0 && changes[index - 1]!.position === change.position;
      return {
        cells: [
          {
            paragraphs: bilingual(positionLabel(change.position), lang, STYLES.bodyBold),
            continued: samePosition,
          },
          {
            paragraphs: bilingual(
              indicator?.label ?? { vi: change.indicator, en: change.indicator },
              lang,
              STYLES.body,
            ),
          },
          { paragraphs: changedAspects(change).flatMap((key) => label(key, lang, STYLES.body)) },
          { paragraphs: sideOfChange(change, change.base, indicator, ruleSet, lang) },
          { paragraphs: sideOfChange(change, change.context, indicator, ruleSet, lang) },
        ],
      };
    }),
  };
}

function changedAspects(change: IndicatorChange): LabelKey[] {
  const aspects: LabelKey[] = [];
  if (change.weightChanged) aspects.push('weight');
  if (change.targetChanged) aspects.push('target');
  if (change.bandsChanged) aspects.push('bands');
  return aspects;
}

/** The changed aspects of one side of a change, or "none" when that side lacks the indicator. */
function sideOfChange(
  change: IndicatorChange,
  side: WeightedIndicator | undefined,
  indicator: Indicator | undefined,
  ruleSet: RuleSet,
  lang: Lang,
): Paragraph[] {
  if (!side) return label('none', lang, STYLES.body);
  const paragraphs: Paragraph[] = [];
  const named = (key: LabelKey, value: string) =>
    paragraphs.push({ text: `${inline(LABELS[key], lang)}: ${value}`, style: STYLES.body });
  if (change.weightChanged) named('weight', formatPercent(side.weight, lang));
  if (change.targetChanged) {
    named(
      'target',
      side.target ? formatTarget(side.target, indicator, ruleSet, lang) : inline(LABELS.none, lang),
    );
  }
  if (change.bandsChanged) {
    const suffix = unitSuffix(indicator?.unit, ruleSet, lang);
    paragraphs.push({ text: `${inline(LABELS.bands, lang)}:`, style: STYLES.body });
    for (const band of side.bands) {
      paragraphs.push({ text: formatBand(band, suffix, ruleSet, lang), style: STYLES.body });
    }
  }
  return paragraphs;
}
