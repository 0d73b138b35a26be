/** The editing forms' fields: a labelled input with its error beside it, a property's input by its kind, and the provenance and grading fieldset. */
import type { ReactNode } from 'react';
import { humanise } from '../model/meta.ts';
import {
  asksFor,
  ASSESSMENTS,
  HANDLING,
  labelOf,
  SOURCE_EVALUATIONS,
  type PropertySpec,
  type ProvenanceForm,
} from './form.ts';

export type Errors = Record<string, string>;

/** A labelled field; the server's error about it is shown under it and read with it. */
export function Field({
  label,
  name,
  errors,
  hint,
  required,
  children,
}: {
  label: string;
  name: string;
  errors: Errors;
  hint?: string;
  required?: boolean;
  children: ReactNode;
}) {
  const error = errors[name];
  return (
    <div className={`edit-field ${error ? 'invalid' : ''}`} data-field={name}>
      <label>
        <span>
          {label}
          {required && (
            <span className="required" aria-hidden="true" title="required">
              {' '}
              *
            </span>
          )}
        </span>
        {children}
      </label>
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** An input for one property of the registry, by its kind (the server checks the value again). */
export function PropertyField({
  spec,
  value,
  errors,
  onChange,
}: {
  spec: PropertySpec;
  value: string;
  errors: Errors;
  onChange(v: string): void;
}) {
  const name = `properties.${spec.name}`;
  const common = {
    value,
    'aria-invalid': !!errors[name],
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  let input: ReactNode;
  if (spec.kind === 'enum')
    input = (
      <select {...common}>
        <option value="">—</option>
        {spec.values.map((v) => (
          <option key={v} value={v}>
            {humanise(v)}
          </option>
        ))}
      </select>
    );
  else if (spec.kind === 'boolean')
    input = (
      <select {...common}>
        <option value="">—</option>
        <option value="true">yes</option>
        <option value="false">no</option>
      </select>
    );
  else if (spec.kind === 'date') input = <input type="date" {...common} />;
  else if (spec.kind === 'text') input = <textarea rows={2} {...common} />;
  else
    input = (
      <input
        type="text"
        inputMode={spec.kind === 'int' || spec.kind === 'float' ? 'decimal' : undefined}
        placeholder={spec.kind === 'datetime' ? '2025-06-23T10:15:00Z' : undefined}
        {...common}
      />
    );
  return (
    <Field
      label={labelOf(spec.name)}
      name={name}
      errors={errors}
      required={asksFor(spec)}
      hint={spec.list ? 'several, separated by commas' : undefined}
    >
      {input}
    </Field>
  );
}

/** A link's role (where its type has roles) and the dates it held. */
export function LinkFacts({
  roles,
  role,
  validFrom,
  validTo,
  errors,
  onRole,
  onValidFrom,
  onValidTo,
}: {
  roles: readonly string[];
  role: string;
  validFrom: string;
  validTo: string;
  errors: Errors;
  onRole(v: string): void;
  onValidFrom(v: string): void;
  onValidTo(v: string): void;
}) {
  return (
    <>
      {roles.length > 0 && (
        <Field label="Role" name="role" errors={errors}>
          <select value={role} onChange={(e) => onRole(e.target.value)}>
            <option value="">—</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {humanise(r)}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Valid from" name="validFrom" errors={errors}>
        <input type="date" value={validFrom} onChange={(e) => onValidFrom(e.target.value)} />
      </Field>
      <Field label="Valid to" name="validTo" errors={errors} hint="empty: still so">
        <input type="date" value={validTo} onChange={(e) => onValidTo(e.target.value)} />
      </Field>
    </>
  );
}

/** A fieldset of property inputs (an entity's, or a link type's own), under `legend`. */
export function PropertyFields({
  legend,
  fields,
  values,
  errors,
  onChange,
}: {
  legend: string;
  fields: readonly PropertySpec[];
  values: Record<string, string>;
  errors: Errors;
  onChange(values: (old: Record<string, string>) => Record<string, string>): void;
}) {
  return (
    <fieldset className="edit-properties">
      <legend>{legend}</legend>
      <div className="edit-grid">
        {fields.map((f) => (
          <PropertyField
            key={f.name}
            spec={f}
            value={values[f.name] ?? ''}
            errors={errors}
            onChange={(v) => onChange((old) => ({ ...old, [f.name]: v }))}
          />
        ))}
      </div>
    </fieldset>
  );
}

const CLASSIFICATIONS: [ProvenanceForm['classification'], string][] = [
  ['OFFICIAL', 'OFFICIAL'],
  ['OFFICIAL_SENSITIVE', 'OFFICIAL-SENSITIVE'],
];

/** A closed choice: one of `options`, each a value and its words. */
function Choice<T extends string>({
  label,
  name,
  errors,
  options,
  value,
  onChange,
}: {
  label: string;
  name: string;
  errors: Errors;
  options: [T, string][];
  value: T;
  onChange(v: T): void;
}) {
  return (
    <Field label={label} name={name} errors={errors}>
      <select value={value} onChange={(x) => onChange(x.target.value as T)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Where the fact comes from and how it is graded (UK 3x5x2): the fields ProvenanceInput requires. */
export function ProvenanceFields({
  value,
  errors,
  onChange,
}: {
  value: ProvenanceForm;
  errors: Errors;
  onChange(p: ProvenanceForm): void;
}) {
  const set = <K extends keyof ProvenanceForm>(k: K, v: ProvenanceForm[K]) =>
    onChange({ ...value, [k]: v });
  const e = (k: string) => `provenance.${k}`;
  return (
    <fieldset className="edit-provenance">
      <legend>Source and grading</legend>
      <div className="edit-grid">
        <Field
          label="Source"
          name={e('source')}
          errors={errors}
          required
          hint="the system or document, e.g. intel-log"
        >
          <input
            value={value.source}
            aria-invalid={!!errors[e('source')]}
            onChange={(x) => set('source', x.target.value)}
          />
        </Field>
        <Field
          label="Reference"
          name={e('recordKey')}
          errors={errors}
          required
          hint="the record's key in that source"
        >
          <input
            value={value.recordKey}
            aria-invalid={!!errors[e('recordKey')]}
            onChange={(x) => set('recordKey', x.target.value)}
          />
        </Field>
        <Choice
          label="Source evaluation"
          name={e('sourceEvaluation')}
          errors={errors}
          options={SOURCE_EVALUATIONS}
          value={value.sourceEvaluation}
          onChange={(v) => set('sourceEvaluation', v)}
        />
        <Choice
          label="Intelligence assessment"
          name={e('intelligenceAssessment')}
          errors={errors}
          options={ASSESSMENTS}
          value={value.intelligenceAssessment}
          onChange={(v) => set('intelligenceAssessment', v)}
        />
        <Choice
          label="Handling code"
          name={e('handlingCode')}
          errors={errors}
          options={HANDLING}
          value={value.handlingCode}
          onChange={(v) => set('handlingCode', v)}
        />
        <Choice
          label="Classification"
          name={e('classification')}
          errors={errors}
          options={CLASSIFICATIONS}
          value={value.classification}
          onChange={(v) => set('classification', v)}
        />
        {value.handlingCode === 'C' && (
          <Field
            label="Handling conditions"
            name={e('handlingConditions')}
            errors={errors}
            required
          >
            <input
              value={value.handlingConditions}
              aria-invalid={!!errors[e('handlingConditions')]}
              onChange={(x) => set('handlingConditions', x.target.value)}
            />
          </Field>
        )}
        <Field label="Summary" name={e('summary')} errors={errors}>
          <input
            value={value.summary}
            onChange={(x) => set('summary', x.target.value)}
            placeholder="what the record says, briefly"
          />
        </Field>
      </div>
    </fieldset>
  );
}

/** The provenance fields' error keys. */
export const PROVENANCE_FIELDS = [
  'source',
  'recordKey',
  'sourceEvaluation',
  'intelligenceAssessment',
  'handlingCode',
  'classification',
  'handlingConditions',
  'summary',
].map((k) => `provenance.${k}`);

/** Errors that no field on the form shows: the whole form's, or about a field not drawn (with its name). */
export function FormErrors({ errors, shown }: { errors: Errors; shown: readonly string[] }) {
  const rest = Object.entries(errors).filter(([k]) => !shown.includes(k));
  if (rest.length === 0) return null;
  return (
    <p className="error-inline" role="alert">
      {rest.map(([k, m]) => (k === '_form' ? m : `${k}: ${m}`)).join(' ')}
    </p>
  );
}
