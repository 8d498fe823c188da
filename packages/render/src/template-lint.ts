/**
 * The safety rules every template must follow, built-in or an agency's own, checked before a
 * template is compiled: no triple-stash `{{{…}}}` or `{{&…}}` (which print framework text
 * unescaped), and no `{{…}}` where HTML escaping does not protect: inside a tag but outside a
 * quoted attribute value (`<td class={{x}}>` lets a value add attributes), or inside a
 * <script> or <style> element, in an event handler (`onclick="…"`) or a style attribute, or
 * at the start of a link (`href="{{x}}"` lets a value be a `javascript:` link). Inside any
 * attribute value, the helpers that print bilingual markup must be asked for plain text
 * (`title="{{label x plain=true}}"`), or their <span lang="en"> would end the value early.
 * The check reads the handlebars syntax tree and follows the HTML around each expression with
 * a small state machine; it does not build a DOM.
 */
import Handlebars from 'handlebars';
import { LABELS } from './lang.js';

/** What the environment offers, for the checks that need it. */
export interface LintOptions {
  /**
   * The names of the helpers the templates may call. When given, a call to any other name
   * with arguments (`{{frmat x}}`) is reported here, with its line, rather than when a page is
   * drawn; so is a `{{t "word"}}` whose word is not one of the form's.
   */
  helpers?: ReadonlySet<string>;
}

/** One broken rule, at a 1-based line and column of the template text. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

type HtmlState = 'text' | 'tag' | 'double' | 'single' | 'raw' | 'comment';

/** The helpers whose output is markup (a <span lang="en">) unless given plain=true. */
const MARKUP_HELPERS = new Set([
  'label',
  't',
  'band',
  'levelLabel',
  'frequency',
  'unit',
  'measurement',
  'date',
  'perspective',
]);

/** Attributes whose value is a link, where a value at the start could be `javascript:`. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href']);

/**
 * The problems of template `text`. Throws handlebars' own error when the text does not parse;
 * the caller reports that with the file name.
 */
export function lintTemplate(text: string, options: LintOptions = {}): TemplateProblem[] {
  const program = Handlebars.parseWithoutProcessing(text);
  const problems: TemplateProblem[] = [];
  const scanner = new HtmlScanner();
  const calls = (node: CallNode) => {
    if (options.helpers) problems.push(...checkCall(node, options.helpers));
  };

  const visit = (statements: readonly hbs.AST.Statement[]): void => {
    for (const statement of statements) {
      switch (statement.type) {
        case 'ContentStatement':
          scanner.feed((statement as hbs.AST.ContentStatement).value);
          break;
        case 'MustacheStatement': {
          const mustache = statement as hbs.AST.MustacheStatement;
          const at = { line: mustache.loc.start.line, column: mustache.loc.start.column + 1 };
          calls(mustache);
          if (!mustache.escaped) {
            problems.push({
              ...at,
              message:
                'prints a value without HTML escaping ({{{…}}} or {{&…}}); use {{…}} so that ' +
                'framework text can never become markup',
            });
          }
          const danger = scanner.danger() ?? markupInAttribute(mustache, scanner);
          if (danger) problems.push({ ...at, message: danger });
          scanner.valueStarted();
          break;
        }
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
          calls(block);
          const danger = scanner.danger();
          if (danger) {
            problems.push({
              line: block.loc.start.line,
              column: block.loc.start.column + 1,
              message: danger,
            });
          }
          if (block.program) visit(block.program.body);
          if (block.inverse) visit(block.inverse.body);
          break;
        }
        case 'PartialBlockStatement':
          visit((statement as hbs.AST.PartialBlockStatement).program.body);
          break;
        default:
          break;
      }
    }
  };
  visit(program.body);
  return problems;
}

type CallNode = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

/**
 * The calls in `node` and in the subexpressions of its arguments that name no helper, and
 * `t` words that are not words of the form.
 */
function checkCall(node: CallNode, helpers: ReadonlySet<string>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const at = { line: node.loc.start.line, column: node.loc.start.column + 1 };
  const path = node.path as hbs.AST.PathExpression;
  const takesArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  const name = path.type === 'PathExpression' && !path.data ? path.original : undefined;
  if (name !== undefined && takesArguments && !helpers.has(name)) {
    problems.push({
      ...at,
      message:
        `calls '${name}', which is not a helper; the helpers are ` +
        `${[...helpers].filter((helper) => !/Missing$|^log$/.test(helper)).join(', ')}`,
    });
  }
  const word = node.params[0];
  if (name === 't' && word?.type === 'StringLiteral') {
    const key = (word as hbs.AST.StringLiteral).value;
    if (!Object.hasOwn(LABELS, key)) {
      problems.push({
        ...at,
        message: `'${key}' is not a word of the form; the words are ${Object.keys(LABELS).join(', ')}`,
      });
    }
  }
  for (const argument of [...node.params, ...(node.hash?.pairs ?? []).map((pair) => pair.value)]) {
    if (argument.type === 'SubExpression') {
      problems.push(...checkCall(argument as hbs.AST.SubExpression, helpers));
    }
  }
  return problems;
}

