/**
 * The template safety rules (failure mode B10: injection through labels): unescaped output
 * and values outside quoted attributes are refused, for built-in and custom templates alike.
 */
import { describe, expect, it } from 'vitest';
import { lintTemplate } from '@kpilang/render';

const messages = (text: string) =>
  lintTemplate(text).map((p) => `${p.line}:${p.column} ${p.message}`);

describe('lintTemplate', () => {
  it('accepts escaped values in text and in quoted attribute values', () => {
    expect(lintTemplate('<td class="{{kind}}" title=\'{{label.en}}\'>{{label.vi}}</td>')).toEqual(
      [],
    );
    expect(
      lintTemplate('{{#each items}}<li>{{this}}</li>{{else}}<p>{{none}}</p>{{/each}}'),
    ).toEqual([]);
    expect(lintTemplate('<style>{{> styles}}</style><p>{{x}}</p>')).toEqual([]);
  });

  it('refuses triple-stash and ampersand output, with the place', () => {
    expect(messages('<p>\n  {{{label.vi}}}</p>')).toEqual([
      expect.stringMatching(/^2:3 prints a value without HTML escaping/),
    ]);
    expect(messages('<p>{{& label.vi}}</p>')).toHaveLength(1);
  });

  it('refuses a value in an unquoted attribute or in the attribute list', () => {
    expect(messages('<a href={{url}}>x</a>')).toEqual([
      expect.stringMatching(/^1:9 prints a value inside a tag but outside a quoted attribute/),
    ]);
    expect(messages('<td {{attributes}}>x</td>')).toHaveLength(1);
    expect(messages('<td {{#if x}}hidden{{/if}}>x</td>')).toHaveLength(1);
    // After a quoted value closes, the tag continues: a following bare value is still unsafe.
    expect(messages('<td class="a" data-x={{x}}>x</td>')).toHaveLength(1);
  });

  it('refuses values inside script and style elements, and resumes after them', () => {
    expect(messages('<script>var x = "{{x}}";</script>')).toEqual([
      expect.stringMatching(/inside a <script> element/),
    ]);
    expect(messages('<STYLE>p { color: {{colour}} }</STYLE><p>{{ok}}</p>')).toHaveLength(1);
  });

  it('reads a comment as a comment, so an apostrophe in it hides nothing', () => {
    expect(messages("<!-- the agency's footer --><p title={{x}}>y</p>")).toEqual([
      expect.stringMatching(/^1:38 prints a value inside a tag but outside a quoted attribute/),
    ]);
    expect(messages('<!-- {{x}} --><p>{{y}}</p>')).toEqual([]);
  });

  it('refuses values in event handlers, style attributes and at the start of a link', () => {
    expect(messages('<p onclick="go({{x}})">y</p>')).toEqual([
      expect.stringMatching(/inside the onclick attribute/),
    ]);
    expect(messages('<p style="color: {{c}}">y</p>')).toEqual([
      expect.stringMatching(/inside the style attribute/),
    ]);
    expect(messages('<a href="{{url}}">y</a>')).toEqual([
      expect.stringMatching(/at the start of the href link/),
    ]);
    expect(messages('<img src=\'{{logo}}\' alt="">')).toHaveLength(1);
    expect(messages('<a href="./{{name}}.html">y</a>')).toEqual([]);
  });

  it('asks for plain=true from helpers that print bilingual markup inside an attribute', () => {
    expect(messages('<p title="{{label position.label}}">y</p>')).toEqual([
      expect.stringMatching(/prints 'label' inside the title attribute without plain=true/),
    ]);
    expect(messages('<p title="{{t "weight"}}">y</p>')).toHaveLength(1);
    expect(messages('<p title="{{label position.label plain=true}}">y</p>')).toEqual([]);
    expect(messages('<p>{{label position.label}}</p>')).toEqual([]);
  });

  it('lets handlebars report a template that does not parse', () => {
    expect(() => lintTemplate('<p>{{#each x}}</p>')).toThrow();
  });
});
