/** checkSources, the checking half of the pipeline: it never throws, however many problems. */
import { describe, expect, test } from 'vitest';
import { checkSources } from '../src/check-sources.js';

describe('checkSources', () => {
  test('returns hundreds of thousands of diagnostics without overflowing the stack', () => {
    const text = '# '.repeat(300_000);
    const checked = checkSources([{ uri: 'noise.kpi', text }]);

    const unexpected = checked.diagnostics.filter((diagnostic) => diagnostic.code === 'KPI002');
    expect(unexpected).toHaveLength(300_000);
    expect(unexpected[299_999]?.range.start).toEqual({ line: 0, character: 599_998 });
  });
});
