/**
 * The data model every ingest stage shares. Data flows one way:
 *
 *   SourceFile (read/source-file) → Document (read) → TimeExpression[] per sentence (dates)
 *   → TimelineEvent[] (events) → content/events/*.md (write)
 *
 * Offsets are UTF-16 code-unit indexes into `SourceFile.body` (the article text after the
 * front matter, byte for byte as received), so `body.slice(start, end)` is always the exact text.
 * Calendar dates are `YYYY-MM-DD` strings, never `Date` objects, so no time zone can shift them.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** How finely a date is known. A month stays a month: never a fake first day. */
export type Precision = 'day' | 'week' | 'month' | 'season' | 'year';

/** The facts an editor gives about a source (the front matter of content/sources/<id>.txt). */
export interface SourceMeta {
  /** Permanent name of the source; defaults to the file name without `.txt`. */
  id: string;
  /** Publication date (`YYYY-MM-DD`) or date-time with offset (`2025-11-30T18:19:00-05:00`). */
  published: string;
  /** IANA zone the publication date is read in; default `UTC`. */
  timeZone: string;
  title?: string;
  publisher?: string;
  authors: string[];
  url?: string;
  notes?: string;
  /** True when `published` is the editor's estimate, not printed on the page. */
  publishedEstimated?: boolean;
}

/** One file of content/sources, split into metadata and body. */
export interface SourceFile {
  /** Path as given to the reader (used in every error message). */
  path: string;
  meta: SourceMeta;
  /** The article text after the front matter, exactly as received (BOM and CRLF normalised away). */
  body: string;
  /** 1-based line number in the file where `body` starts (for error messages). */
  bodyLine: number;
  /** sha256 (hex) of `body`. */
  sha256: string;
  /** Non-fatal findings while reading the file (e.g. `published` taken from a dateline); copied to `Document.warnings`. */
  warnings?: string[];
}

/** What kind of text a segment is; each kind may carry its own reference date. */
export type SegmentKind = 'article' | 'teaser' | 'post' | 'caption' | 'summary';

/** Why a span of the raw text was removed as page furniture. */
export type FurnitureReason =
  | 'share-bar'
  | 'comments'
  | 'syndication'
  | 'copyright'
  | 'credit'
  | 'contact'
  | 'navigation'
  | 'duplicate'
  | 'link-label'
  | 'byline'
  | 'dateline'
  | 'signature'
  | 'stray'
  | 'headline'
  | 'rule';

/** A span removed from the raw text, kept for the record (shown collapsed on the source page). */
export interface RemovedSpan {
  start: number;
  end: number;
  /** `body.slice(start, end)`. */
  text: string;
  reason: FurnitureReason;
}

