import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import { mergeTags, tagsWithName } from "../../../modules/core/tags";
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

describe("mergeTags", () => {
  it("merges known maps in order, later ones winning, and skips undefined ones", () => {
    expect(mergeTags({ a: "1", b: "1" }, undefined, { b: "2" })).toEqual({ a: "1", b: "2" });
    expect(mergeTags()).toEqual({});
  });

  it("lets Terraform merge when a map is known only at apply time", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const tags = new TerraformVariable(stack, "tags", { type: "map(string)" });
    expect(
      resolved(stack, mergeTags({ "managed-by": "Terraform" }, Token.asStringMap(tags.value))),
    ).toBe('${merge({"managed-by" = "Terraform"}, var.tags)}');
  });
});
