/**
 * `npm run sample-model`: trains the iris sample (python3 sample-model/train.py), then packs
 * sample-model/model.tar.gz from sample-model/model/, the same bytes on every machine.
 *
 *   node dist/scripts/sample-model/build.js
 *
 * Commit the archive with what changed in sample-model/: the stack uploads the committed file, and a test checks
 * that a rebuild gives it back byte for byte.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { IRIS_SAMPLE_ARCHIVE } from "../../stacks/sagemaker-provisioned/iris-sample-archive";
import { reproducibleTarGz, type ArchiveEntry } from "./tar-gz";

/**
 * What the archive holds, in order, from sample-model/model/: the handlers where the scikit-learn image looks for
 * them (code/, SAGEMAKER_SUBMIT_DIRECTORY=/opt/ml/model/code), the parameters where model_fn reads them. Listed,
 * not globbed: a stray file (a __pycache__, an editor's backup) never ships.
 */
export const IRIS_SAMPLE_ENTRIES = ["code/", "code/inference.py", "model.json"];

/** The sample's archive, built from `<root>/sample-model/model/`. */
export function irisSampleArchive(root: string): Buffer {
  const source = join(root, "sample-model", "model");
  const entries: ArchiveEntry[] = IRIS_SAMPLE_ENTRIES.map((path) =>
    path.endsWith("/") ? { path } : { path, content: readFileSync(join(source, path)) },
  );
  return reproducibleTarGz(entries);
}

function main(): void {
  const root = resolve(__dirname, "..", "..", "..");
  const archive = irisSampleArchive(root);
  writeFileSync(join(root, IRIS_SAMPLE_ARCHIVE), archive);
  const sha256 = createHash("sha256").update(archive).digest("hex");
  console.log(`Wrote ${IRIS_SAMPLE_ARCHIVE}: ${archive.length} bytes, sha256 ${sha256}.`);
}

if (require.main === module) main();
