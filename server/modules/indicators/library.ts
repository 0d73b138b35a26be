/**
 * The MSHT indicator library: versioned rules read from rules/indicators.v1.yaml and validated
 * once. Each rule's logic is in evaluate.ts under its id; its thresholds, weight, rationale and
 * published sources are in the file (docs/indicators.md explains them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from '../risk/index.ts';

export const INDICATOR_IDS = ['shared-phone', 'many-workers', 'lives-at-work', 'rotating-workers', 'advert-number', 'suspect-or-offence', 'multi-premises-controller', 'nrm-history'] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

const reference = z.strictObject({ title: z.string().min(1), publisher: z.string().min(1), year: z.number().int().min(1900).max(2100).optional(), note: z.string().optional() });
const param = z.union([z.number(), z.string(), z.array(z.string())]);

const indicator = z.strictObject({
  id: z.enum(INDICATOR_IDS, { message: `must be one of ${INDICATOR_IDS.join(', ')} (each id needs its logic in evaluate.ts)` }),
  version: z.number().int().positive(),
  title: z.string().min(1),
  appliesTo: z.array(z.enum(['PERSON', 'PREMISES'])).min(1),
  weight: z.number().positive().max(10),
  parameters: z.record(z.string(), param).default({}),
  rationale: z.string().min(20),
  references: z.array(z.string()).min(1),
});

export const librarySchema = z
  .strictObject({
    id: z.literal('msht-indicators'),
    version: z.number().int().positive(),
    references: z.record(z.string(), reference),
    indicators: z.array(indicator).min(1),
  })
  .superRefine((l, ctx) => {
    l.indicators.forEach((ind, i) => {
      if (l.indicators.findIndex((x) => x.id === ind.id) !== i) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `${ind.id} is defined twice` });
      ind.references.forEach((r, j) => {
        if (!(r in l.references)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'references', j], message: `${r} is not in references` });
      });
    });
  });

export type Library = z.infer<typeof librarySchema> & { text: string };
export type IndicatorRule = Library['indicators'][number];

export const LIBRARY_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules', 'indicators.v1.yaml');

export function parseLibrary(text: string, file = 'indicators'): Library {
  return { ...parseRulesFile(librarySchema, text, file), text };
}

let loaded: Library | undefined;

export function library(): Library {
  loaded ??= parseLibrary(fs.readFileSync(LIBRARY_FILE, 'utf8'), path.relative(process.cwd(), LIBRARY_FILE));
  return loaded;
}

export const libraryVersion = (l: Pick<Library, 'id' | 'version'>) => `${l.id}.v${l.version}`;

/** A numeric parameter of a rule (its default when the file leaves it out). */
export function num(rule: IndicatorRule, name: string, dflt: number): number {
  const v = rule.parameters[name];
  return typeof v === 'number' ? v : dflt;
}

/** A list parameter of a rule. */
export function list(rule: IndicatorRule, name: string, dflt: string[]): string[] {
  const v = rule.parameters[name];
  return Array.isArray(v) ? v : dflt;
}

