/**
 * The second layer of the ingest cache: each source's share of the events stage (`prepareDocument`: sentence
 * facts, tags, candidates) and the few counts the summary needs, so that an unchanged source costs one small
 * JSON parse instead of loading its dated document and preparing it again. A pack (pack.ts) in
 * `<cache>/prepared.pack/`, keyed by the dated document's key, the events code and the gazetteer's bytes.
 * Anything unreadable is a miss, never an error: the cache is only speed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatedDocument, PreparedDocument } from '../events/index.ts';
import type { Candidate, SentenceInfo } from '../events/types.ts';
import type { IsoDate, TimeExpression } from '../model.ts';
import { hashCode, tsFiles } from './cache.ts';
import { Pack } from './pack.ts';

/** Bump when the entry layout changes (the code hash covers changes to the events code and to this file). */
const PREPARED_FORMAT = 2;

/** What the summary and the date checks need of a source, so that its dated document need not be loaded. */
export interface SourceFacts {
  id: string;
  publishedDate: IsoDate;
  /** The reader's warnings (before the corpus-wide date-spread check adds its own). */
  warnings: string[];
  segments: number;
  sentences: number;
  expressions: number;
}

export interface PreparedEntry {
  facts: SourceFacts;
  prepared: PreparedDocument;
}

/** A candidate with its references to the document's own objects replaced by positions. */
type PackedCandidate = Omit<Candidate, 'info' | 'expression'> & {
  info: number;
  /** Position in the expressions of its sentence, or the expression itself if it is not one of them. */
  expression: number | TimeExpression;
};

/** The facts of a dated document. */
export function sourceFacts(d: DatedDocument): SourceFacts {
  return {
    id: d.doc.source.id,
    publishedDate: d.doc.publishedDate,
    warnings: [...d.doc.warnings],
    segments: d.doc.segments.length,
    sentences: d.doc.sentences.length,
    expressions: d.expressions.reduce((n, e) => n + e.length, 0),
  };
}

let memoVersion: string | undefined;

/** A hash of the events code and of this file: any edit there invalidates every prepared entry. */
export function preparedCodeVersion(): string {
  if (memoVersion !== undefined) return memoVersion;
  const events = fileURLToPath(new URL('../events', import.meta.url));
  memoVersion = hashCode(PREPARED_FORMAT, [...tsFiles(events), fileURLToPath(import.meta.url)]);
  return memoVersion;
}

/** A hash of every file in the gazetteer folder (its bytes decide the tags); a missing folder hashes as such. */
export function gazetteerVersion(dir: string): string {
  const h = createHash('sha256');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return h.update('no gazetteer').digest('hex');
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) h.update(`${name}\n`).update(readFileSync(path));
  }
  return h.digest('hex');
}

/** The key of a source's prepared entry: its dated key, the events code and the gazetteer. */
export function preparedKey(datedKey: string, codeVersion: string, gazetteer: string): string {
  return createHash('sha256').update(`${datedKey}\n${codeVersion}\n${gazetteer}`).digest('hex');
}

/** The prepared layer of the cache in `cacheDir`. */
export function preparedPack(cacheDir: string): Pack {
  return new Pack(join(cacheDir, 'prepared.pack'));
}

/** JSON text of an entry; undefined when the document cannot be packed faithfully (then it is not cached). */
export function packEntry(entry: PreparedEntry): string | undefined {
  const { prepared } = entry;
  const position = new Map(prepared.infos.map((s, i) => [s, i]));
  const candidates: PackedCandidate[] = [];
  for (const c of prepared.candidates) {
    const info = position.get(c.info);
    // Attachments point at other sentences: not known at this stage, and not restorable from positions.
    if (info === undefined || c.attached.length > 0) return undefined;
    const at = prepared.expressions[c.info.sentence]?.indexOf(c.expression) ?? -1;
    candidates.push({ ...c, info, expression: at >= 0 ? at : c.expression });
  }
  return JSON.stringify({ facts: entry.facts, prepared: { ...prepared, candidates } });
}

/** The entry from its JSON text; undefined for a damaged entry. */
export function unpackEntry(text: string): PreparedEntry | undefined {
  try {
    const raw = JSON.parse(text) as {
      facts?: SourceFacts;
      prepared?: Omit<PreparedDocument, 'candidates'> & { candidates: PackedCandidate[] };
    };
    const p = raw.prepared;
    const f = raw.facts;
    if (p === undefined || f === undefined || typeof f.id !== 'string') return undefined;
    if (!Array.isArray(p.infos) || !Array.isArray(p.expressions) || !Array.isArray(p.candidates)) return undefined;
    if (!Array.isArray(f.warnings) || typeof f.publishedDate !== 'string') return undefined;
    const infos: SentenceInfo[] = p.infos;
    const candidates = p.candidates.map((c): Candidate => {
      const info = infos[c.info];
      if (info === undefined) throw new Error('bad sentence position');
      const expression = typeof c.expression === 'number' ? p.expressions[info.sentence]?.[c.expression] : c.expression;
      if (expression === undefined) throw new Error('bad expression position');
      return { ...c, info, expression };
    });
    return { facts: f, prepared: { ...p, candidates } };
  } catch {
    return undefined; // truncated or hand-edited: prepare the document again
  }
}

/** The cached entry of each `[name, key]`; undefined for a miss or a damaged entry. */
export function readPreparedEntries(
  pack: Pack,
  wanted: ReadonlyArray<readonly [name: string, key: string]>,
): Array<PreparedEntry | undefined> {
  return pack.read(wanted).map((text) => (text === undefined ? undefined : unpackEntry(text)));
}

/**
 * Stage an entry for the pack's next `commit`, and return its text (undefined: not packable, not staged). Call before
 * the events stage updates the prepared document in place.
 */
export function putPreparedEntry(pack: Pack, name: string, key: string, entry: PreparedEntry): string | undefined {
  const text = packEntry(entry);
  if (text !== undefined) pack.put(name, key, text);
  return text;
}
