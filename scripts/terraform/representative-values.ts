/**
 * Representative values for what a provider would compute (ARNs, IDs, URLs, random suffixes) and what data
 * sources would read (the account, partition, region, rendered policy documents), written as Terraform JSON
 * templates so Terraform evaluates them with the stack's own arguments and region: the ARN of role `x-role` in
 * region `cn-north-1` is `arn:aws-cn:iam::123456789012:role/x-role`.
 *
 * They are what the AWS provider would return in form, not in content: the account is always 123456789012,
 * IDs are fixed, and nothing is asked of AWS.
 */
import { createHash } from "node:crypto";
import { hclExpression, templateExpression } from "./expressions";

/** The account every stand-in lives in. */
export const STAND_IN_ACCOUNT = "123456789012";

/** Where a stand-in is: template text of its provider's (or its own `region` argument's) region, and so on. */
export interface Placement {
  readonly region: string;
  readonly partition: string;
  readonly dnsSuffix: string;
  readonly account: string;
}

/** A resource or data source being stood in for: its address parts, arguments (templates) and placement. */
export interface Subject {
  readonly type: string;
  readonly name: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly placement: Placement;
}

type Values = Record<string, unknown>;

/** The template text of a string argument, or undefined when it is not given (or not a string). */
function text(subject: Subject, argument: string): string | undefined {
  const value = subject.arguments[argument];
  return typeof value === "string" ? value : undefined;
}

/** A name the provider would generate when none is given (`name_prefix` + a timestamp-like suffix). */
function nameOf(subject: Subject, argument = "name"): string {
  const prefix = text(subject, `${argument}_prefix`);
  return text(subject, argument) ?? `${prefix ?? "terraform-"}20260101000000000000000001`;
}

/** `name` lowercased by Terraform (SageMaker ARNs hold lowercase names). */
function lowered(template: string): string {
  return `\${lower(${templateExpression(template)})}`;
}

