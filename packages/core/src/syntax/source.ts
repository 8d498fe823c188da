/**
 * Positions and ranges as LSP counts them: zero-based lines, columns in UTF-16 code units.
 * JavaScript strings are UTF-16, so an offset into the decoded text is already in the right
 * unit; this module only turns offsets into line/character pairs. A CRLF pair ends a line as
 * one break, and no position ever falls between its `\r` and its `\n`.
 */

/** A zero-based line and a zero-based column counted in UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range: `start` is inside it, `end` is the first position after it. */
export interface Range {
  start: Position;
  end: Position;
}

/** Maps offsets of one text to positions. Build once per text; lookups are O(log lines). */
export class LineMap {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code === 10) this.lineStarts.push(offset + 1);
      else if (code === 13 && text.charCodeAt(offset + 1) !== 10) this.lineStarts.push(offset + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`; offsets past the end clamp to the end of the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }

    const lineStart = this.lineStarts[low] ?? 0;
    const lineEnd = this.lineEndOffset(low);
    return { line: low, character: Math.min(clamped, lineEnd) - lineStart };
  }

  /** The offset of `position`; a column past the end of its line clamps to the line end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line] ?? 0;
    return Math.min(lineStart + Math.max(0, position.character), this.lineEndOffset(position.line));
  }

  /** The range covering offsets `[start, end)`. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }

  /** The text of line `line` without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    return this.text.slice(start, this.lineEndOffset(line));
  }

  /** The offset just before the line break of `line` (so never on a `\r`). */
  private lineEndOffset(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return end;
  }
}

/** True when `inner` lies within `outer` (ends included). */
export function rangeContains(outer: Range, inner: Range): boolean {
  return (
    comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0
  );
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
