/** Shared checks every Document must pass: verbatim offsets, order, and nothing lost or counted twice. */
import { expect } from 'vitest';
import type { Document } from '../../src/lib/model.ts';

/** Assert the structural invariants of a read document. */
export function expectWellFormed(doc: Document): void {
  const { body } = doc;
  let lastEnd = -1;
  doc.sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.text).toBe(body.slice(s.start, s.end));
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(lastEnd);
    lastEnd = s.end;
    expect(doc.paragraphs[s.paragraph]?.sentences).toContain(i);
  });
  let lastPara = -1;
  doc.paragraphs.forEach((p, i) => {
    expect(p.index).toBe(i);
    expect(p.start).toBeGreaterThanOrEqual(lastPara);
    lastPara = p.end;
    expect(p.sentences.length).toBeGreaterThan(0);
    expect(doc.segments[p.segment]?.paragraphs).toContain(i);
  });
  doc.segments.forEach((seg, i) => {
    expect(seg.index).toBe(i);
    expect(seg.referenceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  for (const r of doc.removed) expect(r.text).toBe(body.slice(r.start, r.end));
  expectCovered(doc);
}

/** Every non-whitespace character of the body lies in exactly one sentence or removed span. */
export function expectCovered(doc: Document): void {
  const count = new Uint8Array(doc.body.length);
  for (const span of [...doc.sentences, ...doc.removed])
    for (let i = span.start; i < span.end; i++) count[i] = (count[i] ?? 0) + 1;
  const problems: string[] = [];
  for (let i = 0; i < doc.body.length && problems.length < 5; i++) {
    const ch = doc.body[i] ?? '';
    const c = count[i] ?? 0;
    if (c > 1) problems.push(`counted twice at ${i}: ${JSON.stringify(doc.body.slice(i, i + 30))}`);
    else if (c === 0 && /\S/.test(ch)) problems.push(`lost at ${i}: ${JSON.stringify(doc.body.slice(i, i + 30))}`);
  }
  expect(problems).toEqual([]);
}

/** All sentence texts of a document. */
export function texts(doc: Document): string[] {
  return doc.sentences.map((s) => s.text);
}
