import { Fn, Token } from "cdktf";
import { isEmptyString } from "../core/terraform-conditions";

/** The tag (`:1.0`) or digest (`@sha256:...`) at the end of an image reference, as a Terraform pattern. */
const TAG_OR_DIGEST = "/(:[^/:@]+|@sha256:[a-f0-9]{64})$/";

/**
 * The image `image` (a URI with a tag or a digest) pinned to `digest` when `digest` is not empty:
 * `<repository>@<digest>`, the one image SageMaker then pulls, whatever the tag points at later. Both may be
 * Terraform expressions; Terraform decides.
 */
export function pinnedToDigest(image: string, digest: string): string {
  return Token.asString(
    Fn.conditional(
      isEmptyString(digest),
      image,
      `${Fn.replace(image, TAG_OR_DIGEST, "")}@${digest}`,
    ),
  );
}
