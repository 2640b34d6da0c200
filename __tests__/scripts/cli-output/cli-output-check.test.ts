import { describe, expect, it } from "vitest";
import {
  changedFiles,
  EXPECTED_ERROR,
  outputProblems,
  readLines,
} from "../../../scripts/cli-output/cli-output-check";

/** What cdktf synth printed for the invalid app before (main at be65edf, abridged) and after this project's fix. */
const BEFORE = [
  "\u001b[2K\u001b[1A\u001b[2K\u001b[G",
  "⠧  Synthesizing",
  "[2026-11-30T19:39:37.778] [ERROR] default - /work/dist/modules/core/validation.js:126",
  "            throw new ValidationError(scope.node.path, this.found);",
  "ValidationError: Invalid configuration for 'sagemaker-serverless/embedding' (2 problems):",
  EXPECTED_ERROR[1],
  EXPECTED_ERROR[2],
  "    at Problems.throwIfAny (/work/dist/modules/core/validation.js:126:19)",
  "  problems: [",
  "ERROR: cdktf encountered an error while synthesizing",
  "Command output on stderr:",
  "    ValidationError: Invalid configuration for 'sagemaker-serverless/embedding' (2 problems):",
  `    ${EXPECTED_ERROR[1]}`,
  `    ${EXPECTED_ERROR[2]}`,
  "        at Problems.throwIfAny (/work/dist/modules/core/validation.js:126:19)",
].join("\n");
const AFTER = [
  "\u001b[2K\u001b[1A\u001b[2K\u001b[G",
  "⠦  Synthesizing",
  "INFO [iam/sagemaker-execution-role/managed-AmazonSageMakerFullAccess]: [iam-broad-managed-policy] ...",
  ...EXPECTED_ERROR,
  "⠦  Processing",
  "Error: While synthesizing one or more error annotations have been encountered. Please check the log output above.",
].join("\n");

describe("readLines", () => {
  it("leaves out colours and the spinner's frames", () => {
    expect(readLines(AFTER)).toEqual([
      "INFO [iam/sagemaker-execution-role/managed-AmazonSageMakerFullAccess]: [iam-broad-managed-policy] ...",
      ...EXPECTED_ERROR,
      "Error: While synthesizing one or more error annotations have been encountered. Please check the log output above.",
    ]);
  });
});

describe("outputProblems", () => {
  it("accepts the problems printed once, without a stack trace, and a failing exit code", () => {
    expect(outputProblems(AFTER, 1)).toEqual([]);
  });

  it("reports an exit code 0", () => {
    expect(outputProblems(AFTER, 0)).toEqual(["exit code 0, expected a failure"]);
  });

  it("reports every way the output before the fix was wrong", () => {
    expect(outputProblems(BEFORE, 1)).toEqual([
      "the error is not printed as the construct's list of problems",
      "'- memorySizeInMB: got 2500; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)' printed 2 times",
      "'- maxConcurrency: got 0; allowed: a whole number from 1 to 200' printed 2 times",
      "a JavaScript stack trace is printed",
      "the error object is dumped",
    ]);
  });
});

describe("changedFiles", () => {
  it("accepts files as they were", () => {
    expect(
      changedFiles(
        { "a/cdk.tf.json": "{}", "a/.terraform/marker": "" },
        { "a/cdk.tf.json": "{}", "a/.terraform/marker": "" },
      ),
    ).toEqual([]);
  });

  it("reports each file removed or changed, and one the first synth did not write", () => {
    expect(
      changedFiles(
        {
          "a/cdk.tf.json": "{}",
          "b/cdk.tf.json": "{}",
          "c/.terraform/marker": "x",
          "d/cdk.tf": undefined,
        },
        {
          "a/cdk.tf.json": "{}",
          "b/cdk.tf.json": "{ }",
          "c/.terraform/marker": undefined,
          "d/cdk.tf": "",
        },
      ),
    ).toEqual([
      "b/cdk.tf.json was changed",
      "c/.terraform/marker was removed",
      "d/cdk.tf was not written by the first synth",
    ]);
  });
});
