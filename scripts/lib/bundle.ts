/**
 * A command's code as one file per entry. On every start Node strips the types of the TypeScript sources and links
 * each module of the libraries (yaml, remark's micromark…): ~350 modules, 0.5–0.9 s of an ingest that finds one
 * changed article, and as much again in each worker thread. One bundle loads in ~0.1 s.
 *
 * Bundles are made with esbuild into `<dir>/<key>/`, the key being a hash of the content of every file a bundle was
 * made from (listed in `<dir>/bundle.json`), of the lock file and of Node's version: any edit makes a new bundle on
 * the next start. The key is of the bytes esbuild was given, not of the files read again afterwards: a file saved
 * while the bundle was made (the bundle holding either version) is found by content, where a modification time, on
 * a clock coarser than the build, could miss it. Without esbuild (or if it fails) the caller imports the sources.
 *
 * This module imports only Node's own modules: it runs before the bundle, on every start.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bumped when the way bundles are made changes (the plugin below, the options). */
const BUNDLE_FORMAT = 2;

/** What a key-named folder holds: for each entry, its bundle's file name. */
interface BundleRecord {
  format: number;
  key: string;
  /** Absolute paths of every file the bundles were made from. */
  inputs: string[];
  /** Entry name → file in the key's folder. */
  outputs: Record<string, string>;
}

/**
 * Builds `entries` into `outdir` and gives, for every file read, the digest (`digest`) of the bytes it bundled;
 * throws when it cannot (tests pass their own).
 */
export type Builder = (entries: Record<string, string>, outdir: string) => Promise<Map<string, string>>;

export interface BundleOptions {
  /** Folder of the bundles and their record (`.cache/cli`). */
  dir: string;
  /** Hashed with the inputs: a changed lock file means changed libraries. */
  lockFile?: string;
  builder?: Builder;
  /** Called when bundles are made (not taken from the folder); tests count builds with it. */
  onBuild?: () => void;
}

/** A file's content, as the key hashes it. */
export function digest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The key of bundles made from files of these digests (path → digest), with this lock file. */
function keyOf(digests: ReadonlyMap<string, string>, lockFile: string | undefined): string {
  const h = createHash('sha256');
  h.update(`${BUNDLE_FORMAT}\0${process.version}\0`);
  // A project without a lock file (a copy of the code alone) hashes its libraries' files only.
  h.update(lockFile !== undefined && existsSync(lockFile) ? readFileSync(lockFile) : 'no lock file');
  for (const file of [...digests.keys()].sort()) h.update(`\0${file}\0${digests.get(file)}`);
  return h.digest('hex').slice(0, 24);
}

/** The digests of the files as they are now; undefined when one is gone (the bundles are stale). */
function digestsOnDisk(files: Iterable<string>): Map<string, string> | undefined {
  const out = new Map<string, string>();
  try {
    for (const file of files) out.set(file, digest(readFileSync(file)));
  } catch {
    return undefined;
  }
  return out;
}

function keyOnDisk(files: Iterable<string>, lockFile: string | undefined): string | undefined {
  const digests = digestsOnDisk(files);
  return digests === undefined ? undefined : keyOf(digests, lockFile);
}

function readRecord(dir: string): BundleRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')) as BundleRecord;
    return record.format === BUNDLE_FORMAT ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The bundles of a record, when they are still made from the files as they are now. */
function current(dir: string, record: BundleRecord | undefined, lockFile: string | undefined, names: string[]) {
  if (record === undefined || names.some((n) => record.outputs[n] === undefined)) return undefined;
  if (keyOnDisk(record.inputs, lockFile) !== record.key) return undefined;
  const out: Record<string, string> = {};
  for (const n of names) {
    const file = join(dir, record.key, record.outputs[n] as string);
    try {
      statSync(file);
    } catch {
      return undefined;
    }
    out[n] = pathToFileURL(file).href;
  }
  return out;
}

