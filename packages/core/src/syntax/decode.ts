/** Placeholder: replaced by the syntax work (decoding bytes: BOM, UTF-8 validation). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export function decodeSource(bytes: Uint8Array, uri: string): { text: string; diagnostics: Diagnostic[] } {
  void uri;
  return { text: new TextDecoder().decode(bytes), diagnostics: [] };
}
