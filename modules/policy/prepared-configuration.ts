import {
  DefaultTokenResolver,
  StringConcat,
  TerraformElement,
  TerraformStack,
  Tokenization,
} from "cdktf";
import type { IConstruct } from "constructs";

/** What each element of a stack synthesizes (`toTerraform()`), resolved. */
export type ResolvedElements = ReadonlyMap<TerraformElement, unknown>;

/** The resolver cdktf itself synthesizes with. */
export const SYNTH_RESOLVER = new DefaultTokenResolver(new StringConcat());

const preparedByStack = new WeakMap<TerraformStack, ResolvedElements>();

/**
 * cdktf's preparation of a stack, which `app.synth()` runs on every stack before synthesizing any: make sure it
 * has a backend, and resolve every element once with `preparing` set, so cross-stack references create their
 * outputs and remote-state data sources. Unlike `TerraformStack.prepareStack()`, it keeps what it resolved, for
 * the policy checks of the same synth (`takePreparedElements`): they would otherwise resolve every element a
 * second time, before cdktf resolves it a third time for the JSON.
 *
 * Call it from an override of `prepareStack()`.
 */
export function prepareStackKeepingElements(stack: TerraformStack): void {
  stack.ensureBackendExists();
  const resolved = new Map<TerraformElement, unknown>();
  for (const element of elementsOf(stack)) {
    resolved.set(
      element,
      Tokenization.resolve(element.toTerraform(), {
        scope: stack,
        preparing: true,
        resolver: SYNTH_RESOLVER,
      }),
    );
  }
  preparedByStack.set(stack, resolved);
}

/**
 * The elements `prepareStackKeepingElements` resolved for this synth of `stack`, once: a second call returns
 * nothing until the next preparation. The aspects of a synth are the first thing to run after preparation, and
 * the policy checks look at the stack before any other aspect visits its children, so what they see is what
 * was prepared. Elements added during preparation (remote-state data sources) are not in it.
 */
export function takePreparedElements(stack: TerraformStack): ResolvedElements | undefined {
  const prepared = preparedByStack.get(stack);
  preparedByStack.delete(stack);
  return prepared;
}

/** The stack's elements, not those of nested stacks: the ones `TerraformStack.prepareStack()` resolves. */
function elementsOf(stack: TerraformStack): TerraformElement[] {
  const elements: TerraformElement[] = [];
  const visit = (node: IConstruct): void => {
    if (TerraformElement.isTerraformElement(node)) elements.push(node);
    for (const child of node.node.children) {
      if (!TerraformStack.isStack(child)) visit(child);
    }
  };
  visit(stack);
  return elements;
}
