import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { S3Object } from "@cdktf/provider-aws/lib/s3-object";
import {
  AssetType,
  Fn,
  TerraformAsset,
  TerraformLocal,
  Token,
  type TerraformVariable,
} from "cdktf";
import type { Construct } from "constructs";
import { knownKeys } from "../../modules/core/known-keys";
import { optional, STRING } from "../../modules/core/kinds";
import { S3_MODEL_ARTIFACT } from "../../modules/core/limits/sagemaker";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import type { Problems } from "../../modules/core/validation";
import type { ArtifactBucket } from "../../modules/storage/artifact-bucket";
import { stringVariable } from "../validated-variables";
import { IRIS_SAMPLE_ARCHIVE, irisSampleArchivePath } from "./iris-sample-archive";

/** The key of the model artifact in the bucket, as the recipe names it. */
const MODEL_ARTIFACT_KEY = "model.tar.gz";
const ARTIFACT_URL = "model_artifact_url";
const UPLOAD = "model-artifact-object";

/** Where the model artifact comes from, and so which image serves it. */
export type ModelArtifact =
  /**
   * The iris sample that ships with the project (`sample-model/model.tar.gz`, docs/iris-sample.md), served by
   * the deployment region's prebuilt scikit-learn image (or the image in `container_image_uri`) with its
   * handlers in the archive's `code/inference.py`. The stack uploads it to `s3://<bucket>/model.tar.gz`, as a
   * local file; `model_data_url` must stay empty. Deploys on an empty account with no other step.
   */
  | { readonly source: "iris-sample" }
  /**
   * S3, as in the recipe: the URL in the variable `model_data_url`, or `s3://<bucket>/model.tar.gz` when it is
   * empty (you upload the artifact there yourself), served by your own container (`container_image_uri`, or
   * the stack's repository, tag `latest`, which you push) running `predictor.py`.
   */
  | { readonly source: "s3" }
  /**
   * A local `.tar.gz` that the stack uploads to `s3://<bucket>/model.tar.gz` (a Terraform asset and an
   * `aws_s3_object`); `model_data_url` must then stay empty. A relative path is relative to the working
   * directory of the synth (the project root for `npm run synth`). Served by your own container, as with `s3`.
   */
  | { readonly source: "local-file"; readonly path: string };

/** The Terraform names of the artifact's URL (`local.model_artifact_url`) and of its upload (new: the recipe uploads nothing). */
export function artifactAddresses(artifact: ModelArtifact): Record<string, string> {
  return {
    [ARTIFACT_URL]: ARTIFACT_URL,
    ...(artifact.source === "s3" ? {} : { [UPLOAD]: "model_artifact" }),
  };
}

/** model_data_url: the artifact in S3, for the `s3` source. */
export function modelDataUrlVariable(scope: Construct): TerraformVariable {
  return stringVariable(scope, "model_data_url", {
    default: "",
    description: `S3 URL of the model artifact (.tar.gz); empty: s3://<bucket>/${MODEL_ARTIFACT_KEY}`,
    limit: S3_MODEL_ARTIFACT,
    orEmpty: true,
    nullable: false,
  });
}

const SOURCES: readonly string[] = ["iris-sample", "s3", "local-file"];
const ALLOWED_FILE =
  "the path of an existing gzip-compressed tar archive whose name ends in .tar.gz";

/** The settings of every source: `path` is a local file's only, which the source is checked for. */
export const ARTIFACT_KEYS = knownKeys<ModelArtifact>({ source: STRING, path: optional(STRING) });

/**
 * Adds a problem when the source is unknown, when a setting is not one of a model artifact's or a `path` is given
 * for another source than a local file, or when a local artifact (the sample's included) is not a readable gzip
 * file named `*.tar.gz`.
 */
