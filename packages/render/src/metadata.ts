/**
 * The fixed metadata of a document, so that the same rule set always gives the same bytes:
 * a creation date taken from the framework (its effective date) and a document id derived
 * from the rule set's source hash, the document's name, its language and the engine that made
 * it: two different files never share an id. Both PDF engines use these.
 */
import { createHash } from 'node:crypto';
import type { RuleSet } from '@kpilang/rule-set';
import type { Lang } from './lang.js';

/** Which engine made a PDF: pdfkit, or a browser printing the HTML pages. */
export type PdfEngine = 'default' | 'browser';

/** The date used when the framework states no effective date. */
const NO_DATE = '2000-01-01';

export interface DocumentMetadata {
  /** Midnight UTC of the framework's effective date, else of 2000-01-01. */
  creationDate: Date;
  /** 32 lower-case hex digits, the same for the same sources and document. */
  id: string;
}

/**
 * The metadata of the document `name` (a DocumentRef name, or `all`) of `ruleSet`, in `lang`,
 * made by `engine`.
 */
export function documentMetadata(
  ruleSet: RuleSet,
  name: string,
  lang: Lang,
  engine: PdfEngine,
): DocumentMetadata {
  const date = ruleSet.framework.effective ?? NO_DATE;
  const creationDate = new Date(`${date}T00:00:00Z`);
  const id = createHash('sha256')
    .update(`${ruleSet.sourceHash}\n${ruleSet.framework.id}\n${name}\n${lang}\n${engine}`)
    .digest('hex')
    .slice(0, 32);
  return {
    creationDate: Number.isNaN(creationDate.getTime())
      ? new Date(`${NO_DATE}T00:00:00Z`)
      : creationDate,
    id,
  };
}
