/**
 * The browser PDF engine on the compiled CEMA example, with the Chromium-family browser the
 * test set-up installs: every document and all.pdf, their text as a reader copies it, fixed
 * metadata and identical bytes, hostile labels, an agency letterhead, and the errors.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  RenderError,
  documentMetadata,
  findBrowser,
  findIndicator,
  planDocuments,
  printPdf,
  scorecardPosition,
  type OutputFile,
} from '@kpilang/render';
import { pdfInfo, pdfText } from './fixtures/browser-pdf-tools.js';
import { HOSTILE, cemaRuleSet, hostileRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet: RuleSet = cemaRuleSet();
let printed: OutputFile[];

const file = (files: OutputFile[], path: string): Uint8Array => {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`${path} was not printed`);
  return found.data as Uint8Array;
};

beforeAll(async () => {
  if ((await findBrowser()) === undefined) {
    throw new Error('These tests need Chromium, Chrome or Edge: run node scripts/system-tools.mjs');
  }
  printed = await printPdf(ruleSet, { lang: 'both' });
}, 60_000);

describe('printPdf', () => {
  it('prints one PDF per planned document, then all.pdf', () => {
    const expected = [...planDocuments(ruleSet).map((document) => document.name), 'all'];
    expect(printed.map((output) => output.path)).toEqual(expected.map((name) => `${name}.pdf`));
    for (const output of printed) {
      expect(Buffer.from(output.data).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it("keeps every indicator label of each scorecard's position, diacritics intact", () => {
    for (const document of planDocuments(ruleSet)) {
      if (document.kind !== 'scorecard') continue;
      const text = pdfText(file(printed, `${document.name}.pdf`));
      for (const weighted of scorecardPosition(ruleSet, document)!.indicators) {
        const indicator = findIndicator(ruleSet, weighted.indicator)!;
        expect(text, document.name).toContain(indicator.label.vi.normalize('NFC'));
        expect(text, document.name).toContain(indicator.label.en);
      }
    }
  });

  it('keeps every indicator label in the overview and in all.pdf', () => {
    for (const name of ['overview.pdf', 'all.pdf']) {
      const text = pdfText(file(printed, name));
      for (const indicator of ruleSet.indicators) {
        expect(text, name).toContain(indicator.label.vi.normalize('NFC'));
        expect(text, name).toContain(indicator.label.en);
      }
    }
  });

  it('starts every document of all.pdf on a new page', () => {
    const pages = (data: Uint8Array) => Number(pdfInfo(data).Pages);
    const documents = printed.filter((output) => output.path !== 'all.pdf');
    const sum = documents.reduce((total, output) => total + pages(output.data as Uint8Array), 0);
    expect(documents.every((output) => pages(output.data as Uint8Array) >= 1)).toBe(true);
    expect(pages(file(printed, 'all.pdf'))).toBe(sum);
  });

  it('prints A4 pages dated with the framework and identified from its sources', () => {
    const pdf = file(printed, 'scorecard-head_of_personnel.pdf');
    const info = pdfInfo(pdf);
    const metadata = documentMetadata(ruleSet, 'scorecard-head_of_personnel', 'both', 'browser');
    expect(info['Page size']).toMatch(/^841\.\d+ x 59[45]\.\d+ pts \(A4\)$/);
    expect(info.CreationDate).toBe(metadata.creationDate.toISOString().replace('.000', ''));
    expect(info.ModDate).toBe(info.CreationDate);
    expect(Buffer.from(pdf).toString('latin1')).toContain(
      `/ID [<${metadata.id}> <${metadata.id}>]`,
    );
  });

  it('gives the same bytes on a second print', async () => {
    const again = await printPdf(ruleSet, { lang: 'both' });
    expect(again.map((output) => output.path)).toEqual(printed.map((output) => output.path));
    again.forEach((output, index) => {
      expect(
        Buffer.compare(Buffer.from(output.data), Buffer.from(printed[index]!.data)),
        output.path,
      ).toBe(0);
    });
  }, 60_000);

  it('prints hostile labels as text', async () => {
    const hostile = await printPdf(hostileRuleSet(), { lang: 'both' });
    const text = pdfText(file(hostile, 'scorecard-head_of_personnel.pdf'));
    for (const piece of Object.values(HOSTILE)) expect(text).toContain(piece);
  }, 60_000);

  it("prints an agency's letterhead on every document", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpic-browser-letterhead-'));
    writeFileSync(
      join(folder, 'letterhead.hbs'),
      '<header class="letterhead"><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></header>\n',
    );
    const custom = await printPdf(ruleSet, { lang: 'vi', templates: folder });
    for (const output of custom) {
      const text = pdfText(output.data as Uint8Array);
      expect(text, output.path).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text, output.path).toContain('Độc lập - Tự do - Hạnh phúc');
    }
    const scorecard = pdfText(file(custom, 'scorecard-head_of_personnel.pdf'));
    expect(scorecard).toContain('PHIẾU ĐÁNH GIÁ KPI');
    expect(scorecard).not.toContain(ruleSet.framework.agency!.vi.toUpperCase());
  }, 60_000);

  it('makes no request while printing, even for an image a template links to', async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('x');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const folder = mkdtempSync(join(tmpdir(), 'kpic-browser-offline-'));
      writeFileSync(
        join(folder, 'letterhead.hbs'),
        `<header class="letterhead"><img src="http://127.0.0.1:${port}/logo.png" alt="Logo">` +
          `<link rel="stylesheet" href="http://127.0.0.1:${port}/extra.css"><p>UBDT</p></header>\n`,
      );
      const printed = await printPdf(ruleSet, { lang: 'vi', templates: folder });
      expect(pdfText(file(printed, 'overview.pdf'))).toContain('UBDT');
      expect(requests).toEqual([]);
    } finally {
      server.close();
    }
  }, 60_000);

  it('says how to get a browser when the given one does not exist', async () => {
    const missing = join(tmpdir(), 'kpic-no-browser-here', 'chrome');
    const error = await printPdf(ruleSet, { lang: 'vi', browser: missing }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('browser-not-found');
    expect((error as RenderError).message).toContain('--browser <path>');
  });

  it('reports a browser that does not start in one line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpic-broken-browser-'));
    const broken = join(folder, 'chrome');
    writeFileSync(broken, '#!/bin/sh\necho "this is no browser" >&2\nexit 3\n');
    chmodSync(broken, 0o755);
    const error = await printPdf(ruleSet, { lang: 'vi', browser: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('browser-failed');
    expect((error as RenderError).message).toBe(
      `The browser ${broken} did not start (exit code 3): this is no browser`,
    );
    expect((error as RenderError).message).not.toContain('\n');
  }, 60_000);

  it('reports a broken template before looking for a browser', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpic-browser-template-'));
    writeFileSync(join(folder, 'no-such-part.hbs'), '<p>x</p>\n');
    const error = await printPdf(ruleSet, {
      lang: 'vi',
      templates: folder,
      browser: join(folder, 'missing-browser'),
    }).catch((e: unknown) => e);
    expect((error as RenderError).code).toBe('template');
  });
});
