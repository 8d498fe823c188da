/**
 * The fonts the PDF engine embeds, and which of them draws each character. Noto Sans draws
 * the text (it covers every Vietnamese letter and tone mark), and DejaVu Sans draws the few
 * characters Noto Sans lacks, above all the ≤ and ≥ of every band and target. Both come from
 * npm packages; fonts/NOTICE.md carries their licences.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** The weight a piece of text is set in. */
export type Weight = 'regular' | 'bold';

/** A font file as registered with a document: its weight and whether it is the fallback. */
export interface Face {
  /** The name the face is registered under in every document. */
  name: string;
  /** The font file's bytes, read once per process. */
  data: Buffer;
  /** The parsed font, to ask which characters it covers. */
  font: fontkit.Font;
  /** The top of the font's em box above the baseline, per unit of font size. */
  ascent: number;
}

/**
 * The OpenType features every run is shaped with: the font's defaults, less glyph composition
 * (ccmp). Noto Sans's ccmp splits ạ, ị, ụ and the other dot-below letters into a base letter
 * and a combining dot; the base glyph then maps back to the plain letter in the PDF's text
 * layer and the dot to nothing, so "Vị trí" would be extracted as "Vi trí". Text is NFC
 * before it is shaped, so every Vietnamese letter has its own precomposed glyph.
 */
export const FEATURES: Record<string, boolean> = { ccmp: false };

/** The primary face and the fallback face of one weight. */
export interface FaceSet {
  primary: Face;
  fallback: Face;
}

const FILES: Record<Weight, { primary: string; fallback: string }> = {
  regular: {
    primary: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    fallback: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  },
  bold: {
    primary: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    fallback: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  },
};

let loaded: Record<Weight, FaceSet> | undefined;

/** The faces of both weights, read from their packages on first use and kept for the process. */
export function faces(): Record<Weight, FaceSet> {
  loaded ??= {
    regular: loadSet('regular'),
    bold: loadSet('bold'),
  };
  return loaded;
}

/**
 * The face that draws the character `codePoint` in `set`: the primary face when it has a
 * glyph for it, else the fallback when that has one, else the primary face (whose missing
 * glyph box at least keeps the character's place and its text in the PDF).
 */
export function faceFor(set: FaceSet, codePoint: number): Face {
  if (set.primary.font.hasGlyphForCodePoint(codePoint)) return set.primary;
  if (set.fallback.font.hasGlyphForCodePoint(codePoint)) return set.fallback;
  return set.primary;
}

function loadSet(weight: Weight): FaceSet {
  return {
    primary: loadFace(`${weight}`, FILES[weight].primary),
    fallback: loadFace(`${weight}-fallback`, FILES[weight].fallback),
  };
}

function loadFace(name: string, specifier: string): Face {
  const require = createRequire(import.meta.url);
  const data = readFileSync(require.resolve(specifier));
  const font = fontkit.create(data);
  // A .ttf file holds one font; a collection would mean the package changed under us.
  if (!('hasGlyphForCodePoint' in font)) {
    throw new Error(`The font file ${specifier} is a font collection, not one font.`);
  }
  return { name, data, font, ascent: font.ascent / font.unitsPerEm };
}
