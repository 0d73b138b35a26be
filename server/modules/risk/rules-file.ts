/**
 * Versioned rules files (risk rules, the indicator library): YAML validated with zod, errors
 * naming `file:line: key: what is wrong`, so that a mistyped weight stops start-up with a
 * message that says where it is.
 */
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';

export class RulesFileError extends Error {
  override name = 'RulesFileError';
}

export function parseRulesFile<S extends z.ZodType>(schema: S, text: string, file: string): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new RulesFileError(`${file}:${lineCounter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const messages = result.error.issues.slice(0, 5).map((issue) => {
    // The deepest node of the key's path that exists in the file gives the line.
    let path = issue.path as (string | number)[];
    let node: unknown;
    while (path.length > 0) {
      node = doc.getIn(path, true);
      if (isNode(node) && node.range) break;
      path = path.slice(0, -1);
    }
    const line = lineCounter.linePos(isNode(node) && node.range ? node.range[0] : 0).line;
    return `${file}:${line}: ${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`;
  });
  throw new RulesFileError(messages.join('\n'));
}
