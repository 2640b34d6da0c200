import { describe, expect, it } from "vitest";
import { escapeLabel, label, mermaidIds } from "../../../scripts/diagrams/mermaid";

describe("mermaidIds", () => {
  it("makes ids of letters, digits and underscores, distinct for keys that would collide", () => {
    const ids = mermaidIds("n", [
      "stack-a/aws_iam_role.x",
      "stack-a/aws_iam_role.x-y",
      "stack-a/aws_iam_role.x_y",
      "stack-a/aws_iam_role.x.y",
    ]);
    expect(Object.fromEntries(ids)).toEqual({
      "stack-a/aws_iam_role.x": "n_stack_a_aws_iam_role_x",
      "stack-a/aws_iam_role.x-y": "n_stack_a_aws_iam_role_x_y",
      "stack-a/aws_iam_role.x.y": "n_stack_a_aws_iam_role_x_y_2",
      "stack-a/aws_iam_role.x_y": "n_stack_a_aws_iam_role_x_y_3",
    });
  });

  it("gives the same ids whatever order the keys come in", () => {
    const keys = ["a.b", "a-b", "a_b", "c"];
    expect(mermaidIds("n", [...keys].reverse())).toEqual(mermaidIds("n", keys));
  });
});

describe("labels", () => {
  it("escapes quotes and HTML-significant characters as Mermaid entity codes", () => {
    expect(escapeLabel('say "hi" <b> & bye')).toBe("say #quot;hi#quot; #lt;b#gt; #amp; bye");
  });

  it("joins escaped lines with <br/> inside quotes", () => {
    expect(label("aws_iam_role", 'x"y')).toBe('"aws_iam_role<br/>x#quot;y"');
  });
});
