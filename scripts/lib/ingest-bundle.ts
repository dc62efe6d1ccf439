/** The ingest command's bundles (bundle.ts): the command and its worker, made in `<root>/.cache/cli`. */
import { join } from 'node:path';
import { bundled } from './bundle.ts';

/** URLs of the ingest command's bundle (`ingest-cli`) and its worker's (`read-worker`) for the project at `root`. */
export function ingestBundles(root: string): Promise<Record<string, string> | undefined> {
  return bundled(
    {
      'ingest-cli': join(root, 'scripts/lib/ingest-cli.ts'),
      'read-worker': join(root, 'src/lib/ingest/read-worker.ts'),
    },
    { dir: join(root, '.cache/cli'), lockFile: join(root, 'package-lock.json') },
  );
}
