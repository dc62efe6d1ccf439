/** Reading the editors' YAML data files with line numbers, so every mistake names its file and line. */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node } from 'yaml';
import { InputError } from '../errors.ts';

/** A parsed YAML node with the helpers to check it and report its line. */
export interface YamlFile {
  path: string;
  root: Node | null;
  /** 1-based line of a node (undefined for a missing node). */
  line(node: Node | null | undefined): number | undefined;
}

/** Parse `path`; a syntax error becomes an InputError with its line. */
export function readYaml(path: string, text = readFileSync(path, 'utf8')): YamlFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  const err = doc.errors[0];
  if (err !== undefined) {
    const line = err.linePos?.[0]?.line;
    throw new InputError(path, `YAML error: ${err.message.split('\n')[0] ?? err.code}`, line);
  }
  const line = (node: Node | null | undefined) => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : counter.linePos(offset).line;
  };
  return { path, root: doc.contents, line };
}

/** The items of a top-level list (an empty file is an empty list). */
export function listItems(file: YamlFile): Node[] {
  if (file.root === null) return [];
  if (!isSeq(file.root)) throw new InputError(file.path, 'expected a list of entries', file.line(file.root));
  return file.root.items.filter((n): n is Node => n !== null && typeof n === 'object');
}

/** Field reader for one mapping entry; every error points at the entry or the field. */
export class Entry {
  readonly file: YamlFile;
  readonly node: Node;

  constructor(file: YamlFile, node: Node) {
    if (!isMap(node)) throw new InputError(file.path, 'expected a mapping (key: value)', file.line(node));
    this.file = file;
    this.node = node;
  }

  /** Field node by key. */
  field(key: string): Node | undefined {
    if (!isMap(this.node)) return undefined;
    const v = this.node.get(key, true);
    return v === null || v === undefined ? undefined : (v as Node);
  }

  /** Keys present in the entry. */
  keys(): string[] {
    if (!isMap(this.node)) return [];
    return this.node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)));
  }

  /** Throw an InputError at this entry (or one of its fields). */
  fail(message: string, at?: Node): never {
    throw new InputError(this.file.path, message, this.file.line(at ?? this.node));
  }

  /** Reject keys not in `allowed` (a typo would otherwise be ignored silently). */
  only(allowed: readonly string[]): void {
    for (const k of this.keys())
      if (!allowed.includes(k)) this.fail(`unknown field "${k}" (allowed: ${allowed.join(', ')})`);
  }

  /** A required or optional string field. */
  string(key: string, required: true): string;
  string(key: string, required?: false): string | undefined;
  string(key: string, required = false): string | undefined {
    const n = this.field(key);
    if (n === undefined) {
      if (required) this.fail(`missing "${key}"`);
      return undefined;
    }
    if (!isScalar(n) || (typeof n.value !== 'string' && typeof n.value !== 'number') || String(n.value).trim() === '') {
      this.fail(`"${key}" must be a non-empty text`, n);
    }
    return String(n.value);
  }

  /** An optional boolean field. */
  boolean(key: string): boolean | undefined {
    const n = this.field(key);
    if (n === undefined) return undefined;
    if (!isScalar(n) || typeof n.value !== 'boolean') this.fail(`"${key}" must be true or false`, n);
    return n.value as boolean;
  }

  /** A list of non-empty strings (missing = empty list). */
  strings(key: string): string[] {
    const n = this.field(key);
    if (n === undefined) return [];
    if (!isSeq(n)) this.fail(`"${key}" must be a list`, n);
    return n.items.map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string' || item.value.trim() === '') {
        this.fail(`"${key}" entries must be non-empty texts`, (item as Node | null) ?? n);
      }
      return item.value as string;
    });
  }
}

/** Permanent slugs: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
