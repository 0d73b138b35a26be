/**
 * Query documents made from the schema's introspection (the JSON `getIntrospectionQuery()` answers),
 * for tests that must cover every field: the role x read-path matrix asks each Query field for
 * every field beneath it, a few levels deep.
 */
export interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
export interface IntroField { name: string; args: { name: string; type: TypeRef; defaultValue: string | null }[]; type: TypeRef }
export interface IntroType { kind: string; name: string; fields: IntroField[] | null; possibleTypes: { name: string }[] | null }

export const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : t.name!);
export const printType = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${printType(t.ofType!)}!` : t.kind === 'LIST' ? `[${printType(t.ofType!)}]` : t.name!);
const required = (a: { type: TypeRef; defaultValue: string | null }) => a.type.kind === 'NON_NULL' && a.defaultValue === null;

/**
 * Every field a few levels deep (fields that need arguments left out). An interface or union is
 * asked type by type, its fields aliased by type (`Person__name`) so that same-named fields of
 * different types do not conflict; inside such a fragment, a nested interface is asked for its
 * own fields only, which keeps the query text within the server's limit.
 */
export function selection(types: Map<string, IntroType>, typeName: string, depth: number, expand = true): string {
  const t = types.get(typeName)!;
  if (t.kind === 'SCALAR' || t.kind === 'ENUM') return '';
  if ((t.kind === 'INTERFACE' && expand) || t.kind === 'UNION') {
    const fragments = (t.possibleTypes ?? []).map((p) => `... on ${p.name} ${fieldsOf(types, types.get(p.name)!, depth, `${p.name}__`)}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  return fieldsOf(types, t, depth, '', expand);
}

function fieldsOf(types: Map<string, IntroType>, t: IntroType, depth: number, alias: string, expand = alias === ''): string {
  const fields: string[] = ['__typename'];
  for (const f of t.fields ?? []) {
    if (f.args.some(required)) continue;
    const inner = types.get(named(f.type))!;
    const name = alias ? `${alias}${f.name}: ${f.name}` : f.name;
    if (inner.kind === 'SCALAR' || inner.kind === 'ENUM') fields.push(name);
    else if (depth > 0) fields.push(`${name} ${selection(types, inner.name, depth - 1, expand)}`);
  }
  return `{ ${fields.join(' ')} }`;
}
