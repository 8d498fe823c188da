/**
 * `kpic score`: scores a period's measured data against a compiled rule set with
 * @kpilang/runtime, and writes `<out>/scores.json` (every result with how it was reached),
 * `<out>/scores.csv` (one line per person and indicator, numbers as displayed: exact values
 * are in the JSON; the rating of the total, what changed it and the indicator's part follow
 * the final rating) and `<out>/rejected.csv` (the rows kept out, with their row number and
 * reason), and with `--html` and `--pdf` each person's
 * filled scorecard into `<out>/html/` and `<out>/pdf/`, all or none.
 *
 * Measured values never reach the terminal: messages name files, rows and columns only.
 * Exit codes: 0 every row used, 1 some rows rejected (the results are still written), 2 a
 * usage or file problem (nothing is written).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import {
  DataFileError,
  loadRuleSet,
  parsePeriod,
  PERIOD_FORMS,
  readRowsCsv,
  readRowsJson,
  RuleSetError,
  scorePeople,
  ScoreError,
  type PersonResult,
  type PersonStatus,
  type Rejection,
  type RowsRead,
  type ScoreStream,
} from '@kpilang/runtime';
import type { FilledPerson, OutputFile } from '@kpilang/render';
import { stringify } from 'csv-stringify/sync';
import { reportProblems } from '../compile-paths.js';
import { describeFsError } from '../fs-errors.js';
import { EXIT, type CliIo } from '../io.js';
import { toUri } from '../read-sources.js';
import { renderFilledDocuments } from '../render-documents.js';
import { reviewRenderRequest, wantsDocuments, type LangChoice } from '../render-options.js';
import { planFolder, removeStaleScorecards, writeOutputs } from '../write-outputs.js';

export interface ScoreCliOptions {
  rules: string;
  data: string;
  period: string;
  out: string;
  /** Write each person's filled scorecard as HTML (`<out>/html/`) and as PDF (`<out>/pdf/`). */
  html?: boolean;
  pdf?: boolean;
  /** The language of those documents (default both). */
  lang?: LangChoice;
  /** Whether --lang was given on the command line. */
  langGiven?: boolean;
}

/**
 * The columns of scores.csv: one line per person and weighted indicator. Columns are only ever
 * added at the end, so that a spreadsheet or script reading them by position keeps working.
 */
const SCORE_COLUMNS = [
  'person',
  'org_unit',
  'position',
  'context',
  'period',
  'indicator',
  'indicator_status',
  'value',
  'band',
  'points',
  'weight',
  'effective_weight',
  'contribution',
  'not_rated_reason',
  'person_status',
  'total',
  'rating',
  'scored_rating',
  'adjustment',
  'part',
] as const;

const REJECTED_COLUMNS = ['row', 'line', 'column', 'person', 'code', 'reason'] as const;

/** What each path option takes, for the message when it is given empty. */
const PATH_FORMS = {
  '--rules': 'the rule set kpic build wrote (<framework-id>.rules.json)',
  '--data': 'a .csv or a .json file of measured rows',
  '--out': 'a folder to write to',
} as const;

