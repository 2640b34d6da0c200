import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The sample's archive, relative to the project root; committed, so a fresh clone synthesizes without a build. */
export const IRIS_SAMPLE_ARCHIVE = "sample-model/model.tar.gz";

/**
 * The absolute path of the sample's archive. Found from this file, not from the working directory, so the app
 * synthesizes the same from any folder, compiled (`dist/stacks/...`) or not: the nearest folder above that holds a
 * `cdktf.json` is the project root.
 */
export function irisSampleArchivePath(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, "cdktf.json")) && dirname(folder) !== folder) {
    folder = dirname(folder);
  }
  return join(folder, IRIS_SAMPLE_ARCHIVE);
}
