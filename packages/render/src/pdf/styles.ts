/**
 * The type sizes and tints of the PDF documents, in one place so that the scorecard, the
 * catalogue and the overview read as one set of forms.
 */
import { GREY, INK } from './bilingual.js';
import type { TextStyle } from './text-layout.js';

export const STYLES = {
  /** The document title, such as "PHIẾU ĐÁNH GIÁ KPI". */
  title: { weight: 'bold', size: 14, color: INK, align: 'center' },
  /** The line under the title: the position, or the framework. */
  subtitle: { weight: 'bold', size: 11, color: INK, align: 'center' },
  /** The issuing agency above the title. */
  agency: { weight: 'bold', size: 9, color: INK },
  /** A section heading of the overview. */
  heading: { weight: 'bold', size: 10.5, color: INK },
  /** A heading inside a section (a context's name). */
  subheading: { weight: 'bold', size: 9, color: INK },
  /** Table header cells. */
  header: { weight: 'bold', size: 7.5, color: INK, align: 'center' },
  /** Table body cells. */
  body: { weight: 'regular', size: 8, color: INK },
  /** Table body cells in bold: the indicator, a total. */
  bodyBold: { weight: 'bold', size: 8, color: INK },
  /** Labels of the form's header fields. */
  field: { weight: 'bold', size: 8, color: INK },
  /** Hints such as "(Ký, ghi rõ họ tên)" and the footer. */
  hint: { weight: 'regular', size: 7.5, color: GREY },
} as const satisfies Record<string, TextStyle>;

/** A style with another alignment. */
export function aligned(style: TextStyle, align: NonNullable<TextStyle['align']>): TextStyle {
  return { ...style, align };
}

export const FILLS = {
  /** Table header rows. */
  header: '#e4e9f0',
  /** Labels of the form's header fields. */
  field: '#f0f3f7',
  /** Cells the evaluator fills in. */
  toFill: '#fbfaf3',
  /** Total rows. */
  total: '#f0f3f7',
};
