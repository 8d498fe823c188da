/**
 * Name resolution: a reference to a level, goal, indicator, group or position either finds
 * its declaration or gets KPI101 with the closest declared name as a "did you mean", put in
 * `data.suggestion` and offered as a fix that replaces the name. Callers may collect the
 * suggestions, so that a misspelt reference to an indicator does not also make the indicator
 * it meant look unused (KPI104).
 */
import type * as ast from '../syntax/ast.js';
import type { Reporter } from './report.js';
import { suggest } from './suggest.js';

/**
 * The entry of `table` that `name` refers to, or undefined (reporting KPI101) when there is
 * none. A missing name (parse recovery) yields undefined without a report.
 */
export function resolveName<T>(options: {
  reporter: Reporter;
  uri: string;
  name: ast.Name | undefined;
  table: ReadonlyMap<string, T>;
  what: string;
  /** Receives the suggestion of a "did you mean", if any: the name the writer probably meant. */
  suggested?: Set<string>;
}): T | undefined {
  const { reporter, uri, name, table, what } = options;
  if (!name) return undefined;
  const found = table.get(name.text);
  if (found !== undefined) return found;

  const suggestion = suggest(name.text, table.keys());
  if (suggestion) options.suggested?.add(suggestion);
  const fixes = suggestion
    ? [
        {
          title: `Replace '${name.text}' with '${suggestion}'`,
          edits: [{ uri, range: name.range, newText: suggestion }],
        },
      ]
    : [];
  reporter.report('KPI101', { uri, range: name.range }, [what, name.text, suggestion], {
    fixes,
    data: suggestion ? { suggestion } : {},
  });
  return undefined;
}
