/**
 * The rules that act on people rather than on one indicator: conditions (`when <fact> ...
 * rate <line>`), which decide a rating whatever the total, and quotas, which limit how many
 * people a rating line may hold. Names resolve as everywhere else (KPI101, KPI102 for a word
 * after `within`); a fact id that is also a measure cannot be told apart in the data
 * (KPI807); a quota that cannot work as written is KPI805, and a share that looks like a
 * fraction of 1 is KPI808.
 */
import type * as ast from '../syntax/ast.js';
import { compare, HUNDRED, mul, ONE, toText, ZERO, type Decimal } from '../util/decimal.js';
import { toBilingual } from './convert.js';
import type { Condition, Interval, Quota, RankKey, RatingLine } from './model.js';
import { related } from './report.js';
import { resolveName } from './resolve.js';
import type { CheckState } from './state.js';
import type { Declared } from './symbols.js';
import { QUOTA_SETS, readWord } from './words.js';

/** The conditions whose group and rating line resolve, in source order. */
export function buildConditions(state: CheckState): Condition[] {
  const conditions: Condition[] = [];
  for (const declared of state.symbols.facts.values()) {
    const place = { uri: declared.uri, range: declared.decl.id?.range ?? declared.decl.range };
    state.reporter.guard('condition', place, () => {
      const condition = buildCondition(state, declared);
      if (condition) conditions.push(condition);
    });
  }
  return conditions;
}

function buildCondition(state: CheckState, { decl, uri }: Declared<ast.WhenDecl>) {
  const { reporter } = state;
  if (!decl.id) return undefined;
  const rating = resolveName({
    reporter,
    uri,
    name: decl.rating,
    table: state.symbols.ratingLines,
    what: 'rating line',
  });
  const group = resolveName({
    reporter,
    uri,
    name: decl.group,
    table: state.symbols.groups,
    what: 'group',
  });
  reportFactNamedLikeMeasure(state, decl.id, uri);
  if (!rating || !decl.rating || (decl.group && !group)) return undefined;

  const condition: Condition = {
    id: decl.id.text,
    label: toBilingual(decl.label, decl.id.text),
    rating: decl.rating.text,
    node: decl,
    uri,
  };
  if (decl.group) condition.group = decl.group.text;
  return condition;
}

/** KPI807: the fact's id is a measure some formula or survey also reads. */
function reportFactNamedLikeMeasure(state: CheckState, id: ast.Name, uri: string): void {
  const user = state.model.indicators.find((indicator) =>
    indicator.measurement?.measures.includes(id.text),
  );
  if (!user) return;
  const measured = { uri: user.uri ?? '', range: user.node.measurement?.range ?? user.node.range };
  state.reporter.report('KPI807', { uri, range: id.range }, [id.text, user.id], {
    related: [related(measured, `'${user.id}' measures '${id.text}' here.`)],
  });
}

/** The quotas that resolve and can work, in source order. */
export function buildQuotas(state: CheckState): Quota[] {
  const quotas: Quota[] = [];
  for (const declared of state.symbols.quotas.values()) {
    const place = { uri: declared.uri, range: declared.decl.id?.range ?? declared.decl.range };
    state.reporter.guard('quota', place, () => {
      const quota = buildQuota(state, declared);
      if (quota) quotas.push(quota);
    });
  }
  return quotas;
}

