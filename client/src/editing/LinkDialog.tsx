/**
 * "Link to…": a link by hand from the selected entity to another on the chart, of a type the
 * server's registry allows between their two types (either way round: the form says which way it
 * reads), with its role, dates, its type's own properties (a declared link type's, from the
 * registry) and the source and grading it needs. The link goes on the chart at once.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { entityMeta, humanise } from '../model/meta.ts';
import type { CreateLinkInput } from '../../../server/kernel/__generated__/graphql.ts';
import type { Graph, GraphNode } from '../model/types.ts';
import { createLink, useEditTypes } from './editing.api.ts';
import { EMPTY_PROVENANCE, formProperties, linkChoices, propertyInputs, provenanceInput, type ProvenanceForm } from './form.ts';
import { errorsOf } from './EntityDialog.tsx';
import { EMPTY_LINK_FACTS, Field, FormActions, FormErrors, LinkFacts, PROVENANCE_FIELDS, PropertyFields, ProvenanceFields, type Errors, type LinkFactsForm } from './Fields.tsx';
import './editing.css';

export function LinkDialog({
  from,
  candidates,
  initialTarget,
  onDone,
  onClose,
}: {
  from: GraphNode;
  candidates: GraphNode[];
  initialTarget?: string;
  onDone(g: Graph, what: string): void;
  onClose(): void;
}) {
  const [target, setTarget] = useState(initialTarget ?? '');
  const [choice, setChoice] = useState('');
  const [facts, setFacts] = useState<LinkFactsForm>(EMPTY_LINK_FACTS);
  const [values, setValues] = useState<Record<string, string>>({});
  const [provenance, setProvenance] = useState<ProvenanceForm>(EMPTY_PROVENANCE);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const types = useEditTypes((e) => setErrors(errorsOf(e)));

  const other = candidates.find((c) => c.id === target);
  const choices = useMemo(
    () => (types && other ? linkChoices(types.linkTypes, from.type, other.type) : []),
    [types, other, from.type],
  );
  const chosen =
    choices.find((c) => `${c.type.name}${c.reversed ? ':r' : ''}` === choice) ??
    (choices.length === 1 ? choices[0] : undefined);
  const [source, dest] = chosen?.reversed ? [other, from] : [from, other];
  const fields = useMemo(() => formProperties(chosen?.type.properties ?? []), [chosen]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!other) return setErrors({ target: 'choose the entity to link to.' });
    if (!chosen) return setErrors({ type: 'choose how they are linked.' });
    const properties = propertyInputs(Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ''])));
    setBusy(true);
    setErrors({});
    try {
      const g = await createLink({
        type: chosen.type.name as CreateLinkInput['type'],
        source: source!.id,
        target: dest!.id,
        ...(facts.role ? { role: facts.role } : {}),
        ...(facts.validFrom ? { validFrom: facts.validFrom } : {}),
        ...(facts.validTo ? { validTo: facts.validTo } : {}),
        ...(properties.length ? { properties } : {}),
        provenance: provenanceInput(provenance),
      });
      onDone(g, `Link ${source!.label} ${chosen.type.verb} ${dest!.label}`);
    } catch (err) {
      // The link's ends are one field here, whichever way the type runs.
      setErrors(errorsOf(err, { source: 'target' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Link ${from.label} to…`} onClose={onClose} wide>
      <form className="edit-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="edit-grid">
          <Field label="Link to" name="target" errors={errors} required>
            <select
              value={target}
              autoFocus
              onChange={(e) => {
                setTarget(e.target.value);
                setChoice('');
                setFacts((f) => ({ ...f, role: '' }));
                setValues({});
              }}
            >
              <option value="">Choose an entity on the chart…</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label} ({entityMeta(c.type).name})
                </option>
              ))}
            </select>
          </Field>
          <Field
            label="Link type"
            name="type"
            errors={errors}
            required
            hint={
              other && types && choices.length === 0
                ? `No link type joins a ${entityMeta(from.type).name} and a ${entityMeta(other.type).name}.`
                : undefined
            }
          >
            <select
              value={chosen ? `${chosen.type.name}${chosen.reversed ? ':r' : ''}` : ''}
              disabled={choices.length === 0}
              onChange={(e) => {
                setChoice(e.target.value);
                setFacts((f) => ({ ...f, role: '' }));
                setValues({});
              }}
            >
              <option value="">{choices.length ? 'Choose…' : '—'}</option>
              {choices.map((c) => (
                <option
                  key={`${c.type.name}${c.reversed ? ':r' : ''}`}
                  value={`${c.type.name}${c.reversed ? ':r' : ''}`}
                >
                  {c.reversed
                    ? `${other!.label} ${c.type.verb} ${from.label}`
                    : `${c.type.verb} ${other!.label}`}
                </option>
              ))}
            </select>
          </Field>
          <LinkFacts roles={chosen?.type.roles ?? []} value={facts} errors={errors} onChange={setFacts} />
        </div>
        {chosen && fields.length > 0 && (
          <PropertyFields legend={`${humanise(chosen.type.name)} link`} fields={fields} values={values} errors={errors} onChange={setValues} />
        )}
        {chosen && source && dest && (
          <p className="edit-reads" aria-live="polite">
            Reads: <strong>{source.label}</strong> {chosen.type.verb} <strong>{dest.label}</strong>
          </p>
        )}
        <ProvenanceFields value={provenance} errors={errors} onChange={setProvenance} />
        <FormErrors
          errors={errors}
          shown={[
            'target',
            'type',
            ...(chosen?.type.roles.length ? ['role'] : []),
            'validFrom',
            'validTo',
            ...fields.map((f) => `properties.${f.name}`),
            ...PROVENANCE_FIELDS,
          ]}
        />
        <FormActions submit="Create link" disabled={busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}
