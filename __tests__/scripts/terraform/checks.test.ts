import { describe, expect, it } from "vitest";
import { checksOf, messagePattern, withOnlyConditions } from "../../../scripts/terraform/checks";

const configuration = {
  variable: {
    region: {
      type: "string",
      validation: [
        {
          condition: '${var.region != ""}',
          error_message: "region; got ${jsonencode(var.region)}.",
        },
      ],
    },
    plain: { type: "string" },
  },
  resource: {
    aws_s3_bucket: {
      b: {
        lifecycle: {
          precondition: [
            { condition: "${var.a}", error_message: "first" },
            { condition: "${var.b}", error_message: "second ${var.b}" },
          ],
          postcondition: [{ condition: '${self.bucket != ""}', error_message: "after" }],
        },
      },
    },
  },
  data: {
    aws_region: {
      current: {
        lifecycle: { postcondition: [{ condition: '${self.region != ""}', error_message: "r" }] },
      },
    },
  },
  output: { url: { value: "x", precondition: [{ condition: "${var.c}", error_message: "url" }] } },
};

describe("checksOf", () => {
  it("lists every validation and condition with its id, in the stack's terms", () => {
    expect(
      checksOf(configuration).map((check) => [check.id, check.kind, check.subject, check.index]),
    ).toEqual([
      ["var.region/validation[0]", "validation", "var.region", 0],
      ["aws_s3_bucket.b/precondition[0]", "precondition", "aws_s3_bucket.b", 0],
      ["aws_s3_bucket.b/precondition[1]", "precondition", "aws_s3_bucket.b", 1],
      ["aws_s3_bucket.b/postcondition[0]", "postcondition", "aws_s3_bucket.b", 0],
      ["data.aws_region.current/postcondition[0]", "postcondition", "data.aws_region.current", 0],
      ["output.url/precondition[0]", "precondition", "output.url", 0],
    ]);
  });
});

describe("messagePattern", () => {
  it("matches the messages a template renders to, its literal text exactly", () => {
    const pattern = messagePattern(
      "region (${var.r}) must be one of a.b $${x}; got ${jsonencode(var.r)}.",
    );
    expect(pattern.test('region (mars) must be one of a.b ${x}; got "mars".')).toBe(true);
    expect(pattern.test('region (mars) must be one of aXb ${x}; got "mars".')).toBe(false);
    expect(pattern.test('region (mars) must be one of a.b ${x}; got "mars"!')).toBe(false);
  });
});

describe("withOnlyConditions", () => {
  it("makes the other conditions always true, keeping every index", () => {
    const only = withOnlyConditions(configuration, new Set(["aws_s3_bucket.b/precondition[1]"]));
    const always = "${terraform.workspace == terraform.workspace}";
    expect(only.resource!.aws_s3_bucket!.b!.lifecycle).toEqual({
      precondition: [
        { condition: always, error_message: "first" },
        { condition: "${var.b}", error_message: "second ${var.b}" },
      ],
      postcondition: [{ condition: always, error_message: "after" }],
    });
    expect(only.output!.url!.precondition).toEqual([{ condition: always, error_message: "url" }]);
    expect(only.variable).toBe(configuration.variable);
  });
});