export async function scoreCommand(options: ScoreCliOptions, io: CliIo): Promise<number> {
  const request = {
    html: options.html === true,
    pdf: options.pdf === true,
    lang: options.lang ?? 'both',
    langGiven: options.langGiven === true,
    pdfEngine: 'default' as const,
  };
  const review = reviewRenderRequest(request);
  if (review.problems.length > 0) return reportProblems(review.problems, io);
  const paths = { '--rules': options.rules, '--data': options.data, '--out': options.out };
  for (const [option, form] of Object.entries(PATH_FORMS)) {
    if (paths[option as keyof typeof paths].trim() === '') {
      return reportProblems([`${option} is empty: give ${form}.`], io);
    }
  }
  const period = options.period.trim();
  if (parsePeriod(period) === undefined) {
    return reportProblems(
      [`--period '${options.period}' is not a period: write ${PERIOD_FORMS}.`],
      io,
    );
  }
  const dataKind = extname(options.data).toLowerCase();
  if (dataKind !== '.csv' && dataKind !== '.json') {
    return reportProblems(
      [`--data ${options.data}: give a .csv or a .json file of measured rows.`],
      io,
    );
  }
  const outDir = resolve(io.cwd, options.out);
  const outKind = await stat(outDir).catch(() => undefined);
  if (outKind !== undefined && !outKind.isDirectory()) {
    return reportProblems([`--out ${options.out} is a file; give a folder to write to.`], io);
  }

  const rulesText = await readText(options.rules, '--rules', io);
  if (typeof rulesText !== 'string') return rulesText.code;
  const dataText = await readText(options.data, '--data', io);
  if (typeof dataText !== 'string') return dataText.code;

  let stream: ScoreStream;
  let rules: ReturnType<typeof loadRuleSet>;
  try {
    rules = loadRuleSet(parseJson(rulesText, `--rules ${options.rules}`));
    const rows = readRows(dataText, dataKind, `--data ${options.data}`);
    stream = scorePeople(rules, rows, { period });
  } catch (error) {
    if (error instanceof RuleSetError) {
      // The message names the first problem; the next few follow, one per line.
      const more = error.issues.slice(1, 5).map((issue) => `  ${issue.path}: ${issue.message}`);
      return reportProblems([`--rules ${options.rules}: ${error.message}`, ...more], io);
    }
    if (error instanceof ScoreError) {
      // A framework without a cycle lacks rules for the period's cycle: name the first few.
      const issues = error.issues.slice(0, 5).map((issue) => `  ${issue.path}: ${issue.message}`);
      if (error.issues.length > 5) issues.push(`  (and ${error.issues.length - 5} more)`);
      return reportProblems([`--period: ${error.message}`, ...issues], io);
    }
    if (error instanceof DataFileError || error instanceof FileFormatError) {
      const where = error instanceof FileFormatError ? error.file : `--data ${options.data}`;
      return reportProblems([`${where}: ${error.message}`], io);
    }
    throw error;
  }

  const people: FilledPerson[] = [];
  const documents = wantsDocuments(request);
  const files = renderResults(
    stream,
    documents ? (person) => people.push(filled(person)) : undefined,
  );
  const folders: Record<'html' | 'pdf', OutputFile[]> = { html: [], pdf: [] };
  if (documents) {
    const rendered = await renderFilledDocuments(
      rules.ruleSet,
      { period: stream.period, people },
      request,
      io.cwd,
    );
    if (!rendered.ok) return reportProblems([rendered.message], io);
    folders.html = rendered.html;
    folders.pdf = rendered.pdf;
  }
  const written = await writeOutputs(
    [
      { target: join(outDir, 'scores.json'), data: files.json },
      { target: join(outDir, 'scores.csv'), data: files.csv },
      { target: join(outDir, 'rejected.csv'), data: rejectedCsv(stream.rejected) },
      ...planFolder(join(outDir, 'html'), folders.html),
      ...planFolder(join(outDir, 'pdf'), folders.pdf),
    ],
    io.cwd,
  );
  if (!written.ok) return reportProblems([written.problem], io);
  for (const kind of ['html', 'pdf'] as const) {
    // Scorecards of people an earlier run scored and this one did not would mislead.
    if (folders[kind].length > 0) await removeStaleScorecards(join(outDir, kind), folders[kind]);
  }

  const out = toUri(outDir, io.cwd) || '.';
  io.stdout.write(`${summary(stream, files.statuses, out)}\n`);
  for (const [kind, entry] of [
    ['html', 'index.html'],
    ['pdf', 'all.pdf'],
  ] as const) {
    const more = folders[kind].length - 1;
    if (more < 0) continue;
    const rest = more === 0 ? '' : ` and ${more} more ${more === 1 ? 'file' : 'files'}`;
    io.stdout.write(`Wrote ${out}/${kind}/${entry}${rest} in ${out}/${kind}/\n`);
  }
  return stream.rejected.length > 0 ? EXIT.errors : EXIT.ok;
}

/**
 * scores.json and scores.csv, made one person at a time as the runtime scores them. The JSON
 * is the result as `JSON.stringify(result, null, 2)` writes it, but never held as one string:
 * the results of twenty thousand people outgrow the longest string JavaScript can hold.
 */
