import { describe, expect, it } from "vitest";
import {
  instanceAddress,
  originalAddress,
  standInAddress,
} from "../../../scripts/terraform/stand-in-addresses";

describe("stand-in addresses", () => {
  it.each([
    ["aws_kms_key.k", "terraform_data.aws_kms_key__k"],
    ["aws_kms_key.k[0]", "terraform_data.aws_kms_key__k[0]"],
    [
      'module.old.aws_sagemaker_model.models["demo-model"]',
      'module.old.terraform_data.aws_sagemaker_model__models["demo-model"]',
    ],
    [
      'module.platform["prod"].module.inference[0].aws_appautoscaling_policy.auto_scaling_policies["e/v/p"]',
      'module.platform["prod"].module.inference[0].terraform_data.aws_appautoscaling_policy__auto_scaling_policies["e/v/p"]',
    ],
  ])("stands %s in as %s, and back", (address, standIn) => {
    expect(standInAddress(address)).toBe(standIn);
    expect(originalAddress(standIn)).toBe(address);
  });

  it.each(["data.aws_region.current", "terraform_data.own", "module.old"])(
    "leaves %s as it is",
    (address) => {
      expect(standInAddress(address)).toBe(address);
    },
  );

  it("parses an instance address into what a state file holds", () => {
    expect(instanceAddress('module.old["a"].module.inner.terraform_data.aws_x__y["e/v"]')).toEqual({
      module: 'module.old["a"].module.inner',
      type: "terraform_data",
      name: "aws_x__y",
      key: "e/v",
    });
    expect(instanceAddress("terraform_data.aws_x__y[2]")).toEqual({
      module: undefined,
      type: "terraform_data",
      name: "aws_x__y",
      key: 2,
    });
    expect(instanceAddress("terraform_data.aws_x__y")).toEqual({
      module: undefined,
      type: "terraform_data",
      name: "aws_x__y",
      key: undefined,
    });
    expect(instanceAddress("module.old")).toBeUndefined();
    expect(instanceAddress("data.aws_region.current")).toBeUndefined();
  });
});
