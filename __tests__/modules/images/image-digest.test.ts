import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerraformLocal, TerraformVariable, Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { pinnedToDigest } from "../../../modules/images/image-digest";

const REPOSITORY = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn";
const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const OTHER_DIGEST = `sha256:${"f".repeat(64)}`;

/**
 * `local.pinned` as Terraform evaluates it for `image` and `digest`, with `terraform console` on the synthesized
 * variables and local (no provider is involved, so it runs offline).
 */
describe("pinnedToDigest, as Terraform evaluates it", () => {
  const dir = mkdtempSync(join(tmpdir(), "image-digest-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // An empty CLI configuration: no provider is needed, and nothing of the machine's applies.
  writeFileSync(join(dir, "empty.tfrc"), "");
  writeFileSync(
    join(dir, "main.tf.json"),
    Testing.synthScope((scope) => {
      const image = new TerraformVariable(scope, "image", { type: "string" });
      const digest = new TerraformVariable(scope, "digest", { type: "string" });
      new TerraformLocal(scope, "pinned", pinnedToDigest(image.stringValue, digest.stringValue));
    }),
  );
  const evaluate = (image: string, digest: string): string => {
    const run = spawnSync(
      "terraform",
      ["console", "-no-color", `-var=image=${image}`, `-var=digest=${digest}`],
      {
        cwd: dir,
        input: "local.pinned\n",
        encoding: "utf8",
        env: {
          ...process.env,
          TF_CLI_CONFIG_FILE: join(dir, "empty.tfrc"),
          CHECKPOINT_DISABLE: "1",
        },
      },
    );
    expect(run.stderr).toBe("");
    return JSON.parse(run.stdout.trim()) as string;
  };

  it("keeps the image as given without a digest", () => {
    expect(evaluate(`${REPOSITORY}:1.2-1-cpu-py3`, "")).toBe(`${REPOSITORY}:1.2-1-cpu-py3`);
  });

  it("replaces the tag, or another digest, with the digest", () => {
    expect(evaluate(`${REPOSITORY}:latest`, DIGEST)).toBe(`${REPOSITORY}@${DIGEST}`);
    expect(evaluate(`${REPOSITORY}@${OTHER_DIGEST}`, DIGEST)).toBe(`${REPOSITORY}@${DIGEST}`);
  });

  it("pins a repository under a namespace, and one given without a tag", () => {
    const nested = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/models";
    expect(evaluate(`${nested}:v1.0`, DIGEST)).toBe(`${nested}@${DIGEST}`);
    expect(evaluate(nested, DIGEST)).toBe(`${nested}@${DIGEST}`);
  });
});
