/**
 * The document plan, the context changes and the fixed metadata: what every engine renders,
 * under which names, and the values that keep their bytes the same from build to build.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet, type RuleSet } from '@kpilang/rule-set';
import {
  contextChanges,
  documentMetadata,
  planDocuments,
  scorecardPosition,
} from '@kpilang/render';

const golden = new URL('../../../test/golden/cema.rules.json', import.meta.url);
const ruleSet: RuleSet = parseRuleSet(JSON.parse(readFileSync(golden, 'utf8')));

describe('planDocuments', () => {
  const documents = planDocuments(ruleSet);

  it('makes a scorecard for every position, in the base framework and in each context', () => {
    const scorecards = documents.filter((document) => document.kind === 'scorecard');
    const expected =
      ruleSet.positions.length +
      ruleSet.contexts.reduce((sum, context) => sum + context.positions.length, 0);
    expect(scorecards).toHaveLength(expected);
    for (const scorecard of scorecards) {
      expect(scorecardPosition(ruleSet, scorecard)?.id).toBe(scorecard.position);
    }
  });

  it('gives every document a distinct, file-safe name', () => {
    const names = documents.map((document) => document.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(names.slice(0, 2)).toEqual(['overview', 'catalogue']);
  });

  it('finds the position as it stands in the context, not in the base', () => {
    const context = ruleSet.contexts[0]!;
    const position = context.positions[0]!;
    expect(scorecardPosition(ruleSet, { position: position.id, context: context.id })).toBe(
      position,
    );
  });
});

describe('contextChanges', () => {
  it('lists exactly the weighted indicators whose weight, target or bands differ', () => {
    for (const context of ruleSet.contexts) {
      const changes = contextChanges(ruleSet, context.id);
      let differing = 0;
      for (const position of context.positions) {
        const base = ruleSet.positions.find((p) => p.id === position.id)!;
        for (const here of position.indicators) {
          const there = base.indicators.find((w) => w.indicator === here.indicator);
          if (JSON.stringify(here) !== JSON.stringify(there)) differing += 1;
        }
      }
      expect(changes).toHaveLength(differing);
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) {
        expect(change.weightChanged || change.targetChanged || change.bandsChanged).toBe(true);
      }
    }
  });

  it('reports an indicator a context drops, and nothing for an unknown context', () => {
    const position = ruleSet.positions[0]!;
    const dropped = position.indicators[0]!;
    const edited: RuleSet = {
      ...ruleSet,
      contexts: [
        {
          id: 'edited',
          label: { vi: 'x', en: 'x' },
          positions: [{ ...position, indicators: position.indicators.slice(1) }],
        },
      ],
    };
    const changes = contextChanges(edited, 'edited');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.indicator).toBe(dropped.indicator);
    expect(changes[0]!.base).toBe(dropped);
    expect(changes[0]!.context).toBeUndefined();
    expect(contextChanges(ruleSet, 'nowhere')).toEqual([]);
  });
});

describe('documentMetadata', () => {
  it('dates documents by the framework and derives ids from the sources and the name', () => {
    const a = documentMetadata(ruleSet, 'overview', 'both', 'default');
    expect(a.creationDate.toISOString()).toBe(`${ruleSet.framework.effective}T00:00:00.000Z`);
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(documentMetadata(ruleSet, 'overview', 'both', 'default')).toEqual(a);
    expect(documentMetadata(ruleSet, 'catalogue', 'both', 'default').id).not.toBe(a.id);
    const other = { ...ruleSet, sourceHash: `sha256:${'0'.repeat(64)}` };
    expect(documentMetadata(other, 'overview', 'both', 'default').id).not.toBe(a.id);
  });

  it('gives every language and engine of a document its own id', () => {
    const ids = new Set<string>();
    for (const lang of ['vi', 'en', 'both'] as const) {
      for (const engine of ['default', 'browser'] as const) {
        ids.add(documentMetadata(ruleSet, 'catalogue', lang, engine).id);
      }
    }
    expect(ids.size).toBe(6);
  });

  it('falls back to a fixed date when the framework states none', () => {
    const { effective: _effective, ...framework } = ruleSet.framework;
    const undated = { ...ruleSet, framework };
    expect(documentMetadata(undated, 'all', 'vi', 'browser').creationDate.toISOString()).toBe(
      '2000-01-01T00:00:00.000Z',
    );
  });
});
