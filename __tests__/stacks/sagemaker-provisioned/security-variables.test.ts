/**
 * The variables the stack adds to the recipe's for security, as Terraform validates them (`terraform console`,
 * offline, on the synthesized variable blocks): each refusal shows the value given.
 */
import { afterAll, describe, expect, it } from "vitest";
import { TerraformConsole } from "../../helpers/terraform-console";
import { synthProvisioned } from "./expected";

const { json } = synthProvisioned();
const terraform = new TerraformConsole(
  JSON.stringify({
    variable: {
      data_capture_retention_days: json.variable!.data_capture_retention_days,
      container_image_digest: json.variable!.container_image_digest,
    },
  }),
);
afterAll(() => terraform.dispose());

/** The last paragraph of each error: the validation's own message. */
function messages(result: ReturnType<TerraformConsole["evaluate"]>): string[] {
  if (!("errors" in result)) return [];
  return result.errors.map((error) => error.split("\n\n").at(-2)!.replace(/\s+/g, " "));
}

describe("data_capture_retention_days", () => {
  it("keeps captured data 30 days by default, and accepts a whole number of days up to 36500", () => {
    expect(terraform.evaluate("var.data_capture_retention_days")).toEqual({ value: 30 });
    expect(
      terraform.evaluate("var.data_capture_retention_days", {
        data_capture_retention_days: "36500",
      }),
    ).toEqual({ value: 36500 });
  });

  it.each(["0", "1.5", "36501"])("refuses %s, showing the value", (days) => {
    expect(
      messages(
        terraform.evaluate("var.data_capture_retention_days", {
          data_capture_retention_days: days,
        }),
      ),
    ).toEqual([
      `data_capture_retention_days is ${days}; allowed: a whole number of days from 1 to 36500.`,
    ]);
  });
});

describe("container_image_digest", () => {
  it("is empty by default and accepts a sha256 digest", () => {
    expect(terraform.evaluate("var.container_image_digest")).toEqual({ value: "" });
    const digest = `sha256:${"a".repeat(64)}`;
    expect(
      terraform.evaluate("var.container_image_digest", { container_image_digest: digest }),
    ).toEqual({ value: digest });
  });

  it.each(["latest", `sha256:${"A".repeat(64)}`, "sha256:abc"])(
    "refuses %s, showing the value",
    (digest) => {
      expect(
        messages(
          terraform.evaluate("var.container_image_digest", { container_image_digest: digest }),
        ),
      ).toEqual([
        `container_image_digest is '${digest}'; allowed: empty or an image digest, sha256: and 64 lowercase hex digits.`,
      ]);
    },
  );
});
