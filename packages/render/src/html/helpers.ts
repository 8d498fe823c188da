/**
 * The template helpers: bilingual text, the fixed words of the form, and the formatted values
 * of format.ts, so templates never word a number, band or date on their own. Each helper reads
 * the rule set and the language from the root of the data (`ruleSet`, `lang`), which every
 * page and the combined page carry.
 *
 * A helper returns either plain text, which handlebars escapes, or a SafeString built only
 * from escaped pieces: in `both` mode the English half goes in a <span lang="en">.
 */
import Handlebars from 'handlebars';
import type {
  Band,
  Bilingual,
  Indicator,
  Interval,
  Measurement,
  RuleSet,
  Unit,
} from '@kpilang/rule-set';
import { findIndicator } from '../documents.js';
import {
  ABSENT,
  formatDate,
  formatFrequency,
  formatInterval,
  formatMeasurement,
  formatNumber,
  formatPercent,
  formatPerspective,
  formatText,
  formatUnit,
  levelPoints,
  unitSuffix,
} from '../format.js';
import { LABELS, type Lang } from '../lang.js';

type Environment = typeof Handlebars;
type HelperOptions = Handlebars.HelperOptions;
type Text = string | Handlebars.SafeString;

/** What every helper needs from the root of the data. */
interface Root {
  ruleSet: RuleSet;
  lang: Lang;
}

/** How bilingual text is laid out: English on its own line, after a slash, or as plain text. */
interface Layout {
  inline: boolean;
  plain: boolean;
}

/** Registers every helper on `environment`. */
export function registerHelpers(environment: Environment): void {
  const helpers: Record<string, (...args: any[]) => unknown> = {
    label: (text: Bilingual | undefined, options: HelperOptions) =>
      text === undefined || text === null
        ? ABSENT
        : typeof text === 'object'
          ? bilingual(text.vi, text.en, options)
          : String(text),
    t: (key: string, options: HelperOptions) => {
      if (!Object.hasOwn(LABELS, key)) {
        throw new Error(
          `'${key}' is not a word of the form; the words are ${Object.keys(LABELS).join(', ')}.`,
        );
      }
      const word = LABELS[key as keyof typeof LABELS];
      return bilingual(word.vi, word.en, options);
    },
    number: (decimal: string, options: HelperOptions) =>
      decimal === undefined ? ABSENT : formatNumber(String(decimal), rootOf(options).lang),
    percent: (decimal: string, options: HelperOptions) =>
      decimal === undefined ? ABSENT : formatPercent(String(decimal), rootOf(options).lang),
    interval: (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      const [interval, indicator] = args as [Interval | undefined, unknown];
      const { ruleSet, lang } = rootOf(options);
      if (!interval) return ABSENT;
      return formatInterval(interval, suffixOf(indicator, ruleSet, lang), lang);
    },
    target: (...args: unknown[]) => helpers.interval!(...args),
    band: (band: Band | undefined, ...rest: unknown[]) => {
      const options = rest.pop() as HelperOptions;
      const { ruleSet, lang } = rootOf(options);
      if (!band) return ABSENT;
      // The level and its interval share one line, so the level's English follows a slash.
      const inline = { ...options, hash: { ...options.hash, inline: true } };
      const level = levelText(band.level, ruleSet, inline);
      const interval = formatInterval(band.interval, suffixOf(rest[0], ruleSet, lang), lang);
      return new Handlebars.SafeString(`${toHtml(level)}: ${escape(interval)}`);
    },
    levelLabel: (levelId: string, options: HelperOptions) =>
      levelText(levelId, rootOf(options).ruleSet, options),
    levelPoints: (levelId: string, options: HelperOptions) => {
      const { ruleSet, lang } = rootOf(options);
      return levelPoints(levelId, ruleSet, lang);
    },
    frequency: (period: Parameters<typeof formatFrequency>[0], options: HelperOptions) =>
      period
        ? bilingual(formatFrequency(period, 'vi'), formatFrequency(period, 'en'), options)
        : ABSENT,
    unit: (unit: Unit | undefined, options: HelperOptions) => {
      const { ruleSet } = rootOf(options);
      if (!unit) return ABSENT;
      return bilingual(formatUnit(unit, ruleSet, 'vi'), formatUnit(unit, ruleSet, 'en'), options);
    },
    measurement: (measurement: Measurement | undefined, options: HelperOptions) => {
      if (!measurement) return ABSENT;
      const text = bilingual(
        formatMeasurement(measurement, 'vi'),
        formatMeasurement(measurement, 'en'),
        options,
      );
      if (layoutOf(options).plain) return text;
      // Formulas name measures like tasks_on_time: let a narrow cell break after each '_'.
      return new Handlebars.SafeString(toHtml(text).replace(/_/g, '_<wbr>'));
    },
    date: (date: string | undefined, options: HelperOptions) =>
      date ? bilingual(formatDate(date, 'vi'), formatDate(date, 'en'), options) : ABSENT,
    // `{{text value}}`: the value as written, or ABSENT; `{{text}}` alone: ABSENT.
    text: (...args: unknown[]) => {
      const value = args.length > 1 ? args[0] : undefined;
      return formatText(value === undefined || value === null ? '' : String(value));
    },
    perspective: (word: string | undefined, options: HelperOptions) =>
      word
        ? bilingual(formatPerspective(word, 'vi'), formatPerspective(word, 'en'), options)
        : ABSENT,
    indicator: (id: string, options: HelperOptions) => findIndicator(rootOf(options).ruleSet, id),
    eq: (a: unknown, b: unknown) => a === b,
    inc: (value: unknown) => Number(value) + 1,
  };
  for (const [name, helper] of Object.entries(helpers)) environment.registerHelper(name, helper);
}

