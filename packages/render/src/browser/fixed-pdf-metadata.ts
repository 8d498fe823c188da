/**
 * Makes a PDF printed by Chromium the same bytes for the same pages. Chromium's PDF writer
 * (Skia) stamps the print time as /CreationDate and /ModDate, and a tagged PDF names its
 * table cells after DOM node ids, which the browser hands out in no fixed order. This
 * rewrites both in place, character for character, so every object keeps its offset and the
 * cross-reference table stays valid, and adds a document /ID to the trailer, which comes
 * after every object and so moves none of them.
 */
import type { DocumentMetadata } from '../metadata.js';

/**
 * `pdf` with the fixed creation date and id of `metadata`, and its node names numbered 1, 2, …
 * in the order the structure tree first uses them (the order of the page's elements).
 */
export function fixPdfMetadata(pdf: Uint8Array, metadata: DocumentMetadata): Uint8Array {
  // latin1 maps every byte to one char and back, so lengths and offsets are kept exactly.
  const text = Buffer.from(pdf).toString('latin1');
  const nodeNames = renumbering(text);
  const digits = pdfDateDigits(metadata.creationDate);

  let fixed = outsideStreams(text, (part) =>
    part
      .replace(/\/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)/g, (_match, key, _time, zone) => {
        // The zone keeps its length: "+07'00'" becomes "+00'00'", "Z" stays.
        const utc = (zone as string).replace(/[0-9]/g, '0').replace(/-/g, '+');
        return `/${key} (D:${digits}${utc})`;
      })
      .replace(/\((node)(\d+)\)/g, (_match, word, number) => `(${word}${nodeNames.get(number)})`),
  );
  fixed = sortNameTree(fixed);

  const trailer = fixed.lastIndexOf('trailer');
  if (trailer >= 0) {
    const end = fixed.indexOf('>>', trailer);
    const head = fixed.slice(trailer, end).replace(/\/ID ?\[[^\]]*\]/, '');
    const id = `/ID [<${metadata.id}> <${metadata.id}>]`;
    fixed = `${fixed.slice(0, trailer)}${head}\n${id}${fixed.slice(end)}`;
  }
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/**
 * The node numbers of `text`, renumbered 1, 2, … in order of first use, each padded to its
 * own width so that no byte moves. Skia writes the tree that lists the names last, so the
 * structure elements, in page order, decide the numbering.
 */
function renumbering(text: string): Map<string, string> {
  const numbers = new Map<string, string>();
  outsideStreams(text, (part) => {
    for (const match of part.matchAll(/\(node(\d+)\)/g)) {
      const number = match[1]!;
      if (!numbers.has(number)) {
        numbers.set(number, String(numbers.size + 1).padStart(number.length, '0'));
      }
    }
    return part;
  });
  return numbers;
}

/**
 * The name tree leaf that maps node names to structure elements must list its names in
 * order; after renumbering they are re-sorted. The entries are reordered, not rewritten, so
 * the leaf keeps its length.
 */
function sortNameTree(text: string): string {
  return text.replace(
    /\/Limits \[\((node\d+)\) \((node\d+)\)\](\s*)\/Names \[([^\]]*)\]/g,
    (leaf, _first, _last, space: string, list: string) => {
      const entries = [...list.matchAll(/\((node\d+)\) (\d+ \d+ R)/g)].map((match) => ({
        name: match[1]!,
        ref: match[2]!,
      }));
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const sorted = entries.map((entry) => `(${entry.name}) ${entry.ref}`).join(' ');
      const first = entries[0]?.name;
      const last = entries.at(-1)?.name;
      const rewritten = `/Limits [(${first}) (${last})]${space}/Names [${sorted}]`;
      // A leaf in another layout than Skia's is left as it is rather than shifted.
      return rewritten.length === leaf.length ? rewritten : leaf;
    },
  );
}

/** `text` with `rewrite` applied to everything but the bytes of its streams. */
function outsideStreams(text: string, rewrite: (part: string) => string): string {
  const pieces: string[] = [];
  let at = 0;
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    if (text.slice(match.index - 3, match.index) === 'end') continue;
    const dataStart = match.index + match[0].length;
    const dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd < 0) break;
    pieces.push(rewrite(text.slice(at, dataStart)), text.slice(dataStart, dataEnd));
    at = dataEnd;
    streams.lastIndex = dataEnd + 'endstream'.length;
  }
  pieces.push(rewrite(text.slice(at)));
  return pieces.join('');
}

/** The 14 digits YYYYMMDDHHmmss of `date` in UTC. */
function pdfDateDigits(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    pad(date.getUTCFullYear(), 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  );
}
