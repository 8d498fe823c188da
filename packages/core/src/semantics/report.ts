/**
 * The checker's collector of diagnostics. Every check reports through a `Reporter`, and every
 * check runs inside `guard`, so that an unexpected exception in one check becomes a KPI901
 * diagnostic at the node being checked instead of stopping the others.
 */
import type { Code, CODES } from '../diagnostics/codes.js';
import {
  makeDiagnostic,
  type Diagnostic,
  type RelatedInformation,
  type ReportExtras,
} from '../diagnostics/diagnostic.js';
import type { Range } from '../syntax/source.js';

/** A place in a file: where a diagnostic or a related note points. */
export interface Place {
  uri: string;
  range: Range;
}

/** Collects diagnostics in the order they are reported; the caller sorts them. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  /** Reports `code` at `place` with the message arguments of the code's template. */
  report<C extends Code>(
    code: C,
    place: Place,
    args: Parameters<(typeof CODES)[C]['message']>,
    extras: ReportExtras = {},
  ): Diagnostic {
    const diagnostic = makeDiagnostic(code, place.uri, place.range, args, extras);
    this.diagnostics.push(diagnostic);
    return diagnostic;
  }

  /**
   * Runs one check. If it throws, the exception becomes KPI901 at `place`, and the checks
   * after it still run: a defect in kpic must never hide the writer's other diagnostics.
   */
  guard(check: string, place: Place | undefined, run: () => void): void {
    try {
      run();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const at = place ?? { uri: '', range: ZERO_RANGE };
      this.report('KPI901', at, [check, detail]);
    }
  }
}

/** A related note: "the base target is here". */
export function related(place: Place, message: string): RelatedInformation {
  return { uri: place.uri, range: place.range, message };
}

export const ZERO_RANGE: Range = {
  start: { line: 0, character: 0 },
  end: { line: 0, character: 0 },
};
