import { describe, expect, it } from "vitest";
import {
  AUTO_SCALABLE_INSTANCE_TYPE,
  checkContainerEnvironment,
  CONTAINER_IMAGE,
  INSTANCE_TYPE,
  MODEL_DATA_URL,
  S3_MODEL_ARTIFACT,
  SAGEMAKER_NAME,
  SERVERLESS_CONCURRENCY,
  SERVERLESS_EXCLUDES,
  SERVERLESS_MEMORY_SIZE,
} from "../../../../modules/core/limits/sagemaker";
import { Problems } from "../../../../modules/core/validation";
import { resolved } from "../../../helpers/synth";
import { stack, v, n } from "./values";
import { SAGEMAKER_NAME_WORDS } from "../../../helpers/allowed";

describe("SAGEMAKER_NAME", () => {
  it.each(["a", "alex-embedding-endpoint", "A1", "a--b", "x".repeat(63)])("accepts %s", (name) => {
    expect(SAGEMAKER_NAME.rule(name)).toBeUndefined();
  });

  it.each(["", "-a", "a-", "a_b", "a.b", "a b"])("rejects %j", (name) => {
    expect(SAGEMAKER_NAME.rule(name)).toBe(SAGEMAKER_NAME_WORDS);
  });

  it("says how long a name that is too long is", () => {
    expect(SAGEMAKER_NAME.rule("x".repeat(64))).toBe(`${SAGEMAKER_NAME_WORDS} (this one has 64)`);
  });

  it("counts characters, not pattern groups, in a name with hyphens", () => {
    expect(SAGEMAKER_NAME.rule(`${"a-".repeat(31)}a`)).toBeUndefined();
    expect(SAGEMAKER_NAME.rule(`${"a-".repeat(32)}a`)).toBe(
      `${SAGEMAKER_NAME_WORDS} (this one has 65)`,
    );
    expect(
      SAGEMAKER_NAME.rule("mass-voice-campaign-system-production-eu-optimal-call-time-model"),
    ).toBe(`${SAGEMAKER_NAME_WORDS} (this one has 64)`);
  });

  it("has the same words and, in Terraform, checks the length apart from the pattern", () => {
    expect(SAGEMAKER_NAME.description).toBe(SAGEMAKER_NAME_WORDS);
    expect(resolved(stack, SAGEMAKER_NAME.condition(v))).toBe(
      '${((length(var.v) <= 63) && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$", var.v)))}',
    );
  });
});

describe("INSTANCE_TYPE", () => {
  const WORDS = "a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge";
  it.each([
    "ml.t2.medium",
    "ml.m5.large",
    "ml.g5.48xlarge",
    "ml.p6-b200.48xlarge",
    "ml.c7g.xlarge",
  ])("accepts %s", (type) => {
    expect(INSTANCE_TYPE.rule(type)).toBeUndefined();
  });
  it.each(["m5.large", "ml.m5", "ml.m5.huge", "ML.M5.LARGE"])("rejects %s", (type) => {
    expect(INSTANCE_TYPE.rule(type)).toBe(WORDS);
  });
  it("is the same pattern in Terraform", () => {
    expect(resolved(stack, INSTANCE_TYPE.condition(v))).toBe(
      '${can(regex("^ml[.][a-z0-9]+(-[a-z0-9]+)?[.](medium|large|[0-9]*xlarge)$", var.v))}',
    );
  });
});

describe("serverless capacity", () => {
  it("memory is 1024-6144 MB in 1 GB steps", () => {
    for (const mb of [1024, 2048, 3072, 4096, 5120, 6144])
      expect(SERVERLESS_MEMORY_SIZE.rule(mb)).toBeUndefined();
    for (const mb of [0, 512, 1000, 1536, 7168]) {
      expect(SERVERLESS_MEMORY_SIZE.rule(mb)).toBe(
        "one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
      );
    }
    expect(resolved(stack, SERVERLESS_MEMORY_SIZE.condition(n))).toBe(
      "${contains([1024, 2048, 3072, 4096, 5120, 6144], var.n)}",
    );
  });

  it("concurrency is a whole number from 1 to 200", () => {
    expect(SERVERLESS_CONCURRENCY.rule(1)).toBeUndefined();
    expect(SERVERLESS_CONCURRENCY.rule(200)).toBeUndefined();
    expect(SERVERLESS_CONCURRENCY.rule(0)).toBe("a whole number from 1 to 200");
    expect(SERVERLESS_CONCURRENCY.rule(201)).toBe("a whole number from 1 to 200");
    expect(SERVERLESS_CONCURRENCY.rule(2.5)).toBe("a whole number from 1 to 200");
    expect(resolved(stack, SERVERLESS_CONCURRENCY.condition(n))).toBe(
      "${var.n >= 1 && var.n <= 200 && floor(var.n) == var.n}",
    );
  });
});

