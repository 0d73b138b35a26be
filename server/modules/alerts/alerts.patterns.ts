/**
 * The closed list of saved graph patterns a watch may run: each a named statement in
 * cypher/queries/alerts/ with its parameters checked by zod, so that a watch cannot carry Cypher
 * or a parameter its statement does not expect.
 */
import { z } from 'zod';
import { badInput } from '../../errors.ts';

const ids = (what: string) =>
  z
    .array(z.string().trim().min(1, `each ${what} id must be non-empty`))
    .min(1, `give at least one ${what} id`)
    .max(500, `at most 500 ${what} ids`);

export const PATTERNS = {
  ADVERT_WITH_WATCHED_PHONE: {
    statement: 'alerts/advert-with-watched-phone',
    title: 'Advert carrying a watched phone',
    parameters: z.strictObject({ phoneIds: ids('phone') }),
  },
  CONTROLLER_AT_NEW_ADDRESS: {
    statement: 'alerts/controller-at-new-address',
    title: 'Known controller at a new address',
    parameters: z.strictObject({ personIds: ids('person') }),
  },
  VICTIM_SEEN_AGAIN: {
    statement: 'alerts/victim-seen-again',
    title: 'Potential victim seen again',
    parameters: z.strictObject({ personIds: ids('person') }),
  },
} as const;

export type PatternName = keyof typeof PATTERNS;
export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];

/** A pattern's parameters, checked; BAD_USER_INPUT naming the parameter otherwise. */
export function patternParameters(name: PatternName, value: unknown): Record<string, unknown> {
  const r = PATTERNS[name].parameters.safeParse(value ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const at = issue.path.length ? `parameters.${issue.path.join('.')}` : 'parameters';
    throw badInput(
      at,
      `${issue.message} (pattern ${name} takes ${Object.keys(PATTERNS[name].parameters.shape).join(', ')}).`,
    );
  }
  return r.data;
}
