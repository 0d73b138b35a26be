import { gradeWeight, INTELLIGENCE_ASSESSMENTS, SOURCE_EVALUATIONS, type IntelligenceAssessment, type SourceEvaluation } from '../../model/model.ts';
import type { ALink } from './analytics.types.ts';

/**
 * A link's weight in (0, 1] from its grading (model.ts gradeWeight). A link without a grading
 * (older data) counts as untested and indirect (2-C), never as reliable.
 */
export function linkGradeWeight(l: Pick<ALink, 'sourceEvaluation' | 'intelligenceAssessment'>): number {
  const s = SOURCE_EVALUATIONS.includes(l.sourceEvaluation as SourceEvaluation) ? (l.sourceEvaluation as SourceEvaluation) : 2;
  const i = INTELLIGENCE_ASSESSMENTS.includes(l.intelligenceAssessment as IntelligenceAssessment) ? (l.intelligenceAssessment as IntelligenceAssessment) : 'C';
  return gradeWeight({ sourceEvaluation: s, intelligenceAssessment: i });
}
