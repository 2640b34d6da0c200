import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { ECR_IMAGE_URI_PATTERN } from "../core/limits/ecr";
import { isUnresolved } from "../core/validation";

/**
 * The ARN of the ECR repository an image URI points at, e.g.
 * `arn:<partition>:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn`, so a role can be allowed to
 * pull from that repository only.
 *
 * A URI known at synth time must be an ECR image URI (check it with `ECR_IMAGE_URI` first). For a URI known only
 * at apply time Terraform rewrites it with `replace()`; guard such a value with `ECR_IMAGE_URI.condition`, because
 * a URI that does not match comes back unchanged and IAM refuses it as a policy resource.
 */
export function ecrRepositoryArn(scope: Construct, imageUri: string): string {
  const aws = AwsContext.of(scope);
  if (isUnresolved(imageUri)) {
    return Fn.replace(
      imageUri,
      `/${ECR_IMAGE_URI_PATTERN}/`,
      `arn:${aws.partition}:ecr:$2:$1:repository/$4`,
    );
  }
  const match = new RegExp(ECR_IMAGE_URI_PATTERN).exec(imageUri);
  if (!match) throw new Error(`Not an Amazon ECR image URI: ${JSON.stringify(imageUri)}`);
  const [, account, region, , repository] = match;
  return aws.arn({ service: "ecr", region, account, resource: `repository/${repository}` });
}
