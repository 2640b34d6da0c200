import { describe, expect, it } from "vitest";
import {
  ECR_IMAGE_URI,
  ECR_REPOSITORY_NAME,
  ECR_TAG_MUTABILITY,
  IMAGE_DIGEST,
} from "../../../../modules/core/limits/ecr";
import { resolved } from "../../../helpers/synth";
import { stack, v } from "./values";
import { ECR_IMAGE_URI_WORDS, ECR_REPOSITORY_NAME_WORDS } from "../../../helpers/allowed";

describe("ECR_IMAGE_URI", () => {
  it.each([
    "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
    "450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-scikit-learn:1.2-1-cpu-py3",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/my_model__v2",
    `111122223333.dkr.ecr.eu-west-1.amazonaws.com/model@sha256:${"0a".repeat(32)}`,
  ])("accepts %s", (uri) => {
    expect(ECR_IMAGE_URI.rule(uri)).toBeUndefined();
  });

  it.each([
    "docker.io/library/nginx:latest",
    "11112222333.dkr.ecr.eu-west-1.amazonaws.com/model",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/Model",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model:-tag",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model:has space",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model@sha256:short",
  ])("rejects %s", (uri) => {
    expect(ECR_IMAGE_URI.rule(uri)).toBe(ECR_IMAGE_URI_WORDS);
  });

  it("says how long a URI that is too long is", () => {
    const uri = `111122223333.dkr.ecr.eu-west-1.amazonaws.com/${"m".repeat(120)}:${"t".repeat(90)}`;
    expect(uri.length).toBe(256);
    expect(ECR_IMAGE_URI.rule(uri)).toBe(`${ECR_IMAGE_URI_WORDS} (this one has 256)`);
  });

  it("uses the same pattern in Terraform", () => {
    expect(ECR_IMAGE_URI.description).toBe(ECR_IMAGE_URI_WORDS);
    expect(resolved(stack, ECR_IMAGE_URI.condition(v))).toBe(
      '${((length(var.v) <= 255) && can(regex("^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$", var.v)))}',
    );
  });
});

describe("ECR_REPOSITORY_NAME", () => {
  it.each([
    "ab",
    "sagemaker-sklearn-inference",
    "team/model_server",
    "a__b",
    "a--b.c",
    "x".repeat(256),
  ])("accepts %s", (name) => {
    expect(ECR_REPOSITORY_NAME.rule(name)).toBeUndefined();
  });
  it.each(["a", "Upper", "-a", "a-", "a//b", "a/", "a___b", "a b"])("rejects %j", (name) => {
    expect(ECR_REPOSITORY_NAME.rule(name)).toBe(ECR_REPOSITORY_NAME_WORDS);
  });
  it("counts the characters of a name that is too long", () => {
    expect(ECR_REPOSITORY_NAME.rule("x".repeat(257))).toBe(
      `${ECR_REPOSITORY_NAME_WORDS} (this one has 257)`,
    );
  });
  it("checks both lengths and the pattern in Terraform", () => {
    expect(resolved(stack, ECR_REPOSITORY_NAME.condition(v))).toBe(
      '${(((length(var.v) >= 2) && (length(var.v) <= 256)) && can(regex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$", var.v)))}',
    );
  });
});

describe("ECR_TAG_MUTABILITY and IMAGE_DIGEST", () => {
  it("take MUTABLE or IMMUTABLE", () => {
    expect(ECR_TAG_MUTABILITY.rule("IMMUTABLE")).toBeUndefined();
    expect(ECR_TAG_MUTABILITY.rule("immutable")).toBe("MUTABLE or IMMUTABLE");
    expect(resolved(stack, ECR_TAG_MUTABILITY.condition(v))).toBe(
      '${contains(["MUTABLE", "IMMUTABLE"], var.v)}',
    );
  });

  it("take sha256: and 64 lowercase hex digits", () => {
    expect(IMAGE_DIGEST.rule(`sha256:${"ab".repeat(32)}`)).toBeUndefined();
    expect(IMAGE_DIGEST.rule(`sha256:${"AB".repeat(32)}`)).toBe(
      "an image digest, sha256: and 64 lowercase hex digits",
    );
    expect(resolved(stack, IMAGE_DIGEST.condition(v))).toBe(
      '${can(regex("^sha256:[a-f0-9]{64}$", var.v))}',
    );
  });
});