function renderResults(
  stream: ScoreStream,
  collect: (person: PersonResult) => void = () => undefined,
): {
  json: Uint8Array;
  csv: Uint8Array;
  statuses: Record<PersonStatus, number>;
} {
  const json = new TextChunks();
  const csv = new TextChunks();
  const statuses: Record<PersonStatus, number> = { complete: 0, incomplete: 0, unrated: 0 };
  json.add(`{\n  "period": ${JSON.stringify(stream.period)},\n`);
  json.add(`  "cycle": ${JSON.stringify(stream.cycle)},\n  "people": `);
  let header = true;
  addArray(json, stream.people, (person) => {
    statuses[person.status] += 1;
    collect(person);
    csv.add(stringify(scoreRecords(person), { header, columns: [...SCORE_COLUMNS] }));
    header = false;
  });
  if (header) csv.add(stringify([], { header, columns: [...SCORE_COLUMNS] }));
  json.add(',\n  "rejected": ');
  addArray(json, stream.rejected);
  json.add(`,\n  "counts": ${indented(stream.counts, '  ')}\n}\n`);
  return { json: json.bytes(), csv: csv.bytes(), statuses };
}

/** Adds `items` as a JSON array at the second level of the document, one item at a time. */
function addArray<Item>(
  chunks: TextChunks,
  items: Iterable<Item>,
  each: (item: Item) => void = () => undefined,
): void {
  let first = true;
  for (const item of items) {
    each(item);
    chunks.add(`${first ? '[\n' : ',\n'}    ${indented(item, '    ')}`);
    first = false;
  }
  chunks.add(first ? '[]' : '\n  ]');
}

/** `JSON.stringify(value, null, 2)` nested under `indent`: a JSON text holds no raw line break. */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/** UTF-8 text gathered in pieces of about a megabyte, so that no one string grows too long. */
class TextChunks {
  private readonly done: Uint8Array[] = [];
  private pending: string[] = [];
  private length = 0;

  add(text: string): void {
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= 1 << 20) this.flush();
  }

  bytes(): Uint8Array {
    this.flush();
    return Buffer.concat(this.done);
  }

  private flush(): void {
    this.done.push(Buffer.from(this.pending.join(''), 'utf8'));
    this.pending = [];
    this.length = 0;
  }
}

/** A JSON file that is not JSON, named by the option that gave it. */
class FileFormatError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a file as UTF-8 text without its byte-order mark. Text in another encoding (an old
 * Vietnamese code page such as Windows-1258, say) is refused at the line of its first bad
 * byte, rather than read with replacement characters in its units' names.
 */
async function readText(
  path: string,
  option: string,
  io: CliIo,
): Promise<string | { code: number }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, path));
  } catch (error) {
    return {
      code: reportProblems([`cannot read ${option} ${path}: ${describeFsError(error)}.`], io),
    };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
        ? `line ${lineOfFirstBadByte(bytes)} is not UTF-8 text; save the file as UTF-8`
        : code === 'ERR_STRING_TOO_LONG'
          ? 'the file holds more text than can be read at once (about 500 MB); score it in ' +
            'parts, such as one per unit'
          : describeFsError(error);
    return { code: reportProblems([`${option} ${path}: ${problem}.`], io) };
  }
}

/**
 * The line of the first byte that is not UTF-8: the shortest prefix a streaming decoder
 * refuses ends just past it. A line feed is never part of a multi-byte sequence, so the line
 * feeds before that point count the lines.
 */
function lineOfFirstBadByte(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), {
        stream: true,
      });
      good = middle;
    } catch {
      bad = middle;
    }
  }
  let line = 1;
  for (let index = 0; index < bad - 1; index++) if (bytes[index] === 0x0a) line += 1;
  return line;
}

/**
 * Parses JSON, or throws naming the line and column where it stops being JSON. The parser's
 * own message quotes the text around the fault, which may be a measured value, so it is
 * never shown.
 */
function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    throw new FileFormatError(option, `not valid JSON${where}.`);
  }
}

function readRows(text: string, kind: string, option: string): RowsRead {
  if (kind === '.csv') return readRowsCsv(text);
  return readRowsJson(parseJson(text, option));
}

