/** Loading content/gazetteer/{people,places,topics}.yaml into a checked Gazetteer. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import type { Gazetteer, GazetteerPerson, GazetteerPlace, GazetteerTopic } from '../model.ts';
import { Entry, listItems, readYaml, SLUG } from './yaml-data.ts';
import type { YamlFile } from './yaml-data.ts';

function entries(file: YamlFile): Entry[] {
  const seen = new Map<string, number | undefined>();
  return listItems(file).map((node) => {
    const e = new Entry(file, node);
    const slug = e.string('slug', true);
    if (!SLUG.test(slug)) e.fail(`slug "${slug}" must be lower-case words joined by hyphens`, e.field('slug'));
    if (seen.has(slug)) e.fail(`duplicate slug "${slug}" (first at line ${seen.get(slug)})`, e.field('slug'));
    seen.set(slug, file.line(node));
    return e;
  });
}

/** Parse people.yaml text. */
export function parsePeople(path: string, text?: string): GazetteerPerson[] {
  return entries(readYaml(path, text)).map((e) => {
    e.only(['slug', 'name', 'role', 'country', 'aliases']);
    const p: GazetteerPerson = {
      slug: e.string('slug', true),
      name: e.string('name', true),
      aliases: e.strings('aliases'),
    };
    const role = e.string('role');
    const country = e.string('country');
    if (role !== undefined) p.role = role;
    if (country !== undefined) p.country = country;
    return p;
  });
}

/** Parse places.yaml text. */
export function parsePlaces(path: string, text?: string): GazetteerPlace[] {
  return entries(readYaml(path, text)).map((e) => {
    e.only(['slug', 'name', 'country', 'aliases']);
    const p: GazetteerPlace = {
      slug: e.string('slug', true),
      name: e.string('name', true),
      aliases: e.strings('aliases'),
    };
    const country = e.string('country');
    if (country !== undefined) p.country = country;
    return p;
  });
}

/** Parse topics.yaml text. */
export function parseTopics(path: string, text?: string): GazetteerTopic[] {
  return entries(readYaml(path, text)).map((e) => {
    e.only(['slug', 'name', 'keywords']);
    const keywords = e.strings('keywords').map((k) => k.toLowerCase());
    if (keywords.length === 0) e.fail('a topic needs at least one keyword');
    return { slug: e.string('slug', true), name: e.string('name', true), keywords };
  });
}

/** Load content/gazetteer/{people,places,topics}.yaml; InputError naming file and line on bad data. */
export function loadGazetteer(dir: string): Gazetteer {
  const path = (name: string) => {
    const p = join(dir, name);
    if (!existsSync(p)) throw new InputError(p, 'gazetteer file not found');
    return p;
  };
  const g: Gazetteer = {
    people: parsePeople(path('people.yaml')),
    places: parsePlaces(path('places.yaml')),
    topics: parseTopics(path('topics.yaml')),
  };
  const placeSlugs = new Set(g.places.map((p) => p.slug));
  for (const [file, list] of [
    ['people.yaml', g.people],
    ['places.yaml', g.places],
  ] as const) {
    for (const item of list) {
      if (item.country !== undefined && !placeSlugs.has(item.country)) {
        throw new InputError(join(dir, file), `"${item.slug}": country "${item.country}" is not a place slug`);
      }
    }
  }
  return g;
}
