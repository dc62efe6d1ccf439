/** content/timeline.yaml: what this timeline is about, as data an editor can change. */
import { existsSync, readFileSync } from 'node:fs';
import YAML from 'yaml';
import { addDays, isIsoDate } from '../dates/calendar.ts';
import { InputError } from '../errors.ts';
import type { IsoDate } from '../model.ts';

export interface TimelineConfig {
  /** Site title. */
  title: string;
  /** The lead: what the timeline covers and how entries are chosen. */
  lead: string;
  /** Events ending before this day are shown as background; default: the month before the first article. */
  focusFrom?: IsoDate;
  /** Absolute base URL of the deployed site (canonical links, feeds, sitemap). */
  site: string;
}

const DEFAULTS: TimelineConfig = { title: 'Timeline', lead: '', site: 'http://localhost:4321' };

/** Load the config; a missing file gives defaults, a malformed one an InputError naming the line. */
export function loadTimelineConfig(path: string): TimelineConfig {
  if (!existsSync(path)) return DEFAULTS;
  const doc = YAML.parseDocument(readFileSync(path, 'utf8'), { prettyErrors: true });
  const first = doc.errors[0];
  if (first) throw new InputError(path, first.message.split('\n')[0] ?? 'invalid YAML', first.linePos?.[0]?.line);
  const data = doc.toJS() as Record<string, unknown> | null;
  if (data === null || typeof data !== 'object') throw new InputError(path, 'expected a mapping of settings');
  const config: TimelineConfig = { ...DEFAULTS };
  if (typeof data['title'] === 'string') config.title = data['title'];
  if (typeof data['lead'] === 'string') config.lead = data['lead'].trim();
  if (typeof data['site'] === 'string') config.site = data['site'];
  const focus = data['focusFrom'];
  if (focus !== undefined) {
    const text = focus instanceof Date ? focus.toISOString().slice(0, 10) : String(focus);
    if (!isIsoDate(text)) throw new InputError(path, `focusFrom is not a real date (${text})`);
    config.focusFrom = text;
  }
  return config;
}

/** The first day of the month before the earliest publication: what came before is background. */
export function defaultFocusFrom(publishedDates: readonly IsoDate[]): IsoDate {
  const first = [...publishedDates].sort()[0];
  if (first === undefined) return '0000-01-01';
  return addDays(`${first.slice(0, 7)}-01`, -1)
    .slice(0, 7)
    .concat('-01');
}
