import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/lib/errors.ts';
import { parseSourceFile } from '../../src/lib/read/source-file.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const PATH = 'content/sources/x-2025.txt';

function errorOf(bytes: Uint8Array): InputError {
  try {
    parseSourceFile(PATH, bytes);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('parseSourceFile', () => {
  it('reads front matter with defaults', () => {
    const f = parseSourceFile(PATH, enc("---\npublished: '2025-11-30'\n---\nBody text.\n"));
    expect(f.meta).toEqual({ id: 'x-2025', published: '2025-11-30', timeZone: 'UTC', authors: [] });
    expect(f.body).toBe('Body text.\n');
    expect(f.bodyLine).toBe(4);
    expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(f.warnings).toBeUndefined();
  });
  it('keeps every optional field', () => {
    const f = parseSourceFile(
      PATH,
      enc(
        "---\nid: my-id\ntitle: T\npublisher: P\nauthors:\n- A B\nurl: https://x.test/a\nnotes: n\npublished: '2025-11-30T18:19:00-05:00'\npublishedEstimated: true\ntimeZone: America/New_York\n---\nText.\n",
      ),
    );
    expect(f.meta).toEqual({
      id: 'my-id',
      title: 'T',
      publisher: 'P',
      authors: ['A B'],
      url: 'https://x.test/a',
      notes: 'n',
      published: '2025-11-30T18:19:00-05:00',
      publishedEstimated: true,
      timeZone: 'America/New_York',
    });
  });
  it('strips a BOM and normalises CRLF and CR', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...enc("---\r\npublished: '2025-11-30'\r\n---\r\nOne.\r\nTwo.\rThree."),
    ]);
    expect(parseSourceFile(PATH, bytes).body).toBe('One.\nTwo.\nThree.');
  });
  it('fails with one clear line per bad input', () => {
    const cases: Array<[Uint8Array, RegExp, number | undefined]> = [
      [new Uint8Array(), /empty/, undefined],
      [enc('   \n\n'), /empty/, undefined],
      [new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), /not valid UTF-8/, undefined],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary/, undefined],
      [new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01))), /binary/, undefined],
      [enc('Just text, no front matter.\n'), /missing front matter/, 1],
      [enc("---\npublished: '2025-11-30'\nText.\n"), /unterminated front matter/, 1],
      [enc("---\npublished: '2025-11-30'\ntitle: [oops\n---\nText.\n"), /not valid YAML/, undefined],
      [enc("---\npublished: '2025-11-30'\ncolour: red\n---\nText.\n"), /unknown front matter key `colour`/, 3],
      [enc("---\ntitle: A\npublished: '2025-02-30'\n---\nText.\n"), /published.*2025-02-30/, 3],
      [enc("---\npublished: '2025-11-30T25:00:00Z'\n---\nText.\n"), /published/, 2],
      [enc("---\npublished: '2025-11-30'\ntimeZone: Mars/Olympus\n---\nText.\n"), /IANA/, 3],
      [enc("---\npublished: '2025-11-30'\nauthors: Jane\n---\nText.\n"), /authors/, 3],
      [enc('---\ntitle: No date\n---\nThe talks went on for hours.\n'), /published.*missing.*no dateline/, 2],
      [enc("---\npublished: '2025-11-30'\n---\n   \n\n"), /empty/, 4],
    ];
    for (const [bytes, message, line] of cases) {
      const e = errorOf(bytes);
      expect(e.message, String(message)).toMatch(message);
      expect(e.file).toBe(PATH);
      if (line !== undefined) expect(e.line, String(message)).toBe(line);
      expect(e.toLine()).not.toContain('\n');
    }
  });
  it('reports the YAML error line', () => {
    const e = errorOf(enc("---\npublished: '2025-11-30'\ntitle: \"unclosed\n---\nText.\n"));
    expect(e.line).toBeGreaterThanOrEqual(3);
  });
  it('takes a missing published from a dateline, with a warning', () => {
    const f = parseSourceFile(PATH, enc('---\ntitle: T\n---\nUpdated Nov. 30, 2025 6:19 pm ET\nThe talks went on.\n'));
    expect(f.meta.published).toBe('2025-11-30');
    expect(f.warnings?.[0]).toMatch(/published.*missing/);
  });
});
