/**
 * The safety rules every template must follow, built-in or an agency's own, checked before a
 * template is compiled: no triple-stash `{{{…}}}` or `{{&…}}` (which print framework text
 * unescaped), and no `{{…}}` where HTML escaping does not protect: inside a tag but outside a
 * quoted attribute value (`<td class={{x}}>` lets a value add attributes), or inside a
 * <script> or <style> element. The check reads the handlebars syntax tree and follows the
 * HTML around each expression with a small state machine; it does not build a DOM.
 */
import Handlebars from 'handlebars';

/** One broken rule, at a 1-based line and column of the template text. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

type HtmlState = 'text' | 'tag' | 'double' | 'single' | 'raw';

/**
 * The problems of template `text`. Throws handlebars' own error when the text does not parse;
 * the caller reports that with the file name.
 */
export function lintTemplate(text: string): TemplateProblem[] {
  const program = Handlebars.parseWithoutProcessing(text);
  const problems: TemplateProblem[] = [];
  const scanner = new HtmlScanner();

  const visit = (statements: readonly hbs.AST.Statement[]): void => {
    for (const statement of statements) {
      switch (statement.type) {
        case 'ContentStatement':
          scanner.feed((statement as hbs.AST.ContentStatement).value);
          break;
        case 'MustacheStatement': {
          const mustache = statement as hbs.AST.MustacheStatement;
          const at = { line: mustache.loc.start.line, column: mustache.loc.start.column + 1 };
          if (!mustache.escaped) {
            problems.push({
              ...at,
              message:
                'prints a value without HTML escaping ({{{…}}} or {{&…}}); use {{…}} so that ' +
                'framework text can never become markup',
            });
          }
          const danger = scanner.danger();
          if (danger) problems.push({ ...at, message: danger });
          break;
        }
        case 'BlockStatement': {
          const block = statement as hbs.AST.BlockStatement;
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

/** Follows just enough HTML to know whether the next character is inside a tag or a value. */
class HtmlScanner {
  private state: HtmlState = 'text';
  /** The tag being read, lower-cased, to notice <script> and <style>. */
  private tag = '';
  /** The closing tag that ends raw text, such as `</script`. */
  private rawEnd = '';
  private rawSeen = '';

  feed(content: string): void {
    for (const char of content) this.step(char);
  }

  /** Why a value printed here would be unsafe, or undefined when it is safe. */
  danger(): string | undefined {
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
        if (char === '"') this.state = 'double';
        else if (char === "'") this.state = 'single';
        else if (char === '>') this.closeTag();
        else this.tag += char.toLowerCase();
        break;
      case 'double':
        if (char === '"') this.state = 'tag';
        break;
      case 'single':
        if (char === "'") this.state = 'tag';
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
