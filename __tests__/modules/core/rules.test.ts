import { Fn, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  atMost,
  checkContainerEnvironment,
  checkResourceTags,
  checkTags,
  containerImage,
  ECR_IMAGE_URI_RULE,
  ECR_REPOSITORY_NAME_RULE,
  ecrImageUri,
  ecrRepositoryName,
  emailAddress,
  iamRoleArn,
  iamRoleName,
  instanceType,
  integerAtLeast,
  integerBetween,
  kmsAliasName,
  kmsKeyArn,
  matches,
  maxLength,
  modelDataUrl,
  numberAtLeast,
  numberBetween,
  oneOf,
  s3BucketName,
  s3Uri,
  sagemakerName,
  serverlessConcurrency,
  serverlessMemorySize,
  snsTopicArn,
} from "../../../modules/core/rules";
import { Problems } from "../../../modules/core/validation";

const SAGEMAKER_NAME =
  "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit";

describe("sagemakerName", () => {
  it.each(["a", "alex-embedding-endpoint", "A1", "a--b", "x".repeat(63)])("accepts %s", (name) => {
    expect(sagemakerName(name)).toBeUndefined();
  });

  it.each(["", "-a", "a-", "a_b", "a.b", "a b"])("rejects %j", (name) => {
    expect(sagemakerName(name)).toBe(SAGEMAKER_NAME);
  });

  it("says how long a name that is too long is", () => {
    expect(sagemakerName("x".repeat(64))).toBe(`${SAGEMAKER_NAME} (this one has 64)`);
  });

  it("counts characters, not pattern groups, in a name with hyphens", () => {
    expect(sagemakerName(`${"a-".repeat(31)}a`)).toBeUndefined();
    expect(sagemakerName(`${"a-".repeat(32)}a`)).toBe(`${SAGEMAKER_NAME} (this one has 65)`);
    expect(sagemakerName("mass-voice-campaign-system-production-eu-optimal-call-time-model")).toBe(
      `${SAGEMAKER_NAME} (this one has 64)`,
    );
  });
});

describe("iamRoleName", () => {
  const RULE = "an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -";
  it.each(["alex-sagemaker-role", "a+=,.@_-b", "r".repeat(64)])("accepts %s", (name) => {
    expect(iamRoleName(name)).toBeUndefined();
  });
  it.each(["", "with space", "slash/role"])("rejects %j", (name) => {
    expect(iamRoleName(name)).toBe(RULE);
  });
  it("says how long a name that is too long is", () => {
    expect(iamRoleName("r".repeat(65))).toBe(`${RULE} (this one has 65)`);
  });
});

