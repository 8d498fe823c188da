/**
 * The total row of a filled PDF scorecard: the weight that counted, "(Weight counted 70%)",
 * reads on one line under "Total", beside the weight column, where it used to wrap one word
 * to a line inside that narrow column; the weight column keeps the position's total weight.
 * A blank scorecard has no such line.
 */
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { LABELS, renderFilledPdf, renderPdf, type FilledPerson, type Lang } from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';
import { layoutText, pageCount, rawText } from './fixtures/pdf-poppler.js';

const ruleSet: RuleSet = cemaRuleSet();
const n = (display: string) => ({ exact: display, display });

/** A person on the first base position, every indicator rated; `counted` the weight counted. */
function person(counted: string): FilledPerson {
  const position = ruleSet.positions[0]!;
  const level = ruleSet.levels[0]!;
  return {
    person: 'p01',
    orgUnit: 'personnel',
    position: position.id,
    context: null,
    period: '2024-Q3',
    status: counted === '100' ? 'complete' : 'incomplete',
    total: n('77.5'),
    rating: ruleSet.rating[1]!.id,
    weightCounted: n(counted),
    indicators: position.indicators.map((weighted) => ({
      indicator: weighted.indicator,
      status: 'rated' as const,
      value: n('90'),
      band: level.id,
      points: n(level.points),
      effectiveWeight: n(weighted.weight),
      contribution: n('10'),
      notRated: null,
    })),
  };
}

async function filledPdf(counted: string, lang: Lang): Promise<Uint8Array> {
  const files = await renderFilledPdf(
    ruleSet,
    { period: '2024-Q3', people: [person(counted)] },
    { lang },
  );
  return files[0]!.data as Uint8Array;
}

/** Every line of every page of `pdf`, as laid out. */
function lines(pdf: Uint8Array): string[] {
  const pages = pageCount(pdf);
  return Array.from({ length: pages }, (_, index) => layoutText(pdf, index + 1)).flatMap((page) =>
    page.split('\n'),
  );
}

describe('the total row of a filled PDF scorecard', () => {
  it('gives the weight counted on one line, in each language', async () => {
    for (const [lang, words] of [
      ['en', LABELS.weightCounted.en],
      ['vi', LABELS.weightCounted.vi],
      ['both', `${LABELS.weightCounted.vi} / ${LABELS.weightCounted.en}`],
    ] as const) {
      const pdf = await filledPdf('70', lang);
      const line = lines(pdf).find((candidate) => candidate.includes(`(${words} 70%)`));
      expect(line, lang).toBeDefined();
    }
  });

  it('puts it under "Total", before the total weight of the weight column', async () => {
    const text = rawText(await filledPdf('70', 'en'));
    expect(text).toContain(`${LABELS.total.en} (${LABELS.weightCounted.en} 70%) 100%`);
    const laidOut = lines(await filledPdf('100', 'en'));
    const at = laidOut.findIndex((line) => line.includes(`(${LABELS.weightCounted.en} 100%)`));
    expect(at).toBeGreaterThan(0);
    // "Total", "100%" and "Weighted total of points" share the line above.
    expect(laidOut[at - 1]).toMatch(/Total\s+100%\s+Weighted total of points\s+77\.5/);
  });

  it('is not on a blank scorecard', async () => {
    const files = await renderPdf(ruleSet, { lang: 'both' });
    const blank = files.find((file) => file.path.startsWith('scorecard-'))!;
    const text = rawText(blank.data as Uint8Array);
    expect(text).toContain(LABELS.weightedTotal.en);
    expect(text).not.toContain(LABELS.weightCounted.en);
  });
});
