/**
 * A source file: YAML front matter between `---` lines, then the raw article text. Every
 * problem is an InputError naming the file and, where known, the line.
 */
import { createHash } from 'node:crypto';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { calendarDateIn } from '../dates/calendar.ts';
import { InputError } from '../errors.ts';
import type { SourceFile, SourceMeta } from '../model.ts';
import { findPublicationDateline } from './datelines.ts';
import { binaryReason, decodeUtf8, normaliseNewlines } from './decode.ts';

const KEYS = new Set([
  'id',
  'published',
  'timeZone',
  'title',
  'publisher',
  'authors',
  'url',
  'notes',
  'publishedEstimated',
]);

/** Split a source file into front matter and body; validate; throws InputError naming the file (and line). */
export function parseSourceFile(path: string, bytes: Uint8Array): SourceFile {
  if (bytes.length === 0) throw new InputError(path, 'the file is empty');
  const binary = binaryReason(bytes);
  if (binary) throw new InputError(path, binary);
  const decoded = decodeUtf8(bytes);
  if (decoded === undefined) throw new InputError(path, 'is not valid UTF-8 text');
  const text = normaliseNewlines(decoded);
  if (text.trim() === '') throw new InputError(path, 'the file is empty');

  const { yamlText, body, bodyLine } = splitFrontMatter(path, text);
  const warnings: string[] = [];
  const meta = readMeta(path, yamlText, body, warnings);
  if (body.trim() === '') throw new InputError(path, 'the article text after the front matter is empty', bodyLine);
  const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  return { path, meta, body, bodyLine, sha256, ...(warnings.length > 0 ? { warnings } : {}) };
}

