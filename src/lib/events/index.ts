/**
 * Ingest stage 3: dated sentences → merged, cited, titled, tagged events with stable ids.
 * Each step lives in its own module; this file wires them together and keeps the report.
 */
import { compareIso } from '../dates/calendar.ts';
import type { Citation, Curation, Gazetteer, IsoDate, SourceMeta, TimeExpression, TimelineEvent } from '../model.ts';
import { attachAntecedents, attachBySameActors, attachUndated, clauseBag, resolveMentions } from './anchor.ts';
import { extractCandidates, sentenceInfos } from './candidates.ts';
import { applyCuration, beforeCuration, curatedIds } from './curation.ts';
import { assignIds, datePrefix, keyWordSlug } from './ids.ts';
import type { IdMemo } from './ids.ts';
import type { PreviousEvent } from './ids.ts';
import { mergeCandidates, PRECISION_RANK } from './merge.ts';
import type { Cluster, MergeInput } from './merge.ts';
import { corpusWeights, keyOf, sentenceBag, sides, weighBag } from './similarity.ts';
import type { Weights } from './similarity.ts';
import { actorsOf, subjectCountry } from './subjects.ts';
import { keyTerms } from './text.ts';
import { eventStatus } from './status.ts';
import { recalls } from './recollection.ts';
import { displayName, summarise } from './summary.ts';
import { attachedTitle, cleanClause, candidateTitle, reportedTitle, titleScore, withoutDates } from './title.ts';
import { findMentions, tagText } from './tagger.ts';
import type { Tags } from './tagger.ts';
import type { Candidate, DatedDocument, EventsReport, LeftOut, SentenceInfo } from './types.ts';
import { joinVolumes, partitionVolumes, VOLUME } from './volumes.ts';
import type { JoinedFrom, JoinMemo } from './volumes.ts';
import type { Draft, DraftCite, JoinFacts, PlacedDraft, VolumeResult } from './volumes.ts';

export { loadCuration } from './curation.ts';
export { loadGazetteer } from './gazetteer.ts';
export { tagText } from './tagger.ts';
export type { DatedDocument, EventsReport, LeftOut } from './types.ts';
export type { IdMemo, PreviousEvent } from './ids.ts';
export { newIdMemo } from './ids.ts';
export type { Draft, JoinMemo, VolumeResult } from './volumes.ts';
export { partitionVolumes } from './volumes.ts';

export interface BuildOptions {
  gazetteer: Gazetteer;
  curation: Curation;
  previous: PreviousEvent[];
  /** Events that end before this date are background context (`background: true`). */
  focusFrom: IsoDate;
  /**
   * Each volume's cache key (`assembleEvents`), when it has one: a key that fixes the volume's drafts, and with
   * them every event built from one of its drafts alone (see `BuildResult.identities`).
   */
  volumeKeys?: ReadonlyArray<string | undefined>;
  /**
   * Events made by earlier assemblies, by the draft they were made from (a resident ingest keeps its volumes, so
   * an unchanged volume's drafts are the same objects): a draft that gets the same id again gets the same event.
   */
  made?: MadeEvents;
  /**
   * Drafts that came from a draft of an earlier version of their volume, identical in all an event is made of
   * (`carryOrigins`): their events' identities name that draft, as the files were written with.
   */
  origins?: WeakMap<Draft, string>;
  /** The groups joined across volumes by the last assembly (refilled by this one): unchanged ones are not joined again. */
  joins?: JoinMemo;
  /** What id matching kept from the last assembly (`assignIds`): only what changed since is looked up. */
  idMemo?: IdMemo;
}

/**
 * What an assembly made of a draft: the event (before curation) with its id, the quotes over the cap, and the
 * event's identity when it has one (`BuildResult.identities`; made once, as the manifest holds the same string).
 */
export type MadeEvents = WeakMap<Draft, MadeEvent>;

export interface MadeEvent {
  id: string;
  event: TimelineEvent;
  overflow: readonly LeftOut[];
  identity: string | undefined;
  /** The identity as a background event, made when first needed. */
  background?: string;
}

export interface BuildResult {
  events: TimelineEvent[];
  report: EventsReport;
  /** The ids the events got before curation, in the order `idsWith` gives them. */
  ids: string[];
  /** The ids the same events would get with other previous events (the ingest asks: with its own output?). */
  idsWith: (previous: readonly PreviousEvent[]) => string[];
  /**
   * Event id → a string that fixes everything the event is made of, for the events built from one draft of a keyed
   * volume (`volumeKeys`), neither joined across volumes nor touched by curation: the volume's key, the draft's
   * place in it, the id and the background flag. The ingest compares it with the last run's instead of hashing the
   * event, so that only the events of changed volumes are serialised.
   */
  identities: ReadonlyMap<string, string>;
}

/** A set of (source, sentence) pairs: the report looks up every sentence of the corpus, without a key string each. */
class SentenceSet {
  private readonly bySource = new Map<string, Set<number>>();

  add(source: string, sentence: number): void {
    const set = this.bySource.get(source);
    if (set === undefined) this.bySource.set(source, new Set([sentence]));
    else set.add(sentence);
  }

  has(source: string, sentence: number): boolean {
    return this.bySource.get(source)?.has(sentence) === true;
  }
}

