/**
 * The position scorecard on A4 landscape, laid out as the paper's Appendix 2: a header of the
 * form's fields, the matrix of indicators with their objective, measurement, bands, weight,
 * frequency and source, empty columns for the result the evaluator records, the weight total,
 * the parts of the total when the rule set has them, the legend of levels and of the overall
 * rating, and the two signatures. Filled in, it also says what changed the rating after the
 * total (a condition, a quota).
 */
import type { Bilingual, Indicator, Position, RuleSet, WeightedIndicator } from '@kpilang/rule-set';
import { findContext, findIndicator, scorecardParts } from '../documents.js';
import {
  adjustmentWords,
  earnsInProportion,
  PERSON_STATUS_WORDS,
  REASON_WORDS,
  scoredRatingOf,
  STATUS_WORDS,
  type FilledIndicator,
  type FilledPerson,
} from '../filled.js';
import {
  formatBand,
  dateLabel,
  formatFrequency,
  formatInterval,
  formatMeasurement,
  formatNumber,
  formatPercent,
  formatTarget,
  formatText,
  levelPoints,
  unitSuffix,
} from '../format.js';
import { inline, LABELS, type Lang } from '../lang.js';
import { labelOf, scorecardRules } from '../rating-rules.js';
import { bilingual, label, listItem, plain, stated } from './bilingual.js';
import { blockHeight, drawBlock, drawTitleBlock } from './blocks.js';
import type { PageCursor } from './page-cursor.js';
import { aligned, FILLS, STYLES } from './styles.js';
import {
  columnWidths,
  drawTable,
  noneRow,
  tableHeight,
  tableWidth,
  type Table,
  type TableCell,
  type TableRow,
} from './table.js';
import type { Paragraph } from './text-layout.js';
import { fieldsTable, type Field } from './fields-table.js';

/** The page format of a scorecard. */
export const SCORECARD_FORMAT = { layout: 'landscape' } as const;

/**
 * Draws the scorecard of `position` (as it stands in `contextId`, if any) from a fresh page;
 * with `filled`, that person's results written into it (a filled scorecard).
 */
export function drawScorecard(
  cursor: PageCursor,
  ruleSet: RuleSet,
  position: Position,
  contextId: string | undefined,
  lang: Lang,
  filled?: FilledPerson,
): void {
  drawTitleBlock(cursor, ruleSet, lang, 'scorecard', position.label);
  drawTable(cursor, headerTable(cursor, ruleSet, position, contextId, lang, filled));
  cursor.y += 10;

  const tail = tailLayout(cursor, ruleSet, position, lang, filled);
  drawTable(cursor, matrixTable(cursor, ruleSet, position, lang, tail.height + 10, filled));
  cursor.y += 10;
  tail.draw();
}

/** The form's fields: framework, agency, version, date, position, group, context, blanks. */
function headerTable(
  cursor: PageCursor,
  ruleSet: RuleSet,
  position: Position,
  contextId: string | undefined,
  lang: Lang,
  filled: FilledPerson | undefined,
): Table {
  const framework = ruleSet.framework;
  const group = ruleSet.groups.find((candidate) => candidate.id === position.group);
  const context = findContext(ruleSet, contextId);
  return fieldsTable(
    cursor,
    [
      ['framework', bilingual(framework.label, lang, STYLES.body)],
      ['agency', stated(framework.agency, lang, STYLES.body)],
      ['version', plain(formatText(framework.version), STYLES.body)],
      ['effective', stated(dateLabel(framework.effective), lang, STYLES.body)],
      ['position', bilingual(position.label, lang, STYLES.bodyBold)],
      ['group', stated(group?.label, lang, STYLES.body)],
      [
        'context',
        context ? bilingual(context.label, lang, STYLES.body) : label('base', lang, STYLES.body),
      ],
      ['cycle', plain(formatFrequency(framework.cycle, lang), STYLES.body)],
      ['period', filled ? plain(filled.period, STYLES.bodyBold) : []],
      ['civilServant', filled ? plain(filled.person, STYLES.bodyBold) : []],
      ...(filled
        ? ([
            ['orgUnit', plain(filled.orgUnit, STYLES.body)],
            ['dataStatus', bilingual(PERSON_STATUS_WORDS[filled.status], lang, STYLES.body)],
          ] satisfies Field[])
        : []),
    ],
    lang,
  );
}