function buildQuota(state: CheckState, { decl, uri }: Declared<ast.QuotaDecl>): Quota | undefined {
  const { reporter } = state;
  if (!decl.id) return undefined;
  const id = decl.id.text;
  const unfit = (node: { range: ast.Name['range'] }, problem: string) =>
    reporter.report('KPI805', { uri, range: node.range }, [id, problem]);

  const limit = decl.limit;
  const line = (name: ast.Name | undefined) =>
    resolveName({ reporter, uri, name, table: state.symbols.ratingLines, what: 'rating line' });
  const limited = line(limit?.limited);
  const base = line(limit?.base);
  const within = (decl.within?.items ?? []).map((word) =>
    readWord(reporter, uri, word, QUOTA_SETS),
  );
  const rankBy = (decl.rankBy?.items ?? []).map((key) => rankKey(state, uri, key, id));

  const missing = [
    limit ? undefined : "which rating it limits ('outstanding at most 20% of completed_well')",
    decl.within ? undefined : "where the limit holds ('within unit, group')",
    decl.rankBy ? undefined : "who keeps the rating when not everyone can ('rank by total')",
  ].filter((text) => text !== undefined);
  if (missing.length > 0) {
    unfit(decl.id, `it does not say ${missing.join(', nor ')}`);
    return undefined;
  }

  const share = limit?.share;
  let fits = true;
  if (share && !shareFits(share)) {
    const problem =
      `a share of ${share.text} is not a percentage above 0% and at most 100%; ` +
      "write it as in '20%'";
    unfit(share, problem);
    fits = false;
  } else if (share) {
    reportShareAsFraction(state, uri, id, share);
  }
  const demoteTo = limited && limit?.limited ? lineBelow(state, limit.limited.text) : undefined;
  if (limit?.limited && limit.base && limited && base) {
    if (limit.limited.text === limit.base.text) {
      unfit(limit, `'${limit.limited.text}' is limited as a share of itself`);
      fits = false;
    } else if (!demoteTo) {
      const problem =
        `'${limit.limited.text}' is the lowest rating line, so there is no line below it ` +
        'for the people over the limit';
      unfit(limit.limited, problem);
      fits = false;
    }
  }

  const words = within.filter((word) => word !== undefined);
  const keys = rankBy.filter((key) => key !== undefined);
  const resolved = limited && base && share && demoteTo && words.length === within.length;
  if (!fits || !resolved || keys.length !== rankBy.length || !limit?.limited || !limit.base) {
    return undefined;
  }
  return {
    id,
    label: toBilingual(decl.label, id),
    limited: limit.limited.text,
    share: share.value,
    of: limit.base.text,
    demoteTo,
    within: words,
    rankBy: keys,
    node: decl,
    uri,
  };
}

/**
 * KPI808: a share written without `%` and at most 1, such as `0.2`, reads as 0.2%, though
 * 20% was likely meant; the fix writes it as the percentage.
 */
function reportShareAsFraction(
  state: CheckState,
  uri: string,
  quota: string,
  share: ast.NumberLit,
): void {
  if (share.suffix !== undefined || compare(share.value, ONE) > 0) return;
  const asPercent = `${toText(mul(share.value, HUNDRED))}%`;
  state.reporter.report('KPI808', { uri, range: share.range }, [quota, share.text, asPercent], {
    fixes: [
      {
        title: `Write the share as ${asPercent}`,
        edits: [{ uri, range: share.range, newText: asPercent }],
      },
    ],
  });
}

function shareFits(share: ast.NumberLit): boolean {
  if (share.suffix !== undefined && share.suffix !== '%') return false;
  return compare(share.value, ZERO) > 0 && compare(share.value, HUNDRED) <= 0;
}

/**
 * A rank key: `total`, else a part, else an indicator (KPI101 naming both when it is
 * neither, with the closest of all three kinds as the "did you mean"; KPI805 for an
 * indicator that does not say which values are better).
 */
function rankKey(
  state: CheckState,
  uri: string,
  key: ast.Name,
  quota: string,
): RankKey | undefined {
  if (key.text === 'total') return { kind: 'total' };
  if (state.symbols.parts.has(key.text)) return { kind: 'part', id: key.text };
  const indicator = state.indicators.get(key.text);
  if (indicator) {
    // Better values rank first, so an indicator that does not say which are better cannot
    // order people; a misspelt direction is KPI102's to report.
    if (!indicator.node.better) {
      const problem =
        `'${key.text}' does not say whether higher or lower values are better, so it cannot ` +
        "put people in order; add 'better higher' or 'better lower' to it";
      state.reporter.report('KPI805', { uri, range: key.range }, [quota, problem]);
      return undefined;
    }
    return { kind: 'indicator', id: key.text };
  }
  const known = ['total', ...state.symbols.parts.keys(), ...state.indicators.keys()];
  resolveName({
    reporter: state.reporter,
    uri,
    name: key,
    table: new Map(known.map((name) => [name, name])),
    what: 'rank key (the total, a part or an indicator)',
  });
  return undefined;
}

/**
 * The rating line directly below `id`, ordering the lines by the totals they hold (the
 * lowest end first, then the highest); undefined when `id` is the lowest.
 */
function lineBelow(state: CheckState, id: string): string | undefined {
  const lines = [...state.model.rating].sort((a, b) => compareLines(b.interval, a.interval));
  const index = lines.findIndex((line: RatingLine) => line.id === id);
  return index < 0 ? undefined : lines[index + 1]?.id;
}

/** Orders two lines by where they start, then where they end; an open end is the furthest. */
function compareLines(a: Interval, b: Interval): number {
  return endCompare(a.low, b.low, -1) || endCompare(a.high, b.high, 1);
}

function endCompare(a: Decimal | undefined, b: Decimal | undefined, open: -1 | 1): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return open;
  if (b === undefined) return -open;
  return compare(a, b);
}