/** A sentence of prose. `text === body.slice(start, end)`: quotes are always verbatim. */
export interface Sentence {
  /** Index in `Document.sentences` (document order). */
  index: number;
  /** Index in `Document.paragraphs` of the paragraph that holds it. */
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** A paragraph of kept text. Its sentences cover all its prose. */
export interface Paragraph {
  /** Index in `Document.paragraphs`; the source page anchors it as `#p-<index>`. */
  index: number;
  /** Index in `Document.segments`. */
  segment: number;
  start: number;
  end: number;
  /** Indexes into `Document.sentences`. */
  sentences: number[];
}

/** A piece of the page with its own voice and date: the article, a teaser, an embedded post, a caption. */
export interface Segment {
  index: number;
  kind: SegmentKind;
  /** Outlet named for this segment (a teaser's "The New York Times"), where stated. */
  outlet?: string;
  /** Author or handle (a post's "Volodymyr Zelenskyy (@ZelenskyyUa)"), where stated. */
  author?: string;
  /** The date relative expressions in this segment resolve against. */
  referenceDate: IsoDate;
  /** How `referenceDate` was found: `published`, `dateline`, `post-date`, `dateline-no-year` … */
  referenceRule: string;
  /** The segment's own dateline text, where it has one. */
  dateline?: string;
  /** Indexes into `Document.paragraphs`. */
  paragraphs: number[];
}

/** A source read as an editor would: prose kept and located, furniture removed but recorded. */
export interface Document {
  source: SourceMeta;
  sha256: string;
  /** The raw body text all offsets point into. */
  body: string;
  /** The headline found in the text, if any (removed from the prose as `headline`). */
  headline?: string;
  /** The publication date as a calendar date in the source's time zone. */
  publishedDate: IsoDate;
  segments: Segment[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  removed: RemovedSpan[];
  /** Non-fatal findings for the editor (a dateline that disagrees with `published`, …). */
  warnings: string[];
}

/** Grammatical tense a time expression was read with; it decides the direction of bare weekdays and months. */
export type Tense = 'past' | 'present' | 'future' | 'none';

/** Modifiers the text may put on a date; they never narrow the range to a fake day. */
export type DateModifier = 'early' | 'mid' | 'late' | 'morning' | 'afternoon' | 'evening' | 'night';

/** What a relative expression was resolved against. */
export type Anchor =
  | { kind: 'absolute' }
  | { kind: 'reference'; date: IsoDate }
  /** Relative to another expression (e.g. "the day before Sunday's talks"): its index in the same result list. */
  | { kind: 'expression'; index: number }
  /**
   * Relative to an event the text names but does not date ("a day before the delegations met");
   * `days` is the offset and `mention` the named event's text. Resolved by the events stage.
   */
  | { kind: 'unresolved'; days: number; mention: string };

/** A time expression found in a sentence and resolved TIMEX3-style. */
export interface TimeExpression {
  /** The exact text matched. */
  text: string;
  /** Offsets of `text` within the sentence (add the sentence's start for body offsets). */
  start: number;
  end: number;
  /** TIMEX3 value: `2025-11-30`, `2025-W48`, `2025-11`, `2025-SP`, `2025`; `''` while unresolved. */
  value: string;
  /** First day of the range (inclusive). */
  startDate: IsoDate;
  /** Last day of the range (inclusive); equals startDate for a day. */
  endDate: IsoDate;
  precision: Precision;
  modifier?: DateModifier;
  tense: Tense;
  /** Name of the recogniser/rule that fired, e.g. `weekday`, `last-week`, `month-name`. */
  rule: string;
  anchor: Anchor;
}

/** A citation: the exact sentence(s) of a source an event comes from. */
export interface Citation {
  source: string;
  /** Verbatim text of the source (one sentence, or consecutive sentences joined by their own text). */
  quote: string;
  /** Paragraph index on the source page (`/sources/<id>/#p-<paragraph>`). */
  paragraph: number;
  /** Sentence index in the source document. */
  sentence: number;
  /** The time expression the date came from, or how it was anchored when the sentence has none. */
  expression?: string;
  /** Rule that dated this citation (`weekday`, `context:previous-sentence`, …). */
  rule: string;
  /**
   * Id of the event curation merged this citation from (`mergeInto`), when it did: that event's address redirects
   * here, and the next ingest gives the citation back to it before matching ids, so the merge keeps applying.
   */
  mergedFrom?: string;
}

export type EventStatus = 'happened' | 'planned';

/** One event of the timeline: the front matter contract of content/events/<id>.md. */
export interface TimelineEvent {
  id: string;
  title: string;
  date: IsoDate;
  end?: IsoDate;
  precision: Precision;
  modifier?: DateModifier;
  status: EventStatus;
  actors: string[];
  places: string[];
  topics: string[];
  sources: Citation[];
  /** Markdown summary body: 1–3 sentences built from the quotes. */
  summary: string;
  /** True when the event ends before the timeline's focus period: shown as background context. */
  background?: boolean;
}

/** A person the tagger recognises; `slug` is permanent (it becomes /people/<slug>/). */
export interface GazetteerPerson {
  slug: string;
  name: string;
  role?: string;
  /** Country the person acts for (a place slug), used to tell apart meetings with different sides. */
  country?: string;
  aliases: string[];
}

/** A place the tagger recognises; `slug` is permanent (it becomes /places/<slug>/). */
export interface GazetteerPlace {
  slug: string;
  name: string;
  /** Slug of the country the place lies in, where it is not a country itself. */
  country?: string;
  aliases: string[];
}

/** A topic and the words that signal it; `slug` is permanent (it becomes /topics/<slug>/). */
export interface GazetteerTopic {
  slug: string;
  name: string;
  /** Lower-case words or phrases; a trailing `*` matches any ending (`territor*`). */
  keywords: string[];
}

/** The tag vocabularies of content/gazetteer/ (data, not code). */
export interface Gazetteer {
  people: GazetteerPerson[];
  places: GazetteerPlace[];
  topics: GazetteerTopic[];
}

/** An editor's correction of one event (content/curation.yaml), keyed by event id. */
export interface CurationEntry {
  title?: string;
  date?: IsoDate;
  end?: IsoDate;
  precision?: Precision;
  status?: EventStatus;
  /** Leave the event out of the timeline. */
  hide?: boolean;
  /** Fold this event into another one (its citations join the target). */
  mergeInto?: string;
  /** Move citations (`<source>#<sentence>`) out into new events with the given ids. */
  split?: Array<{ id: string; citations: string[]; title?: string }>;
}

/** All curation entries by event id. */
export interface Curation {
  events: Record<string, CurationEntry>;
}
