/** The source hash: machine-independent, order-independent, and exactly the documented recipe. */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { hashSources } from '../../src/emit/source-hash.js';

describe('hashSources', () => {
  const sources = [
    { uri: 'a.kpi', text: 'framework x "Khung" {}\n' },
    { uri: 'b.kpi', text: 'kpi y "Chỉ số" {}\n' },
  ];

  test('follows the recipe the schema documents: length, line feed, text, in path order', () => {
    const expected = createHash('sha256');
    for (const source of sources) {
      const bytes = Buffer.from(source.text, 'utf8');
      expected.update(`${bytes.length}\n`).update(bytes);
    }

    expect(hashSources(sources)).toBe(`sha256:${expected.digest('hex')}`);
  });

  test('does not depend on the folder the files lie in or the order they are given', () => {
    const elsewhere = sources.map((source) => ({ ...source, uri: `../other/place/${source.uri}` }));

    expect(hashSources([...elsewhere].reverse())).toBe(hashSources(sources));
  });

  test('ignores a byte-order mark but not a change of line endings', () => {
    const withBom = sources.map((source) => ({ ...source, text: `\uFEFF${source.text}` }));
    const withCrlf = sources.map((source) => ({
      ...source,
      text: source.text.replace(/\n/g, '\r\n'),
    }));

    expect(hashSources(withBom)).toBe(hashSources(sources));
    expect(hashSources(withCrlf)).not.toBe(hashSources(sources));
  });

  test('tells apart texts split differently between files', () => {
    const left = [
      { uri: 'a.kpi', text: 'ab' },
      { uri: 'b.kpi', text: 'c' },
    ];
    const right = [
      { uri: 'a.kpi', text: 'a' },
      { uri: 'b.kpi', text: 'bc' },
    ];

    expect(hashSources(left)).not.toBe(hashSources(right));
  });
});
