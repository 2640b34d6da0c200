/**
 * One definition per limit: the words of every limit in modules/core/limits are written in one source file of the
 * product (modules/, stacks/ and the docs' examples: what users run) only.
 * A message copied by hand into a stack or another module (as the bucket-name and KMS descriptions once were) fails
 * here, naming the words and the files; use the limit (`validateBy`, `limit.description`) instead.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Limit } from "../../../../modules/core/validation";
import { copiesOf, runsOf, sourceFiles } from "../../../helpers/duplicated-text";

const ROOT = join(__dirname, "..", "..", "..", "..");
const LIMITS = join(ROOT, "modules", "core", "limits");
const SOURCES = sourceFiles(ROOT, ["modules", "stacks", "docs/examples"]);

function isLimit(value: unknown): value is Limit<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Limit<unknown>).description === "string" &&
    typeof (value as Limit<unknown>).rule === "function" &&
    typeof (value as Limit<unknown>).condition === "function"
  );
}

/** Every limit the limits folder exports, by `<file>: <name>`, and the tags limit of a map with Name added. */
async function limits(): Promise<Record<string, Limit<unknown>>> {
  const found: Record<string, Limit<unknown>> = {};
  for (const file of readdirSync(LIMITS).filter((name) => name.endsWith(".ts"))) {
    const module = (await import(join(LIMITS, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (isLimit(value)) found[`${file}: ${name}`] = value;
    }
    if (typeof module.tagsLimit === "function") {
      found[`${file}: tagsLimit(["Name"])`] = (
        module.tagsLimit as (keys: string[]) => Limit<unknown>
      )(["Name"]);
    }
  }
  return found;
}

describe("the limits' words", () => {
  it("are found", async () => {
    const names = Object.keys(await limits());
    expect(names).toEqual(
      expect.arrayContaining([
        "s3.ts: S3_BUCKET_NAME",
        "kms.ts: KMS_KEY_ARN",
        "kms.ts: KMS_KEY_OR_ALIAS_ARN",
        "sagemaker.ts: SAGEMAKER_NAME",
        "region.ts: REGION",
        'tags.ts: tagsLimit(["Name"])',
      ]),
    );
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it("are written in one source file each", async () => {
    // Fewer than five words are a phrase, not a message: "MUTABLE or IMMUTABLE" describes a variable too.
    const copied = Object.entries(await limits())
      .filter(([, limit]) => runsOf(limit.description, 5)[0]?.split(" ").length === 5)
      .flatMap(([name, limit]) =>
        copiesOf(limit.description, SOURCES).map(
          (copy) => `${name}: "${copy.run}" in ${copy.files.join(", ")}`,
        ),
      );
    expect(copied).toEqual([]);
  });
});

describe("copiesOf", () => {
  const WORDS = "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting";
  const files = [
    { path: "limits.ts", text: `const WORDS = "${WORDS}";` },
    {
      path: "stack.ts",
      text: `message: "bucket must be an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-'."`,
    },
    { path: "other.ts", text: "an S3 bucket" },
  ];

  it("finds a run of ten words written in two files", () => {
    expect(copiesOf(WORDS, files)).toEqual([
      {
        run: "an S3 bucket name: 3-63 lowercase letters, digits, '.' and",
        files: ["limits.ts", "stack.ts"],
      },
    ]);
  });

  it("lets words stand in one file; a shorter text is one run", () => {
    expect(copiesOf("lowercase letters, digits, '.' and '-', starting", files)).toEqual([]);
    expect(copiesOf("an S3 bucket", files)).toEqual([
      { run: "an S3 bucket", files: ["limits.ts", "stack.ts", "other.ts"] },
    ]);
    expect(runsOf("a b c", 2)).toEqual(["a b", "b c"]);
  });
});