/** Quotes kept per source per event; further sentences are reported as `attached-to:<id>`. */
export const QUOTES_PER_SOURCE = 3;

interface Cited {
  info: SentenceInfo;
  citation: Citation;
  /** 0 dates the event, 1 names it (antecedent), 2 is context. */
  weight: number;
  /**
   * What the sentence tells of the event's people, places and topics: whole, unless it also dates other events;
   * then only the clauses that date this one ("… meeting in Miami this weekend … to end the war Russia began with
   * its 2022 invasion": Miami is not a place of the invasion).
   */
  tags: Tags;
}

function rangeDays(c: Candidate): number {
  return Number(c.end.replaceAll('-', '')) - Number(c.start.replaceAll('-', ''));
}

/** The member whose date the event takes: most precise, narrowest, first reported. */
function dateMember(members: readonly Candidate[]): Candidate {
  if (members.length === 1) return members[0] as Candidate;
  // Each member's range once, not once per comparison (it parses two dates).
  const days = new Map(members.map((c) => [c, rangeDays(c)]));
  return [...members].sort(
    (a, b) =>
      PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision] ||
      (days.get(a) as number) - (days.get(b) as number) ||
      compareIso(a.info.referenceDate, b.info.referenceDate) ||
      a.n - b.n,
  )[0] as Candidate;
}

/** Every sentence citing the cluster, best reasons first, one entry per sentence. */
function citationsOf(
  k: Cluster,
  publishedOf: (doc: number) => string,
  gazetteer: Gazetteer,
  datesOthers: (c: Candidate, members: ReadonlySet<Candidate>) => boolean,
): Cited[] {
  // The tags of the clauses of each dating sentence that also dates other events (two members may date this one), or
  // that only recalls this one (recollection.ts).
  const clauseTags = new Map<string, Tags>();
  const members = new Set(k.members);
  for (const c of k.members) {
    if (!datesOthers(c, members) && !recalls(c)) continue;
    const key = `${c.info.doc}:${c.info.sentence}`;
    const own = tagText(c.subject === undefined ? c.clause : `${c.subject} ${c.clause}`, gazetteer);
    const had = clauseTags.get(key);
    clauseTags.set(key, had === undefined ? own : unionTags(had, own));
  }
  const seen = new Map<string, Cited>();
  const add = (info: SentenceInfo, weight: number, rule: string, expression?: string) => {
    const key = `${info.doc}:${info.sentence}`;
    const had = seen.get(key);
    if (had !== undefined && had.weight <= weight) return;
    const citation: Citation = {
      source: info.source,
      quote: info.text,
      paragraph: info.paragraph,
      sentence: info.sentence,
      rule,
    };
    if (expression !== undefined) citation.expression = expression;
    seen.set(key, { info, citation, weight, tags: (weight === 0 ? clauseTags.get(key) : undefined) ?? info.tags });
  };
  for (const c of k.members) add(c.info, 0, c.rule, c.expression.text);
  for (const c of k.members) for (const a of c.attached) add(a.sentence, a.core ? 1 : 2, a.rule);
  return [...seen.values()].sort(
    (a, b) =>
      compareIso(publishedOf(a.info.doc), publishedOf(b.info.doc)) ||
      (a.info.source < b.info.source ? -1 : a.info.source > b.info.source ? 1 : 0) ||
      a.info.sentence - b.info.sentence,
  );
}

/** Both tag lists, `a`'s first. */
function unionTags(a: Tags, b: Tags): Tags {
  const join = (x: string[], y: string[]) => [...x, ...y.filter((v) => !x.includes(v))];
  return { actors: join(a.actors, b.actors), places: join(a.places, b.places), topics: join(a.topics, b.topics) };
}

/**
 * Make `key` of `target` a field worked out on first read (then an ordinary field, in the same place among the
 * object's keys: JSON and copies see a plain object). Writing it first sets it without working it out.
 */
function lazily<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) => {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** Tags of the title and the cited sentences, most cited first (the title counts as one more sentence). */
function eventTags(
  cited: ReadonlyArray<{ tags: Tags }>,
  title: Tags,
): Pick<TimelineEvent, 'actors' | 'places' | 'topics'> {
  const all = [title, ...cited.map((c) => c.tags)];
  const rank = (lists: string[][]) => {
    const n = new Map<string, number>();
    for (const l of lists) for (const s of l) n.set(s, (n.get(s) ?? 0) + 1);
    return [...n].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([s]) => s);
  };
  return {
    actors: rank(all.map((t) => t.actors)),
    places: rank(all.map((t) => t.places)),
    topics: rank(all.map((t) => t.topics)),
  };
}

/** A title one member (or a sentence attached to it) offers; `rate` scores it, only when there is a choice. */
interface TitleOption {
  t: { text: string; cut: boolean };
  rate: () => number;
  ref: IsoDate;
  n: number;
  exact: boolean;
  /** `doc:sentence` of the sentence the title was built from. */
  from: string;
}

