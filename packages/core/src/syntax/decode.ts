/**
 * Bytes to text, before parsing: the file as read from disk becomes the string `parseSource`
 * takes. A UTF-8 byte-order mark is dropped; a file that is not valid UTF-8 (an old Vietnamese
 * encoding such as Windows-1258, TCVN3 or VNI, say) gets one KPI005 at its first bad byte.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineMap } from './source.js';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decodes `bytes` as UTF-8. The text has no BOM and keeps its line endings. When the bytes
 * are not valid UTF-8 there is exactly one KPI005 diagnostic, at the first bad byte, and the
 * text has U+FFFD in place of each bad sequence: the rest of the file is still read, so its
 * framework header is still found and its other problems still reported.
 */
export function decodeSource(
  bytes: Uint8Array,
  uri: string,
): { text: string; diagnostics: Diagnostic[] } {
  try {
    return { text: strictDecoder.decode(bytes), diagnostics: [] };
  } catch {
    const text = lenientDecoder.decode(bytes);
    const offset = firstInvalidByte(bytes);
    // The bytes before the bad one are valid, so they decode to the same characters alone.
    const start = lenientDecoder.decode(bytes.subarray(0, offset)).length;
    const range = new LineMap(text).rangeOf(start, start + 1);
    return { text, diagnostics: [makeDiagnostic('KPI005', uri, range, [uri, offset])] };
  }
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence, following
 * the Unicode table of well-formed sequences (no overlongs, no surrogates, nothing past U+10FFFF).
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const length = sequenceLength(bytes, index);
    if (length === 0) return index;
    index += length;
  }
  return bytes.length;
}

/** The length of the well-formed sequence starting at `index`, or 0 if there is none. */
function sequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] ?? 0;
  if (lead < 0x80) return 1;

  const [length, low, high] = secondByteBounds(lead);
  if (length === 0) return 0;
  for (let offset = 1; offset < length; offset++) {
    const byte = bytes[index + offset];
    const min = offset === 1 ? low : 0x80;
    const max = offset === 1 ? high : 0xbf;
    if (byte === undefined || byte < min || byte > max) return 0;
  }
  return length;
}

/** For a lead byte: the sequence length and the allowed range of its second byte. */
function secondByteBounds(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
