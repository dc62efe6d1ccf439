/**
 * The `sources` collection: each content/sources/*.txt read by the ingest's reader, flattened for pages.
 *
 * Reading every source again cost the build ~8 s at 10,000 sources. The loader now reads a source's document only
 * when it has to, in this order:
 * 1. Astro's own store (kept between builds in the cache dir): an entry whose digest — the source's name and bytes,
 *    the reader's code and this file's code — is unchanged is kept as it is, not even re-validated;
 * 2. the ingest's cache of dated documents (`npm run build` ingests first, so after an ingest every source is
 *    there, cold Astro cache or not), through `ingestCachedDocuments`;
 * 3. the reader itself (no ingest cache: `astro dev` on a fresh clone, or the cache was deleted).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import { cacheKey, codeVersion, datedPack, readCacheEntries } from '../ingest/cache.ts';
import { checkUniqueIds, sourceNames } from '../ingest/source-list.ts';
import type { Document } from '../model.ts';
import { parseSourceFile, readDocument } from '../read/index.ts';

/** Entry data for one source page. */
export function sourcePageData(doc: Document): Record<string, unknown> & { id: string } {
  const m = doc.source;
  const data: Record<string, unknown> & { id: string } = {
    id: m.id,
    authors: m.authors,
    published: m.published,
    publishedDate: doc.publishedDate,
    timeZone: m.timeZone,
    sha256: doc.sha256,
    segments: doc.segments.map((seg) => ({
      kind: seg.kind,
      ...(seg.outlet === undefined ? {} : { outlet: seg.outlet }),
      ...(seg.author === undefined ? {} : { author: seg.author }),
      referenceDate: seg.referenceDate,
      paragraphs: seg.paragraphs.map((pi) => ({
        index: pi,
        sentences: (doc.paragraphs[pi]?.sentences ?? []).map((si) => ({
          index: si,
          text: doc.sentences[si]?.text ?? '',
        })),
      })),
    })),
    removed: doc.removed.map((r) => ({ reason: r.reason, text: r.text })),
    warnings: doc.warnings,
  };
  for (const key of ['title', 'publisher', 'url', 'publishedEstimated'] as const) {
    if (m[key] !== undefined) data[key] = m[key];
  }
  if (doc.headline !== undefined) data['headline'] = doc.headline;
  return data;
}

/** One source file, with the key the ingest's cache knows it by. */
export interface SourceFile {
  name: string;
  path: string;
  bytes: Uint8Array;
  /** `cacheKey` of the ingest: name, bytes and the reader's (and dates') code. */
  key: string;
}

/**
 * The dated documents the ingest cached for these files (undefined where it has none). The only place the
 * site touches the ingest's cache: through its exported functions, never its file layout.
 */
export function ingestCachedDocuments(cacheDir: string, files: readonly SourceFile[]): Array<Document | undefined> {
  if (files.length === 0) return [];
  return readCacheEntries(
    datedPack(cacheDir),
    files.map((f) => [f.name, f.key] as const),
  ).map((dated) => dated?.doc);
}

/** An entry of Astro's store (its type is not exported by itself). */
type StoreEntry = ReturnType<DataStore['values']>[number];

let memoPageVersion: string | undefined;

/** A hash of this file: a change to `sourcePageData` must not keep pages built from stored entries. */
function pageVersion(): string {
  memoPageVersion ??= createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  return memoPageVersion;
}

export interface SourcesLoaderOptions {
  /** The sources folder (default `content/sources`, from the project root). */
  dir?: string;
  /** The ingest's cache folder (default `.cache/ingest`). */
  cacheDir?: string;
  /** Documents for the files neither Astro's store nor (by default) the ingest's cache hold. */
  read?: (file: SourceFile) => Document;
}

/** Loader of the `sources` collection (see the top of this file). */
export function sourcesLoader(options: SourcesLoaderOptions = {}): Loader {
  const dir = options.dir ?? 'content/sources';
  const cacheDir = options.cacheDir ?? '.cache/ingest';
  const read = options.read ?? ((f: SourceFile) => readDocument(parseSourceFile(f.path, f.bytes)));
  return {
    name: 'timeline-sources',
    load: async ({ store, parseData }: LoaderContext) => {
      const version = codeVersion();
      const files: SourceFile[] = sourceNames(dir).map((name) => {
        const path = join(dir, name);
        const bytes = readFileSync(path);
        return { name, path, bytes, key: cacheKey(name, bytes, version) };
      });
      const digestOf = (f: SourceFile) => `${pageVersion().slice(0, 16)}-${f.key}`;
      const stored = new Map(store.values().map((e) => [e.filePath, e]));
      const kept = files.map((f) => {
        const e = stored.get(relative('.', f.path));
        return e?.digest === digestOf(f) ? e : undefined;
      });
      const toRead = files.filter((_, i) => kept[i] === undefined);
      const cached = ingestCachedDocuments(cacheDir, toRead);
      const entries: StoreEntry[] = [];
      let next = 0;
      for (const [i, f] of files.entries()) {
        let entry = kept[i];
        if (entry === undefined) {
          const doc = cached[next++] ?? read(f);
          const filePath = relative('.', f.path);
          const data = await parseData({ id: doc.source.id, data: sourcePageData(doc), filePath });
          entry = { id: doc.source.id, data, digest: digestOf(f), filePath };
        }
        entries.push(entry);
      }
      checkUniqueIds(
        dir,
        files.map((f) => f.name),
        entries.map((e) => e.id),
      );
      // `getCollection` returns entries in store order: keep file order, as a fresh load has it, so that no page can
      // depend on the build's history. If it differs (a source added, removed or renamed), start over from these.
      const ids = store.keys();
      if (ids.length !== entries.length || entries.some((e, i) => e.id !== ids[i])) store.clear();
      // An entry whose digest is unchanged is not written again: an unchanged corpus leaves the store untouched.
      for (const e of entries) store.set(e);
    },
  };
}
