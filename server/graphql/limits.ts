/**
 * What a query may ask for before it runs, checked in one pass over the document that is linear
 * in its size: nesting depth, an estimate of the records it could return (each list field
 * multiplies its children by its `first` or `limit` argument, or by a default when none is
 * given), aliases, introspection fields (`__schema`, `__type`) and the fields in one selection.
 * Each fragment is measured once and its measure reused at every spread, so a chain of fragments
 * that each spread the next twice costs one visit per fragment, not 2^N. The number of tokens is
 * limited by the parser (`maxTokens`, see app.ts), before any of this.
 *
 * The check runs when validation enters the document, before graphql-js's own rules look at any
 * selection; a refused query stops validation there (docs/decisions/0009-query-limits.md), so its cost is the
 * parse and this pass. While graphql-js's rules then run, the time spent is watched, and a
 * document that has taken longer than `maxValidationMs` is refused between two nodes.
 *
 * Not graphql-armor's cost-limit: its cost model (first/last only, a fixed cost per object) is
 * not Lantern's estimate of records, which LANTERN_MAX_QUERY_COST is documented to bound.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { ErrorCode } from '../errors.ts';

// Types are inspected by their printed form and shape rather than graphql-js's instanceof
// helpers: under a test runner the schema and this file may load different builds (CJS/ESM)
// of graphql, and the helpers throw on instances from "another realm".
const isList = (type: unknown): boolean => String(type).replace(/!$/, '').startsWith('[');
const namedTypeName = (type: unknown): string => String(type).replace(/[[\]!]/g, '');

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  /** Aliased fields in the operation, counting every spread of a fragment. */
  maxAliases?: number;
  /** `__schema` and `__type` fields in the operation (`__typename` is free). */
  maxIntrospection?: number;
  /** Time graphql-js's validation of one document may take, in ms. */
  maxValidationMs?: number;
  /** Fields one selection may have; MAX_FIELDS_PER_SELECTION unless a suite that probes every field says otherwise. */
  maxFieldsPerSelection?: number;
}

export const DEFAULT_LIMITS = {
  maxDepth: 15,
  maxCost: 50_000,
  maxAliases: 30,
  maxIntrospection: 2,
  maxValidationMs: 100,
  /** Tokens (names, punctuation, values) the parser reads before it gives up. */
  maxTokens: 3_000,
} as const;

/**
 * Fields one selection may have, fragments merged in. Not a setting: graphql-js compares every
 * pair of same-named fields in a selection, so a thousand copies of one field (within the token
 * limit) kept validation busy for most of a second; the workspace's widest selection has 25.
 */
export const MAX_FIELDS_PER_SELECTION = 200;

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

function tooComplex(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.TOO_COMPLEX, limit } });
}

/** What a selection set asks for. Numbers may be huge (fragments spread twice, N deep). */
export interface Measure {
  /** Levels of selections, this one included. */
  depth: number;
  cost: number;
  aliases: number;
  introspection: number;
  /** Fields directly in this selection, fragments merged in. */
  fields: number;
  /** The most fields in any one selection within. */
  widest: number;
}

/**
 * Measures every operation of a document. Each fragment is measured once per limit inherited
 * from its surroundings (at most a handful), then looked up.
 */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode): { operation: OperationDefinitionNode; measure: Measure }[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();
  const none: Measure = { depth: 0, cost: 0, aliases: 0, introspection: 0, fields: 0, widest: 0 };

  // `inherited`: a limit given on an object field (neighbourhood(limit: 500) { nodes ... }) sizes
  // the lists inside it.
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, inherited: number | undefined): Measure => {
    const m: Measure = { depth: 1, cost: 0, aliases: 0, introspection: 0, fields: 0, widest: 0 };
    const add = (inner: Measure, nested: boolean) => {
      m.depth = Math.max(m.depth, nested ? 1 + inner.depth : inner.depth);
      m.aliases += inner.aliases;
      m.introspection += inner.introspection;
      m.widest = Math.max(m.widest, inner.widest);
      if (!nested) m.fields += inner.fields;
    };
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        m.fields += 1;
        if (s.alias && s.name.value !== '__typename') m.aliases += 1;
        const name = s.name.value;
        if (name.startsWith('__')) {
          // Introspection does not count towards depth and cost (tools introspect), but is counted.
          if (name === '__schema' || name === '__type') m.introspection += 1;
          continue;
        }
        const def = fieldDef(parent, name);
        const type = def?.type;
        const list = type ? isList(type) : false;
        if (s.selectionSet) {
          const asked = askedSize(s);
          const inner = walk(s.selectionSet, type ? schema.getType(namedTypeName(type)) ?? undefined : undefined, list ? undefined : asked ?? inherited);
          add(inner, true);
          m.cost += 1 + (list ? asked ?? inherited ?? DEFAULT_LIST : 1) * inner.cost;
        } else m.cost += 1;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const t = s.typeCondition ? schema.getType(s.typeCondition.name.value) ?? parent : parent;
        const inner = walk(s.selectionSet, t, inherited);
        add(inner, false);
        m.cost += inner.cost;
      } else {
        const name = s.name.value;
        const f = fragments.get(name);
        // Unknown or cyclic fragments are other rules' errors.
        if (!f || inProgress.has(name)) continue;
        const key = `${name}|${inherited ?? ''}`;
        let inner = measured.get(key);
        if (!inner) {
          inProgress.add(name);
          inner = walk(f.selectionSet, schema.getType(f.typeCondition.name.value) ?? parent, inherited);
          inProgress.delete(name);
          measured.set(key, inner);
        }
        add(inner, false);
        m.cost += inner.cost;
      }
    }
    m.widest = Math.max(m.widest, m.fields);
    return m;
  };

  const out: { operation: OperationDefinitionNode; measure: Measure }[] = [];
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = d.operation === 'mutation' ? schema.getMutationType() : d.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
    out.push({ operation: d, measure: root ? walk(d.selectionSet, root, undefined) : none });
  }
  return out;
}

