import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { tagsWithName } from "../../../modules/core/tags";
import { resolved } from "../../helpers/synth";

describe("tagsWithName", () => {
  it("adds Name to plain tags, over a Name they already have", () => {
    expect(tagsWithName({ team: "ml", Name: "old" }, "my-role")).toEqual({
      team: "ml",
      Name: "my-role",
    });
    expect(tagsWithName(undefined, "my-role")).toEqual({ Name: "my-role" });
  });

  it("lets Terraform merge tags known only at apply time", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const tags = new TerraformVariable(stack, "tags", { type: "map(string)" });
    const name = new TerraformVariable(stack, "name", { type: "string" });
    expect(
      resolved(stack, tagsWithName(Token.asStringMap(tags.value), `${name.stringValue}-role`)),
    ).toBe('${merge(var.tags, {"Name" = "${var.name}-role"})}');
  });
});
