/**
 * The Terraform cases of every stack of `defineStacks`, by stack name. Every variable validation and every
 * precondition of a stack must be tripped by a case, with its exact message, and every validated variable set by
 * a case that plans (`terraform-case-coverage.test.ts` counts them from the synthesized JSON).
 */
import type { StackCases } from "../../../scripts/terraform/terraform-cases";
import { IAM_CASES } from "./iam";
import { ML_MODULE_CASES } from "./ml-module";
import { SAGEMAKER_PROVISIONED_CASES } from "./sagemaker-provisioned";
import { SAGEMAKER_SERVERLESS_CASES } from "./sagemaker-serverless";

export const TERRAFORM_CASES: Readonly<Record<string, StackCases>> = {
  iam: IAM_CASES,
  "sagemaker-serverless": SAGEMAKER_SERVERLESS_CASES,
  "ml-module": ML_MODULE_CASES,
  "sagemaker-provisioned": SAGEMAKER_PROVISIONED_CASES,
};