/** The lines of scores.csv for one person: one per weighted indicator. */
function scoreRecords(person: PersonResult): Record<(typeof SCORE_COLUMNS)[number], string>[] {
  const adjustment = adjustmentText(person.adjustments);
  return person.indicators.map((indicator) => ({
    person: person.person,
    org_unit: person.orgUnit,
    position: person.position,
    context: person.context ?? '',
    period: person.period,
    indicator: indicator.indicator,
    indicator_status: indicator.status,
    value: indicator.value?.display ?? '',
    band: indicator.band?.level ?? '',
    points: indicator.points?.display ?? '',
    weight: indicator.weight.display,
    effective_weight: indicator.effectiveWeight?.display ?? '',
    contribution: indicator.contribution?.display ?? '',
    not_rated_reason: indicator.notRated?.reason ?? '',
    person_status: person.status,
    total: person.total?.display ?? '',
    rating: person.rating?.id ?? '',
    scored_rating: person.scoredRating?.id ?? '',
    adjustment,
    part: indicator.part ?? '',
  }));
}

/**
 * The steps that decided a person's rating after their total, in order, for one CSV cell:
 * `condition disciplined: outstanding -> not_completed; quota excellent_share in unit
 * "planning": outstanding -> completed_well, ranked 3 of 5, 2 keep it`. Empty when the rating
 * of the total stands. scores.json has each step in full.
 */
function adjustmentText(adjustments: PersonResult['adjustments']): string {
  return adjustments
    .map((adjustment) => {
      const change = `${adjustment.from ?? 'none'} -> ${adjustment.to}`;
      if (adjustment.step === 'condition') return `condition ${adjustment.rule}: ${change}`;
      const { set, rank, candidates, places } = adjustment;
      return (
        `quota ${adjustment.rule} in ${set.within} ${JSON.stringify(set.key)}: ${change}, ` +
        `ranked ${rank} of ${candidates}, ${places} ${places === 1 ? 'keeps' : 'keep'} it`
      );
    })
    .join('; ');
}

/** A person's result as the renderer's plain filled-scorecard data. */
function filled(person: PersonResult): FilledPerson {
  return {
    person: person.person,
    orgUnit: person.orgUnit,
    position: person.position,
    context: person.context,
    period: person.period,
    status: person.status,
    total: person.total,
    rating: person.rating?.id ?? null,
    scoredRating: person.scoredRating?.id ?? null,
    adjustments: person.adjustments.map((adjustment) =>
      adjustment.step === 'condition'
        ? {
            step: 'condition',
            rule: adjustment.rule,
            from: adjustment.from,
            to: adjustment.to,
            reason: adjustment.reason,
          }
        : {
            step: 'quota',
            rule: adjustment.rule,
            from: adjustment.from,
            to: adjustment.to,
            set: adjustment.set,
            candidates: adjustment.candidates,
            places: adjustment.places,
            rank: adjustment.rank,
            tiedWith: adjustment.tiedWith,
            reason: adjustment.reason,
          },
    ),
    parts: person.parts.map((part) => ({ id: part.id, points: part.points, max: part.max })),
    weightCounted: person.weightCounted,
    indicators: person.indicators.map((indicator) => ({
      indicator: indicator.indicator,
      status: indicator.status,
      value: indicator.value,
      band: indicator.band?.level ?? null,
      points: indicator.points,
      effectiveWeight: indicator.effectiveWeight,
      contribution: indicator.contribution,
      notRated: indicator.notRated,
    })),
  };
}

function rejectedCsv(rejected: readonly Rejection[]): string {
  const records = rejected.map((rejection) => ({
    row: rejection.row,
    line: rejection.line ?? '',
    column: rejection.column ?? '',
    person: rejection.person ?? '',
    code: rejection.code,
    reason: rejection.reason,
  }));
  return stringify(records, { header: true, columns: [...REJECTED_COLUMNS] });
}

/** One line for the terminal: counts only, never a measured value. */
function summary(stream: ScoreStream, statuses: Record<PersonStatus, number>, out: string): string {
  const total = statuses.complete + statuses.incomplete + statuses.unrated;
  const people = total === 1 ? '1 person' : `${total} people`;
  const counted =
    `${statuses.complete} complete, ${statuses.incomplete} incomplete, ` +
    `${statuses.unrated} unrated`;
  const rows = `${stream.counts.used} of ${stream.counts.rows} rows used`;
  const rejected =
    stream.rejected.length > 0
      ? `; ${stream.rejected.length} rejected, listed in ${out}/rejected.csv`
      : '';
  return (
    `kpic: scored ${people} for ${stream.period} (${counted}); ${rows}${rejected}. ` +
    `Results in ${out}/scores.json and ${out}/scores.csv.`
  );
}
