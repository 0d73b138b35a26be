/**
 * The risk rules: weights, decay, grading multipliers and combination rules, read from the
 * versioned YAML file in rules/ and validated once. Code holds no numbers of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';

const KIND = /^[A-Z][A-Z0-9_]*$/;
const unit = z.number().min(0).max(1);

const factor = z.strictObject({
  label: z.string().min(1),
  weight: z.number().positive().max(10),
  halfLifeDays: z.number().int().positive(),
  maxAgeDays: z.number().int().positive(),
});

const combination = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'use lower case, digits and hyphens'),
  description: z.string().min(1),
  minDistinctFactors: z.number().int().min(1).default(1),
  /** At least one counted factor of these kinds (all kinds when absent). */
  anyOf: z.array(z.string().regex(KIND)).optional(),
  /** A profile score of at least this. */
  minScore: z.number().min(0).optional(),
});

export const riskRulesSchema = z
  .strictObject({
    id: z.literal('risk-rules'),
    version: z.number().int().positive(),
    description: z.string().min(1),
    factors: z.record(z.string().regex(KIND, 'factor kinds are upper case, e.g. DRUGS'), factor),
    offenceFactors: z.record(z.string().regex(KIND), z.string().regex(KIND)),
    offenceStatus: z.record(z.string().regex(KIND), unit),
    grading: z.strictObject({
      sourceEvaluation: z.strictObject({ '1': unit, '2': unit, '3': unit }),
      intelligenceAssessment: z.strictObject({ A: unit, B: unit, C: unit, D: unit, E: unit }),
      handlingCode: z.strictObject({ P: unit, C: unit }),
    }),
    minContribution: z.number().min(0),
    repeatShare: unit,
    combinations: z.array(combination).min(1),
  })
  .superRefine((r, ctx) => {
    for (const [category, kind] of Object.entries(r.offenceFactors)) {
      if (!(kind in r.factors)) ctx.addIssue({ code: 'custom', path: ['offenceFactors', category], message: `${kind} is not one of the factors` });
    }
    r.combinations.forEach((c, i) => {
      c.anyOf?.forEach((k, j) => {
        if (!(k in r.factors)) ctx.addIssue({ code: 'custom', path: ['combinations', i, 'anyOf', j], message: `${k} is not one of the factors` });
      });
      if (r.combinations.findIndex((x) => x.id === c.id) !== i) ctx.addIssue({ code: 'custom', path: ['combinations', i, 'id'], message: `${c.id} is used twice` });
    });
  });

export type RiskRules = z.infer<typeof riskRulesSchema> & { text: string; file: string };

export const RULES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules', 'risk-rules.v1.yaml');

export function parseRiskRules(text: string, file = 'risk-rules'): RiskRules {
  return { ...parseRulesFile(riskRulesSchema, text, file), text, file };
}

let loaded: RiskRules | undefined;

/** The rules in force (read once). */
export function riskRules(): RiskRules {
  loaded ??= parseRiskRules(fs.readFileSync(RULES_FILE, 'utf8'), path.relative(process.cwd(), RULES_FILE));
  return loaded;
}

export const rulesVersion = (r: Pick<RiskRules, 'id' | 'version'>) => `${r.id}.v${r.version}`;
