import { describe, expect, it } from "vitest";
import { appGraph, type GraphEdge } from "../../../scripts/diagrams/stack-graph";
import { buildDemoStack, crossStackInputs, projectDiagramInputs } from "../../helpers/diagrams";
import { synthProject } from "../../helpers/project";
import { addresses, synthScope } from "../../helpers/synth";

const at = (address: string) => ({ stack: "demo", address });

describe("appGraph of one stack", () => {
  const json = synthScope(buildDemoStack);
  const graph = appGraph([{ name: "demo", dependencies: [], terraform: json }]);

  it("has every resource, data source, local, variable, output and provider as a node", () => {
    expect(graph.stacks).toHaveLength(1);
    expect(graph.stacks[0]!.nodes).toEqual([
      {
        ...at("aws_iam_role.role"),
        kind: "resource",
        type: "aws_iam_role",
        name: "role",
        group: "IAM",
      },
      {
        ...at("aws_kms_key.key"),
        kind: "resource",
        type: "aws_kms_key",
        name: "key",
        group: "KMS",
      },
      {
        ...at("aws_s3_bucket.bucket"),
        kind: "resource",
        type: "aws_s3_bucket",
        name: "bucket",
        group: "S3",
      },
      {
        ...at("aws_sagemaker_model.model"),
        kind: "resource",
        type: "aws_sagemaker_model",
        name: "model",
        group: "SageMaker",
      },
      {
        ...at("data.aws_iam_policy_document.trust"),
        kind: "data",
        type: "aws_iam_policy_document",
        name: "trust",
        group: "IAM",
      },
      {
        ...at("local.model_name"),
        kind: "local",
        type: "local",
        name: "model_name",
        group: "Locals",
      },
      {
        ...at("output.role_arn"),
        kind: "output",
        type: "output",
        name: "role_arn",
        group: "Outputs",
      },
      {
        ...at("provider.aws"),
        kind: "provider",
        type: "provider",
        name: "aws",
        group: "Providers",
      },
      { ...at("var.prefix"), kind: "variable", type: "var", name: "prefix", group: "Variables" },
    ]);
  });

  it("has every reference and depends_on as an edge, with the attributes read", () => {
    const edge = (from: string, to: string, attributes: string[] = []): GraphEdge => ({
      from: at(from),
      to: at(to),
      kind: "reference",
      attributes,
    });
    expect(graph.edges).toEqual([
      edge("aws_iam_role.role", "data.aws_iam_policy_document.trust", ["json"]),
      edge("aws_iam_role.role", "var.prefix"),
      { ...edge("aws_s3_bucket.bucket", "aws_iam_role.role"), kind: "depends_on" },
      edge("aws_s3_bucket.bucket", "aws_kms_key.key", ["key_id"]),
      edge("aws_s3_bucket.bucket", "var.prefix"),
      edge("aws_sagemaker_model.model", "aws_iam_role.role", ["arn"]),
      edge("aws_sagemaker_model.model", "aws_kms_key.key"),
      edge("aws_sagemaker_model.model", "aws_s3_bucket.bucket", ["bucket"]),
      edge("aws_sagemaker_model.model", "local.model_name"),
      edge("local.model_name", "var.prefix"),
      edge("output.role_arn", "aws_iam_role.role", ["arn"]),
    ]);
  });

  it("ignores cdktf's // metadata, as cdktf.out has it", () => {
    const withMetadata = {
      ...json,
      resource: {
        ...json.resource,
        aws_kms_key: { key: { "//": { metadata: { path: "${aws_iam_role.role.arn}" } } } },
      },
    };
    const again = appGraph([{ name: "demo", dependencies: [], terraform: withMetadata }]);
    expect(again).toEqual(graph);
  });

  it("merges the attributes of several references into one edge, and draws no edge to itself", () => {
    const merged = appGraph([
      {
        name: "demo",
        dependencies: [],
        terraform: {
          resource: {
            aws_iam_role: { role: { name: "${var.x.b}", tags: { a: "${var.x.a}" } } },
          },
          variable: { x: { validation: [{ condition: "${var.x.a != var.x.b}" }] } },
        },
      },
    ]);
    expect(merged.edges).toEqual([
      { from: at("aws_iam_role.role"), to: at("var.x"), kind: "reference", attributes: ["a", "b"] },
    ]);
  });

  it("links only names the stack declares: count, each, for-expression names and modules are no nodes", () => {
    const other = appGraph([
      {
        name: "demo",
        dependencies: [],
        terraform: {
          resource: {
            aws_s3_bucket: {
              b: {
                bucket: "${each.key}-${count.index}-${module.m.out}-${aws_kms_key.undeclared.arn}",
                tags: "${{ for v in var.list : v.name => v.value }}",
              },
            },
          },
        },
      },
    ]);
    expect(other.edges).toEqual([]);
  });
});