/** The indicator matrix, its header repeated on every page, and the weight total. */
function matrixTable(
  cursor: PageCursor,
  ruleSet: RuleSet,
  position: Position,
  lang: Lang,
  keepTotalWith: number,
  filled: FilledPerson | undefined,
): Table {
  const head = (key: keyof typeof LABELS, fill = FILLS.header): TableCell => ({
    paragraphs: label(key, lang, STYLES.header),
    fill,
    valign: 'middle',
  });
  const toFill = (): TableCell => ({ paragraphs: [], fill: FILLS.toFill });
  const results = new Map(filled?.indicators.map((result) => [result.indicator, result]));
  const rows: TableRow[] = position.indicators.map((weighted, index) => {
    const result = results.get(weighted.indicator);
    return {
      cells: [
        { paragraphs: plain(String(index + 1), aligned(STYLES.body, 'center')) },
        ...indicatorCells(
          ruleSet,
          weighted,
          findIndicator(ruleSet, weighted.indicator),
          lang,
          result,
        ),
        ...(result ? resultCells(ruleSet, result, lang) : [toFill(), toFill(), toFill(), toFill()]),
      ],
      minHeight: 30,
    };
  });
  // On a filled scorecard, the weight that counted goes under "Total", beside the weight
  // column: the column is too narrow for the words, which wrapped there one to a line.
  const weightCounted: Paragraph[] = filled
    ? [
        {
          text:
            `(${inline(LABELS.weightCounted, lang)} ` +
            `${formatPercent(filled.weightCounted.display, lang)})`,
          style: aligned(STYLES.body, 'right'),
          spaceBefore: 1.5,
        },
      ]
    : [];
  const total: TableRow = {
    cells: [
      {
        paragraphs: [...label('total', lang, aligned(STYLES.bodyBold, 'right')), ...weightCounted],
        colSpan: 5,
      },
      {
        paragraphs: plain(formatPercent(position.total, lang), aligned(STYLES.bodyBold, 'center')),
      },
      {
        paragraphs: label('weightedTotal', lang, aligned(STYLES.bodyBold, 'right')),
        colSpan: 5,
      },
      filled
        ? {
            paragraphs: plain(
              filled.total
                ? formatNumber(filled.total.display, lang)
                : inline(LABELS.notRated, lang),
              aligned(STYLES.bodyBold, 'center'),
            ),
          }
        : toFill(),
    ],
    minHeight: 22,
    keepWithNext: keepTotalWith,
  };
  const columns = columnWidths([22, 118, 62, 100, 118, 40, 52, 84, 52, 50, 38, 44], cursor.width);
  const totalHeight = tableHeight({ columns, header: [], rows: [total] });
  const last = rows.at(-1);
  if (last) rows[rows.length - 1] = { ...last, keepWithNext: totalHeight + keepTotalWith };
  return {
    columns,
    header: [
      {
        cells: [
          head('number'),
          head('indicator'),
          head('objective'),
          head('measurement'),
          head('bands'),
          head('weight'),
          head('frequency'),
          head('source'),
          head('result'),
          head('band'),
          head('points'),
          head('weightedPoints'),
        ],
      },
    ],
    rows: [...(rows.length > 0 ? rows : [noneRow(12, label('none', lang, STYLES.body))]), total],
  };
}

