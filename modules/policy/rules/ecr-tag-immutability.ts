import type { PolicyRule } from "../rule";
import { shown } from "../values";

export const ecrTagImmutability: PolicyRule = {
  id: "ecr-tag-immutability",
  severity: "warning",
  what: "Every ECR repository has immutable image tags (`image_tag_mutability` `IMMUTABLE`)",
  why: "With mutable tags, whoever can push changes what a tag such as `:latest` means, so the next instance an endpoint starts runs another image without any change to the infrastructure",
  checkov: ["CKV_AWS_51"],
  reference: "Amazon ECR User Guide, Preventing image tags from being overwritten",
  appliesTo: ["aws_ecr_repository"],
  check(repository) {
    const mutability = repository.attributes.image_tag_mutability;
    return mutability === "IMMUTABLE"
      ? []
      : [
          `Lets a push overwrite an image tag (image_tag_mutability is ${mutability === undefined ? "MUTABLE (the default)" : shown(mutability)}); ` +
            'set it to "IMMUTABLE", and refer to images by digest (@sha256:...).',
        ];
  },
};
