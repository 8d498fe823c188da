/**
 * Text in the document's language as paragraphs to set: one language, or for `both` the
 * Vietnamese and, below it in a smaller grey line, the English. The fixed words come from
 * LABELS and the framework's words from its bilingual labels, as in the HTML documents.
 */
import type { Bilingual } from '@kpilang/rule-set';
import { ABSENT } from '../format.js';
import { LABELS, pick, type LabelKey, type Lang } from '../lang.js';
import { textWidth, type Paragraph, type TextStyle } from './text-layout.js';

/** Ink for text, and a softer grey for the English line and for hints. */
export const INK = '#111111';
export const GREY = '#555555';

/** The style of the English line under a Vietnamese one. */
export function secondaryStyle(style: TextStyle): TextStyle {
  return { ...style, weight: 'regular', size: Math.max(5.5, style.size * 0.86), color: GREY };
}

/**
 * `text` in `lang` as paragraphs: one, or for `both` the Vietnamese and the English below it
 * in the secondary style (left out when the source gave one text for both). Nothing for
 * absent text.
 */
export function bilingual(text: Bilingual | undefined, lang: Lang, style: TextStyle): Paragraph[] {
  if (!text) return [];
  if (lang !== 'both' || text.en === text.vi) return [{ text: pick(text, lang), style }];
  return [
    { text: text.vi, style },
    { text: text.en, style: secondaryStyle(style), spaceBefore: 0.5 },
  ];
}

/**
 * An item of a list: `text` as bilingual() sets it, opened by `marker` ("– ", "1. "), with a
 * hanging indent: the lines after the first, the English line among them, start under the
 * text, not under the marker.
 */
export function listItem(
  text: Bilingual | undefined,
  lang: Lang,
  style: TextStyle,
  marker: string,
): Paragraph[] {
  const [first, ...rest] = bilingual(text, lang, style);
  if (!first) return [];
  const indent = textWidth(marker, style);
  return [
    { ...first, text: `${marker}${first.text}`, indent, firstLineIndent: -indent },
    ...rest.map((paragraph) => ({ ...paragraph, indent })),
  ];
}

/** `text` as bilingual() sets it, or ABSENT when the framework does not state it. */
export function stated(text: Bilingual | undefined, lang: Lang, style: TextStyle): Paragraph[] {
  return text ? bilingual(text, lang, style) : [{ text: ABSENT, style }];
}

/** A fixed word of the documents (a key of LABELS) as paragraphs in `lang`. */
export function label(key: LabelKey, lang: Lang, style: TextStyle): Paragraph[] {
  return bilingual(LABELS[key], lang, style);
}

/** Plain text (already in the document's language) as one paragraph; none when empty. */
export function plain(text: string | undefined, style: TextStyle): Paragraph[] {
  return text ? [{ text, style }] : [];
}
