import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { derivedNamePrecondition } from "../../../modules/core/derived-names";
import { SAGEMAKER_NAME } from "../../../modules/core/limits/sagemaker";
import { resolved } from "../../helpers/synth";
import { SAGEMAKER_NAME_WORDS } from "../../helpers/allowed";

describe("derivedNamePrecondition", () => {
  const stack = new TerraformStack(Testing.app(), "s");
  const project = new TerraformVariable(stack, "project_name", { type: "string" }).stringValue;

  it("checks the joined name and shows it with its length and what is allowed", () => {
    const precondition = derivedNamePrecondition(
      "endpointName (<project_name>-endpoint)",
      [project, "endpoint"],
      SAGEMAKER_NAME,
      "Shorten project_name.",
    );
    const joined = 'join("-", [var.project_name, "endpoint"])';
    expect(resolved(stack, precondition.condition)).toBe(
      `\${((length(${joined}) <= 63) && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$", ${joined})))}`,
    );
    expect(resolved(stack, precondition.errorMessage)).toBe(
      `endpointName (<project_name>-endpoint) is '\${var.project_name}-endpoint', \${length(${joined})} characters; allowed: ${SAGEMAKER_NAME_WORDS}. Shorten project_name.`,
    );
  });
});
