import { describe, expect, it } from "vitest";
import {
  literalString,
  objectKey,
  reference,
  templateExpression,
} from "../../../../modules/core/hcl/template";

describe("templateExpression", () => {
  it("writes an interpolation on its own as the bare expression", () => {
    expect(templateExpression("${aws_iam_role.r.arn}")).toBe("aws_iam_role.r.arn");
    expect(templateExpression('${merge(var.tags, {"Name" = "${var.name}-x"})}')).toBe(
      'merge(var.tags, {"Name" = "${var.name}-x"})',
    );
  });

  it("escapes quotes, backslashes and control characters in the text, not in the expressions", () => {
    expect(templateExpression('say "hi" to C:\\temp\tnow')).toBe(
      '"say \\"hi\\" to C:\\\\temp\\tnow"',
    );
    expect(templateExpression('got "${var.x}" from ${lookup({"a" = "}"}, "a")}\\')).toBe(
      '"got \\"${var.x}\\" from ${lookup({"a" = "}"}, "a")}\\\\"',
    );
    expect(templateExpression("bell\u0007")).toBe('"bell\\u0007"');
  });

  it("keeps escaped markers and directives as they are", () => {
    expect(templateExpression("literal $${not} and %%{not}")).toBe('"literal $${not} and %%{not}"');
    expect(templateExpression('%{ if var.on }yes%{ endif } "q"')).toBe(
      '"%{ if var.on }yes%{ endif } \\"q\\""',
    );
  });

  it("writes text that ends with a newline as a heredoc, whose marker no line uses", () => {
    expect(templateExpression('line "1" ${var.x}\n\\n\n')).toBe(
      '<<EOT\nline "1" ${var.x}\n\\n\nEOT',
    );
    expect(templateExpression("a\n  EOT\n")).toBe("<<EOT1\na\n  EOT\nEOT1");
  });

  it("writes other multi-line text quoted, with \\n", () => {
    expect(templateExpression("a\nb")).toBe('"a\\nb"');
  });

  it("refuses an interpolation that is never closed", () => {
    expect(() => templateExpression("x ${var.y")).toThrowError(
      'Unterminated template sequence in "x ${var.y"',
    );
  });
});

describe("literalString", () => {
  it("escapes the markers, so Terraform reads the text as written", () => {
    expect(literalString('a ${b} %{c} $${d} "e"')).toBe('"a $${b} %%{c} $$${d} \\"e\\""');
    expect(literalString("")).toBe('""');
  });
});

describe("reference", () => {
  it("takes a reference with or without its interpolation marks", () => {
    expect(reference("aws_iam_role.r")).toBe("aws_iam_role.r");
    expect(reference("${aws_iam_role.r}")).toBe("aws_iam_role.r");
  });
});

describe("objectKey", () => {
  it("leaves identifiers bare and quotes the rest and the keywords", () => {
    expect(objectKey("Name")).toBe("Name");
    expect(objectKey("eu-west-1")).toBe('"eu-west-1"');
    expect(objectKey("aws:tag")).toBe('"aws:tag"');
    expect(objectKey("null")).toBe('"null"');
    expect(objectKey("1a")).toBe('"1a"');
  });
});
