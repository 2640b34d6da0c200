import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import { AssetType, Fn, TerraformAsset, Token, type TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import type { Problems } from "../../modules/core/validation";
import type { ArtifactBucket } from "../../modules/storage/artifact-bucket";

/** The key of the model artifact in the bucket, as the recipe names it. */
export const MODEL_ARTIFACT_KEY = "model.tar.gz";

/** Where the model artifact comes from. */
export type ModelArtifact =
  /**
   * S3, as in the recipe: the URL in the variable `model_data_url`, or `s3://<bucket>/model.tar.gz` when it is
   * empty (you upload the artifact there yourself).
   */
  | { readonly source: "s3" }
  /**
   * A local `.tar.gz` that the stack uploads to `s3://<bucket>/model.tar.gz` (a Terraform asset and an
   * `aws_s3_object`); `model_data_url` must then stay empty. A relative path is relative to the working
   * directory of the synth (the project root for `npm run synth`).
   */
  | { readonly source: "local-file"; readonly path: string };

/** Adds a problem when a local artifact is not a readable gzip file named `*.tar.gz`. */
export function checkModelArtifact(problems: Problems, artifact: ModelArtifact): void {
  if (artifact.source !== "local-file") return;
  const field = "modelArtifact.path";
  const allowed = "the path of an existing gzip-compressed tar archive whose name ends in .tar.gz";
  if (!artifact.path.endsWith(".tar.gz")) {
    problems.add(field, artifact.path, allowed);
    return;
  }
  const path = resolve(artifact.path);
  let stats;
  try {
    stats = statSync(path);
  } catch {
    problems.add(field, artifact.path, `${allowed} (${path} does not exist)`);
    return;
  }
  if (!stats.isFile()) {
    problems.add(field, artifact.path, `${allowed} (${path} is not a file)`);
  } else if (!isGzip(path)) {
    problems.add(field, artifact.path, `${allowed} (${path} is not gzip-compressed)`);
  }
}

/** Whether the file starts with the gzip magic number 1f 8b. */
function isGzip(path: string): boolean {
  const header = Buffer.alloc(2);
  const file = openSync(path, "r");
  try {
    return readSync(file, header, 0, 2, 0) === 2 && header[0] === 0x1f && header[1] === 0x8b;
  } finally {
    closeSync(file);
  }
}

/** The model artifact's S3 URL, and the upload when the artifact is a local file. */
export interface ModelArtifactLocation {
  readonly url: string;
  readonly upload?: S3Object;
}

/** Where the model reads its artifact from; uploads a local one into `bucket`. */
export function modelArtifactLocation(
  scope: Construct,
  artifact: ModelArtifact,
  bucket: ArtifactBucket,
  modelDataUrl: TerraformVariable,
): ModelArtifactLocation {
  if (artifact.source === "s3") {
    return {
      url: Token.asString(
        Fn.conditional(
          isEmptyString(modelDataUrl.stringValue),
          `s3://${bucket.bucketName}/${MODEL_ARTIFACT_KEY}`,
          modelDataUrl.stringValue,
        ),
      ),
    };
  }
  // The asset is copied into the stack's output folder: the synthesized JSON names it by a relative path
  // (assets/model-artifact/<hash>/<file>) and its content hash, never by the path on this machine.
  const asset = new TerraformAsset(scope, "model-artifact", {
    path: resolve(artifact.path),
    type: AssetType.FILE,
  });
  const upload = new S3Object(scope, "model-artifact-object", {
    bucket: bucket.bucket.id,
    key: MODEL_ARTIFACT_KEY,
    source: asset.path,
    // A new file gives a new hash, which uploads it again (an etag cannot say so for SSE-KMS objects).
    sourceHash: asset.assetHash,
    lifecycle: {
      precondition: [
        {
          condition: isEmptyString(modelDataUrl.stringValue),
          errorMessage: `model_data_url must be empty: this stack uploads the model artifact from ${basename(artifact.path)} (modelArtifact source local-file).`,
        },
      ],
    },
  });
  return { url: `s3://${upload.bucket}/${upload.key}`, upload };
}
