import { Fn, Token } from "cdktf";

/**
 * `tags` plus a `Name` tag (which wins over a `Name` in `tags`), like HCL's `merge(var.tags, { Name = name })`.
 *
 * Tags known only at apply time (a `map(string)` variable) cannot be spread in TypeScript: cdktf refuses to
 * add keys to a map token. Those are merged by Terraform instead.
 */
export function tagsWithName(
  tags: Readonly<Record<string, string>> | undefined,
  name: string,
): Record<string, string> {
  if (tags !== undefined && Token.isUnresolved(tags)) {
    return Token.asStringMap(Fn.merge([tags, { Name: name }]));
  }
  return { ...tags, Name: name };
}