/** A stable identifier of the subject, in the form of a UUID. */
function uuidOf(subject: Subject): string {
  const hex = createHash("sha256").update(`${subject.type}.${subject.name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function arn(subject: Subject, service: string, resource: string, regional = true): string {
  const { partition, region, account } = subject.placement;
  return `arn:${partition}:${service}:${regional ? region : ""}:${account}:${resource}`;
}

const RESOURCES: Record<string, (subject: Subject) => Values> = {
  aws_iam_role: (s) => ({
    id: nameOf(s),
    name: nameOf(s),
    arn: arn(s, "iam", `role${text(s, "path") ?? "/"}${nameOf(s)}`, false),
    unique_id: "AROASTANDIN0000000000",
  }),
  aws_iam_policy: (s) => ({
    id: arn(s, "iam", `policy${text(s, "path") ?? "/"}${nameOf(s)}`, false),
    name: nameOf(s),
    arn: arn(s, "iam", `policy${text(s, "path") ?? "/"}${nameOf(s)}`, false),
    policy_id: "ANPASTANDIN0000000000",
  }),
  aws_iam_role_policy: (s) => ({ id: `${text(s, "role") ?? ""}:${nameOf(s)}`, name: nameOf(s) }),
  aws_iam_role_policy_attachment: (s) => ({
    id: `${text(s, "role") ?? ""}-20260101000000000000000001`,
  }),
  aws_s3_bucket: (s) => {
    const bucket = nameOf(s, "bucket");
    const { region, dnsSuffix, partition } = s.placement;
    return {
      id: bucket,
      bucket,
      arn: `arn:${partition}:s3:::${bucket}`,
      bucket_domain_name: `${bucket}.s3.${dnsSuffix}`,
      bucket_regional_domain_name: `${bucket}.s3.${region}.${dnsSuffix}`,
      bucket_region: region,
      region,
    };
  },
  aws_kms_key: (s) => ({
    id: uuidOf(s),
    key_id: uuidOf(s),
    arn: arn(s, "kms", `key/${uuidOf(s)}`),
  }),
  aws_kms_alias: (s) => ({
    id: nameOf(s),
    arn: arn(s, "kms", nameOf(s)),
    target_key_arn: arn(s, "kms", `key/${text(s, "target_key_id") ?? uuidOf(s)}`),
  }),
  aws_ecr_repository: (s) => {
    const { region, dnsSuffix, account } = s.placement;
    return {
      id: nameOf(s),
      arn: arn(s, "ecr", `repository/${nameOf(s)}`),
      registry_id: account,
      repository_url: `${account}.dkr.ecr.${region}.${dnsSuffix}/${nameOf(s)}`,
    };
  },
  aws_ecr_repository_policy: (s) => ({
    id: text(s, "repository") ?? "",
    registry_id: s.placement.account,
  }),
  aws_ecr_lifecycle_policy: (s) => ({
    id: text(s, "repository") ?? "",
    registry_id: s.placement.account,
  }),
  aws_cloudwatch_log_group: (s) => ({
    id: nameOf(s),
    arn: arn(s, "logs", `log-group:${nameOf(s)}`),
  }),
  aws_cloudwatch_metric_alarm: (s) => ({
    id: nameOf(s, "alarm_name"),
    arn: arn(s, "cloudwatch", `alarm:${nameOf(s, "alarm_name")}`),
  }),
  aws_cloudwatch_dashboard: (s) => ({
    id: text(s, "dashboard_name") ?? "",
    dashboard_arn: arn(s, "cloudwatch", `dashboard/${text(s, "dashboard_name") ?? ""}`, false),
  }),
  aws_sns_topic: (s) => ({
    id: arn(s, "sns", nameOf(s)),
    arn: arn(s, "sns", nameOf(s)),
    name: nameOf(s),
  }),
  aws_sns_topic_subscription: (s) => ({ id: arn(s, "sns", `${nameOf(s, "topic")}:${uuidOf(s)}`) }),
  aws_sagemaker_model: (s) => ({
    id: nameOf(s),
    name: nameOf(s),
    arn: arn(s, "sagemaker", `model/${lowered(nameOf(s))}`),
  }),
  aws_sagemaker_endpoint_configuration: (s) => ({
    id: nameOf(s),
    name: nameOf(s),
    arn: arn(s, "sagemaker", `endpoint-config/${lowered(nameOf(s))}`),
  }),
  aws_sagemaker_endpoint: (s) => ({
    id: nameOf(s),
    name: nameOf(s),
    arn: arn(s, "sagemaker", `endpoint/${lowered(nameOf(s))}`),
  }),
  aws_appautoscaling_target: (s) => ({
    id: text(s, "resource_id") ?? "",
    arn: arn(s, "application-autoscaling", `scalable-target/${uuidOf(s).replace(/-/g, "")}`),
  }),
  aws_appautoscaling_policy: (s) => ({
    id: nameOf(s),
    arn: arn(
      s,
      "autoscaling",
      `scalingPolicy:${uuidOf(s)}:resource/${text(s, "service_namespace") ?? ""}/${text(s, "resource_id") ?? ""}:policyName/${nameOf(s)}`,
    ),
    alarm_arns: [],
  }),
  random_id: (s) => {
    const bytes = hclExpression(s.arguments.byte_length ?? 4);
    return {
      hex: `\${substr("5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed", 0, 2 * ${bytes})}`,
      id: "Xu1e7Q",
      b64_url: "Xu1e7Q",
      b64_std: "Xu1e7Q==",
      dec: "1592614637",
    };
  },
  random_string: (s) => ({
    result: `\${substr("standinstandinstandinstandinstandinstandinstandinstandin", 0, ${hclExpression(s.arguments.length ?? 8)})}`,
  }),
  random_uuid: (s) => ({ id: uuidOf(s), result: uuidOf(s) }),
  time_sleep: () => ({ id: "2026-01-01T00:00:00Z" }),
};

/** Representative values of a resource's computed attributes (only those its arguments do not give). */
export function computedAttributes(subject: Subject): Values {
  const values = RESOURCES[subject.type]?.(subject) ?? genericAttributes(subject);
  return Object.fromEntries(Object.entries(values).filter(([key]) => !(key in subject.arguments)));
}

function genericAttributes(subject: Subject): Values {
  const service = subject.type.split("_")[1] ?? subject.type;
  const name = text(subject, "name") ?? subject.name;
  return subject.type.startsWith("aws_")
    ? {
        id: name,
        arn: arn(subject, service, `${subject.type.split("_").slice(2).join("-")}/${name}`),
      }
    : { id: name };
}

/** A placeholder of the right kind for a computed attribute the tables above do not know. */
export function placeholder(kind: string, attribute: string): unknown {
  switch (kind) {
    case "number":
      return 0;
    case "bool":
      return false;
    case "list":
      return [];
    case "map":
    case "object":
      return {};
    default:
      return `stand-in-${attribute}`;
  }
}

/**
 * An `aws_iam_policy_document`'s `json`, rendered by Terraform from its statements: the structure AWS policies
 * have (Sid, Effect, Action, Resource, Principal, Condition and their Not- forms), with Terraform evaluating
 * every reference in them.
 */
function policyDocumentJson(subject: Subject): string {
  const statements = hclExpression(subject.arguments.statement ?? []);
  const principals = (key: string) =>
    `try({ for t, ids in { for p in s.${key} : p.type => p.identifiers... } : t => flatten(ids) }, null)`;
  const statement = [
    "Sid = try(s.sid, null)",
    'Effect = try(s.effect, "Allow")',
    "Action = try(s.actions, null)",
    "NotAction = try(s.not_actions, null)",
    "Resource = try(s.resources, null)",
    "NotResource = try(s.not_resources, null)",
    `Principal = ${principals("principals")}`,
    `NotPrincipal = ${principals("not_principals")}`,
    "Condition = try({ for test, cs in { for c in s.condition : c.test => c... } : test => { for c in cs : c.variable => c.values } }, null)",
  ].join(", ");
  const version = hclExpression(subject.arguments.version ?? "2012-10-17");
  return `\${jsonencode({ Version = ${version}, Statement = [for s in ${statements} : { for k, v in { ${statement} } : k => v if v != null }] })}`;
}

const DATA_SOURCES: Record<string, (subject: Subject) => Values> = {
  aws_caller_identity: (s) => ({
    id: s.placement.account,
    account_id: s.placement.account,
    arn: `arn:${s.placement.partition}:iam::${s.placement.account}:user/stand-in`,
    user_id: "AIDASTANDIN0000000000",
  }),
  aws_partition: (s) => ({
    id: s.placement.partition,
    partition: s.placement.partition,
    dns_suffix: s.placement.dnsSuffix,
    reverse_dns_prefix: `\${join(".", reverse(split(".", ${templateExpression(s.placement.dnsSuffix)})))}`,
  }),
  aws_region: (s) => {
    const region = text(s, "region") ?? text(s, "name") ?? s.placement.region;
    return {
      id: region,
      region,
      name: region,
      endpoint: `ec2.${region}.${s.placement.dnsSuffix}`,
      description: `stand-in description of ${region}`,
    };
  },
  aws_iam_policy_document: (s) => ({
    id: uuidOf(s),
    json: policyDocumentJson(s),
    minified_json: policyDocumentJson(s),
  }),
  aws_availability_zones: (s) => ({
    id: s.placement.region,
    names: ["a", "b", "c"].map((zone) => `${s.placement.region}${zone}`),
    zone_ids: ["az1", "az2", "az3"].map((zone) => `stand-in-${zone}`),
  }),
};

/** Representative values of a data source's attributes (only those its arguments do not give). */
export function dataSourceAttributes(subject: Subject): Values {
  const values = DATA_SOURCES[subject.type]?.(subject) ?? { id: `stand-in-${subject.name}` };
  return Object.fromEntries(Object.entries(values).filter(([key]) => !(key in subject.arguments)));
}

/**
 * The partition and DNS suffix of a region, as Terraform locals computed from its template (the AWS provider
 * derives them from the region the same way).
 */
export function placementLocal(regionTemplate: string): Values {
  const region = templateExpression(regionTemplate);
  const partition = [
    ["cn-", "aws-cn"],
    ["us-gov-", "aws-us-gov"],
    ["us-isob-", "aws-iso-b"],
    ["us-isof-", "aws-iso-f"],
    ["us-iso-", "aws-iso"],
    ["eu-isoe-", "aws-iso-e"],
    ["eusc-", "aws-eusc"],
  ].reduceRight(
    (otherwise, [prefix, name]) => `startswith(${region}, "${prefix}") ? "${name}" : ${otherwise}`,
    '"aws"',
  );
  const suffixes =
    '{ aws = "amazonaws.com", aws-cn = "amazonaws.com.cn", aws-us-gov = "amazonaws.com", aws-iso = "c2s.ic.gov", aws-iso-b = "sc2s.sgov.gov", aws-iso-e = "cloud.adc-e.uk", aws-iso-f = "csp.hci.ic.gov", aws-eusc = "amazonaws.eu" }';
  return {
    region: regionTemplate,
    partition: `\${${partition}}`,
    dns_suffix: `\${lookup(${suffixes}, ${partition}, "amazonaws.com")}`,
    account_id: STAND_IN_ACCOUNT,
  };
}
