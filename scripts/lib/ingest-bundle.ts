/** The ingest command's bundles (bundle.ts): the command and its workers, made in `<root>/.cache/cli`. */
import { join } from 'node:path';
import { bundled } from './bundle.ts';

/** URLs of the ingest command's bundle (`ingest-cli`) and its workers' for the project at `root`. */
export function ingestBundles(root: string): Promise<Record<string, string> | undefined> {
  return bundled(
    {
      'ingest-cli': join(root, 'scripts/lib/ingest-cli.ts'),
      'read-worker': join(root, 'src/lib/ingest/read-worker.ts'),
      'volume-worker': join(root, 'src/lib/ingest/volume-worker.ts'),
    },
    { dir: join(root, '.cache/cli'), lockFile: join(root, 'package-lock.json') },
  );
}
