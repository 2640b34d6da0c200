import type { PolicyRule } from "../rule";
import { asBlock, asList, isExpression } from "../values";

/** An image reference pinned to one image: `<repository>@sha256:<64 hex digits>`. */
const BY_DIGEST = /@sha256:[a-f0-9]{64}$/;

export const sagemakerModelImageDigest: PolicyRule = {
  id: "sagemaker-model-image-digest",
  severity: "warning",
  what: "Model containers refer to their image by digest (`<repository>@sha256:<digest>`), not by a tag",
  why: "A tag can be moved to another image by whoever can push to the repository (AWS also republishes patched framework images under the same tag): the next instance SageMaker starts, when it scales out or replaces one, then runs another image, with no change to the infrastructure",
  checkov: [],
  reference:
    "SageMaker API ContainerDefinition Image (`registry/repository[:tag]` or `[@digest]`); Amazon ECR User Guide, Image tag mutability; AWS Deep Learning Containers release notes (a build's images also carry moving version tags); checkov CKV_K8S_43 (the same check for Kubernetes)",
  appliesTo: ["aws_sagemaker_model"],
  check(model) {
    const images = [model.attributes.primary_container, ...asList(model.attributes.container)]
      .map((container) => asBlock(container)?.image)
      .filter((image): image is string => typeof image === "string");
    return images
      .filter((image) => !BY_DIGEST.test(image))
      .map((image) =>
        isExpression(image)
          ? `Its image ${image} is decided at apply time and cannot be checked to be a digest; refer to it as ` +
            "<repository>@sha256:<digest>, or acknowledge the tag."
          : `Its image ${image} is a tag, which a push can move to another image; refer to it as ` +
            "<repository>@sha256:<digest>.",
      );
  },
};
