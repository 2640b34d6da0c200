import { TerraformLocal, TerraformVariable, Testing } from "cdktf";
import { afterAll, describe, expect, it } from "vitest";
import { pinnedToDigest } from "../../modules/images/image-digest";
import { TerraformConsole } from "./terraform-console";

const REPOSITORY = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn";
const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const OTHER_DIGEST = `sha256:${"f".repeat(64)}`;

/** `local.pinned` as Terraform evaluates it (`terraform console`, offline) for `image` and `digest`. */
describe("pinnedToDigest, as Terraform evaluates it", () => {
  const terraform = new TerraformConsole(
    Testing.synthScope((scope) => {
      const image = new TerraformVariable(scope, "image", { type: "string" });
      const digest = new TerraformVariable(scope, "digest", { type: "string" });
      new TerraformLocal(scope, "pinned", pinnedToDigest(image.stringValue, digest.stringValue));
    }),
  );
  afterAll(() => terraform.dispose());
  const pinned = (image: string, digest: string) =>
    terraform.evaluate("local.pinned", { image, digest });

  it("keeps the image as given without a digest", () => {
    expect(pinned(`${REPOSITORY}:1.2-1-cpu-py3`, "")).toEqual({
      value: `${REPOSITORY}:1.2-1-cpu-py3`,
    });
  });

  it("replaces the tag, or another digest, with the digest", () => {
    expect(pinned(`${REPOSITORY}:latest`, DIGEST)).toEqual({ value: `${REPOSITORY}@${DIGEST}` });
    expect(pinned(`${REPOSITORY}@${OTHER_DIGEST}`, DIGEST)).toEqual({
      value: `${REPOSITORY}@${DIGEST}`,
    });
  });

  it("pins a repository under a namespace, and one given without a tag", () => {
    const nested = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/models";
    expect(pinned(`${nested}:v1.0`, DIGEST)).toEqual({ value: `${nested}@${DIGEST}` });
    expect(pinned(nested, DIGEST)).toEqual({ value: `${nested}@${DIGEST}` });
  });
});
