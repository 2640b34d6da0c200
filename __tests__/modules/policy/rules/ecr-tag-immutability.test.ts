import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { ecrTagImmutability as rule } from "../../../../modules/policy/rules/ecr-tag-immutability";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a repository with immutable tags", () => {
    expect(
      findingsOf(rule, (scope) => {
        new EcrRepository(scope, "immutable", { name: "a", imageTagMutability: "IMMUTABLE" });
      }),
    ).toEqual([]);
  });

  it("reports mutable tags, by default, on purpose, with exclusions, and decided at apply time", () => {
    expect(
      findingsOf(rule, (scope) => {
        new EcrRepository(scope, "default", { name: "a" });
        new EcrRepository(scope, "mutable", { name: "b", imageTagMutability: "MUTABLE" });
        new EcrRepository(scope, "exclusions", {
          name: "c",
          imageTagMutability: "IMMUTABLE_WITH_EXCLUSION",
        });
        const mutability = new TerraformVariable(scope, "mutability", { type: "string" });
        new EcrRepository(scope, "variable", {
          name: "d",
          imageTagMutability: mutability.stringValue,
        });
      }),
    ).toEqual(
      [
        ["default", "MUTABLE (the default)"],
        ["mutable", '"MUTABLE"'],
        ["exclusions", '"IMMUTABLE_WITH_EXCLUSION"'],
        ["variable", '"${var.mutability}"'],
      ].map(([name, shown]) => ({
        address: `aws_ecr_repository.${name}`,
        severity: "warning",
        message: `Lets a push overwrite an image tag (image_tag_mutability is ${shown}); set it to "IMMUTABLE", and refer to images by digest (@sha256:...).`,
      })),
    );
  });
});