function splitFrontMatter(path: string, text: string): { yamlText: string; body: string; bodyLine: number } {
  if (!/^---[ \t]*\n/.test(text)) {
    throw new InputError(path, 'missing front matter: the file must start with a `---` line', 1);
  }
  const open = text.indexOf('\n') + 1;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(open);
  const m = close.exec(rest);
  if (!m) throw new InputError(path, 'unterminated front matter: no closing `---` line', 1);
  const yamlText = rest.slice(0, m.index);
  const afterClose = open + m.index + m[0].length;
  const body = text.slice(text[afterClose] === '\n' ? afterClose + 1 : afterClose);
  const bodyLine = 2 + countNewlines(yamlText) + 1;
  return { yamlText, body, bodyLine };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function readMeta(path: string, yamlText: string, body: string, warnings: string[]): SourceMeta {
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, uniqueKeys: true });
  const fileLine = (offset: number | undefined) => (offset === undefined ? undefined : lc.linePos(offset).line + 1);
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    throw new InputError(
      path,
      `front matter is not valid YAML: ${yamlMessage(firstError.message)}`,
      line === undefined ? undefined : line + 1,
    );
  }
  const raw: Record<string, { value: unknown; line: number | undefined }> = {};
  if (doc.contents !== null) {
    if (!isMap(doc.contents)) throw new InputError(path, 'front matter must be a YAML mapping of keys to values', 2);
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const line = fileLine(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
      if (!KEYS.has(key)) throw new InputError(path, `unknown front matter key \`${key}\``, line);
      raw[key] = { value: isScalar(pair.value) ? pair.value.value : pair.value?.toJSON(), line };
    }
  }
  const str = (key: string): string | undefined => {
    const e = raw[key];
    if (e === undefined || e.value === null || e.value === undefined) return undefined;
    if (typeof e.value !== 'string' || e.value.trim() === '')
      throw new InputError(path, `\`${key}\` must be a non-empty string`, e.line);
    return e.value;
  };

  const id = str('id') ?? fileStem(path);
  // The id becomes /sources/<id>/ and the site's schema accepts only lower-case slugs: fail here, not at build.
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    throw new InputError(
      path,
      `the source id ${JSON.stringify(id)} must be lower-case letters and digits joined by single hyphens` +
        (raw.id === undefined ? ' (it comes from the file name: rename the file or set `id`)' : ''),
      raw.id?.line,
    );
  }
  const timeZone = str('timeZone') ?? 'UTC';
  if (!isTimeZone(timeZone))
    throw new InputError(path, `\`timeZone\` is not an IANA time zone: ${timeZone}`, raw.timeZone?.line);

  let published = str('published');
  if (published === undefined) {
    const found = findPublicationDateline(body);
    if (!found) throw new InputError(path, '`published` is missing and the text has no dateline to take it from', 2);
    published = found.date;
    checkPlausibleYear(path, published, 2);
    warnings.push(`\`published\` is missing: using the dateline "${found.text}" (${found.date})`);
  } else {
    try {
      if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(published))
        throw new RangeError('shape');
      calendarDateIn(published, timeZone);
      checkClock(published);
    } catch {
      throw new InputError(
        path,
        `\`published\` must be a real date YYYY-MM-DD or a date-time with offset (got ${published})`,
        raw.published?.line,
      );
    }
    checkPlausibleYear(path, published, raw.published?.line);
  }

  const authorsRaw = raw.authors?.value;
  let authors: string[] = [];
  if (authorsRaw !== undefined && authorsRaw !== null) {
    if (!Array.isArray(authorsRaw) || !authorsRaw.every((a) => typeof a === 'string' && a.trim() !== '')) {
      throw new InputError(path, '`authors` must be a list of names', raw.authors?.line);
    }
    authors = authorsRaw as string[];
  }
  const estimated = raw.publishedEstimated?.value;
  if (estimated !== undefined && estimated !== null && typeof estimated !== 'boolean') {
    throw new InputError(path, '`publishedEstimated` must be true or false', raw.publishedEstimated?.line);
  }

  const meta: SourceMeta = { id, published, timeZone, authors };
  const title = str('title');
  const publisher = str('publisher');
  const url = str('url');
  const notes = str('notes');
  if (url !== undefined && !isWebAddress(url)) {
    // It becomes a link on the site: only http(s), never javascript: or data:.
    throw new InputError(
      path,
      `\`url\` must be an http:// or https:// address (got ${JSON.stringify(url)})`,
      raw.url?.line,
    );
  }
  if (title !== undefined) meta.title = title;
  if (publisher !== undefined) meta.publisher = publisher;
  if (url !== undefined) meta.url = url;
  if (notes !== undefined) meta.notes = notes;
  if (typeof estimated === 'boolean') meta.publishedEstimated = estimated;
  return meta;
}

/** The YAML library's first line, without its own position (relative to the front matter, not the file). */
function yamlMessage(message: string): string {
  return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
}

/** Years a news source can plausibly be published in; outside them `published` is a typo (2205, 1025). */
export const PLAUSIBLE_YEARS = { from: 1900, to: 2100 } as const;

/** Reject a `published` year outside PLAUSIBLE_YEARS (no clock: the bounds are fixed, so output never depends on today). */
function checkPlausibleYear(path: string, published: string, line: number | undefined): void {
  const year = Number(published.slice(0, 4));
  if (year < PLAUSIBLE_YEARS.from || year > PLAUSIBLE_YEARS.to) {
    throw new InputError(
      path,
      `\`published\` year ${year} is implausible (expected ${PLAUSIBLE_YEARS.from}–${PLAUSIBLE_YEARS.to}): a typo?`,
      line,
    );
  }
}

/** An absolute http(s) URL. */
function isWebAddress(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** Hours and minutes in range (Date parsing would roll 25:00 over to the next day). */
function checkClock(published: string): void {
  const m = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(published);
  if (!m) return;
  if (Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) throw new RangeError('clock');
  const off = /([+-])(\d{2}):(\d{2})$/.exec(published);
  if (off && (Number(off[2]) > 14 || Number(off[3]) > 59)) throw new RangeError('offset');
}

function fileStem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.txt$/i, '');
}

/** Zones already checked: building an Intl.DateTimeFormat per source costs more than reading it. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}
