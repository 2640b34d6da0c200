/**
 * What the limits allow, word for word, as the tests expect it in errors and Terraform messages: written out here,
 * never read from the limits under test (modules/core/limits).
 */
export const SAGEMAKER_NAME_WORDS =
  "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit";
export const IAM_ROLE_NAME_WORDS =
  "an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -";
export const ECR_IMAGE_URI_WORDS =
  "an Amazon ECR image URI of at most 255 characters: <account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]";
export const ECR_REPOSITORY_NAME_WORDS =
  "an ECR repository name of 2-256 characters: lowercase letters and digits, separated by '.', '_', '__' or hyphens, with optional '/' namespaces (e.g. team/model-server)";
export const S3_BUCKET_NAME_WORDS =
  "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names)";
