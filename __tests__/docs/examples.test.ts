/**
 * Every TypeScript example in the README and docs/ is a file in docs/examples/ that `npm run typecheck` compiles
 * and this test synthesizes, with the policy checks: the block in the Markdown, marked
 * `<!-- example: docs/examples/<file>.ts -->` above it, must be the file's `// docs:start` ...
 * `// docs:end` regions (each dedented, joined by a blank line), or the whole file when it has none.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { Testing, TerraformStack, type App } from "cdktf";
import { describe, expect, it } from "vitest";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";
import { RENAMED_PACKAGES } from "../../scripts/cdktn/swap";
import { addresses, resolved, synthStack } from "../helpers/synth";

const ROOT = join(__dirname, "..", "..");
const EXAMPLES = "docs/examples";

interface Block {
  readonly where: string;
  readonly example: string | undefined;
  readonly code: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [relative(ROOT, path)] : [];
  });
}

/** The ```ts blocks of a Markdown file, with the example each names. */
function typescriptBlocks(file: string): Block[] {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const end = lines.indexOf("```", i + 1);
    let previous = i - 1;
    while (previous > 0 && lines[previous]!.trim() === "") previous -= 1;
    const marker = /^<!-- example: (\S+) -->$/.exec(lines[previous] ?? "");
    blocks.push({
      where: `${file}:${i + 1}`,
      example: marker?.[1],
      code: lines.slice(i + 1, end).join("\n"),
    });
    i = end;
  }
  return blocks;
}

/** What the docs show of an example file. */
function shownPart(source: string): string {
  const regions = [
    ...source.matchAll(/^[ \t]*\/\/ docs:start\n([\s\S]*?)^[ \t]*\/\/ docs:end$/gm),
  ].map((match) => dedent(match[1]!.replace(/\n$/, "")));
  return regions.length > 0 ? regions.join("\n\n") : source.replace(/\n$/, "");
}

/**
 * The text with CDK Terrain's package names written as cdktf's: `npm run check:cdktn` renames the imports of the
 * example files in its copy of the project, not the Markdown that shows them.
 */
function withCdktfNames(text: string): string {
  return Object.entries(RENAMED_PACKAGES).reduce(
    (renamed, [cdktf, cdktn]) =>
      renamed.replaceAll(`"${cdktn}"`, `"${cdktf}"`).replaceAll(`"${cdktn}/`, `"${cdktf}/`),
    text,
  );
}

function dedent(text: string): string {
  const lines = text.split("\n");
  const indent = Math.min(
    ...lines.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)![0].length),
  );
  return lines.map((line) => line.slice(indent)).join("\n");
}

const blocks = ["README.md", ...markdownFiles(join(ROOT, "docs"))].flatMap(typescriptBlocks);
const examples = readdirSync(join(ROOT, EXAMPLES))
  .filter((name) => name.endsWith(".ts"))
  .map((name) => `${EXAMPLES}/${name}`);

describe("the TypeScript examples of the README and docs/", () => {
  it("each name the compiled file they show", () => {
    expect(
      blocks.filter((block) => block.example === undefined).map((block) => block.where),
    ).toEqual([]);
    expect(
      blocks.filter((block) => !examples.includes(block.example!)).map((block) => block.where),
    ).toEqual([]);
  });

  it.each(blocks.map((block) => [block.where, block] as const))(
    "%s shows its file as it is",
    (_where, block) => {
      const file = shownPart(readFileSync(join(ROOT, block.example!), "utf8"));
      expect(withCdktfNames(block.code)).toBe(withCdktfNames(file));
    },
  );

  it("are all shown somewhere", () => {
    expect(
      examples.filter((example) => !blocks.some((block) => block.example === example)),
    ).toEqual([]);
  });
});

describe("each example", () => {
  it.each(examples)("%s synthesizes, with no policy error", async (example) => {
    const module = (await import(join(ROOT, example))) as { example: (app: App) => void };
    const app = Testing.app();
    module.example(app);
    const stacks = app.node.children.filter((child) => TerraformStack.isStack(child));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) stack.prepareStack();
    for (const stack of stacks) synthStack(stack);
  });

  it("docs/examples/acknowledge-a-finding.ts: the finding is printed as INFO, with the reason", async () => {
    const { example } = await import("../../docs/examples/acknowledge-a-finding");
    const app = Testing.app();
    example(app);
    const stack = app.node.findChild("scratch") as TerraformStack;
    synthStack(stack);
    expect(reportedAnnotations(stack)).toEqual([
      {
        path: "scratch/debug-logs",
        level: "info",
        message:
          "[cloudwatch-log-group-kms] aws_cloudwatch_log_group.debug-logs: Is encrypted with CloudWatch Logs' own key, not a customer managed KMS key; set kms_key_id to a key whose policy lets the regional CloudWatch Logs principal use it for this log group. Acknowledged on scratch/debug-logs: Debug logs of a scratch environment that hold no customer data; CloudWatch Logs' own key is enough.",
      },
    ]);
  });

  it("docs/examples/your-own-stack.ts: state beside the project, the Terraform version, readable names", async () => {
    const { ChurnStack } = await import("../../docs/examples/your-own-stack");
    const json = synthStack(new ChurnStack(Testing.app(), "churn"));
    expect(json.terraform).toMatchObject({
      backend: { local: { path: "../../../terraform.churn.tfstate" } },
      required_version: ">= 1.5",
    });
    expect(addresses(json)).toEqual([
      "aws_sagemaker_endpoint.churn_endpoint",
      "aws_sagemaker_endpoint_configuration.churn_endpoint",
      "aws_sagemaker_model.churn_model",
      "data.aws_caller_identity.current",
      "data.aws_partition.current",
    ]);
    expect(json.output?.endpoint_name?.value).toBe("${aws_sagemaker_endpoint.churn_endpoint.name}");
  });

  it("docs/examples/your-own-stack.ts: the findings docs/your-own-stacks.md names, and no other", async () => {
    const { ChurnStack } = await import("../../docs/examples/your-own-stack");
    const stack = new ChurnStack(Testing.app(), "churn");
    synthStack(stack);
    expect(
      reportedAnnotations(stack).map(({ level, message }) => [
        level,
        message.slice(0, message.indexOf("]") + 1),
      ]),
    ).toEqual([
      ["info", "[sagemaker-model-network-isolation]"],
      ["warning", "[sagemaker-model-image-digest]"],
      ["warning", "[sagemaker-endpoint-kms]"],
    ]);
  });

  it("docs/examples/basic-usage.ts: the endpoint's ARN is the reference the README shows", async () => {
    const { BasicUsageStack } = await import("../../docs/examples/basic-usage");
    const stack = new BasicUsageStack(Testing.app(), "basic-usage");
    expect(resolved(stack, stack.endpointArn)).toBe(
      "${aws_sagemaker_endpoint.realtime_endpoint.arn}",
    );
  });
});