/** esbuild's loader for the files the plugin below gives it; other files esbuild reads itself. */
const LOADERS: Record<string, 'ts' | 'tsx' | 'js' | 'jsx' | 'json'> = {
  ts: 'ts',
  mts: 'ts',
  cts: 'ts',
  tsx: 'tsx',
  js: 'js',
  mjs: 'js',
  cjs: 'js',
  jsx: 'jsx',
  json: 'json',
};

/**
 * esbuild, given every source file by a plugin that keeps the digest of the bytes it gave, and that replaces each
 * file's `import.meta.url` by the file's own URL: the ingest finds the sources it hashes for its cache keys (and
 * libraries their data files) next to the code, not next to the bundle.
 */
const esbuildBuilder: Builder = async (entries, outdir) => {
  const { build } = await import('esbuild');
  const given = new Map<string, string>();
  const result = await build({
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    metafile: true,
    write: true,
    logLevel: 'silent',
    // CommonJS libraries inside an ES module bundle still call `require` for Node's own modules.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module';\nconst require = __bundleRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'read-once',
        setup(b) {
          b.onLoad({ filter: /\.(?:[cm]?[jt]s|[jt]sx|json)$/, namespace: 'file' }, (args) => {
            const loader = LOADERS[args.path.slice(args.path.lastIndexOf('.') + 1)];
            if (loader === undefined) return undefined;
            const bytes = readFileSync(args.path);
            given.set(args.path, digest(bytes));
            const text = bytes.toString('utf8');
            if (!text.includes('import.meta.url')) return { contents: bytes, loader };
            return {
              contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader,
            };
          });
        },
      },
    ],
  });
  const cwd = process.cwd();
  const digests = new Map<string, string>();
  for (const p of Object.keys(result.metafile.inputs)) {
    const file = resolve(cwd, p);
    // A file esbuild read itself (no loader above) is hashed as it is now.
    digests.set(file, given.get(file) ?? digest(readFileSync(file)));
  }
  return digests;
};

/** Key-named folders other than `keep` that are a day old: a run started before the rebuild may still use its own. */
function prune(dir: string, keep: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(dir)) {
    if (name === keep || name === 'bundle.json') continue;
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/**
 * URLs of the bundles of `entries` (name → source file), made now if the folder has none for the files as they
 * are. Undefined when they cannot be made: the caller imports the sources.
 */
export async function bundled(
  entries: Record<string, string>,
  options: BundleOptions,
): Promise<Record<string, string> | undefined> {
  const { dir, lockFile } = options;
  const names = Object.keys(entries);
  const found = current(dir, readRecord(dir), lockFile, names);
  if (found !== undefined) return found;
  const building = join(dir, `.building-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(dir, { recursive: true });
    options.onBuild?.();
    const given = await (options.builder ?? esbuildBuilder)(entries, building);
    const inputs = [...given.keys()].sort();
    const key = keyOf(given, lockFile);
    // A file edited since esbuild read it: kept under the key of what was read, the next start would find it stale;
    // not kept at all, this run imports the sources as they are now.
    if (keyOnDisk(inputs, lockFile) !== key) {
      rmSync(building, { recursive: true, force: true });
      return undefined;
    }
    // esbuild names each entry's bundle after its key in `entries`.
    const outputs = Object.fromEntries(names.map((n) => [n, `${n}.mjs`]));
    // Several runs may build at once: each in its own folder, renamed into place (a complete one already there stays).
    const target = join(dir, key);
    try {
      renameSync(building, target);
    } catch {
      if (Object.values(outputs).every((f) => existsSync(join(target, f))))
        rmSync(building, { recursive: true, force: true });
      else {
        rmSync(target, { recursive: true, force: true });
        renameSync(building, target);
      }
    }
    const record: BundleRecord = { format: BUNDLE_FORMAT, key, inputs, outputs };
    const tmp = join(dir, `.bundle-${process.pid}.json`);
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, join(dir, 'bundle.json'));
    prune(dir, key);
    return current(dir, record, lockFile, names);
  } catch {
    rmSync(building, { recursive: true, force: true });
    return undefined;
  }
}