/** The refusals for one measured operation, most telling first. */
export function refusals(m: Measure, l: Required<QueryLimits>): GraphQLError[] {
  const out: GraphQLError[] = [];
  if (m.introspection > l.maxIntrospection) {
    out.push(tooComplex(`The query asks for the schema (__schema or __type) ${m.introspection} times; at most ${l.maxIntrospection} are allowed.`, 'introspection'));
  }
  if (m.aliases > l.maxAliases) {
    out.push(tooComplex(`The query uses ${m.aliases} aliases (counting every use of a fragment); at most ${l.maxAliases} are allowed. Send fewer lookups in one request.`, 'aliases'));
  }
  if (m.widest > l.maxFieldsPerSelection) {
    out.push(tooComplex(`One selection in the query asks for ${m.widest} fields (fragments merged in); at most ${l.maxFieldsPerSelection} are allowed.`, 'fields'));
  }
  if (m.depth > l.maxDepth) {
    out.push(tooComplex(`The query is nested ${m.depth} levels deep; at most ${l.maxDepth} are allowed. Ask for less at once.`, 'depth'));
  } else if (m.cost > l.maxCost) {
    out.push(tooComplex(`The query could return about ${Math.round(m.cost)} records; at most ${l.maxCost} are allowed. Lower first/limit or ask for fewer nested lists.`, 'cost'));
  }
  return out;
}

/**
 * Stops graphql-js's validation of this document: validate() catches what the context's
 * fragment-work meter throws and returns the errors reported so far ("Validation aborted." after
 * them). The meter is graphql-js's own guard (16.15); where it is missing, validation goes on to
 * the end and the refusal stands all the same.
 */
function stopValidation(context: ValidationContext): void {
  const meter = (context as unknown as { spendFragmentWork?: (cost: number) => void }).spendFragmentWork;
  if (typeof meter === 'function') meter.call(context, Number.POSITIVE_INFINITY);
}

export function queryLimitsRule(limits: QueryLimits) {
  const l: Required<QueryLimits> = {
    maxDepth: limits.maxDepth,
    maxCost: limits.maxCost,
    maxAliases: limits.maxAliases ?? DEFAULT_LIMITS.maxAliases,
    maxIntrospection: limits.maxIntrospection ?? DEFAULT_LIMITS.maxIntrospection,
    maxValidationMs: limits.maxValidationMs ?? DEFAULT_LIMITS.maxValidationMs,
    maxFieldsPerSelection: limits.maxFieldsPerSelection ?? MAX_FIELDS_PER_SELECTION,
  };
  return (context: ValidationContext): ASTVisitor => {
    const started = performance.now();
    let nodes = 0;
    let refused = false;
    return {
      enter(node) {
        if (node.kind === Kind.DOCUMENT) {
          const errors = measureDocument(context.getSchema(), node).flatMap(({ measure }) => refusals(measure, l));
          if (errors.length === 0) return;
          refused = true;
          for (const e of errors) context.reportError(e);
          stopValidation(context);
          return;
        }
        // Between nodes, the time graphql-js's rules have taken so far (every 64th node: a clock
        // read per node would cost more than most nodes' checks).
        if (!refused && (++nodes & 63) === 0 && performance.now() - started > l.maxValidationMs) {
          refused = true;
          context.reportError(
            tooComplex(`Checking the query took longer than ${l.maxValidationMs} ms, so it was refused before running. Send a smaller query.`, 'validationTime'),
          );
          stopValidation(context);
        }
      },
    };
  };
}
