/**
 * The model artifact: the iris sample (the default), from S3 (the recipe's model_data_url) or from a local .tar.gz
 * the stack uploads, and the synth-time errors of a source or a local path.
 */
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { ModelArtifact } from "../../../stacks/sagemaker-provisioned/model-artifact";
import { SagemakerProvisionedStack } from "../../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { IRIS_SAMPLE_ASSET_HASH } from "../../helpers/providers";
import { BUCKET, synthProvisioned, uploadedArtifact } from "./expected";

const SAMPLE = join("sample-model", "model.tar.gz");
const folder = mkdtempSync(join(tmpdir(), "model-artifact-"));
/**
 * A copy of the iris sample's archive, with its name and mode: the same bytes under the same name, so the asset
 * hash is the sample's, which providers.ts pins for each CDK release.
 */
const ARTIFACT = join(folder, "model.tar.gz");
copyFileSync(SAMPLE, ARTIFACT);
chmodSync(ARTIFACT, statSync(SAMPLE).mode);
/** Another artifact: a tiny gzip file (the stack checks the name and the gzip header, not the tar inside). */
const CHANGED = join(folder, "changed", "model.tar.gz");
mkdirSync(join(folder, "changed"));
writeFileSync(CHANGED, gzipSync(Buffer.from("iris model")));
const ALLOWED = "the path of an existing gzip-compressed tar archive whose name ends in .tar.gz";

function errorOf(path: string): string | undefined {
  return errorOfArtifact({ source: "local-file", path });
}

function errorOfArtifact(modelArtifact: ModelArtifact): string | undefined {
  try {
    new SagemakerProvisionedStack(Testing.app(), "sagemaker-provisioned", { modelArtifact });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function problem(path: string, why?: string): string {
  return [
    "Invalid configuration for 'sagemaker-provisioned' (1 problem):",
    `  - modelArtifact.path: got ${JSON.stringify(path)}; allowed: ${ALLOWED}${why ? ` (${why})` : ""}`,
  ].join("\n");
}

describe("the model artifact from S3", () => {
  it("is model_data_url, or s3://<bucket>/model.tar.gz when it is empty, and nothing is uploaded", () => {
    const { json } = synthProvisioned({ modelArtifact: { source: "s3" } });
    expect(json.locals?.model_artifact_url).toBe(
      `\${(length(var.model_data_url) < 1) ? "s3://${BUCKET}/model.tar.gz" : var.model_data_url}`,
    );
    expect(json.resource?.aws_s3_object).toBeUndefined();
  });
});

describe("the model artifact from a local file", () => {
  const { json } = synthProvisioned({ modelArtifact: { source: "local-file", path: ARTIFACT } });
  const upload = json.resource?.aws_s3_object?.model_artifact;
  const hash = IRIS_SAMPLE_ASSET_HASH;

  it("is uploaded to s3://<bucket>/model.tar.gz, named by its content hash", () => {
    expect(upload).toEqual(uploadedArtifact(hash, "local-file"));
  });

  it("is uploaded again whenever its content changes: another content, another hash", () => {
    const { json: changed } = synthProvisioned({
      modelArtifact: { source: "local-file", path: CHANGED },
    });
    const changedHash = changed.resource?.aws_s3_object?.model_artifact?.source_hash;
    expect(changedHash).toMatch(/^[0-9A-F]{32}$/);
    expect(changedHash).not.toBe(hash);
  });

  it("is what the model reads, so the model waits for the upload", () => {
    expect(json.locals?.model_artifact_url).toBe(
      "s3://${aws_s3_object.model_artifact.bucket}/${aws_s3_object.model_artifact.key}",
    );
    expect(json.resource?.aws_sagemaker_model?.ml_model?.primary_container).toMatchObject({
      model_data_url: "${local.model_artifact_url}",
    });
  });

  it("says the stack uploaded it", () => {
    expect((json.output?.next_steps?.value as string[])[1]).toBe(
      `2. Model artifacts uploaded by this stack to: s3://${BUCKET}/model.tar.gz`,
    );
  });

  it("names no path of this machine in the JSON, and copies the file into the stack's output", () => {
    const text = JSON.stringify(json);
    expect(text).not.toContain(folder);
    expect(text).not.toContain(tmpdir());
    const app = Testing.app();
    new SagemakerProvisionedStack(app, "sagemaker-provisioned", {
      modelArtifact: { source: "local-file", path: relative(process.cwd(), ARTIFACT) },
    });
    app.synth();
    const copied = join(
      app.outdir,
      "stacks",
      "sagemaker-provisioned",
      "assets",
      "model-artifact",
      hash,
      "model.tar.gz",
    );
    expect(readFileSync(copied)).toEqual(readFileSync(ARTIFACT));
  });
});

describe("the iris sample, the default", () => {
  it("is copied from sample-model/model.tar.gz into the stack's output, whatever the working directory", () => {
    const before = process.cwd();
    process.chdir(mkdtempSync(join(tmpdir(), "elsewhere-")));
    try {
      const app = Testing.app();
      new SagemakerProvisionedStack(app, "sagemaker-provisioned");
      app.synth();
      const stackDir = join(app.outdir, "stacks", "sagemaker-provisioned");
      const upload = (
        JSON.parse(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")) as {
          resource: { aws_s3_object: { model_artifact: { source: string } } };
        }
      ).resource.aws_s3_object.model_artifact;
      expect(readFileSync(join(stackDir, upload.source))).toEqual(
        readFileSync(join(before, "sample-model", "model.tar.gz")),
      );
    } finally {
      process.chdir(before);
    }
  });
});

describe("a model artifact source the types exclude", () => {
  it("is refused with the sources there are", () => {
    expect(errorOfArtifact({ source: "http" } as unknown as ModelArtifact)).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned' (1 problem):",
        '  - modelArtifact.source: got "http"; allowed: "iris-sample", "s3", "local-file"',
      ].join("\n"),
    );
  });

  it("is refused when a local file has no path", () => {
    expect(errorOfArtifact({ source: "local-file" } as unknown as ModelArtifact)).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned' (1 problem):",
        `  - modelArtifact.path: got (not set); allowed: ${ALLOWED}`,
      ].join("\n"),
    );
  });
});

describe("a local model artifact that is not a .tar.gz", () => {
  it("is refused when the path does not exist", () => {
    const missing = join(folder, "missing.tar.gz");
    expect(errorOf(missing)).toBe(problem(missing, `${missing} does not exist`));
  });

  it("is refused when the name does not end in .tar.gz", () => {
    const zip = join(folder, "model.zip");
    writeFileSync(zip, gzipSync(Buffer.from("x")));
    expect(errorOf(zip)).toBe(problem(zip));
  });

  it("is refused when the file is not gzip-compressed", () => {
    const plain = join(folder, "plain.tar.gz");
    writeFileSync(plain, "not compressed");
    expect(errorOf(plain)).toBe(problem(plain, `${plain} is not gzip-compressed`));
  });

  it("is refused when the path is a folder", () => {
    const directory = join(folder, "folder.tar.gz");
    mkdirSync(directory, { recursive: true });
    expect(errorOf(directory)).toBe(problem(directory, `${directory} is not a file`));
  });
});
