/** Working types of the events stage (not part of the on-disk contract). */
import type { DateModifier, Document, IsoDate, Precision, SegmentKind, TimeExpression } from '../model.ts';
import type { Tags } from './tagger.ts';

/** A document with its time expressions, one list per sentence. */
export interface DatedDocument {
  doc: Document;
  /** expressions[i] = findTimeExpressions(doc.sentences[i].text, { referenceDate: <segment of sentence i>.referenceDate }) */
  expressions: TimeExpression[][];
}

/** What the stage knows of one sentence before any event is built. */
export interface SentenceInfo {
  doc: number;
  source: string;
  sentence: number;
  paragraph: number;
  segment: number;
  segmentKind: SegmentKind;
  referenceDate: IsoDate;
  text: string;
  terms: string[];
  tags: Tags;
  /** Too short or without words to be prose (a stray label): never dated, never attached. */
  furnitureLike: boolean;
}

/** How an undated sentence joined a candidate. */
export interface Attachment {
  sentence: SentenceInfo;
  rule: string;
  /** True when the sentence names the event itself (an anaphor's antecedent), not only its context. */
  core: boolean;
}

/** One dated clause: the unit events are merged from. */
export interface Candidate {
  /** Position in the stage's candidate list (deterministic order). */
  n: number;
  info: SentenceInfo;
  expression: TimeExpression;
  /** The clause around the expression, as offsets into the sentence text. */
  clauseStart: number;
  clauseEnd: number;
  clause: string;
  /** The clause reports a saying ("X said on Sunday …"). */
  statement: boolean;
  /** The statement is a report about events ("Umerov reported on the main parameters"), not a saying quoted. */
  briefing?: boolean;
  /** Speaker and content when the clause is a statement. */
  saying?: { speaker: string; speakerSlug?: string; content: string };
  /** The subject the clause hangs on when it has none of its own ("Moscow’s invasion" for "which began …"). */
  subject?: string;
  /** The clause is a participle phrase ("leaked in mid-November"): its verb stays a participle. */
  participle?: boolean;
  /** The expression only names an event dated elsewhere ("Sunday’s talks", a dated aside inside a saying). */
  mention: boolean;
  /** The clause opens with an anaphor ("That attack", "The three") naming an earlier sentence's event. */
  anaphor: boolean;
  start: IsoDate;
  end: IsoDate;
  precision: Precision;
  modifier?: DateModifier;
  /** Rule that dated it (the expression's rule, or `anchor:<rule>` once an unresolved anchor is resolved). */
  rule: string;
  /** Reported as still to come at the source's reference date. */
  planned: boolean;
  attached: Attachment[];
}

/** A sentence left without an event, and why. */
export interface LeftOut {
  source: string;
  sentence: number;
  paragraph: number;
  text: string;
  reason: string;
}

/** What the stage did, for the editor: counts and every sentence left out. */
export interface EventsReport {
  /** Dated clauses found. */
  candidates: number;
  /** Events written (after curation). */
  events: number;
  /** Candidates folded into another candidate's event. */
  merges: number;
  /** Undated sentences attached to an event by context. */
  attached: number;
  leftOut: LeftOut[];
  /** Curation entries whose event id no longer exists. */
  unusedCuration: string[];
  /** Event ids kept from the previous run. */
  keptIds: number;
}