/** The cells of one indicator, from its label to its data source. */
function indicatorCells(
  ruleSet: RuleSet,
  weighted: WeightedIndicator,
  indicator: Indicator | undefined,
  lang: Lang,
  result?: FilledIndicator,
): TableCell[] {
  const effective = result?.effectiveWeight;
  const countsAs =
    effective && effective.exact !== weighted.weight
      ? plain(
          `(${inline(LABELS.countsAs, lang)} ${formatPercent(effective.display, lang)})`,
          aligned(STYLES.body, 'center'),
        )
      : [];
  const suffix = unitSuffix(indicator?.unit, ruleSet, lang);
  const name = indicator?.label ?? { vi: weighted.indicator, en: weighted.indicator };
  const part = ruleSet.parts.find((candidate) => candidate.id === indicator?.part);
  const partLine: Paragraph[] = part
    ? [
        {
          text: `${inline(LABELS.part, lang)}: ${inline(part.label, lang)}`,
          style: STYLES.body,
          spaceBefore: 1.5,
        },
      ]
    : [];
  const bands: Paragraph[] =
    indicator?.scoring === 'proportional'
      ? label('proportionalPoints', lang, STYLES.body)
      : weighted.bands.map((band, index) => ({
          text: formatBand(band, suffix, ruleSet, lang),
          style: STYLES.body,
          ...(index > 0 ? { spaceBefore: 1.5 } : {}),
        }));
  return [
    { paragraphs: [...bilingual(name, lang, STYLES.bodyBold), ...partLine] },
    { paragraphs: plain(formatTarget(weighted.target, indicator, ruleSet, lang), STYLES.body) },
    { paragraphs: plain(formatMeasurement(indicator?.measurement, lang), STYLES.body) },
    { paragraphs: bands },
    {
      paragraphs: [
        ...plain(formatPercent(weighted.weight, lang), aligned(STYLES.body, 'center')),
        ...countsAs,
      ],
    },
    { paragraphs: plain(formatFrequency(indicator?.frequency, lang), STYLES.body) },
    { paragraphs: stated(indicator?.source, lang, STYLES.body) },
  ];
}

/**
 * The four result cells of a filled row: the measured value (or why there is none, in
 * words), the band's level ("In proportion" for an indicator that earns its value as points),
 * its points and the weighted points; "Not rated" where a number is missing, never a blank or
 * a 0.
 */
function resultCells(ruleSet: RuleSet, result: FilledIndicator, lang: Lang): TableCell[] {
  const center = aligned(STYLES.body, 'center');
  const notRated = inline(LABELS.notRated, lang);
  const number = (value: { display: string } | null) =>
    plain(value ? formatNumber(value.display, lang) : notRated, center);
  const level = ruleSet.levels.find((candidate) => candidate.id === result.band);
  const inProportion = earnsInProportion(findIndicator(ruleSet, result.indicator), result);
  const bandText =
    result.band !== null
      ? level
        ? inline(level.label, lang)
        : result.band
      : inProportion
        ? inline(LABELS.inProportion, lang)
        : notRated;
  const valueCell = result.notRated
    ? [
        ...plain(inline(REASON_WORDS[result.notRated.reason], lang), STYLES.body),
        ...(result.status === 'rated'
          ? []
          : plain(`(${inline(STATUS_WORDS[result.status], lang)})`, STYLES.body)),
      ]
    : number(result.value);
  return [
    { paragraphs: valueCell },
    { paragraphs: plain(bandText, STYLES.body) },
    { paragraphs: number(result.points) },
    { paragraphs: number(result.contribution) },
  ];
}

/**
 * The block under the matrix: the parts of the total (when the rule set has them) and, on a
 * filled scorecard, what changed the rating after the total; then the legend of levels and of
 * the overall rating side by side (the rating alone when there are no levels, as when every
 * indicator is scored in proportion), on a blank scorecard the conditions and quotas that
 * decide the rating besides the total (when there are any), then the signatures. Measured
 * before the matrix is drawn, so the matrix's last row can bring onto its page what follows the total: the parts
 * and the changes when there are any, else the legend and the signatures, which then never
 * stand alone on a page. The legend is always kept with the signatures.
 */
