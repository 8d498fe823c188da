/**
 * Decoding bytes: the BOM is dropped, invalid UTF-8 (old Vietnamese encodings) gives exactly one
 * KPI005 naming the file and the first bad byte, and that offset agrees with the platform decoder.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeSource, firstInvalidByte } from '../../src/syntax/decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const strict = new TextDecoder('utf-8', { fatal: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('decodeSource', () => {
  test('valid UTF-8 with Vietnamese text decodes unchanged, CRLF included', () => {
    const text = 'kpi a "Tỷ lệ hoàn thành" {\r\n  unit percent\r\n}\r\n';
    expect(decodeSource(utf8(text), 'a.kpi')).toEqual({ text, diagnostics: [] });
  });

  test('TCVN3 bytes give one KPI005 with the file name and the offset of the first bad byte', () => {
    // "kpi a \"T" then 0xB8 0xE3 (TCVN3 letters), then more ASCII.
    const bytes = Uint8Array.from([...utf8('kpi a "T'), 0xb8, 0xe3, ...utf8('" { }')]);
    const decoded = decodeSource(bytes, 'old/tcvn3.kpi');
    expect(decoded.text).toBe('kpi a "T\uFFFD\uFFFD" { }');
    expect(decoded.diagnostics).toHaveLength(1);
    expect(decoded.diagnostics[0]).toMatchObject({
      code: 'KPI005',
      severity: 'error',
      uri: 'old/tcvn3.kpi',
      range: { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } },
    });
    expect(decoded.diagnostics[0]?.message).toContain('old/tcvn3.kpi is not valid UTF-8');
    expect(decoded.diagnostics[0]?.message).toContain('first bad byte at offset 8');
  });

  test('KPI005 points at the line and column of the first bad byte, after a BOM and CRLF lines', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...utf8('framework f "F" { }\r\nkpi a "Tỷ lệ" {\r\n  source "Ch'),
      0xe9,
      ...utf8('" }\r\n'),
    ]);
    const [diagnostic, ...rest] = decodeSource(bytes, 'a.kpi').diagnostics;
    expect(rest).toEqual([]);
    expect(diagnostic?.range).toEqual({
      start: { line: 2, character: 12 },
      end: { line: 2, character: 13 },
    });
  });

  test('the first bad byte is found for overlongs, surrogates, stray continuations and cut-off ends', () => {
    expect(firstInvalidByte(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidByte(Uint8Array.from([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2);
    expect(firstInvalidByte(Uint8Array.from([0x80]))).toBe(0);
    expect(firstInvalidByte(Uint8Array.from([...utf8('ệ'), 0xe1, 0xbb]))).toBe(3);
    expect(firstInvalidByte(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidByte(utf8('Đắk Lắk 😊'))).toBe(utf8('Đắk Lắk 😊').length);
  });

  test('a file is refused exactly when the platform decoder refuses it, at a byte it accepts up to', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const decoded = decodeSource(bytes, 'x.kpi');
        expect(decoded.diagnostics.length === 0).toBe(decodes(bytes));
        if (decoded.diagnostics.length > 0) {
          const offset = firstInvalidByte(bytes);
          expect(offset).toBeLessThan(bytes.length);
          expect(decodes(bytes.slice(0, offset))).toBe(true);
          expect(decodes(bytes.slice(0, offset + 4))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