/**
 * `vi` and `en` as the document's language asks: one of them, or in `both` mode the
 * Vietnamese then the English in a <span lang="en"> (on its own line unless `inline=true`;
 * as "vi / en" text with `plain=true`, for a <title> or an attribute).
 */
function bilingual(vi: string, en: string, options: HelperOptions): Text {
  const { lang } = rootOf(options);
  const layout = layoutOf(options);
  if (lang === 'vi') return vi;
  if (lang === 'en' || vi === en) return lang === 'en' ? en : vi;
  if (layout.plain) return `${vi} / ${en}`;
  if (layout.inline) {
    return new Handlebars.SafeString(`${escape(vi)} / <span lang="en">${escape(en)}</span>`);
  }
  return new Handlebars.SafeString(`${escape(vi)}<span class="en" lang="en">${escape(en)}</span>`);
}

/** A level's label laid out like any bilingual text; its id when the rule set lacks it. */
function levelText(levelId: string, ruleSet: RuleSet, options: HelperOptions): Text {
  const level = ruleSet.levels.find((candidate) => candidate.id === levelId);
  return level ? bilingual(level.label.vi, level.label.en, options) : levelId;
}

/** Text as markup: a SafeString as it is (it was built from escaped pieces), text escaped. */
function toHtml(text: Text): string {
  return typeof text === 'string' ? escape(text) : text.toHTML();
}

/** The unit suffix of an indicator given by id or as the object itself. */
function suffixOf(indicator: unknown, ruleSet: RuleSet, lang: Lang): string {
  const found: Indicator | undefined =
    typeof indicator === 'string'
      ? findIndicator(ruleSet, indicator)
      : typeof indicator === 'object' && indicator !== null
        ? (indicator as Indicator)
        : undefined;
  return unitSuffix(found?.unit, ruleSet, lang);
}

function rootOf(options: HelperOptions): Root {
  return options.data.root as Root;
}

function layoutOf(options: HelperOptions): Layout {
  const hash = (options.hash ?? {}) as Record<string, unknown>;
  return { inline: hash.inline === true, plain: hash.plain === true };
}

function escape(text: string): string {
  return Handlebars.Utils.escapeExpression(text);
}
