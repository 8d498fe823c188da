/**
 * LineMap: offsets to LSP positions and back, with columns in UTF-16 code units and CRLF, LF
 * and lone CR all ending a line.
 */
import { describe, expect, test } from 'vitest';
import { LineMap } from '../../src/syntax/source.js';

describe('LineMap', () => {
  test('counts columns in UTF-16 code units, as LSP does', () => {
    const text = 'kpi sat "Tỷ lệ hài lòng 😊" { unit likert5 target >= 6 }';
    const map = new LineMap(text);
    expect(map.positionAt(text.indexOf('6 }'))).toEqual({ line: 0, character: 53 });
  });

  test('gives CRLF text the same positions as its LF twin', () => {
    const lf = 'a\nbc\n\nd';
    const crlf = lf.replace(/\n/g, '\r\n');
    const lfMap = new LineMap(lf);
    const crlfMap = new LineMap(crlf);
    for (const token of ['a', 'b', 'c', 'd']) {
      expect(crlfMap.positionAt(crlf.indexOf(token))).toEqual(lfMap.positionAt(lf.indexOf(token)));
    }
    expect(crlfMap.lineCount).toBe(lfMap.lineCount);
  });

  test('never puts a position between the \\r and the \\n of a line break', () => {
    const text = 'ab\r\ncd';
    const map = new LineMap(text);
    expect(map.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(map.positionAt(3)).toEqual({ line: 0, character: 2 });
    expect(map.positionAt(4)).toEqual({ line: 1, character: 0 });
    expect(map.lineText(0)).toBe('ab');
  });

  test('maps positions back to offsets and clamps out-of-range input', () => {
    const text = 'one\ntwo\r\nthree';
    const map = new LineMap(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      expect(map.offsetAt(map.positionAt(offset))).toBe(offset);
    }
    expect(map.offsetAt({ line: 0, character: 99 })).toBe(3);
    expect(map.offsetAt({ line: 9, character: 0 })).toBe(text.length);
    expect(map.positionAt(-5)).toEqual({ line: 0, character: 0 });
  });

  test('treats a lone \\r as a line break', () => {
    const map = new LineMap('a\rb');
    expect(map.positionAt(2)).toEqual({ line: 1, character: 0 });
  });
});