/** Why `mustache` would break the attribute value it is in, if it would. */
function markupInAttribute(
  mustache: hbs.AST.MustacheStatement,
  scanner: HtmlScanner,
): string | undefined {
  const attribute = scanner.attribute();
  if (!attribute || mustache.path.type !== 'PathExpression') return undefined;
  const helper = (mustache.path as hbs.AST.PathExpression).original;
  if (!MARKUP_HELPERS.has(helper)) return undefined;
  const plain = mustache.hash?.pairs.some(
    (pair) =>
      pair.key === 'plain' &&
      pair.value.type === 'BooleanLiteral' &&
      (pair.value as hbs.AST.BooleanLiteral).value,
  );
  if (plain) return undefined;
  return (
    `prints '${helper}' inside the ${attribute.name} attribute without plain=true; ` +
    `in both languages it gives markup that would end the value early: write ` +
    `{{${helper} … plain=true}}`
  );
}

/** Follows just enough HTML to know whether the next character is inside a tag or a value. */
class HtmlScanner {
  private state: HtmlState = 'text';
  /** The tag being read, lower-cased, to notice <script> and <style>. */
  private tag = '';
  /** The closing tag that ends raw text, such as `</script`. */
  private rawEnd = '';
  private rawSeen = '';
  /** The attribute whose quoted value is being read, and whether anything is in it yet. */
  private attributeName = '';
  private valueHasContent = false;
  /** The last characters read in a comment, to notice `-->`. */
  private commentSeen = '';

  feed(content: string): void {
    for (const char of content) this.step(char);
  }

  /** The attribute whose quoted value the next character is in, if any. */
  attribute(): { name: string } | undefined {
    return this.state === 'double' || this.state === 'single'
      ? { name: this.attributeName }
      : undefined;
  }

  /** Notes that something was printed where the scanner is, so a value is no longer empty. */
  valueStarted(): void {
    this.valueHasContent = true;
  }

  /** Why a value printed here would be unsafe, or undefined when it is safe. */
  danger(): string | undefined {
    if (this.state === 'double' || this.state === 'single') {
      const name = this.attributeName;
      if (name.startsWith('on') || name === 'style') {
        return (
          `prints a value inside the ${name} attribute, which a browser runs as code or ` +
          `style; HTML escaping does not protect there`
        );
      }
      if (URL_ATTRIBUTES.has(name) && !this.valueHasContent) {
        return (
          `prints a value at the start of the ${name} link, where it could be a ` +
          `javascript: link; start the link with fixed text, such as ${name}="./{{…}}"`
        );
      }
    }
    if (this.state === 'tag') {
      return (
        'prints a value inside a tag but outside a quoted attribute value; write ' +
        'attr="{{…}}" so that a value can never add attributes'
      );
    }
    if (this.state === 'raw') {
      return `prints a value inside a <${this.rawEnd.slice(2)}> element, where HTML escaping does not protect`;
    }
    return undefined;
  }

  private step(char: string): void {
    switch (this.state) {
      case 'text':
        if (char === '<') {
          this.state = 'tag';
          this.tag = '';
        }
        break;
      case 'tag':
        if (char === '"' || char === "'") this.openValue(char === '"' ? 'double' : 'single');
        else if (char === '>') this.closeTag();
        else {
          this.tag += char.toLowerCase();
          if (this.tag === '!--') {
            this.state = 'comment';
            this.commentSeen = '';
          }
        }
        break;
      case 'double':
      case 'single':
        if (char === (this.state === 'double' ? '"' : "'")) this.state = 'tag';
        else this.valueHasContent = true;
        break;
      case 'comment':
        this.commentSeen = (this.commentSeen + char).slice(-3);
        if (this.commentSeen === '-->') this.state = 'text';
        break;
      case 'raw':
        this.rawSeen = (this.rawSeen + char.toLowerCase()).slice(-this.rawEnd.length);
        if (this.rawSeen === this.rawEnd) {
          this.state = 'tag';
          this.tag = this.rawEnd.slice(1);
          this.rawSeen = '';
        }
        break;
    }
  }

  private openValue(state: 'double' | 'single'): void {
    this.state = state;
    this.attributeName = /([^\s"'=<>/]+)\s*=\s*$/.exec(this.tag)?.[1] ?? '';
    this.valueHasContent = false;
  }

  private closeTag(): void {
    const name = /^([a-z]+)/.exec(this.tag)?.[1];
    if (name === 'script' || name === 'style') {
      this.state = 'raw';
      this.rawEnd = `</${name}`;
      this.rawSeen = '';
    } else {
      this.state = 'text';
    }
  }
}