/** The best of several title options: at the event's own precision first, then by score, earlier reports first. */
function bestOption(options: readonly TitleOption[]): TitleOption | undefined {
  return options
    .map((o) => ({ o, score: o.rate() }))
    .sort(
      (a, b) =>
        Number(b.o.exact) - Number(a.o.exact) || b.score - a.score || compareIso(a.o.ref, b.o.ref) || a.o.n - b.o.n,
    )[0]?.o;
}

/**
 * How central a title's words are to the event (rare terms the event's other quotes share with it), plus 2 when
 * the title names the event's own noun: the term most of its quotes share ("talks", "resignation").
 */
function centralityOf(cited: readonly Cited[], weights: Weights): (text: string, sentence: string) => number {
  // How many of the event's quotes hold each term, and each quote's terms: "another quote holds t" in O(1).
  const quotesWith = new Map<string, number>();
  const termsOf = new Map<string, Set<string>>();
  for (const x of cited) {
    const terms = new Set(x.info.terms);
    termsOf.set(`${x.info.doc}:${x.info.sentence}`, terms);
    for (const t of terms) quotesWith.set(t, (quotesWith.get(t) ?? 0) + 1);
  }
  const headTerm = [...quotesWith]
    .filter(([, n]) => n >= 2)
    .sort(
      ([a, x], [b, y]) =>
        y * (weights.idf.get(keyOf('t', b)) ?? 0) - x * (weights.idf.get(keyOf('t', a)) ?? 0) || (a < b ? -1 : 1),
    )[0]?.[0];
  return (text, sentence) => {
    const mine = keyTerms(text);
    const own = termsOf.get(sentence);
    let sum = 0;
    for (const t of mine)
      if ((quotesWith.get(t) ?? 0) - (own?.has(t) === true ? 1 : 0) > 0) sum += weights.idf.get(keyOf('t', t)) ?? 0;
    return Math.min(sum, 12) / 3 + (headTerm !== undefined && mine.includes(headTerm) ? 2 : 0);
  };
}

/** The clause of the member reported first, without its dates: the title when no option made one. */
function firstClause(
  k: Cluster,
  exprsOf: (c: Candidate) => readonly TimeExpression[],
  publishedOf: (doc: number) => string,
): string {
  const first = [...k.members].sort(
    (a, b) =>
      compareIso(publishedOf(a.info.doc), publishedOf(b.info.doc)) ||
      (a.info.source < b.info.source ? -1 : a.info.source > b.info.source ? 1 : 0) ||
      a.n - b.n,
  )[0] as Candidate;
  return cleanClause(
    withoutDates(
      first.clause,
      exprsOf(first)
        .filter((e) => e.start >= first.clauseStart && e.end <= first.clauseEnd)
        .map((e) => ({ start: e.start - first.clauseStart, end: e.end - first.clauseStart, text: e.text })),
    ),
  );
}

/** The words that open what a candidate is about: its borrowed subject, an anaphor's antecedent, or its own clause. */
function subjectText(c: Candidate): string {
  if (c.subject !== undefined) return c.subject;
  const antecedent = c.attached.find((a) => a.core && a.rule === 'context:following-sentence');
  if (c.anaphor && antecedent !== undefined) return antecedent.sentence.text;
  const at = c.expression.start - c.clauseStart;
  // "A day before the delegations met, Russia bombarded …": the subject follows the opening phrase.
  if (at <= 3) {
    const comma = c.clause.indexOf(',', c.expression.end - c.clauseStart);
    if (comma > 0 && comma < 100) return c.clause.slice(comma + 1).trim();
  }
  return cleanClause(
    withoutDates(c.clause, [{ start: at, end: c.expression.end - c.clauseStart, text: c.expression.text }]),
  );
}

/**
 * The part of the stage that looks at one document alone (its sentences' facts and its candidates): it depends
 * on the document and the gazetteer only, so the ingest caches it per source. Numbered as the corpus's only
 * document (`doc` 0, candidates from 0); `buildEventsFrom` renumbers.
 */
export interface PreparedDocument {
  source: Pick<SourceMeta, 'id' | 'publisher' | 'title'>;
  publishedDate: IsoDate;
  /** The document's time expressions, one list per sentence (titles strip them from clauses). */
  expressions: TimeExpression[][];
  infos: SentenceInfo[];
  /** Each candidate's `info` is one of `infos`; its `expression` one of `expressions`. */
  candidates: Candidate[];
}

/** The per-document facts and candidates of one dated document. */
export function prepareDocument(d: DatedDocument, gazetteer: Gazetteer): PreparedDocument {
  const { id, publisher, title } = d.doc.source;
  const source: PreparedDocument['source'] = { id };
  if (publisher !== undefined) source.publisher = publisher;
  if (title !== undefined) source.title = title;
  const infos = sentenceInfos(d, 0, gazetteer);
  const candidates = extractCandidates(d, infos, 0, gazetteer);
  return { source, publishedDate: d.doc.publishedDate, expressions: d.expressions, infos, candidates };
}

/** Turn dated documents into merged, cited, titled, tagged events with stable ids; sorted by date then id. */
export function buildEvents(docs: DatedDocument[], options: BuildOptions): BuildResult {
  return buildEventsFrom(
    docs.map((d) => prepareDocument(d, options.gazetteer)),
    options,
  );
}