export function checkModelArtifact(problems: Problems, artifact: ModelArtifact): void {
  ARTIFACT_KEYS.check(problems, "modelArtifact", artifact);
  const path: unknown = (artifact as { readonly path?: unknown }).path;
  if (artifact.source !== "local-file" && SOURCES.includes(artifact.source) && path !== undefined) {
    problems.add(
      "modelArtifact.path",
      path,
      `no path with source ${JSON.stringify(artifact.source)} (a path is a "local-file" source's)`,
    );
  }
  if (!SOURCES.includes(artifact.source)) {
    problems.add(
      "modelArtifact.source",
      artifact.source,
      SOURCES.map((source) => JSON.stringify(source)).join(", "),
    );
  } else if (artifact.source === "iris-sample") {
    const why = fileProblem(irisSampleArchivePath());
    if (why) {
      problems.add(
        "modelArtifact",
        artifact,
        `the sample's archive ${IRIS_SAMPLE_ARCHIVE}, which ${why}: restore it from git or rebuild it with npm run sample-model`,
      );
    }
  } else if (artifact.source === "local-file") {
    if (typeof artifact.path !== "string" || !artifact.path.endsWith(".tar.gz")) {
      problems.add("modelArtifact.path", artifact.path, ALLOWED_FILE);
      return;
    }
    const path = resolve(artifact.path);
    const why = fileProblem(path);
    if (why) problems.add("modelArtifact.path", artifact.path, `${ALLOWED_FILE} (${path} ${why})`);
  }
}

/** Why the file at `path` is not a gzip file, if it is not. */
function fileProblem(path: string): string | undefined {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return "does not exist";
  }
  if (!stats.isFile()) return "is not a file";
  if (!isGzip(path)) return "is not gzip-compressed";
  return undefined;
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

/** Where the model reads its artifact, and where the recipe's outputs tell you to upload it. */
export interface RecipeArtifact {
  /** `local.model_artifact_url`: the artifact's S3 URL. */
  readonly url: string;
  /** `s3://<bucket>/model.tar.gz`, the recipe's place for the artifact. */
  readonly bucketPath: string;
  /** Whether the stack uploads the artifact (a local file, the sample's included). */
  readonly uploaded: boolean;
  /**
   * The uploaded file's hash (`aws_s3_object.model_artifact.source_hash`): the model's revision, since a new file
   * goes to the same key and the model's URL does not change. Undefined for the `s3` source, whose URL is the
   * model's.
   */
  readonly revision?: string;
}

/**
 * `local.model_artifact_url`: model_data_url or `s3://<bucket>/model.tar.gz` for the `s3` source; otherwise the
 * local file (the sample's included), uploaded into `bucket` while model_data_url stays empty.
 */
export function recipeArtifact(
  scope: Construct,
  config: {
    readonly artifact: ModelArtifact;
    readonly bucket: ArtifactBucket;
    readonly modelDataUrl: TerraformVariable;
  },
): RecipeArtifact {
  const { artifact, bucket, modelDataUrl } = config;
  const bucketPath = `s3://${bucket.bucketName}/${MODEL_ARTIFACT_KEY}`;
  const upload =
    artifact.source === "s3" ? undefined : uploaded(scope, artifact, bucket, modelDataUrl);
  const url =
    upload === undefined
      ? Token.asString(
          Fn.conditional(
            isEmptyString(modelDataUrl.stringValue),
            bucketPath,
            modelDataUrl.stringValue,
          ),
        )
      : `s3://${upload.bucket}/${upload.key}`;
  return {
    url: new TerraformLocal(scope, ARTIFACT_URL, url).asString,
    bucketPath,
    uploaded: upload !== undefined,
    revision: upload?.sourceHash,
  };
}

/** The upload of a local artifact (the sample's included) into `bucket`. */
function uploaded(
  scope: Construct,
  artifact: Exclude<ModelArtifact, { readonly source: "s3" }>,
  bucket: ArtifactBucket,
  modelDataUrl: TerraformVariable,
): S3Object {
  const path = artifact.source === "iris-sample" ? irisSampleArchivePath() : resolve(artifact.path);
  // The asset is copied into the stack's output folder: the synthesized JSON names it by a relative path
  // (assets/model-artifact/<hash>/<file>) and its content hash, never by the path on this machine.
  const asset = new TerraformAsset(scope, "model-artifact", { path, type: AssetType.FILE });
  const upload = new S3Object(scope, UPLOAD, {
    bucket: bucket.bucket.id,
    key: MODEL_ARTIFACT_KEY,
    source: asset.path,
    // A new file gives a new hash, which uploads it again (an etag cannot say so for SSE-KMS objects).
    sourceHash: asset.assetHash,
    // Uploaded once the bucket encrypts with the key and keeps versions, not before with its first defaults.
    dependsOn: [bucket.encryption, bucket.versioning],
    lifecycle: {
      precondition: [
        {
          condition: isEmptyString(modelDataUrl.stringValue),
          errorMessage: `model_data_url must be empty: this stack uploads the model artifact from ${basename(path)} (modelArtifact source ${artifact.source}).`,
        },
      ],
    },
  });
  return upload;
}
