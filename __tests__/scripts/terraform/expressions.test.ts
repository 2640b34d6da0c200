import { describe, expect, it } from "vitest";
import {
  ExpressionSyntaxError,
  expressionTraversals,
  hclExpression,
  literalTemplate,
  rewriteExpression,
  rewriteTemplate,
  templateExpression,
  templateParts,
  templateTraversals,
  type Traversal,
} from "../../../scripts/terraform/expressions";

/** Each traversal as written, e.g. `aws_s3_bucket.b[0].arn`. */
function written(template: string, found: Traversal[] = templateTraversals(template)): string[] {
  return found.map((traversal) => template.slice(traversal.start, traversal.end));
}

/** Points `aws_s3_bucket.b` at `terraform_data.b` and inserts `.input` before the attribute, as the stand-in does. */
function pointAtStandIn(traversal: Traversal) {
  const [name, next] = traversal.steps;
  if (traversal.root !== "aws_s3_bucket" || name?.kind !== "attribute") return [];
  const edits = [{ start: traversal.start, end: name.end, text: `terraform_data.${name.name}` }];
  const attribute = next?.kind === "attribute" ? next : traversal.steps[2];
  if (attribute?.kind === "attribute")
    edits.push({ start: attribute.start, end: attribute.start, text: ".input" });
  return edits;
}

describe("templateTraversals", () => {
  it("finds the references of a plain interpolation, with their steps", () => {
    const [traversal] = templateTraversals("arn: ${aws_s3_bucket.b[0].arn}");
    expect(traversal).toEqual({
      root: "aws_s3_bucket",
      start: 7,
      rootEnd: 20,
      end: 29,
      steps: [
        { kind: "attribute", name: "b", start: 20, end: 22 },
        { kind: "index", start: 22, end: 25 },
        { kind: "attribute", name: "arn", start: 25, end: 29 },
      ],
    });
  });

  it("finds references inside function calls, conditionals and for-expressions", () => {
    const template =
      '${length(var.s) < 1 ? lower("${local.p}-x") : [for k, v in data.aws_region.current.tags : v if k != each.key][0]}';
    expect(written(template)).toEqual([
      "var.s",
      "local.p",
      "k",
      "v",
      "data.aws_region.current.tags",
      "v",
      "k",
      "each.key",
    ]);
  });

  it("takes no function name, attribute after a call, object key or text in a string for a reference", () => {
    const template = '${merge({ Name = "aws_s3_bucket.b.arn" }, lookup(local.m, "k").x)}';
    expect(written(template)).toEqual(["Name", "local.m"]);
  });

  it("ends the interpolation at its own brace, not at braces of objects or strings inside it", () => {
    const template = '${jsonencode({ a = "}", b = { c = var.x } })}/${var.y}'; // braces in a string, nested objects
    expect(written(template)).toEqual(["a", "b", "c", "var.x", "var.y"]);
  });

  it("reads regular expressions with braces and escaped quotes inside strings", () => {
    const template = '${can(regex("^[0-9]{12}\\\\.\\"{\\"$", var.account))}';
    expect(written(template)).toEqual(["var.account"]);
  });

  it("skips escaped $${ and %%{ sequences, and reads %{ } directives", () => {
    const template = "$${aws_s3_bucket.a.arn} %%{x} %{ if var.on }${var.name}%{ endif }";
    expect(written(template)).toEqual(["var.on", "var.name"]);
  });

  it("reads splats, legacy index attributes and strip markers", () => {
    expect(written("${~ aws_s3_bucket.b[*].arn ~}")).toEqual(["aws_s3_bucket.b[*].arn"]);
    expect(
      templateTraversals("${aws_s3_bucket.b.*.arn}")[0]!.steps.map((step) => step.kind),
    ).toEqual(["attribute", "splat", "attribute"]);
    expect(written("${aws_s3_bucket.b.0.arn}")).toEqual(["aws_s3_bucket.b.0.arn"]);
  });

  it("reads heredocs and comments", () => {
    const template = "${<<-EOT\n  name: ${var.name} }\n  EOT\n} ${var.x /* } */ # }\n}";
    expect(written(template)).toEqual(["var.name", "var.x"]);
  });

  it("fails, saying where, on an unterminated interpolation or string", () => {
    expect(() => templateTraversals("${var.x")).toThrow(ExpressionSyntaxError);
    expect(() => templateTraversals('${lower("x)}')).toThrow(
      'Unterminated string at offset 9 of "${lower(\\"x)}"',
    );
  });
});

describe("rewriteTemplate", () => {
  it("points references at stand-ins wherever they are, leaving the rest of the text as it was", () => {
    const template =
      '${aws_s3_bucket.b.arn}/* and ${format("%s", aws_s3_bucket.c[count.index].id)} ${{ for k, v in aws_s3_bucket.d : k => v.arn }}';
    expect(rewriteTemplate(template, pointAtStandIn)).toBe(
      '${terraform_data.b.input.arn}/* and ${format("%s", terraform_data.c[count.index].input.id)} ${{ for k, v in terraform_data.d : k => v.arn }}',
    );
  });

  it("rewrites references in an index expression as well as the one indexed", () => {
    expect(rewriteTemplate("${aws_s3_bucket.b[aws_s3_bucket.i.id].arn}", pointAtStandIn)).toBe(
      "${terraform_data.b[terraform_data.i.input.id].input.arn}",
    );
  });

  it("leaves a text without interpolations untouched", () => {
    expect(rewriteTemplate("aws_s3_bucket.b.arn", pointAtStandIn)).toBe("aws_s3_bucket.b.arn");
  });
});

describe("expressionTraversals and rewriteExpression", () => {
  it("read a bare expression such as a depends_on entry or a moved address", () => {
    expect(written("aws_s3_bucket.b[0]", expressionTraversals("aws_s3_bucket.b[0]"))).toEqual([
      "aws_s3_bucket.b[0]",
    ]);
    expect(rewriteExpression("aws_s3_bucket.b[0]", pointAtStandIn)).toBe("terraform_data.b[0]");
  });
});

describe("templateExpression and hclExpression", () => {
  it("keep a single interpolation as its expression, so its type is kept", () => {
    expect(templateExpression("${var.count}")).toBe("(var.count)");
  });

  it("write other templates as quoted templates, escaping only their literal text", () => {
    expect(templateExpression('a "b" \\ ${lower("X")}\n')).toBe(
      '"a \\"b\\" \\\\ ${lower("X")}\\n"',
    );
    expect(templateExpression("${a}${b}")).toBe('"${a}${b}"');
  });

  it("write JSON values as HCL object and tuple constructors", () => {
    expect(hclExpression({ name: "${var.n}", "a b": [1, true, null, "x"] })).toBe(
      '{"name" = (var.n), "a b" = [1, true, null, "x"]}',
    );
  });
});

describe("literalTemplate and templateParts", () => {
  it("escape a literal so that Terraform reads ${ and %{ as text", () => {
    expect(literalTemplate("a ${b} %{c} $d")).toBe("a $${b} %%{c} $d");
  });

  it("split a template into literal text (unescaped) and its sequences", () => {
    expect(templateParts("x $${y} ${var.z}.")).toEqual([
      { literal: true, text: "x ${y} " },
      { literal: false, text: "${var.z}" },
      { literal: true, text: "." },
    ]);
  });
});
