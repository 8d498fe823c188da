/**
 * The fonts the PDF engine embeds, and which of them draws each character. Noto Sans draws
 * the text (it covers every Vietnamese letter and tone mark), and DejaVu Sans draws the few
 * characters Noto Sans lacks, above all the ≤ and ≥ of every band and target. Both come from
 * npm packages; fonts/NOTICE.md carries their licences.
 *
 * Each font is parsed once per process and handed to every document as the same fontkit
 * object, wrapped so that it shapes with our features and remembers what it shaped: parsing
 * the OpenType tables and shaping the same words again for each of a thousand scorecards was
 * most of the engine's time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** The weight a piece of text is set in. */
export type Weight = 'regular' | 'bold';

/** One font file, parsed, as every document registers it. */
export interface Face {
  /** The name the face is registered under in every document. */
  name: string;
  /** The parsed font; its `layout` shapes with FEATURES and caches, whatever it is asked. */
  font: fontkit.Font;
}

/** The primary face and the fallback face of one weight. */
export interface FaceSet {
  primary: Face;
  fallback: Face;
  /** The face chosen for each character so far. */
  chosen: Map<number, Face>;
}

/**
 * The OpenType features every run is shaped with: the font's defaults, less glyph composition
 * (ccmp). Noto Sans's ccmp splits ạ, ị, ụ and the other dot-below letters into a base letter
 * and a combining dot; the base glyph then maps back to the plain letter in the PDF's text
 * layer and the dot to nothing, so "Vị trí" would be extracted as "Vi trí". Text is NFC
 * before it is shaped, so every Vietnamese letter has its own precomposed glyph.
 */
const FEATURES: Record<string, boolean> = { ccmp: false };

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

/** Every face, in the order documents register them. */
export function allFaces(): Face[] {
  return Object.values(faces()).flatMap((set) => [set.primary, set.fallback]);
}

/**
 * The face that draws the character `codePoint` in `set`: the primary face when it has a
 * glyph for it, else the fallback when that has one, else the primary face (whose missing
 * glyph box at least keeps the character's place and its text in the PDF).
 */
export function faceFor(set: FaceSet, codePoint: number): Face {
  let face = set.chosen.get(codePoint);
  if (!face) {
    if (set.primary.font.hasGlyphForCodePoint(codePoint)) face = set.primary;
    else if (set.fallback.font.hasGlyphForCodePoint(codePoint)) face = set.fallback;
    else face = set.primary;
    set.chosen.set(codePoint, face);
  }
  return face;
}

function loadSet(weight: Weight): FaceSet {
  return {
    primary: loadFace(weight, FILES[weight].primary),
    fallback: loadFace(`${weight}-fallback`, FILES[weight].fallback),
    chosen: new Map(),
  };
}

function loadFace(name: string, specifier: string): Face {
  const require = createRequire(import.meta.url);
  const parsed = fontkit.create(readFileSync(require.resolve(specifier)));
  // A .ttf file holds one font; a collection would mean the package changed under us.
  if (!('hasGlyphForCodePoint' in parsed)) {
    throw new Error(`The font file ${specifier} is a font collection, not one font.`);
  }
  rememberCharacters(parsed);
  return { name, font: shapingCache(parsed) };
}

/**
 * Creates the glyph of every character `font` maps, so that each glyph remembers the
 * character it draws. fontkit keeps one glyph object per glyph id and records its characters
 * when it first makes it. When a document is written, the glyphs its subset composes from
 * (the e inside ế, the A inside Ấ) are made with no characters at all; as every document
 * shares the parsed font, the next document would then get an e that names no character, and
 * pdfkit, which maps each glyph back to its characters for the PDF's text layer, would give
 * the e nothing: "framework" would be extracted as "fram work". Made here first, each glyph
 * knows its character whatever happens to it later.
 */
function rememberCharacters(font: fontkit.Font): void {
  for (const codePoint of font.characterSet) {
    // Not the compatibility characters (ﬁ, ﬃ, ²): their glyphs are also what the ligature
    // feature puts in place of f, f, i, and made here they would name ﬃ instead, so that
    // "officer" would be extracted as "oﬃcer". The shaper makes them with their letters.
    const character = String.fromCodePoint(codePoint);
    if (character.normalize('NFKC') !== character) continue;
    font.glyphForCodePoint(codePoint);
  }
}

interface Shaped {
  glyphs: fontkit.Glyph[];
  positions: fontkit.GlyphPosition[];
}

/**
 * `font` with a `layout` that always shapes with FEATURES and remembers each text it shaped.
 * pdfkit scales the positions it gets in place, so every call returns fresh copies of them.
 */
function shapingCache(font: fontkit.Font): fontkit.Font {
  const shaped = new Map<string, Shaped>();
  const layout = (text: string) => {
    let run = shaped.get(text);
    if (!run) {
      const result = font.layout(text, FEATURES);
      run = { glyphs: result.glyphs, positions: result.positions.map((p) => ({ ...p })) };
      shaped.set(text, run);
    }
    const positions = run.positions.map((position) => ({ ...position }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, position) => sum + position.xAdvance, 0);
      },
    };
  };
  return new Proxy(font, {
    get(target, property) {
      if (property === 'layout') return layout;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
