/**
 * fixPdfMetadata on a small PDF laid out the way Chromium's writer lays one out: the print
 * time and the DOM node names are rewritten in place, streams are left alone, every object
 * keeps its offset and the trailer gets the document id.
 */
import { describe, expect, it } from 'vitest';
import { fixPdfMetadata } from '../src/browser/fixed-pdf-metadata.js';

const STREAM = '(node00000001) /CreationDate (D:20200101000000Z) stream\n';

/** A PDF of `objects` (numbered from 1) with a correct cross-reference table. */
function pdf(objects: string[]): string {
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  return `${text}trailer\n<</Size ${objects.length + 1}\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
}

const printed = pdf([
  "<</Creator (Chromium)\n/CreationDate (D:20261204112304-07'00')\n/ModDate (D:20261204112304-07'00')>>",
  '<</Type /StructElem\n/S /TH\n/ID (node00000042)>>',
  '<</Type /StructElem\n/S /TD\n/A [<</O /Table\n/Headers [(node00000042) (node00000007)]>>]>>',
  '<</Type /StructElem\n/S /TH\n/ID (node00000007)>>',
  `<</Length ${STREAM.length}>> stream\n${STREAM}endstream`,
  '<</Limits [(node00000007) (node00000042)]\n/Names [(node00000007) 4 0 R (node00000042) 2 0 R]>>',
]);

const metadata = {
  creationDate: new Date('2024-07-01T00:00:00Z'),
  id: '0123456789abcdef0123456789abcdef',
};

/** Whether every in-use entry of the cross-reference table points at its object. */
function xrefHolds(text: string): boolean {
  const start = Number(/startxref\n(\d+)/.exec(text)![1]);
  const entries = text.slice(start).split('\n').slice(3);
  return entries
    .filter((line) => / n $/.test(line))
    .every((line, index) => text.startsWith(`${index + 1} 0 obj`, Number(line.slice(0, 10))));
}

describe('fixPdfMetadata', () => {
  const fixed = Buffer.from(fixPdfMetadata(Buffer.from(printed, 'latin1'), metadata)).toString(
    'latin1',
  );

  it('writes the fixed date in place of the print time, keeping the zone length', () => {
    expect(fixed).toContain("/CreationDate (D:20240701000000+00'00')");
    expect(fixed).toContain("/ModDate (D:20240701000000+00'00')");
    expect(fixed).not.toContain('2026');
  });

  it('numbers node names in order of first use and keeps the name tree sorted', () => {
    expect(fixed).toContain('/ID (node00000001)>>\nendobj\n3 0 obj');
    expect(fixed).toContain('/Headers [(node00000001) (node00000002)]');
    expect(fixed).toContain('/S /TH\n/ID (node00000002)');
    expect(fixed).toContain(
      '<</Limits [(node00000001) (node00000002)]\n/Names [(node00000001) 2 0 R (node00000002) 4 0 R]>>',
    );
  });

  it('leaves stream data alone', () => {
    expect(fixed).toContain(`stream\n${STREAM}endstream`);
  });

  it('keeps every object at its offset and adds the id to the trailer', () => {
    expect(xrefHolds(printed)).toBe(true);
    expect(xrefHolds(fixed)).toBe(true);
    const before = printed.slice(0, printed.indexOf('trailer'));
    expect(fixed.slice(0, before.length).length).toBe(before.length);
    expect(fixed).toContain(`/Info 1 0 R\n/ID [<${metadata.id}> <${metadata.id}>]>>\nstartxref`);
  });

  it('gives the same bytes for two prints that differ only in time and node numbers', () => {
    const other = printed
      .replaceAll('20261204112304', '20251231235959')
      .replaceAll('node00000042', 'node00000077')
      .replaceAll('node00000007', 'node00000003');
    const again = Buffer.from(fixPdfMetadata(Buffer.from(other, 'latin1'), metadata)).toString(
      'latin1',
    );
    expect(again).toBe(fixed);
  });
});
