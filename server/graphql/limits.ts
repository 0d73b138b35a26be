/**
 * Validation rules that refuse a query before it runs: too deep (nested selections), or too
 * costly (an estimate of the records it could return: each list field multiplies its children by
 * its `first` or `limit` argument, or by a default when none is given). Introspection fields
 * (`__schema`, `__type`) do not count, so tools can introspect.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

// Types are inspected by their printed form and shape rather than graphql-js's instanceof
// helpers: under a test runner the schema and this file may load different builds (CJS/ESM)
// of graphql, and the helpers throw on instances from "another realm".
const isList = (type: unknown): boolean => String(type).replace(/!$/, '').startsWith('[');
const namedTypeName = (type: unknown): string => String(type).replace(/[[\]!]/g, '');

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

/** A list field's assumed size when the query does not say (or says it through a variable). */
const DEFAULT_LIST = 20;
const VARIABLE_LIST = 100;

/** The size a field's `first` or `limit` argument asks for, if it has one. */
function askedSize(field: FieldNode): number | undefined {
  for (const name of ['first', 'limit']) {
    const arg = field.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
    if (arg.value.kind === Kind.VARIABLE) return VARIABLE_LIST;
  }
  return undefined;
}

function fieldDef(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  const fields = (parent as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> } | undefined)?.getFields;
  return typeof fields === 'function' ? fields.call(parent)[name] : undefined;
}

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_COMPLEX' } });
}

export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const schema = context.getSchema();

    // `inherited`: a limit given on an object field (neighbourhood(limit: 500) { nodes ... })
    // sizes the lists inside it.
    const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, depth: number, seen: Set<string>, inherited?: number): { depth: number; cost: number } => {
      let maxDepth = depth;
      let cost = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue;
          const def = fieldDef(parent, s.name.value);
          const type = def?.type;
          const list = type ? isList(type) : false;
          if (s.selectionSet) {
            const asked = askedSize(s);
            const inner = walk(s.selectionSet, type ? schema.getType(namedTypeName(type)) ?? undefined : undefined, depth + 1, seen, list ? undefined : asked ?? inherited);
            maxDepth = Math.max(maxDepth, inner.depth);
            cost += 1 + (list ? asked ?? inherited ?? DEFAULT_LIST : 1) * inner.cost;
          } else cost += 1;
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          const t = s.typeCondition ? schema.getType(s.typeCondition.name.value) ?? parent : parent;
          const inner = walk(s.selectionSet, t, depth, seen, inherited);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        } else {
          const f = fragments.get(s.name.value);
          if (!f || seen.has(f.name.value)) continue; // unknown or cyclic fragments are other rules' errors
          const inner = walk(f.selectionSet, schema.getType(f.typeCondition.name.value) ?? parent, depth, new Set([...seen, f.name.value]), inherited);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        }
      }
      return { depth: maxDepth, cost };
    };

    return {
      OperationDefinition(op) {
        const root = op.operation === 'mutation' ? schema.getMutationType() : op.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
        const { depth, cost } = walk(op.selectionSet, root ?? undefined, 1, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(tooComplex(`The query is nested ${depth} levels deep; at most ${limits.maxDepth} are allowed. Ask for less at once.`));
        } else if (cost > limits.maxCost) {
          context.reportError(tooComplex(`The query could return about ${cost} records; at most ${limits.maxCost} are allowed. Lower first/limit or ask for fewer nested lists.`));
        }
      },
    };
  };
}