describe("s3BucketName", () => {
  const RULE =
    "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix or suffix";

  it.each(["my-models", "abc", "a.b-c1", "b".repeat(63), "models-111122223333-us-east-1-an"])(
    "accepts %s",
    (name) => {
      expect(s3BucketName(name)).toBeUndefined();
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
    expect(s3BucketName(name)).toBe(`${RULE} (${reason})`);
  });

  it("names every broken rule at once", () => {
    expect(s3BucketName("-A")).toBe(
      `${RULE} (it has 2 characters; it has characters other than a-z, 0-9, '.' and '-'; it does not start and end with a letter or digit)`,
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

describe("number and choice rules", () => {
  it("oneOf lists the choices", () => {
    expect(oneOf(["Serial", "Direct"])("x")).toBe('one of "Serial" or "Direct"');
    expect(oneOf([1])(2)).toBe("one of 1");
    expect(oneOf(["a", "b"])("a")).toBeUndefined();
  });

  it("integerBetween takes whole numbers in range only", () => {
    const rule = integerBetween(1, 10);
    expect(rule(1)).toBeUndefined();
    expect(rule(10)).toBeUndefined();
    expect(rule(0)).toBe("a whole number from 1 to 10");
    expect(rule(11)).toBe("a whole number from 1 to 10");
    expect(rule(1.5)).toBe("a whole number from 1 to 10");
  });

  it("numberBetween takes fractions", () => {
    expect(numberBetween(0, 1)(0.5)).toBeUndefined();
    expect(numberBetween(0, 1)(1.5)).toBe("a number from 0 to 1");
    expect(numberBetween(0, 1)(Number.NaN)).toBe("a number from 0 to 1");
  });

  it("integerAtLeast and numberAtLeast have no upper bound", () => {
    expect(integerAtLeast(1)(1)).toBeUndefined();
    expect(integerAtLeast(1)(1e9)).toBeUndefined();
    expect(integerAtLeast(1)(0)).toBe("a whole number of at least 1");
    expect(integerAtLeast(1)(2.5)).toBe("a whole number of at least 1");
    expect(numberAtLeast(0)(0.25)).toBeUndefined();
    expect(numberAtLeast(0)(-0.5)).toBe("a number of at least 0");
    expect(numberAtLeast(0)(Number.NaN)).toBe("a number of at least 0");
  });

  it("atMost names the prop it is compared with, and lets anything pass while that is a token", () => {
    expect(atMost(5, "maxConcurrency")(5)).toBeUndefined();
    expect(atMost(5, "maxConcurrency")(6)).toBe("at most maxConcurrency (5)");
    expect(atMost(Token.asNumber(Fn.abs(1)), "maxConcurrency")(1000)).toBeUndefined();
  });

  it("maxLength says how long the value is", () => {
    expect(maxLength(3)("abc")).toBeUndefined();
    expect(maxLength(3)("abcd")).toBe("at most 3 characters (this one has 4)");
  });

  it("matches describes the pattern in words", () => {
    expect(matches(/^a/, "a word starting with a")("b")).toBe("a word starting with a");
    expect(matches(/^a/, "a word starting with a")("ab")).toBeUndefined();
  });

  it("serverless memory is 1024-6144 MB in 1 GB steps", () => {
    for (const mb of [1024, 2048, 3072, 4096, 5120, 6144])
      expect(serverlessMemorySize(mb)).toBeUndefined();
    for (const mb of [0, 512, 1000, 1536, 7168]) {
      expect(serverlessMemorySize(mb)).toBe("one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)");
    }
  });

  it("serverless concurrency is 1-200", () => {
    expect(serverlessConcurrency(1)).toBeUndefined();
    expect(serverlessConcurrency(200)).toBeUndefined();
    expect(serverlessConcurrency(0)).toBe("a whole number from 1 to 200");
    expect(serverlessConcurrency(201)).toBe("a whole number from 1 to 200");
  });
});

describe("container rules", () => {
  it("containerImage: no whitespace, at most 255 characters", () => {
    expect(containerImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/x:1")).toBeUndefined();
    expect(containerImage("a b")).toBe(
      "a container image URI of 1-255 characters without whitespace",
    );
    expect(containerImage("x".repeat(256))).toBe(
      "a container image URI of 1-255 characters without whitespace (this one has 256)",
    );
  });

  it.each([
    "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
    "450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-scikit-learn:1.2-1-cpu-py3",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/my_model__v2",
    `111122223333.dkr.ecr.eu-west-1.amazonaws.com/model@sha256:${"0a".repeat(32)}`,
  ])("ecrImageUri accepts %s", (uri) => {
    expect(ecrImageUri(uri)).toBeUndefined();
  });

  it.each([
    "docker.io/library/nginx:latest",
    "11112222333.dkr.ecr.eu-west-1.amazonaws.com/model",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/Model",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model:-tag",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model:has space",
    "111122223333.dkr.ecr.eu-west-1.amazonaws.com/model@sha256:short",
  ])("ecrImageUri rejects %s", (uri) => {
    expect(ecrImageUri(uri)).toBe(
      "an Amazon ECR image URI of at most 255 characters: <account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]",
    );
  });

  it("ecrImageUri says how long a URI that is too long is", () => {
    const uri = `111122223333.dkr.ecr.eu-west-1.amazonaws.com/${"m".repeat(120)}:${"t".repeat(90)}`;
    expect(ecrImageUri(uri)).toBe(`${ECR_IMAGE_URI_RULE} (this one has ${uri.length})`);
    expect(uri.length).toBeGreaterThan(255);
  });

  it("modelDataUrl: an s3 or https .tar.gz", () => {
    const RULE =
      "an s3:// or https:// URL of at most 1024 characters pointing at a .tar.gz model artifact";
    expect(modelDataUrl("s3://b/models/model.tar.gz")).toBeUndefined();
    expect(modelDataUrl("https://b.s3.amazonaws.com/model.tar.gz")).toBeUndefined();
    expect(modelDataUrl("s3://b/models/")).toBe(RULE);
    expect(modelDataUrl("ftp://b/model.tar.gz")).toBe(RULE);
    expect(modelDataUrl(`s3://b/${"k".repeat(1020)}.tar.gz`)).toBe(RULE);
  });

  it("checkContainerEnvironment: names, lengths, count and total size", () => {
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

describe("ARN rules", () => {
  it("iamRoleArn: a role in any partition, with a path", () => {
    const RULE = "an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>";
    expect(iamRoleArn("arn:aws:iam::111122223333:role/service-role/Exec+Role")).toBeUndefined();
    expect(iamRoleArn("arn:aws-us-gov:iam::111122223333:role/r")).toBeUndefined();
    expect(iamRoleArn("arn:aws:iam::1111:role/r")).toBe(RULE);
    expect(iamRoleArn("arn:aws:iam::111122223333:user/u")).toBe(RULE);
    expect(iamRoleArn("my-role")).toBe(RULE);
  });

  it("kmsKeyArn: a key or an alias", () => {
    const RULE =
      "a KMS key ARN: arn:<partition>:kms:<region>:<12-digit account>:key/<key id> (or alias/<alias name>)";
    expect(
      kmsKeyArn("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
    ).toBeUndefined();
    expect(kmsKeyArn("arn:aws-cn:kms:cn-north-1:111122223333:alias/my-key")).toBeUndefined();
    expect(kmsKeyArn("1234abcd-12ab-34cd-56ef-1234567890ab")).toBe(RULE);
    expect(kmsKeyArn("arn:aws:s3:::bucket")).toBe(RULE);
  });

  it("snsTopicArn: a topic in a region and account", () => {
    const RULE = "an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>";
    expect(snsTopicArn("arn:aws:sns:us-east-1:111122223333:alerts.fifo")).toBeUndefined();
    expect(snsTopicArn("arn:aws:sns:us-east-1:111122223333:")).toBe(RULE);
    expect(snsTopicArn("arn:aws:sqs:us-east-1:111122223333:queue")).toBe(RULE);
  });
});

describe("ecrRepositoryName", () => {
  it.each([
    "ab",
    "sagemaker-sklearn-inference",
    "team/model_server",
    "a__b",
    "a--b.c",
    "x".repeat(256),
  ])("accepts %s", (name) => {
    expect(ecrRepositoryName(name)).toBeUndefined();
  });
  it.each(["a", "Upper", "-a", "a-", "a//b", "a/", "a___b", "a b"])("rejects %j", (name) => {
    expect(ecrRepositoryName(name)).toBe(ECR_REPOSITORY_NAME_RULE);
  });
  it("counts the characters of a name that is too long", () => {
    expect(ecrRepositoryName("x".repeat(257))).toBe(
      `${ECR_REPOSITORY_NAME_RULE} (this one has 257)`,
    );
  });
});

describe("kmsAliasName", () => {
  const RULE =
    "a KMS alias name: alias/ and 1-250 letters, digits, '/', '_' and '-', not starting with alias/aws/";
  it.each(["alias/ml-models-sagemaker-dev-sagemaker-key", "alias/a/b_c"])("accepts %s", (name) => {
    expect(kmsAliasName(name)).toBeUndefined();
  });
  it.each(["ml-key", "alias/", "alias/aws/sns", "alias/a.b"])("rejects %j", (name) => {
    expect(kmsAliasName(name)).toBe(RULE);
  });
});

describe("emailAddress", () => {
  it.each(["ops@example.com", "a.b+c%d@sub.example.co"])("accepts %s", (address) => {
    expect(emailAddress(address)).toBeUndefined();
  });
  it.each(["", "ops", "ops@example", "ops@example.c", "a b@example.com"])(
    "rejects %j",
    (address) => {
      expect(emailAddress(address)).toBe("an e-mail address such as ops@example.com");
    },
  );
});

describe("instanceType", () => {
  const RULE = "a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge";
  it.each([
    "ml.t2.medium",
    "ml.m5.large",
    "ml.g5.48xlarge",
    "ml.p6-b200.48xlarge",
    "ml.c7g.xlarge",
  ])("accepts %s", (type) => {
    expect(instanceType(type)).toBeUndefined();
  });
  it.each(["m5.large", "ml.m5", "ml.m5.huge", "ML.M5.LARGE"])("rejects %s", (type) => {
    expect(instanceType(type)).toBe(RULE);
  });
});

describe("checkTags", () => {
  it("checks keys and values, and skips tokens", () => {
    const problems = new Problems();
    checkTags(problems, "tags", {
      team: "ml",
      "cost center": "a/b=c+d@e:f_g.h-i",
      "aws:reserved": "x",
      "bad#key": "v",
      long: "v".repeat(257),
      [Token.asString(Fn.uuid())]: Token.asString(Fn.uuid()),
    });
    checkTags(problems, "tokenMap", Token.asStringMap(Fn.merge([{ a: "b" }])));
    expect(problems.list).toEqual([
      {
        field: "tags.aws:reserved",
        value: "aws:reserved",
        allowed:
          "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:",
      },
      {
        field: "tags.bad#key",
        value: "bad#key",
        allowed:
          "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:",
      },
      {
        field: "tags.long",
        value: "v".repeat(257),
        allowed: "a tag value of at most 256 letters, digits, spaces and _ . : / = + - @",
      },
    ]);
  });
});

describe("checkResourceTags", () => {
  const tags = (count: number) =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`tag-${i}`, "v"]));

  it("allows 50 tags on a resource, counting the keys the construct adds", () => {
    const problems = new Problems();
    checkResourceTags(problems, "fifty", tags(50));
    checkResourceTags(problems, "forty-nine and Name", tags(49), ["Name"]);
    checkResourceTags(problems, "Name given too", { ...tags(49), Name: "n" }, ["Name"]);
    checkResourceTags(problems, "token", Token.asStringMap(Fn.merge([tags(60)])), ["Name"]);
    expect(problems.list).toEqual([]);
  });

  it("reports a 51st tag, and still checks every key and value", () => {
    const problems = new Problems();
    checkResourceTags(problems, "tags", tags(51));
    checkResourceTags(problems, "named", { ...tags(50), "aws:x": "v" }, ["Name"]);
    expect(problems.list).toEqual([
      { field: "tags", value: "51 tags", allowed: "at most 50 tags per resource" },
      {
        field: "named.aws:x",
        value: "aws:x",
        allowed:
          "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:",
      },
      { field: "named", value: "52 tags", allowed: "at most 50 tags per resource, counting Name" },
    ]);
  });
});
