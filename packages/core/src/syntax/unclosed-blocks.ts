/**
 * Blocks left open: a `{` whose `}` never came before the end of the file or the next
 * declaration. The parser (`recovering-parser.ts`) records each one at the moment it looks for
 * the `}`; `parse-errors.ts` reports it here as a KPI001 on the `{`, naming the block and its
 * line, with a fix that adds the `}`. Recovery is not changed: the parser still invents the `}`
 * and reads on.
 */
import { EOF, type IToken } from 'chevrotain';
import { makeDiagnostic, type Diagnostic, type Fix } from '../diagnostics/diagnostic.js';
import type { LineMap, Position } from './source.js';

/** A block whose `}` was missing, as the parser saw it. */
export interface UnclosedBlock {
  /** The block as the writer writes it: `kpi`, `bands`, `position` ... */
  block: string;
  /** The name the block belongs to (for bands, the indicator's); none for levels and rating. */
  name: IToken | undefined;
  /** The block's `{`, as read from the text. */
  open: IToken;
  /** The index, in the parser's errors, of the error for the missing `}`. */
  errorIndex: number;
}

/**
 * The KPI001 for an unclosed block. `next` is the token where the `}` was expected: the end of
 * the file or the keyword of the next declaration; the fix puts the `}` on a line of its own
 * just before it.
 */
export function unclosedBlockDiagnostic(
  unclosed: UnclosedBlock,
  next: IToken,
  context: { uri: string; lineMap: LineMap },
): Diagnostic {
  const { lineMap, uri } = context;
  const range = lineMap.rangeOf(unclosed.open.startOffset, unclosed.open.startOffset + 1);
  const name = unclosed.name && unclosed.name.image !== '' ? ` of '${unclosed.name.image}'` : '';
  const line = range.start.line + 1;
  const message = `The '${unclosed.block}' block${name}, opened at line ${line}, is not closed: add '}'.`;
  return makeDiagnostic('KPI001', uri, range, [message], { fixes: [closingFix(next, context)] });
}

/** An edit adding `}` on its own line before `next`, or at the end of the file. */
function closingFix(next: IToken, context: { uri: string; lineMap: LineMap }): Fix {
  const { lineMap, uri } = context;
  const edit = (at: Position, newText: string): Fix => ({
    title: "Add '}'",
    edits: [{ uri, range: { start: at, end: at }, newText }],
  });

  if (next.tokenType === EOF || !Number.isFinite(next.startOffset)) {
    const last = lineMap.lineCount - 1;
    const text = lineMap.lineText(last);
    const at = { line: last, character: text.length };
    return edit(at, text.trim() === '' ? '}\n' : '\n}\n');
  }

  // A keyword that starts its line gets the `}` on the line above; one in the middle of a
  // line gets it on a line between the two parts.
  const at = lineMap.positionAt(next.startOffset);
  const before = lineMap.lineText(at.line).slice(0, at.character);
  if (before.trim() === '') return edit({ line: at.line, character: 0 }, '}\n');
  return edit(at, '\n}\n');
}
