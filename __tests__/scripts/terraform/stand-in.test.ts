import { describe, expect, it } from "vitest";
import {
  standIn,
  StandInError,
  type TerraformConfiguration,
} from "../../../scripts/terraform/stand-in";

type Json = Record<string, unknown>;

const PROVIDER = { aws: [{ region: "${var.region}" }] };
function configurationOf(config: TerraformConfiguration): Json {
  return standIn(config).configuration;
}

function standInResource(config: TerraformConfiguration, name: string): Json {
  const resources = configurationOf(config).resource as { terraform_data: Record<string, Json> };
  return resources.terraform_data[name]!;
}

describe("standIn", () => {
  it("makes a resource terraform_data holding its arguments and its computed attributes, at its region", () => {
    const config = {
      provider: PROVIDER,
      resource: {
        aws_iam_role: { r: { "//": { metadata: {} }, name: "app-role", assume_role_policy: "{}" } },
      },
    };
    expect(standInResource(config, "aws_iam_role__r")).toEqual({
      input: {
        name: "app-role",
        assume_role_policy: "{}",
        id: "app-role",
        arn: "arn:${local.stand_in_provider_aws.partition}:iam::${local.stand_in_provider_aws.account_id}:role/app-role",
        unique_id: "AROASTANDIN0000000000",
      },
    });
    // The partition and DNS suffix follow from the provider's region (Terraform evaluates them: see
    // __tests__/terraform, e.g. the aws-cn and aws-us-gov cases).
    expect((configurationOf(config).locals as Json).stand_in_provider_aws).toMatchObject({
      region: "${var.region}",
      account_id: "123456789012",
    });
  });

  it("replaces a model or configuration whose arguments change, an endpoint only for its name and rollback alarms", () => {
    const config = {
      resource: {
        aws_sagemaker_model: {
          m: {
            name: "m-1",
            execution_role_arn: "${var.role}",
            primary_container: { image: "i" },
            tags: { team: "ml" },
            lifecycle: { create_before_destroy: true },
          },
        },
        aws_sagemaker_endpoint: {
          e: {
            name: "e",
            endpoint_config_name: "c",
            deployment_config: {
              auto_rollback_configuration: { alarms: [{ alarm_name: "errors" }] },
              blue_green_update_policy: { termination_wait_in_seconds: 600 },
            },
            lifecycle: { ignore_changes: ["deployment_config[0].auto_rollback_configuration"] },
          },
          plain: { name: "p", endpoint_config_name: "c" },
        },
      },
    };
    const model = standInResource(config, "aws_sagemaker_model__m");
    expect(model.triggers_replace).toEqual({
      name: "m-1",
      execution_role_arn: "${var.role}",
      primary_container: [{ image: "i" }],
    });
    expect(model.lifecycle).toEqual({ create_before_destroy: true });
    const endpoint = standInResource(config, "aws_sagemaker_endpoint__e");
    expect(endpoint.triggers_replace).toEqual({
      name: "e",
      deployment_config: [
        { auto_rollback_configuration: [{ alarms: [{ alarm_name: "errors" }] }] },
      ],
    });
    expect(endpoint.lifecycle).toEqual({
      ignore_changes: [
        "input.deployment_config[0].auto_rollback_configuration",
        "triggers_replace.deployment_config[0].auto_rollback_configuration",
      ],
    });
    // Without rollback alarms an added deployment_config is an update: the block is empty, as the provider reads it.
    expect(standInResource(config, "aws_sagemaker_endpoint__plain").triggers_replace).toEqual({
      name: "p",
      deployment_config: [],
    });
  });

  it("points references at the stand-ins' inputs, with indexes, splats and keys", () => {
    const config = {
      provider: PROVIDER,
      resource: {
        aws_kms_key: { k: { count: "${var.on ? 1 : 0}" } },
        aws_s3_bucket: { b: { for_each: "${toset(var.names)}", bucket: "${each.key}" } },
        aws_sns_topic: {
          t: {
            name: '${aws_kms_key.k[0].key_id}-${aws_s3_bucket.b["x"].bucket}',
            kms_master_key_id: '${join(",", aws_kms_key.k[*].arn)}',
          },
        },
      },
    };
    const topic = standInResource(config, "aws_sns_topic__t");
    expect((topic.input as Json).name).toBe(
      '${terraform_data.aws_kms_key__k[0].input.key_id}-${terraform_data.aws_s3_bucket__b["x"].input.bucket}',
    );
    expect((topic.input as Json).kms_master_key_id).toBe(
      '${join(",", terraform_data.aws_kms_key__k[*].input.arn)}',
    );
    expect(standInResource(config, "aws_kms_key__k").count).toBe("${var.on ? 1 : 0}");
    expect(standInResource(config, "aws_s3_bucket__b").for_each).toBe("${toset(var.names)}");
  });

  it("keeps conditions (self read through input), depends_on on stand-ins and drops provider-only lifecycle settings", () => {
    const config = {
      resource: {
        aws_s3_bucket: {
          a: { bucket: "a" },
          b: {
            bucket: "b",
            depends_on: ["aws_s3_bucket.a", "data.aws_region.current"],
            lifecycle: {
              precondition: [
                { condition: '${aws_s3_bucket.a.arn != ""}', error_message: "a ${var.x}" },
              ],
              postcondition: [{ condition: '${self.bucket == "b"}', error_message: "b" }],
              ignore_changes: ["tags"],
              create_before_destroy: true,
            },
          },
        },
      },
      data: { aws_region: { current: {} } },
    };
    const bucket = standInResource(config, "aws_s3_bucket__b");
    expect(bucket.depends_on).toEqual(["terraform_data.aws_s3_bucket__a"]);
    expect(bucket.lifecycle).toEqual({
      precondition: [
        {
          condition: '${terraform_data.aws_s3_bucket__a.input.arn != ""}',
          error_message: "a ${var.x}",
        },
      ],
      postcondition: [{ condition: '${self.input.bucket == "b"}', error_message: "b" }],
      create_before_destroy: true,
    });
  });

  it("writes nested blocks as lists, as expressions read them", () => {
    const config = {
      resource: {
        aws_sagemaker_endpoint_configuration: {
          c: {
            name: "c",
            production_variants: [{ model_name: "m", serverless_config: { max_concurrency: 2 } }],
            data_capture_config: {
              capture_options: [{ capture_mode: "Input" }],
              enable_capture: true,
            },
          },
        },
      },
    };
    expect(standInResource(config, "aws_sagemaker_endpoint_configuration__c").input).toMatchObject({
      production_variants: [{ model_name: "m", serverless_config: [{ max_concurrency: 2 }] }],
      data_capture_config: [{ capture_options: [{ capture_mode: "Input" }], enable_capture: true }],
    });
  });

  it("gives an attribute read that the provider computes a placeholder of its kind, and none the provider lacks", () => {
    const config = {
      resource: { aws_s3_bucket: { b: { bucket: "b" } } },
      output: {
        zone: { value: "${aws_s3_bucket.b.hosted_zone_id}" },
        rules: { value: "${aws_s3_bucket.b.cors_rule}" },
        typo: { value: "${aws_s3_bucket.b.bucket_arn}" },
      },
    };
    const input = standInResource(config, "aws_s3_bucket__b").input as Json;
    expect(input.hosted_zone_id).toBe("stand-in-hosted_zone_id");
    expect(input.cors_rule).toEqual([]);
    expect(input).not.toHaveProperty("bucket_arn");
  });

  it("makes data sources locals with representative values, the policy document rendered by Terraform", () => {
    const config = {
      provider: PROVIDER,
      data: {
        aws_caller_identity: { current: {} },
        aws_iam_policy_document: {
          p: {
            statement: [{ actions: ["s3:GetObject"], resources: ["${aws_s3_bucket.b.arn}/*"] }],
          },
        },
      },
      resource: {
        aws_s3_bucket: { b: { bucket: "b", policy: "${data.aws_iam_policy_document.p.json}" } },
      },
    };
    const locals = configurationOf(config).locals as Json;
    expect(locals.data_aws_caller_identity__current).toBe(
      '${{"id" = (local.stand_in_provider_aws.account_id), "account_id" = (local.stand_in_provider_aws.account_id), "arn" = "arn:${local.stand_in_provider_aws.partition}:iam::${local.stand_in_provider_aws.account_id}:user/stand-in", "user_id" = "AIDASTANDIN0000000000"}}',
    );
    expect(locals.data_aws_iam_policy_document__p).toContain(
      'jsonencode({ Version = "2012-10-17", Statement = [for s in [{"actions" = ["s3:GetObject"], "resources" = ["${terraform_data.aws_s3_bucket__b.input.arn}/*"]}]',
    );
    expect((standInResource(config, "aws_s3_bucket__b").input as Json).policy).toBe(
      "${local.data_aws_iam_policy_document__p.json}",
    );
  });

  it("reads another stack's outputs for terraform_remote_state, escaped as literal text", () => {
    const config = {
      data: {
        terraform_remote_state: { iam: { backend: "local", config: { path: "iam.tfstate" } } },
      },
      output: { role: { value: "${data.terraform_remote_state.iam.outputs.role_arn}" } },
    };
    const sources: unknown[] = [];
    const result = standIn(config, {
      remoteStateOutputs: (source) => {
        sources.push(source);
        return { role_arn: "arn:aws:iam::123456789012:role/r", text: "${not a reference}" };
      },
    });
    expect(sources).toEqual([{ name: "iam", backend: "local", config: { path: "iam.tfstate" } }]);
    expect((result.configuration.locals as Json).data_terraform_remote_state__iam).toBe(
      '${{"backend" = "local", "config" = {"path" = "iam.tfstate"}, "outputs" = {"role_arn" = "arn:aws:iam::123456789012:role/r", "text" = "$${not a reference}"}}}',
    );
    expect((result.configuration.output as Json).role).toEqual({
      value: "${local.data_terraform_remote_state__iam.outputs.role_arn}",
    });
  });

  it("fails, naming the data source, when no stack's state is the one read", () => {
    const config = {
      data: { terraform_remote_state: { x: { backend: "s3", config: { bucket: "b" } } } },
    };
    expect(() => standIn(config)).toThrow(
      new StandInError(
        'data.terraform_remote_state.x: no stack is known whose state is the s3 backend {"bucket":"b"}.',
      ),
    );
  });

  it("moves between stand-in addresses, and keeps variables, the required version but no provider or backend", () => {
    const config = {
      terraform: {
        required_version: ">= 1.5",
        backend: { local: { path: "x" } },
        required_providers: {},
      },
      provider: PROVIDER,
      variable: { region: { type: "string", default: "us-east-1" } },
      resource: { aws_kms_key: { k: {} } },
      moved: [{ from: "aws_kms_key.k[0]", to: "aws_kms_key.k" }],
    };
    const result = standIn(config);
    expect(result.configuration).toMatchObject({
      terraform: { required_version: ">= 1.5" },
      variable: { region: { type: "string", default: "us-east-1" } },
      moved: [{ from: "terraform_data.aws_kms_key__k[0]", to: "terraform_data.aws_kms_key__k" }],
    });
    expect(result.configuration).not.toHaveProperty("provider");
    expect(result.resources).toEqual(new Map([["aws_kms_key.k", "terraform_data.aws_kms_key__k"]]));
  });

  it("refuses what it cannot stand in for, naming it", () => {
    expect(() => standIn({ module: { m: { source: "./m" } } } as TerraformConfiguration)).toThrow(
      "The stand-in cannot represent top-level 'module' blocks.",
    );
  });
});