function tailLayout(
  cursor: PageCursor,
  ruleSet: RuleSet,
  position: Position,
  lang: Lang,
  filled: FilledPerson | undefined,
): { height: number; draw: () => void } {
  const captionWidth = cursor.width / 2;
  const parts =
    ruleSet.parts.length > 0 ? partsTable(cursor, ruleSet, position, lang, filled) : undefined;
  const partsCaption = label('parts', lang, STYLES.subheading);
  const partsHeight = parts
    ? blockHeight(partsCaption, captionWidth) + 3 + tableHeight(parts) + 10
    : 0;
  const changes = filled ? ratingChanges(ruleSet, lang, filled) : [];
  const changesHeight = changes.length > 0 ? blockHeight(changes, cursor.width) + 10 : 0;

  const levels = ruleSet.levels.length > 0 ? levelsTable(cursor, ruleSet, lang) : undefined;
  const rating = ratingTable(cursor, ruleSet, lang, filled);
  const levelsCaption = label('levels', lang, STYLES.subheading);
  const ratingCaption = label('ratingScale', lang, STYLES.subheading);
  const captionHeight = Math.max(
    levels ? blockHeight(levelsCaption, captionWidth) : 0,
    blockHeight(ratingCaption, captionWidth),
  );
  const legendHeight =
    captionHeight + 3 + Math.max(levels ? tableHeight(levels) : 0, tableHeight(rating));
  const rules = filled ? [] : ratingRules(ruleSet, position, lang);
  const rulesHeight = rules.length > 0 ? 10 + blockHeight(rules, cursor.width) : 0;
  const signatures = signatureBlock(cursor, lang);
  const closing = legendHeight + rulesHeight + 14 + signatures.height;
  const leading = partsHeight + changesHeight;
  const ratingLeft = levels ? cursor.left + tableWidth(levels) + 24 : cursor.left;

  const draw = () => {
    if (parts) {
      drawBlock(cursor, partsCaption, {
        span: { left: cursor.left, width: captionWidth },
        keepWithNext: tableHeight(parts),
      });
      cursor.y += 3;
      drawTable(cursor, parts);
      cursor.y += 10;
    }
    if (changes.length > 0) {
      drawBlock(cursor, changes);
      cursor.y += 10;
    }
    if (leading > 0) cursor.ensure(closing);
    const sideBySide = closing <= cursor.room;
    const top = cursor.y;
    let levelsBottom = cursor.y;
    if (levels) {
      drawBlock(cursor, levelsCaption, { span: { left: cursor.left, width: captionWidth } });
      cursor.y += 3;
      drawTable(cursor, levels);
      levelsBottom = cursor.y;
      if (sideBySide) cursor.y = top;
      else cursor.y += 10;
    }
    const left = sideBySide ? ratingLeft : cursor.left;
    drawBlock(cursor, ratingCaption, { span: { left, width: captionWidth } });
    cursor.y += 3;
    drawTable(cursor, rating, left);
    cursor.y = Math.max(cursor.y, sideBySide ? levelsBottom : cursor.y);
    if (rules.length > 0) {
      cursor.y += 10;
      drawBlock(cursor, rules);
    }
    cursor.y += 14;
    signatures.draw();
  };
  return { height: leading > 0 ? leading : closing, draw };
}

/**
 * The parts of the total: each part's name, the numbers of the rows whose indicators count
 * toward it, its most points, and the points earned (filled in, or room to write them).
 */
