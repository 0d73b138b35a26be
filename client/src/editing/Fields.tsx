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

/** A link's role and the dates it held, as the forms hold them ('' for none). */
export interface LinkFactsForm {
  role: string;
  validFrom: string;
  validTo: string;
}

export const EMPTY_LINK_FACTS: LinkFactsForm = { role: '', validFrom: '', validTo: '' };

/** A link's role (where its type has roles) and the dates it held. */
export function LinkFacts({ roles, value, errors, onChange }: { roles: readonly string[]; value: LinkFactsForm; errors: Errors; onChange(v: LinkFactsForm): void }) {
  const set = (k: keyof LinkFactsForm) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <>
      {roles.length > 0 && (
        <Field label="Role" name="role" errors={errors}>
          <select value={value.role} onChange={set('role')}>
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
        <input type="date" value={value.validFrom} onChange={set('validFrom')} />
      </Field>
      <Field label="Valid to" name="validTo" errors={errors} hint="empty: still so">
        <input type="date" value={value.validTo} onChange={set('validTo')} />
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

type TextKey = 'source' | 'recordKey' | 'handlingConditions' | 'summary';
type ChoiceKey = Exclude<keyof ProvenanceForm, TextKey>;

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
  /** A text field; its input is marked invalid while the server's error names it. */
  const text = (
    k: TextKey,
    label: string,
    o: { required?: boolean; hint?: string; placeholder?: string } = {},
  ) => (
    <Field label={label} name={e(k)} errors={errors} required={o.required} hint={o.hint}>
      <input
        value={value[k]}
        aria-invalid={!!errors[e(k)]}
        onChange={(x) => set(k, x.target.value)}
        placeholder={o.placeholder}
      />
    </Field>
  );
  const choice = <K extends ChoiceKey>(
    k: K,
    label: string,
    options: [ProvenanceForm[K], string][],
  ) => (
    <Choice
      label={label}
      name={e(k)}
      errors={errors}
      options={options}
      value={value[k]}
      onChange={(v) => set(k, v)}
    />
  );
  return (
    <fieldset className="edit-provenance">
      <legend>Source and grading</legend>
      <div className="edit-grid">
        {text('source', 'Source', {
          required: true,
          hint: 'the system or document, e.g. intel-log',
        })}
        {text('recordKey', 'Reference', {
          required: true,
          hint: "the record's key in that source",
        })}
        {choice('sourceEvaluation', 'Source evaluation', SOURCE_EVALUATIONS)}
        {choice('intelligenceAssessment', 'Intelligence assessment', ASSESSMENTS)}
        {choice('handlingCode', 'Handling code', HANDLING)}
        {choice('classification', 'Classification', CLASSIFICATIONS)}
        {value.handlingCode === 'C' &&
          text('handlingConditions', 'Handling conditions', { required: true })}
        {text('summary', 'Summary', { placeholder: 'what the record says, briefly' })}
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

/** A form's buttons: submit (its words given, disabled while `disabled`) and Cancel. */
export function FormActions({
  submit,
  disabled,
  onClose,
}: {
  submit: string;
  disabled: boolean;
  onClose(): void;
}) {
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={disabled}>
        {submit}
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
