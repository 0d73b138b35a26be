/**
 * "Edit…" on a selected link: its role, dates and its type's own properties (a declared link
 * type's, from the registry), with the source and grading that say so. Only what is changed is
 * sent (a value emptied is cleared); the server checks each as it checks a new link's.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { humanise } from '../model/meta.ts';
import type { LinkDetails } from '../api/operations.ts';
import type { Graph } from '../model/types.ts';
import type { UpdateLinkInput } from '../../../server/kernel/__generated__/graphql.ts';
import { updateLink, useEditTypes } from './editing.api.ts';
import { EMPTY_PROVENANCE, formProperties, propertyInputs, provenanceInput, type ProvenanceForm } from './form.ts';
import { errorsOf } from './EntityDialog.tsx';
import { FormErrors, LinkFacts, PROVENANCE_FIELDS, PropertyFields, ProvenanceFields, type Errors, type LinkFactsForm } from './Fields.tsx';
import './editing.css';

export function LinkEditDialog({ link, onDone, onClose }: { link: LinkDetails; onDone(g: Graph, what: string): void; onClose(): void }) {
  const before = useMemo(
    () => ({
      facts: { role: link.role ?? '', validFrom: link.validFrom ?? '', validTo: link.validTo ?? '' },
      values: Object.fromEntries(link.properties.map((p) => [p.name, p.value ?? ''])),
    }),
    [link],
  );
  const [facts, setFacts] = useState<LinkFactsForm>(before.facts);
  const [values, setValues] = useState<Record<string, string>>(before.values);
  const [provenance, setProvenance] = useState<ProvenanceForm>(EMPTY_PROVENANCE);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const types = useEditTypes((e) => setErrors(errorsOf(e)));
  const spec = types?.linkTypes.find((t) => t.name === link.type);
  const fields = useMemo(() => formProperties(spec?.properties ?? []), [spec]);
  const verb = spec?.verb ?? humanise(link.type).toLowerCase();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: UpdateLinkInput = {};
    for (const k of ['role', 'validFrom', 'validTo'] as const) if (facts[k] !== before.facts[k]) input[k] = facts[k] || null;
    const properties = propertyInputs(Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ''])), before.values);
    if (properties.length) input.properties = properties;
    if (Object.keys(input).length === 0) return setErrors({ _form: 'Nothing has changed.' });
    setBusy(true);
    setErrors({});
    try {
      const g = await updateLink(link.id, input, provenanceInput(provenance));
      onDone(g, `Edit link ${link.source.label} ${verb} ${link.target.label}`);
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Edit link: ${link.source.label} ${verb} ${link.target.label}`} onClose={onClose} wide>
      <form className="edit-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="edit-grid">
          <LinkFacts roles={spec?.roles ?? []} value={facts} errors={errors} onChange={setFacts} />
        </div>
        {fields.length > 0 && <PropertyFields legend={`${humanise(link.type)} link`} fields={fields} values={values} errors={errors} onChange={setValues} />}
        <ProvenanceFields value={provenance} errors={errors} onChange={setProvenance} />
        <FormErrors errors={errors} shown={['role', 'validFrom', 'validTo', ...fields.map((f) => `properties.${f.name}`), ...PROVENANCE_FIELDS]} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !types}>
            Save changes
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
