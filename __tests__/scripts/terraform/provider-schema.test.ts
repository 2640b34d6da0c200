import { describe, expect, it } from "vitest";
import { blockSchema } from "../../../scripts/terraform/provider-schema";

describe("blockSchema", () => {
  it("reads a resource's attributes and their kinds from its prebuilt binding", () => {
    const schema = blockSchema("aws", "resource", "aws_ecr_repository")!;
    expect(Object.fromEntries(schema.attributes)).toMatchObject({
      arn: "string",
      repository_url: "string",
      force_delete: "bool",
      tags_all: "map",
      encryption_configuration: "list",
    });
    expect(schema.attributes.has("url")).toBe(false);
  });

  it("knows which nested blocks expressions read as lists, at any depth", () => {
    const schema = blockSchema("aws", "resource", "aws_sagemaker_endpoint_configuration")!;
    const variants = schema.blocks.get("production_variants")!;
    expect(variants.asList).toBe(true);
    expect(variants.blocks.get("serverless_config")?.asList).toBe(true);
    expect(schema.blocks.get("data_capture_config")?.blocks.get("capture_options")?.asList).toBe(
      true,
    );
  });

  it("reads data sources and other providers' resources, reserved names included", () => {
    expect(blockSchema("aws", "data", "aws_region")!.attributes.get("region")).toBe("string");
    expect(blockSchema("hashicorp/random", "resource", "random_id")!.attributes.get("hex")).toBe(
      "string",
    );
    expect(
      blockSchema("hashicorp/random", "resource", "random_string")!.attributes.get("result"),
    ).toBe("string");
    expect(
      blockSchema("hashicorp/time", "resource", "time_sleep")!.attributes.get("create_duration"),
    ).toBe("string");
  });

  it("knows nothing of a provider without a prebuilt binding installed", () => {
    expect(blockSchema("acme/widgets", "resource", "widgets_thing")).toBeUndefined();
  });
});
