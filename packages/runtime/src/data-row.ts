/**
 * The measured data that scoring reads, one row per figure (or per survey answer), and the
 * rejections that say which rows were kept out and why. The readers (`readRowsCsv`,
 * `readRowsJson`) make rows from a file; `score` checks them against the rule set.
 */

/** The columns of a data row, in the order a CSV header lists them. */
export const COLUMNS = [
  'person',
  'org_unit',
  'position',
  'context',
  'period',
  'measure',
  'value',
] as const;

export type Column = (typeof COLUMNS)[number];

/** One measured figure, or one answer to a survey. */
export interface DataRow {
  /**
   * The data row number, from 1: the n-th record after the CSV header, or the n-th element
   * of a JSON array. Rejections and results name rows by it.
   */
  row: number;
  /** For CSV, the line of the file the record starts on (the header is on line 1); else null. */
  line: number | null;
  /** The civil servant's id. Results hold one entry per person. */
  person: string;
  /** The person's organisational unit, as the source writes it (may be empty). */
  org_unit: string;
  /** The id of the person's position in the rule set. */
  position: string;
  /** The id of the context whose rules apply to the person; empty for the base rules. */
  context: string;
  /** The period the figure covers: `2024`, `2024-H1`, `2024-Q1`, `2024-03` or `2024-W05`. */
  period: string;
  /**
   * The measure the figure is for, as the indicator's formula or survey names it; or a
   * condition id, for a row that says whether that fact holds (value `1` or `0`).
   */
  measure: string;
  /**
   * The figure as decimal text (`19`, `-2.5`, `+0.75`). Empty, or only spaces, is a blank
   * cell: an explicit missing value, never zero.
   */
  value: string;
}

/** Why a row was kept out of the scores. */
export type RejectionCode =
  | 'not-an-object'
  | 'missing-column'
  | 'not-text'
  | 'field-count'
  | 'empty-field'
  | 'bad-number'
  | 'bad-period'
  | 'unknown-position'
  | 'unknown-context'
  | 'conflict'
  | 'unknown-measure'
  | 'outside-period'
  | 'coarser-than-measured'
  | 'duplicate'
  | 'not-an-answer'
  | 'bad-fact-value'
  | 'fact-not-applicable';

/**
 * A row kept out of the scores. The reason names the row's columns and ids, never its
 * measured value, so rejections can go to logs.
 */
export interface Rejection {
  row: number;
  /** For CSV, the line the record starts on; else null. */
  line: number | null;
  /** The column at fault, when one is. */
  column: Column | null;
  /** The person the row is for, when the row names one. */
  person: string | null;
  code: RejectionCode;
  /** One sentence for people. */
  reason: string;
}

/** What a reader gives: the rows it could read, and those it had to reject already. */
export interface RowsRead {
  rows: DataRow[];
  rejected: Rejection[];
}

/**
 * Thrown for a data file that cannot be read at all (not CSV, no header, a header without a
 * required column, JSON that is not an array). `line` is set when the problem has one.
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';

  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? message : `Line ${line}: ${message}`);
  }
}

/** True for a blank cell: empty, or only white space. */
export function isBlank(value: string): boolean {
  return value.trim() === '';
}