describe("appGraph of the project's stacks", () => {
  const graph = appGraph(projectDiagramInputs());

  it.each(Object.keys(synthProject().json))(
    "has a node for every resource, data source, variable and output of %s",
    (name) => {
      const json = synthProject().json[name]!;
      const nodes = graph.stacks.find((stack) => stack.name === name)!.nodes;
      const crossStack =
        /^data\.terraform_remote_state\.cross-stack-reference-input-|^output\.cross-stack-output-/;
      const expected = [
        ...addresses(json),
        ...Object.keys(json.variable ?? {}).map((variable) => `var.${variable}`),
        ...Object.keys(json.output ?? {}).map((output) => `output.${output}`),
      ].filter((address) => !crossStack.test(address));
      const drawn = nodes.filter((node) => node.kind !== "local" && node.kind !== "provider");
      expect(drawn.map((node) => node.address).sort()).toEqual(expected.sort());
    },
  );
});

describe("appGraph across stacks", () => {
  const { consumer, producer, unrelated } = crossStackInputs();
  const graph = appGraph([consumer, producer, unrelated]);

  it("resolves a cross-stack reference to the resource the other stack's output exposes", () => {
    expect(graph.edges.filter((edge) => edge.from.stack !== edge.to.stack)).toEqual([
      {
        from: { stack: "consumer", address: "aws_sagemaker_model.model" },
        to: { stack: "producer", address: "aws_iam_role.role" },
        kind: "reference",
        attributes: ["arn"],
      },
      {
        from: { stack: "consumer", address: "output.role_name" },
        to: { stack: "producer", address: "aws_iam_role.role" },
        kind: "reference",
        attributes: ["name"],
      },
    ]);
  });

  it("draws cdktf's remote state and cross-stack outputs as those edges, not as nodes", () => {
    expect(
      graph.stacks.map((stack) => [
        stack.name,
        stack.dependencies,
        stack.nodes.map((n) => n.address),
      ]),
    ).toEqual([
      ["consumer", ["producer"], ["aws_sagemaker_model.model", "output.role_name", "provider.aws"]],
      ["producer", [], ["aws_iam_role.role", "provider.aws"]],
      ["unrelated", ["producer"], []],
    ]);
  });

  it("fails on a cross-stack reference to a stack or output that is not there", () => {
    const withoutOutputs = { ...producer, terraform: { ...producer.terraform, output: {} } };
    const message =
      "Stack 'consumer' refers to data.terraform_remote_state.cross-stack-reference-input-producer.outputs.cross-stack-output-aws_iam_rolerolearn, but there is no output 'cross-stack-output-aws_iam_rolerolearn' in a stack 'producer'.";
    expect(() => appGraph([consumer, withoutOutputs])).toThrowError(message);
    expect(() => appGraph([{ ...consumer, dependencies: [] }])).toThrowError(message);
  });

  it("fails on a dependency on a stack that is not given", () => {
    expect(() =>
      appGraph([{ name: "consumer", dependencies: ["producer", "gone"], terraform: {} }]),
    ).toThrowError(
      "Stacks depend on stacks that are not given: consumer → producer, consumer → gone.",
    );
  });
});