/**
 * `buildEvents` from prepared documents, in corpus order: each volume (volumes.ts) built alone, then joined and
 * assembled. Takes the documents over: their sentences and candidates are updated in place.
 */
export function buildEventsFrom(docs: PreparedDocument[], options: BuildOptions): BuildResult {
  const volumes = partitionVolumes(docs.map((d) => d.publishedDate));
  return assembleEvents(
    volumes.map((v) =>
      buildVolume(
        v.map((i) => docs[i] as PreparedDocument),
        options.gazetteer,
      ),
    ),
    options,
  );
}

/**
 * The events stage on one volume's documents (in corpus order), up to drafts: everything that compares documents
 * with each other — weights, anchors, merging, titles — but not ids, curation or the report. Takes the documents
 * over: their sentences and candidates are updated in place.
 */
export function buildVolume(docs: PreparedDocument[], gazetteer: Gazetteer): VolumeResult {
  // Number sentences by document and candidates across the corpus, as one pass over the documents would.
  let next = 0;
  docs.forEach((d, i) => {
    for (const s of d.infos) s.doc = i;
    for (const c of d.candidates) c.n = next++;
  });
  const infos = docs.map((d) => d.infos);
  const all = infos.flat();
  const weights = corpusWeights(all, gazetteer);
  const names = new Map(docs.map((d) => [d.source.id, displayName(d.source.publisher, d.source.title ?? d.source.id)]));
  const publishedOf = (doc: number) => docs[doc]?.publishedDate ?? '';
  // Each source's place in the corpus (source ids are unique).
  const order = new Map(docs.map((d, i) => [d.source.id, i]));
  const leftOut: LeftOut[] = [];

  let candidates: Candidate[] = docs.flatMap((d) => d.candidates);
  const found = candidates.length;
  const resolved = resolveMentions(candidates, gazetteer, weights);
  candidates = resolved.kept;
  const unresolvedSentences = new Set(resolved.leftOut.map((c) => c.info));

  let attachedCount = 0;
  const byDoc = docs.map((): Candidate[] => []);
  for (const c of candidates) byDoc[c.info.doc]?.push(c);
  docs.forEach((_, i) => {
    const own = byDoc[i] ?? [];
    attachAntecedents(own, infos[i] ?? []);
    const free = attachUndated(infos[i] ?? [], own, gazetteer, weights);
    leftOut.push(...free);
  });

  // A left-out sentence by its source and number (a document's infos are in sentence order, numbered from 0).
  const sentenceAt = (source: string, sentence: number) => infos[order.get(source) ?? -1]?.[sentence];
  const stillLeft = attachBySameActors(leftOut.splice(0), sentenceAt, candidates, gazetteer, weights);
  leftOut.push(...stillLeft);
  for (const c of candidates) attachedCount += c.attached.length;
  const inputs: MergeInput[] = candidates.map((c) => {
    const core = clauseBag(c, gazetteer);
    for (const a of c.attached) if (a.core) for (const k of sentenceBag(a.sentence)) core.add(k);
    const bag = new Set(core);
    for (const a of c.attached) for (const k of sentenceBag(a.sentence)) bag.add(k);
    const input: MergeInput = {
      candidate: c,
      bag,
      core,
      actors: actorsOf(`${c.subject ?? ''} ${c.clause}`, gazetteer),
    };
    if (c.mention) {
      // The noun the mention names: "Sunday’s [talks]", "the talks [that were set to continue on Sunday]".
      const named =
        c.subject !== undefined
          ? keyTerms(c.subject).at(-1)
          : keyTerms(c.info.text.slice(c.expression.end).replace(/^['’]s\b/, '')).at(0);
      if (named !== undefined) input.head = named;
    }
    const side = subjectCountry(subjectText(c), gazetteer);
    if (side !== undefined) input.subjectSide = side;
    return input;
  });
  const inputOf = new Map(inputs.map((x) => [x.candidate, x]));
  // A photo caption describes a picture: it may join an event the prose reports, but is no event on its own.
  const merged = mergeCandidates(inputs, weights);
  const clusters = merged.filter((k) => {
    if (!k.members.every((c) => c.info.segmentKind === 'caption')) return true;
    for (const c of k.members) {
      const { source, sentence, paragraph, text } = c.info;
      leftOut.push({ source, sentence, paragraph, text, reason: 'caption-only' });
    }
    return false;
  });

  // The events each sentence dates: its candidates that made it into a cluster.
  const bySentence = new Map<SentenceInfo, Candidate[]>();
  for (const k of clusters)
    for (const c of k.members) {
      const list = bySentence.get(c.info);
      if (list === undefined) bySentence.set(c.info, [c]);
      else list.push(c);
    }
  const datesOthers = (c: Candidate, members: ReadonlySet<Candidate>) =>
    (bySentence.get(c.info) ?? []).some((o) => !members.has(o));
  const drafts = clusters.map((k) => {
    const dm = dateMember(k.members);
    const cited = citationsOf(k, publishedOf, gazetteer, datesOthers);
    const exprsOf = (c: Candidate) => docs[c.info.doc]?.expressions[c.info.sentence] ?? [];
    const status = eventStatus(k.members);
    // Scores only decide between two or more options: built on first use.
    let central: ((text: string, sentence: string) => number) | undefined;
    const centrality2 = (text: string, sentence: string) => {
      central ??= centralityOf(cited, weights);
      return central(text, sentence);
    };
    const previousText = (c: Candidate) => {
      const prev = infos[c.info.doc]?.[c.info.sentence - 1];
      return prev !== undefined && prev.paragraph === c.info.paragraph ? prev.text : undefined;
    };
    const options: TitleOption[] = k.members.map((c) => {
      const t = candidateTitle(c, exprsOf(c), gazetteer, status, previousText(c));
      const from = `${c.info.doc}:${c.info.sentence}`;
      const rate = () => {
        let score = titleScore(t, c, gazetteer) + centrality2(t.text, from);
        if (c.mention) score -= 2;
        if (c.precision !== dm.precision) score -= 3;
        if (c.info.segmentKind === 'caption') score -= 2;
        return score;
      };
      return { t, rate, ref: c.info.referenceDate, n: c.n, exact: c.precision === dm.precision && !c.mention, from };
    });
    // A title built from a sentence attached to member `c`: scored by the people it names and how central it is.
    const attachedOption = (
      t: NonNullable<ReturnType<typeof attachedTitle>>,
      c: Candidate,
      sentence: SentenceInfo,
      order: number,
      exact: boolean,
    ): TitleOption => {
      const from = `${sentence.doc}:${sentence.sentence}`;
      const rate = () => {
        const names = new Set(
          findMentions(t.text, gazetteer)
            .filter((m) => m.kind !== 'topic')
            .map((m) => m.slug),
        ).size;
        return (t.cut ? -1 : 0) + Math.min(names, 3) + 1 + centrality2(t.text, from);
      };
      return { t, rate, ref: c.info.referenceDate, n: c.n + order, exact, from };
    };
    if (!k.members.some((c) => c.statement && !c.mention)) {
      // An attached "X said Y resigned" may say what happened better than the dated clause.
      for (const c of k.members) {
        for (const a of c.attached) {
          if (a.rule !== 'context:previous-sentence' && a.rule !== 'context:following-sentence') continue;
          const t = reportedTitle(a.sentence.text, gazetteer, status);
          if (t !== undefined) options.push(attachedOption(t, c, a.sentence, 0.5, c.precision === dm.precision));
        }
      }
      // "Sunday’s meeting … was productive. Rubio, Witkoff and Kushner met with …": the next sentence names who met.
      for (const c of k.members) {
        if (c.precision !== dm.precision) continue;
        for (const a of c.attached) {
          if (
            a.rule !== 'context:previous-sentence' ||
            a.sentence.paragraph !== c.info.paragraph ||
            a.sentence.segmentKind !== 'article'
          )
            continue;
          const t = attachedTitle(a.sentence.text, gazetteer, status);
          if (t !== undefined) options.push(attachedOption(t, c, a.sentence, 0.6, true));
        }
      }
    }
    // A report at the event's own precision names it better than a vaguer one ("this weekend" for a day's talks).
    const best = options.length === 1 ? options[0] : bestOption(options);
    const title = best?.t.text ?? firstClause(k, exprsOf, publishedOf);
    const prefix = datePrefix(k.union === true ? k.start : dm.start, dm.precision);
    return {
      k,
      dm,
      cited,
      title,
      /** The sentence the title was built from: always quoted, whatever the cap. */
      titleFrom: best?.from,
      prefix,
      // Key words of the clause the title was built from (not a curated title: curation comes later).
      natural: `${prefix}-${keyWordSlug(title)}`,
    };
  });
  // Every sentence a draft cites, whatever the per-source cap decides later.
  const draftCited = new SentenceSet();
  const volumeDrafts = drafts.map((d): Draft => {
    const draft: Draft = {
      start: d.dm.start,
      end: d.dm.end,
      precision: d.dm.precision,
      planned: eventStatus(d.k.members) === 'planned',
      title: d.title,
      prefix: d.prefix,
      natural: d.natural,
      n: d.k.members[0]?.n ?? 0,
      cited: d.cited.map((c): DraftCite => {
        draftCited.add(c.info.source, c.info.sentence);
        const cite: DraftCite = {
          citation: c.citation,
          weight: c.weight,
          tags: c.tags,
          kind: c.info.segmentKind,
          published: publishedOf(c.info.doc),
        };
        if (`${c.info.doc}:${c.info.sentence}` === d.titleFrom) cite.title = true;
        return cite;
      }),
    };
    if (d.dm.modifier !== undefined) draft.modifier = d.dm.modifier;
    if (d.k.union === true) draft.span = { start: d.k.start, end: d.k.end };
    const join = joinFacts(d.k.members, inputOf, weights);
    if (join !== undefined) draft.join = join;
    return draft;
  });
  const noted = new SentenceSet();
  for (const l of leftOut) noted.add(l.source, l.sentence);
  const rest: LeftOut[] = [];
  for (const s of all) {
    if (draftCited.has(s.source, s.sentence) || noted.has(s.source, s.sentence)) continue;
    const reason = unresolvedSentences.has(s) ? 'unresolved-anchor' : 'not-cited';
    rest.push({ source: s.source, sentence: s.sentence, paragraph: s.paragraph, text: s.text, reason });
  }
  return {
    sources: docs.map((d) => ({ id: d.source.id, name: names.get(d.source.id) ?? d.source.id })),
    candidates: found,
    kept: candidates.length,
    clusters: merged.length,
    attached: attachedCount,
    drafts: volumeDrafts,
    leftOut,
    rest,
    unresolved: resolved.leftOut.map((c) => [c.info.source, c.info.sentence]),
  };
}

/** What joining across volumes needs of a cluster: its solid reports' weightiest keys, kinds, sides and subjects. */
function joinFacts(
  members: readonly Candidate[],
  inputOf: ReadonlyMap<Candidate, MergeInput>,
  weights: Weights,
): JoinFacts | undefined {
  const solid = members.filter((c) => !c.mention);
  const first = solid[0];
  if (first === undefined) return undefined;
  const keys = new Set<string>();
  const sideSet = new Set<string>();
  const subjects = new Set<string>();
  for (const c of solid) {
    const input = inputOf.get(c);
    if (input === undefined) continue;
    for (const k of input.bag) keys.add(k);
    for (const s of sides(input.core, weights)) sideSet.add(s);
    if (input.subjectSide !== undefined) subjects.add(input.subjectSide);
  }
  const weighed = weighBag(keys, weights);
  const top = weighed.keys
    .map((k, i) => ({ k, w: weighed.weights[i] as number }))
    .sort((a, b) => b.w - a.w || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, VOLUME.joinKeys);
  return {
    keys: top.map((x) => x.k),
    weights: top.map((x) => x.w),
    statement: first.statement,
    briefing: first.briefing === true,
    sides: [...sideSet].sort(),
    subjects: [...subjects].sort(),
  };
}

/** Where draft `j` of the volume with key `key` came from, as event identities name it. */
function draftOrigin(key: string, j: number): string {
  // 96 bits of a volume's hash key are plenty to tell its versions apart, and every event's identity holds one (the
  // output manifest keeps them all).
  return `${key.slice(0, 24)}#${j}`;
}

/**
 * Each event's identity (`BuildResult.identities`) from the draft it is made of: its volume's key and its place
 * there (or the draft of an earlier version it carried its origin over from), or for a joined draft its members'
 * origins, lead first (they fix the joined draft). Undefined for a draft of a volume without a key.
 */
function draftIdentities(
  volumes: readonly VolumeResult[],
  options: BuildOptions,
  from: JoinedFrom | undefined,
): (p: PlacedDraft, id: string) => string | undefined {
  // A draft's place in its volume, looked up only for the drafts made into events now (most are reused).
  const places = new Map<number, Map<Draft, number>>();
  const originOf = (d: Draft, volume: number): string | undefined => {
    const key = options.volumeKeys?.[volume];
    if (key === undefined) return undefined;
    const carried = options.origins?.get(d);
    if (carried !== undefined) return carried;
    let place = places.get(volume);
    if (place === undefined) {
      place = new Map((volumes[volume]?.drafts ?? []).map((x, j) => [x, j]));
      places.set(volume, place);
    }
    const j = place.get(d);
    return j === undefined ? undefined : draftOrigin(key, j);
  };
  return (p, id) => {
    const members = from?.get(p.draft);
    if (members === undefined) {
      const origin = originOf(p.draft, p.volume);
      return origin === undefined ? undefined : `volume:${origin}|${id}`;
    }
    const origins = members.map((m) => originOf(m.draft, m.volume));
    return origins.every((o) => o !== undefined) ? `join:${origins.join('+')}|${id}` : undefined;
  };
}

/**
 * Everything an event made from draft `d` alone is made of, but its id and background flag: the draft without
 * what only orders or joins it, and the names its quotes are attributed to (`names`: its volume's, by source id).
 */
function draftContent(names: ReadonlyMap<string, string>, d: Draft): string {
  let content = contents.get(d);
  if (content === undefined) {
    const { n: _n, join: _join, prefix: _prefix, natural: _natural, ...made } = d;
    content = JSON.stringify([made, d.cited.map((c) => names.get(c.citation.source) ?? null)]);
    contents.set(d, content);
  }
  return content;
}

/**
 * `draftContent` of each draft, made once: a volume built again compares its last version's drafts, whose contents
 * were made when that version was built. A draft belongs to one volume, whose names are fixed.
 */
const contents = new WeakMap<Draft, string>();

/**
 * A volume built again (one of its sources changed): each new draft with the very content of a draft of the
 * volume's last version (`before`, keyed `beforeKey`) takes that draft's origin (`BuildOptions.origins`), so its
 * event keeps the identity its file was written with and is not serialised again. Only for two builds by the same
 * code with the same gazetteer (the caller's to know): the title's tags are worked out from the gazetteer later.
 * Returns how many drafts carried an origin over.
 */
export function carryOrigins(
  before: VolumeResult,
  beforeKey: string,
  after: VolumeResult,
  origins: WeakMap<Draft, string>,
): number {
  const namesOf = (v: VolumeResult) => new Map(v.sources.map((s) => [s.id, s.name]));
  const was = new Map<string, string>();
  const beforeNames = namesOf(before);
  before.drafts.forEach((d, j) => {
    const content = draftContent(beforeNames, d);
    if (!was.has(content)) was.set(content, origins.get(d) ?? draftOrigin(beforeKey, j));
  });
  const afterNames = namesOf(after);
  let carried = 0;
  for (const d of after.drafts) {
    const from = was.get(draftContent(afterNames, d));
    if (from === undefined) continue;
    origins.set(d, from);
    carried++;
  }
  return carried;
}

/**
 * The event made of draft `d` under id `id`, and its quotes over the cap. Made here, apart from the assembly: its
 * lazy fields' closures hold only what they read (the names of its own sources), as a resident ingest keeps an event
 * for as long as its draft lives, and a closure holding the assembly's scope would keep every run's assembly alive.
 */
function makeEvent(
  d: Draft,
  id: string,
  allNames: ReadonlyMap<string, string>,
  gazetteer: Gazetteer,
): { event: TimelineEvent; over: LeftOut[] } {
  const over: LeftOut[] = [];
  const perSource = new Map<string, number>();
  const kept: DraftCite[] = [];
  const rank = (c: DraftCite) => (c.title === true ? -1 : c.weight);
  for (const c of [...d.cited].sort((a, b) => rank(a) - rank(b))) {
    if (rank(c) < 0) {
      // The title's own sentence is quoted beyond the cap: a title always stands on a quote.
      kept.push(c);
      continue;
    }
    const { source, sentence, paragraph, quote } = c.citation;
    const n = perSource.get(source) ?? 0;
    if (n >= QUOTES_PER_SOURCE) {
      over.push({ source, sentence, paragraph, text: quote, reason: `attached-to:${id}` });
      continue;
    }
    perSource.set(source, n + 1);
    kept.push(c);
  }
  const keptSet = new Set(kept);
  const sources = d.cited.filter((c) => keptSet.has(c)).map((c) => c.citation);
  const names = new Map(sources.map((c) => [c.source, allNames.get(c.source) ?? c.source]));
  const e: TimelineEvent = {
    id,
    title: d.title,
    date: d.start,
    precision: d.precision,
    status: d.planned ? 'planned' : 'happened',
    actors: [],
    places: [],
    topics: [],
    sources,
    summary: '',
  };
  // Tags and summary are worked out when first read (rendering or hashing the event): an event the ingest knows
  // by its identity never is, and they are most of the cost of an event.
  let tags: ReturnType<typeof eventTags> | undefined;
  const tagsOf = () => {
    tags ??= eventTags(kept, tagText(d.title, gazetteer));
    return tags;
  };
  lazily(e, 'actors', () => tagsOf().actors);
  lazily(e, 'places', () => tagsOf().places);
  lazily(e, 'topics', () => tagsOf().topics);
  lazily(e, 'summary', () => {
    // The summary opens with the title's sentence, then the article prose that dates the event; captions,
    // teasers and context come after.
    const summaryRank = new Map(
      kept.map((c) => {
        const isTitle = c.title === true;
        const prose = c.kind !== 'caption' && c.kind !== 'teaser';
        return [c.citation, isTitle ? 0 : c.weight === 0 && prose ? 1 : c.weight === 0 ? 2 : 2 + c.weight] as const;
      }),
    );
    return summarise(sources, names, (c) => summaryRank.get(c) ?? 9);
  });
  if (d.span !== undefined) {
    // Planned reports a week apart: the event spans both ranges.
    e.date = d.span.start;
    if (d.span.end !== d.span.start) e.end = d.span.end;
  } else if (d.end !== d.start) e.end = d.end;
  if (d.modifier !== undefined) e.modifier = d.modifier;
  return { event: e, over };
}

/** What the report's left-out list is worked out from: an assembly's events, drafts and volumes. */
interface LeftOutInput {
  final: readonly TimelineEvent[];
  hidden: readonly TimelineEvent[];
  overflow: readonly LeftOut[];
  volumes: readonly VolumeResult[];
  drafts: readonly PlacedDraft[];
}

/** Every sentence no event quotes, once, with its first reason, in corpus order. */
function leftOutOf({ final, hidden, overflow, volumes, drafts }: LeftOutInput): LeftOut[] {
  // Each source's place in the corpus, volume by volume (one volume: corpus order).
  const order = new Map<string, number>();
  const unresolved = new SentenceSet();
  for (const v of volumes) {
    for (const s of v.sources) order.set(s.id, order.size);
    for (const [source, sentence] of v.unresolved) unresolved.add(source, sentence);
  }
  const citedSentences = new SentenceSet();
  for (const e of final) for (const c of e.sources) citedSentences.add(c.source, c.sentence);

  const reasons: LeftOut[] = [];
  const noted = new SentenceSet();
  const note = (l: LeftOut) => {
    if (citedSentences.has(l.source, l.sentence) || noted.has(l.source, l.sentence)) return;
    noted.add(l.source, l.sentence);
    reasons.push(unresolved.has(l.source, l.sentence) ? { ...l, reason: 'unresolved-anchor' } : l);
  };
  for (const e of hidden)
    for (const c of e.sources)
      note({ source: c.source, sentence: c.sentence, paragraph: c.paragraph, text: c.quote, reason: `hidden:${e.id}` });
  overflow.forEach(note);
  for (const v of volumes) v.leftOut.forEach(note);
  // A sentence a draft cited that no event quotes now (curation may drop one).
  for (const { draft } of drafts)
    for (const { citation: c } of draft.cited)
      note({ source: c.source, sentence: c.sentence, paragraph: c.paragraph, text: c.quote, reason: 'not-cited' });
  for (const v of volumes) v.rest.forEach(note);
  return reasons.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.sentence - b.sentence);
}

/** What id matching reads of a draft (`assignIds`), made once per draft: a resident ingest's drafts live on. */
const idInputCache = new WeakMap<Draft, { natural: string; prefix: string; citations: Citation[]; key: Draft }>();

function idInputOf(d: Draft): { natural: string; prefix: string; citations: Citation[]; key: Draft } {
  let input = idInputCache.get(d);
  if (input === undefined) {
    input = { natural: d.natural, prefix: d.prefix, citations: d.cited.map((c) => c.citation), key: d };
    idInputCache.set(d, input);
  }
  return input;
}

/** Ids, curation and the report over every volume's drafts (joined across volumes first). */
export function assembleEvents(volumes: readonly VolumeResult[], options: BuildOptions): BuildResult {
  const { gazetteer } = options;
  // The name quotes are attributed to, by source id (made when an event is made or curated: most are reused).
  let names: Map<string, string> | undefined;
  const namesOf = () => {
    names ??= new Map(volumes.flatMap((v) => v.sources.map((s) => [s.id, s.name] as const)));
    return names;
  };
  const placed: PlacedDraft[] = [];
  let offset = 0;
  volumes.forEach((v, volume) => {
    for (const draft of v.drafts) placed.push({ draft, volume, n: offset + draft.n });
    offset += v.candidates;
  });
  const joined =
    volumes.length > 1 ? joinVolumes(placed, options.joins) : { drafts: placed, absorbed: 0, from: undefined };
  const drafts = joined.drafts;
  const identityOf = draftIdentities(volumes, options, joined.from);
  drafts.sort(
    (a, b) =>
      compareIso(a.draft.start, b.draft.start) ||
      (a.draft.natural < b.draft.natural ? -1 : a.draft.natural > b.draft.natural ? 1 : 0) ||
      a.n - b.n,
  );
  const idInputs = drafts.map(({ draft }) => idInputOf(draft));
  // Ids are matched with the previous events as they were before curation (a split part is not an event of its own).
  const ids = assignIds(idInputs, beforeCuration(options.previous, options.curation), options.idMemo);

  const overflow: LeftOut[] = [];
  const { made } = options;
  const madeOf: MadeEvent[] = [];
  const events: TimelineEvent[] = drafts.map((p, i) => {
    const d = p.draft;
    const id = ids[i] as string;
    const had = made?.get(d);
    if (had !== undefined && had.id === id) {
      overflow.push(...had.overflow);
      madeOf[i] = had;
      return had.event;
    }
    const { event: e, over } = makeEvent(d, id, namesOf(), gazetteer);
    overflow.push(...over);
    const m = { id, event: e, overflow: over, identity: identityOf(p, id) };
    made?.set(d, m);
    madeOf[i] = m;
    return e;
  });

  const curated = applyCuration(events, options.curation, (s) => summarise(s, namesOf()));
  const touched = curatedIds(options.curation);
  const inFocus = (e: TimelineEvent) => compareIso(e.end ?? e.date, options.focusFrom) >= 0;
  // An event curation does not touch is passed on as it was made: its identity, and whether it is background.
  const identities = new Map<string, string>();
  for (const m of madeOf) {
    if (m.identity === undefined || touched.has(m.id)) continue;
    if (inFocus(m.event)) identities.set(m.id, m.identity);
    else {
      m.background ??= `${m.identity}|background`;
      identities.set(m.id, m.background);
    }
  }
  const final = curated.events
    .map((e) => {
      if (inFocus(e)) {
        // Background once (an event made by an earlier assembly, with another focus date), not now.
        if (e.background !== undefined) delete e.background;
        return e;
      }
      // Set on the event itself (made here, or copied by curation), as a copy would work out its lazy fields.
      e.background = true;
      return e;
    })
    .sort((a, b) => compareIso(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const report: EventsReport = {
    candidates: volumes.reduce((n, v) => n + v.candidates, 0),
    events: final.length,
    merges: volumes.reduce((n, v) => n + v.kept - v.clusters, 0) + joined.absorbed,
    attached: volumes.reduce((n, v) => n + v.attached, 0),
    leftOut: [],
    unusedCuration: curated.unused,
    keptIds: 0,
  };
  // Worked out when first read (the report is written after the events, and a resident ingest reports the run
  // first): every sentence of the corpus is looked at, every id.
  lazily(report, 'leftOut', () => leftOutOf({ final, hidden: curated.hidden, overflow, volumes, drafts }));
  lazily(report, 'keptIds', () => {
    const previousIds = new Set(options.previous.map((p) => p.id));
    return ids.filter((id) => previousIds.has(id)).length;
  });
  return {
    events: final,
    report,
    ids,
    idsWith: (previous) => assignIds(idInputs, beforeCuration(previous, options.curation)),
    identities,
  };
}
