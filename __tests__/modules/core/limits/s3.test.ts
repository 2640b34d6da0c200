import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { S3_BUCKET_NAME, s3Uri } from "../../../../modules/core/limits/s3";
import { resolved } from "../../../helpers/synth";
import { S3_BUCKET_NAME_WORDS } from "../../../helpers/allowed";

describe("S3_BUCKET_NAME", () => {
  it("says every rule, with the reserved prefixes and suffixes", () => {
    expect(S3_BUCKET_NAME.description).toBe(S3_BUCKET_NAME_WORDS);
  });

  it.each(["my-models", "abc", "a.b-c1", "b".repeat(63), "models-111122223333-us-east-1-an"])(
    "accepts %s",
    (name) => {
      expect(S3_BUCKET_NAME.rule(name)).toBeUndefined();
    },
  );

  it.each([
    ["ab", "it has 2 characters"],
    ["b".repeat(64), "it has 64 characters"],
    ["My-Models", "it has characters other than a-z, 0-9, '.' and '-'"],
    ["models-", "it does not start and end with a letter or digit"],
    ["a..b", "it has two adjacent periods"],
    ["192.168.5.4", "it is formatted as an IP address"],
    ["xn--models", "it starts with the reserved prefix 'xn--'"],
    ["sthree-models", "it starts with the reserved prefix 'sthree-'"],
    ["amzn-s3-demo-models", "it starts with the reserved prefix 'amzn-s3-demo-'"],
    ["models-s3alias", "it ends with the reserved suffix '-s3alias'"],
    ["models--ol-s3", "it ends with the reserved suffix '--ol-s3'"],
    ["models.mrap", "it ends with the reserved suffix '.mrap'"],
    ["models--x-s3", "it ends with the reserved suffix '--x-s3'"],
    ["models--table-s3", "it ends with the reserved suffix '--table-s3'"],
    ["models-an", "it ends with '-an', which is reserved for account-regional bucket names"],
  ])("rejects %s: %s", (name, reason) => {
    expect(S3_BUCKET_NAME.rule(name)).toBe(`${S3_BUCKET_NAME_WORDS}; this one: ${reason}`);
  });

  it("names every broken rule at once", () => {
    expect(S3_BUCKET_NAME.rule("-A")).toBe(
      `${S3_BUCKET_NAME_WORDS}; this one: it has 2 characters; it has characters other than a-z, 0-9, '.' and '-'; it does not start and end with a letter or digit`,
    );
  });

  it("checks every naming rule in Terraform", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const v = new TerraformVariable(stack, "v", { type: "string" }).stringValue;
    expect(resolved(stack, S3_BUCKET_NAME.condition(v))).toBe(
      "${((((((((length(var.v) >= 3) && (length(var.v) <= 63))" +
        ' && can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.v)))' +
        ' && !strcontains(var.v, ".."))' +
        ' && !can(regex("^[0-9]{1,3}([.][0-9]{1,3}){3}$", var.v)))' +
        ' && !can(regex("^(xn--|sthree-|amzn-s3-demo-)", var.v)))' +
        ' && !can(regex("(-s3alias|--ol-s3|[.]mrap|--x-s3|--table-s3)$", var.v)))' +
        ' && (!endswith(var.v, "-an") || can(regex("-[0-9]{12}-[a-z]{2}(-[a-z]+)+-[0-9]+-an$", var.v))))}',
    );
  });
});

describe("s3Uri", () => {
  it("accepts an s3 URI with a valid bucket", () => {
    expect(s3Uri("s3://my-models/path/model.tar.gz")).toBeUndefined();
    expect(s3Uri("s3://my-models")).toBeUndefined();
  });
  it("rejects other schemes and bad buckets", () => {
    expect(s3Uri("https://my-models/x")).toBe("an S3 URI of the form s3://<bucket>/<key>");
    expect(s3Uri("s3://My_Models/x")).toBe(
      "an S3 URI of the form s3://<bucket>/<key> with a valid bucket name ('My_Models' is not one)",
    );
  });
});
