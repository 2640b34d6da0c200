import { Fn, Token } from "cdktf";

type TagMap = Readonly<Record<string, string>>;

/**
 * The maps merged like HCL's `merge(a, b, ...)`: later maps win. `undefined` maps are skipped.
 *
 * Tags known only at apply time (a `map(string)` variable) cannot be spread in TypeScript: cdktf refuses to
 * add keys to a map token. Those are merged by Terraform instead.
 */
export function mergeTags(...maps: (TagMap | undefined)[]): Record<string, string> {
  const given = maps.filter((map): map is TagMap => map !== undefined);
  if (given.some((map) => Token.isUnresolved(map))) return Token.asStringMap(Fn.merge(given));
  return Object.assign({}, ...given) as Record<string, string>;
}

/** `tags` plus a `Name` tag (which wins over a `Name` in `tags`), like HCL's `merge(var.tags, { Name = name })`. */
export function tagsWithName(tags: TagMap | undefined, name: string): Record<string, string> {
  return mergeTags(tags, { Name: name });
}
