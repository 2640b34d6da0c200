import { Testing, TerraformStack, TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  dnsSuffixOfRegion,
  RegionalImage,
  regionsWithImages,
} from "../../../modules/images/regional-image";
import {
  expectRegistryTable,
  HUGGINGFACE_INFERENCE_PINNED,
  HUGGINGFACE_INFERENCE_REGIONS,
  SKLEARN_INFERENCE_PINNED,
  SKLEARN_INFERENCE_REGIONS,
} from "../../helpers/registry-accounts";
import { resolved, synthStack } from "../../helpers/synth";

const HF = {
  registry: "huggingface-inference",
  repository: "huggingface-pytorch-inference",
  tag: "t",
} as const;

describe("RegionalImage with a region known at synth time", () => {
  it.each([
    ["us-east-1", "763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:t"],
    [
      "eu-central-2",
      "380420809688.dkr.ecr.eu-central-2.amazonaws.com/huggingface-pytorch-inference:t",
    ],
    [
      "cn-north-1",
      "727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/huggingface-pytorch-inference:t",
    ],
    [
      "us-gov-west-1",
      "442386744353.dkr.ecr.us-gov-west-1.amazonaws.com/huggingface-pytorch-inference:t",
    ],
  ])("resolves %s to a plain URI", (region, uri) => {
    const image = new RegionalImage(new TerraformStack(Testing.app(), "s"), "img", {
      ...HF,
      region,
    });
    expect(image.uri).toBe(uri);
    expect(image.registryAccount).toBe(uri.split(".")[0]);
    expect(image.regionSupported).toBe(true);
  });

  it("gives the ARN of the repository to grant image pulls on, in the stack's partition", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const image = new RegionalImage(stack, "img", { ...HF, region: "cn-north-1" });
    expect(resolved(stack, image.repositoryArn)).toBe(
      "arn:${data.aws_partition.current.partition}:ecr:cn-north-1:727897471807:repository/huggingface-pytorch-inference",
    );
  });

  it("uses the scikit-learn accounts, different in every region", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const image = new RegionalImage(stack, "img", {
      registry: "sklearn-inference",
      repository: "sagemaker-scikit-learn",
      tag: "1.2-1-cpu-py3",
      region: "il-central-1",
    });
    expect(image.uri).toBe(
      "898809789911.dkr.ecr.il-central-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
    );
  });

  it("fails synth in a region without the image, listing the regions that have one", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() => new RegionalImage(stack, "img", { ...HF, region: "ap-east-2" })).toThrowError(
      [
        "Invalid configuration for 's/img' (1 problem):",
        `  - region: got "ap-east-2"; allowed: a region where HuggingFace inference images are published: ${HUGGINGFACE_INFERENCE_REGIONS}`,
      ].join("\n"),
    );
  });
});

describe("RegionalImage with a region known only at apply time", () => {
  it("looks the account up in a locals table and says whether the region has the image", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const region = new TerraformVariable(stack, "region", { type: "string" });
    const image = new RegionalImage(stack, "img", { ...HF, region: region.stringValue });
    const again = new RegionalImage(stack, "img2", { ...HF, region: region.stringValue });

    const json = synthStack(stack);
    expect(Object.keys(json.locals ?? {})).toEqual(["huggingface_inference_registry_accounts"]);
    expectRegistryTable(
      json.locals?.huggingface_inference_registry_accounts,
      HUGGINGFACE_INFERENCE_REGIONS,
      HUGGINGFACE_INFERENCE_PINNED,
    );
    expect(resolved(stack, image.uri)).toBe(
      `\${lookup(local.huggingface_inference_registry_accounts, var.region, "no-image-published-in-region")}.dkr.ecr.\${var.region}.\${data.aws_partition.current.dns_suffix}/huggingface-pytorch-inference:t`,
    );
    expect(resolved(stack, again.uri)).toBe(resolved(stack, image.uri));
    expect(resolved(stack, image.repositoryArn)).toBe(
      `arn:\${data.aws_partition.current.partition}:ecr:\${var.region}:\${lookup(local.huggingface_inference_registry_accounts, var.region, "no-image-published-in-region")}:repository/huggingface-pytorch-inference`,
    );
    expect(resolved(stack, image.regionSupported)).toBe(
      "${contains(keys(local.huggingface_inference_registry_accounts), var.region)}",
    );
    expect(resolved(stack, image.unsupportedRegionMessage)).toBe(
      `No HuggingFace inference image is published for region \${var.region}; regions with one: ${HUGGINGFACE_INFERENCE_REGIONS}.`,
    );
  });

  it("defaults to the provider's region", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const image = new RegionalImage(stack, "img", {
      registry: "sklearn-inference",
      repository: "sagemaker-scikit-learn",
      tag: "1.2-1-cpu-py3",
    });
    expect(resolved(stack, image.uri)).toContain("${data.aws_region.current.region}");
    const locals = synthStack(stack).locals ?? {};
    expect(Object.keys(locals)).toEqual(["sklearn_inference_registry_accounts"]);
    expectRegistryTable(
      locals.sklearn_inference_registry_accounts,
      SKLEARN_INFERENCE_REGIONS,
      SKLEARN_INFERENCE_PINNED,
    );
  });
});

describe("registry tables", () => {
  it("carry the SageMaker SDK's regions, and a region TGI has beyond the inference toolkit", () => {
    expect(regionsWithImages("huggingface-inference").join(", ")).toBe(
      HUGGINGFACE_INFERENCE_REGIONS,
    );
    expect(regionsWithImages("sklearn-inference").join(", ")).toBe(SKLEARN_INFERENCE_REGIONS);
    expect(regionsWithImages("huggingface-tgi")).toHaveLength(42);
    expect(regionsWithImages("huggingface-tgi")).toContain("ap-east-2");
  });

  it.each([
    ["us-east-1", "amazonaws.com"],
    ["cn-northwest-1", "amazonaws.com.cn"],
    ["us-gov-east-1", "amazonaws.com"],
    ["us-iso-east-1", "c2s.ic.gov"],
    ["us-isob-east-1", "sc2s.sgov.gov"],
    ["us-isof-south-1", "csp.hci.ic.gov"],
    ["eu-isoe-west-1", "cloud.adc-e.uk"],
    ["eusc-de-east-1", "amazonaws.eu"],
  ])("the DNS suffix of %s is %s", (region, suffix) => {
    expect(dnsSuffixOfRegion(region)).toBe(suffix);
  });
});