function partsTable(
  cursor: PageCursor,
  ruleSet: RuleSet,
  position: Position,
  lang: Lang,
  filled: FilledPerson | undefined,
): Table {
  const center = aligned(STYLES.body, 'center');
  const earned = new Map((filled?.parts ?? []).map((part) => [part.id, part.points]));
  const header = (key: keyof typeof LABELS, fill = FILLS.header): TableCell => ({
    paragraphs: label(key, lang, STYLES.header),
    fill,
    valign: 'middle',
  });
  return {
    columns: columnWidths([150, 80, 60, 70], Math.min(420, cursor.width * 0.55)),
    header: [
      {
        cells: [
          header('part'),
          header('partIndicators'),
          header('maxPoints'),
          header('pointsEarned', FILLS.toFill),
        ],
      },
    ],
    rows: scorecardParts(ruleSet, position).map(({ part, ordinals }) => {
      const points = earned.get(part.id);
      return {
        cells: [
          { paragraphs: bilingual(part.label, lang, STYLES.body) },
          { paragraphs: plain(ordinals.join(', '), center) },
          { paragraphs: plain(formatNumber(part.points, lang), center) },
          filled
            ? {
                paragraphs: plain(
                  points ? formatNumber(points.display, lang) : inline(LABELS.notRated, lang),
                  aligned(STYLES.bodyBold, 'center'),
                ),
              }
            : { paragraphs: [], fill: FILLS.toFill },
        ],
        minHeight: 16,
      };
    }),
  };
}

/**
 * What changed the person's rating after the total: the rating the total earned, when it is
 * not the final one, and each condition or quota that changed it, in words. Nothing when the
 * rating of the total stands.
 */
function ratingChanges(ruleSet: RuleSet, lang: Lang, filled: FilledPerson): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const scored = scoredRatingOf(filled);
  if (scored !== filled.rating) {
    const words = scored === null ? LABELS.none : labelOf(ruleSet.rating, scored);
    paragraphs.push({
      text: `${inline(LABELS.scoredRating, lang)}: ${inline(words, lang)}`,
      style: STYLES.bodyBold,
    });
  }
  const adjustments = filled.adjustments ?? [];
  if (adjustments.length > 0) {
    paragraphs.push(
      ...label('adjustments', lang, STYLES.bodyBold).map((line, index) =>
        index === 0 && paragraphs.length > 0 ? { ...line, spaceBefore: 3 } : line,
      ),
    );
  }
  adjustments.forEach((adjustment, index) => {
    const words = adjustmentWords(adjustment, ruleSet);
    const [first, ...rest] = listItem(words, lang, STYLES.body, `${index + 1}. `);
    if (!first) return;
    paragraphs.push({ ...first, spaceBefore: 1.5 }, ...rest);
  });
  return paragraphs;
}

/**
 * What decides the rating of the position's holders besides the total, for the evaluator of a
 * blank scorecard: each condition that applies to them with the rating it sets whatever the
 * total, and each quota with its limit, the sets of people it holds in and where the people
 * over it move, in the words of the overview. Nothing when there are none.
 */
function ratingRules(ruleSet: RuleSet, position: Position, lang: Lang): Paragraph[] {
  const rules = scorecardRules(ruleSet, position);
  if (!rules) return [];
  const paragraphs: Paragraph[] = [];
  const heading = (key: 'conditions' | 'quotas') =>
    label(key, lang, STYLES.subheading).map((line, index) =>
      index === 0 && paragraphs.length > 0 ? { ...line, spaceBefore: 6 } : line,
    );
  const item = ({ words }: { words: Bilingual }) => {
    const [first, ...rest] = listItem(words, lang, STYLES.body, '– ');
    return first ? [{ ...first, spaceBefore: 2 }, ...rest] : [];
  };
  const note = (key: 'firstConditionDecides' | 'quotasAfterScoring') =>
    label(key, lang, STYLES.hint).map((line, index) =>
      index === 0 ? { ...line, spaceBefore: 2 } : line,
    );
  if (rules.conditions.length > 0) {
    paragraphs.push(...heading('conditions'), ...rules.conditions.flatMap(item));
    if (rules.conditions.length > 1) paragraphs.push(...note('firstConditionDecides'));
  }
  if (rules.quotas.length > 0) {
    paragraphs.push(...heading('quotas'), ...rules.quotas.flatMap(item));
    paragraphs.push(...note('quotasAfterScoring'));
  }
  return paragraphs;
}

function levelsTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  return {
    columns: columnWidths([150, 50], Math.min(260, cursor.width * 0.3)),
    header: [
      {
        cells: [
          { paragraphs: label('level', lang, STYLES.header), fill: FILLS.header },
          { paragraphs: label('points', lang, STYLES.header), fill: FILLS.header },
        ],
      },
    ],
    rows: ruleSet.levels.map((level) => ({
      cells: [
        { paragraphs: plain(inline(level.label, lang), STYLES.body) },
        {
          paragraphs: plain(levelPoints(level.id, ruleSet, lang), aligned(STYLES.body, 'center')),
          valign: 'middle',
        },
      ],
    })),
  };
}

function ratingTable(
  cursor: PageCursor,
  ruleSet: RuleSet,
  lang: Lang,
  filled: FilledPerson | undefined,
): Table {
  return {
    columns: columnWidths([190, 110, 60], Math.min(440, cursor.width * 0.5)),
    header: [
      {
        cells: [
          { paragraphs: label('outcome', lang, STYLES.header), fill: FILLS.header },
          { paragraphs: label('weightedTotal', lang, STYLES.header), fill: FILLS.header },
          // The evaluator ticks the outcome the weighted total earns, as on the HTML form.
          { paragraphs: label('tick', lang, STYLES.header), fill: FILLS.header },
        ],
      },
    ],
    rows: ruleSet.rating.map((line) => ({
      cells: [
        { paragraphs: plain(inline(line.label, lang), STYLES.body) },
        {
          paragraphs: plain(
            formatInterval(line.interval, '', lang),
            aligned(STYLES.body, 'center'),
          ),
        },
        // On a filled scorecard, the outcome the total reached is ticked with an X.
        filled
          ? {
              paragraphs: plain(
                filled.rating === line.id ? 'X' : '',
                aligned(STYLES.bodyBold, 'center'),
              ),
            }
          : { paragraphs: [], fill: FILLS.toFill },
      ],
    })),
  };
}

/**
 * The evaluator's and the civil servant's signatures side by side: the role, the hint to sign
 * and write the full name, room to sign, a line for the name and a line for the date.
 */
function signatureBlock(cursor: PageCursor, lang: Lang): { height: number; draw: () => void } {
  const columnWidth = cursor.width / 2;
  const signingRoom = 46;
  const hintStyle = aligned(STYLES.hint, 'center');
  const column = (role: 'evaluator' | 'civilServant'): Paragraph[] => [
    ...label(role, lang, aligned(STYLES.subheading, 'center')),
    { text: `(${inline(LABELS.signature, lang)})`, style: hintStyle, spaceBefore: 1 },
  ];
  const dateLine = plain(`${inline(LABELS.date, lang)}: ......./......./..........`, hintStyle);
  const roles = [column('evaluator'), column('civilServant')];
  const rolesHeight = Math.max(...roles.map((role) => blockHeight(role, columnWidth)));
  const height = rolesHeight + signingRoom + 8 + blockHeight(dateLine, columnWidth);

  const draw = () => {
    cursor.ensure(height);
    const top = cursor.y;
    roles.forEach((role, index) => {
      const left = cursor.left + index * columnWidth;
      cursor.y = top;
      drawBlock(cursor, role, { span: { left, width: columnWidth } });
      const nameY = top + rolesHeight + signingRoom;
      const lineWidth = columnWidth * 0.55;
      const lineLeft = left + (columnWidth - lineWidth) / 2;
      cursor.doc
        .moveTo(lineLeft, nameY)
        .lineTo(lineLeft + lineWidth, nameY)
        .lineWidth(0.5)
        .dash(1, { space: 2 })
        .strokeColor('#777777')
        .stroke()
        .undash();
      cursor.y = nameY + 8;
      drawBlock(cursor, dateLine, { span: { left, width: columnWidth } });
    });
  };
  return { height, draw };
}