describe("CONTAINER_IMAGE", () => {
  const WORDS = "an image URI of at most 255 characters without whitespace";
  it("takes any registry, without whitespace, at most 255 characters", () => {
    expect(CONTAINER_IMAGE.rule("763104351884.dkr.ecr.us-east-1.amazonaws.com/x:1")).toBe(
      undefined,
    );
    expect(CONTAINER_IMAGE.rule("docker.io/library/nginx:latest")).toBeUndefined();
    expect(CONTAINER_IMAGE.rule("a b")).toBe(WORDS);
    expect(CONTAINER_IMAGE.rule("")).toBe(WORDS);
    expect(CONTAINER_IMAGE.rule("x".repeat(256))).toBe(`${WORDS} (this one has 256)`);
  });
  it("checks the length with length() in Terraform (RE2 refuses repeat counts above 1000)", () => {
    expect(resolved(stack, CONTAINER_IMAGE.condition(v))).toBe(
      '${length(var.v) <= 255 && can(regex("^\\\\S+$", var.v))}',
    );
  });
});

describe("model data URLs", () => {
  it("MODEL_DATA_URL: an s3 or https .tar.gz", () => {
    const WORDS =
      "an s3:// or https:// URL of at most 1024 characters pointing at a .tar.gz model artifact";
    expect(MODEL_DATA_URL.rule("s3://b/models/model.tar.gz")).toBeUndefined();
    expect(MODEL_DATA_URL.rule("https://b.s3.amazonaws.com/model.tar.gz")).toBeUndefined();
    expect(MODEL_DATA_URL.rule("s3://b/models/")).toBe(WORDS);
    expect(MODEL_DATA_URL.rule("ftp://b/model.tar.gz")).toBe(WORDS);
    expect(MODEL_DATA_URL.rule(`s3://b/${"k".repeat(1020)}.tar.gz`)).toBe(
      `${WORDS} (this one has 1034)`,
    );
  });

  it("S3_MODEL_ARTIFACT: s3 only, in a bucket with a bucket name's characters", () => {
    const WORDS = "an s3:// URL of at most 1024 characters pointing at a .tar.gz model artifact";
    expect(S3_MODEL_ARTIFACT.rule("s3://my-models/iris/model.tar.gz")).toBeUndefined();
    expect(S3_MODEL_ARTIFACT.rule("https://b.s3.amazonaws.com/model.tar.gz")).toBe(WORDS);
    expect(S3_MODEL_ARTIFACT.rule("s3://My_Models/model.tar.gz")).toBe(WORDS);
    expect(resolved(stack, S3_MODEL_ARTIFACT.condition(v))).toBe(
      '${(length(var.v) <= 1024 && can(regex("^s3://[a-z0-9][a-z0-9.-]*[a-z0-9]/.*[.]tar[.]gz$", var.v)))}',
    );
  });
});

describe("checkContainerEnvironment", () => {
  it("checks names, lengths, count and total size", () => {
    const problems = new Problems();
    checkContainerEnvironment(problems, "environment", {
      GOOD_NAME: "v",
      "1BAD": "v",
      LONG: "v".repeat(1025),
    });
    expect(problems.list).toEqual([
      {
        field: "environment.1BAD",
        value: "1BAD",
        allowed:
          "an environment variable name of letters, digits and '_', not starting with a digit, at most 1024 characters",
      },
      {
        field: "environment.LONG",
        value: "1025 characters",
        allowed: "a value of at most 1024 characters",
      },
    ]);

    const many = new Problems();
    checkContainerEnvironment(
      many,
      "env",
      Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`K${i}`, "v".repeat(400)])),
    );
    expect(many.list).toEqual([
      { field: "env", value: "101 entries", allowed: "at most 100 environment variables" },
      {
        field: "env",
        value: "40694 bytes",
        allowed: "at most 32768 bytes of keys and values together",
      },
    ]);
  });
});

describe("AUTO_SCALABLE_INSTANCE_TYPE", () => {
  const WORDS = "an instance type SageMaker can auto scale, not a burstable ml.t2 type";
  it.each(["ml.m5.large", "ml.t3.medium", "ml.c5.xlarge"])("accepts %s", (type) => {
    expect(AUTO_SCALABLE_INSTANCE_TYPE.rule(type)).toBeUndefined();
  });
  it.each(["ml.t2.medium", "ml.t2.2xlarge"])("rejects %s", (type) => {
    expect(AUTO_SCALABLE_INSTANCE_TYPE.rule(type)).toBe(WORDS);
  });
  it("has the same words and the same check in Terraform", () => {
    expect(AUTO_SCALABLE_INSTANCE_TYPE.description).toBe(WORDS);
    expect(resolved(stack, AUTO_SCALABLE_INSTANCE_TYPE.condition(v))).toBe(
      '${!startswith(var.v, "ml.t2.")}',
    );
  });
});

describe("SERVERLESS_EXCLUDES", () => {
  it("words each exclusion as the reason a setting is refused", () => {
    expect(SERVERLESS_EXCLUDES).toEqual({
      gpu: "serverless endpoints exclude GPUs",
      multiModel: "serverless endpoints exclude multi-model endpoints",
      uncompressedModel: "serverless endpoints load compressed model data only",
      vpc: "serverless endpoints exclude VPC configuration",
      networkIsolation: "serverless endpoints exclude network isolation",
      dataCapture: "serverless endpoints exclude data capture",
      variants: "serverless endpoints exclude multiple production variants",
      pipeline: "serverless endpoints exclude inference pipelines",
    });
  });
});
