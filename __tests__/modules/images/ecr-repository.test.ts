import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ecrRepositoryArn } from "../../../modules/images/ecr-repository";
import { resolved } from "../../helpers/synth";

const PARTITION = "${data.aws_partition.current.partition}";

describe("ecrRepositoryArn", () => {
  it.each([
    [
      "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
      `arn:${PARTITION}:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn`,
    ],
    [
      "111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/team/model@sha256:" + "0a".repeat(32),
      `arn:${PARTITION}:ecr:cn-north-1:111122223333:repository/team/model`,
    ],
    [
      "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model",
      `arn:${PARTITION}:ecr:eu-west-1:111122223333:repository/model`,
    ],
  ])("takes the repository of %s", (uri, arn) => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(resolved(stack, ecrRepositoryArn(stack, uri))).toBe(arn);
  });

  it("lets Terraform rewrite a URI known only at apply time", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const image = new TerraformVariable(stack, "image", { type: "string" });
    // Checked by hand with terraform 1.11: ECR URIs become the repository ARN, anything else comes back as is.
    expect(resolved(stack, ecrRepositoryArn(stack, image.stringValue))).toBe(
      '${replace(var.image, "/^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$/", ' +
        `"arn:${PARTITION}:ecr:$2:$1:repository/$4")}`,
    );
  });

  it("refuses a URI that is not an ECR image", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => ecrRepositoryArn(stack, "docker.io/library/nginx:latest")).toThrowError(
      'Not an Amazon ECR image URI: "docker.io/library/nginx:latest"',
    );
  });
});
