/**
 * Creating an entity by hand (its type chosen from the server's types, the installation's declared
 * ones included) or editing one: a form made from the type's properties as the server's registry
 * gives them, and the source and grading every change needs. The server's errors are shown by
 * the field they name; what it answers goes on the chart at once.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { GraphQLRequestError } from '../api/graphql.ts';
import type { CreateEntityInput } from '../../../server/kernel/__generated__/graphql.ts';
import type { Graph } from '../model/types.ts';
import { createEntity, updateEntity, useEditTypes } from './editing.api.ts';
import {
  EMPTY_PROVENANCE,
  fieldOf,
  formProperties,
  messageFor,
  propertyInputs,
  provenanceInput,
  type ProvenanceForm,
} from './form.ts';
import {
  Field,
  FormActions,
  FormErrors,
  PropertyFields,
  PROVENANCE_FIELDS,
  ProvenanceFields,
  type Errors,
} from './Fields.tsx';
import './editing.css';

export type EntityDialogMode =
  | { kind: 'create' }
  | { kind: 'edit'; id: string; type: string; label: string; values: Record<string, string> };

/** A server error as form errors: by the field its argument names, else for the whole form (`_form`). */
export function errorsOf(e: unknown, alias: Record<string, string> = {}): Errors {
  if (e instanceof GraphQLRequestError) {
    const f = fieldOf(e.argument);
    const key = f ? (alias[f] ?? f) : '_form';
    return { [key]: messageFor(e.message, e.argument) };
  }
  return { _form: (e as Error).message };
}

export function EntityDialog({
  mode,
  onDone,
  onClose,
}: {
  mode: EntityDialogMode;
  onDone(g: Graph, what: string): void;
  onClose(): void;
}) {
  const [type, setType] = useState(mode.kind === 'edit' ? mode.type : '');
  const [values, setValues] = useState<Record<string, string>>(
    mode.kind === 'edit' ? mode.values : {},
  );
  const [provenance, setProvenance] = useState<ProvenanceForm>(EMPTY_PROVENANCE);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const types = useEditTypes((e) => setErrors(errorsOf(e)));

  const spec = types?.entityTypes.find((t) => t.name === type);
  const fields = useMemo(() => formProperties(spec?.properties ?? []), [spec]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!spec) return setErrors({ type: 'choose what kind of entity this is.' });
    const properties = propertyInputs(
      Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ''])),
      mode.kind === 'edit' ? mode.values : undefined,
    );
    if (mode.kind === 'edit' && properties.length === 0)
      return setErrors({ _form: 'Nothing has changed.' });
    setBusy(true);
    setErrors({});
    try {
      const g =
        mode.kind === 'create'
          ? await createEntity({
              type: spec.name as CreateEntityInput['type'],
              properties,
              provenance: provenanceInput(provenance),
            })
          : await updateEntity(mode.id, properties, provenanceInput(provenance));
      onDone(
        g,
        mode.kind === 'create'
          ? `Create ${g.nodes[0]?.label ?? spec.displayName}`
          : `Edit ${mode.label}`,
      );
    } catch (err) {
      setErrors(errorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={mode.kind === 'create' ? 'New entity' : `Edit ${mode.label}`}
      onClose={onClose}
      wide
    >
      <form className="edit-form" onSubmit={(e) => void submit(e)} noValidate>
        {mode.kind === 'create' && (
          <Field label="Type" name="type" errors={errors} required>
            <select value={type} onChange={(e) => setType(e.target.value)} autoFocus>
              <option value="">Choose…</option>
              {types?.entityTypes.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.displayName}
                </option>
              ))}
            </select>
          </Field>
        )}
        {spec && <PropertyFields legend={spec.displayName} fields={fields} values={values} errors={errors} onChange={setValues} />}
        {spec && <ProvenanceFields value={provenance} errors={errors} onChange={setProvenance} />}
        <FormErrors
          errors={errors}
          shown={
            spec
              ? ['type', ...fields.map((f) => `properties.${f.name}`), ...PROVENANCE_FIELDS]
              : ['type']
          }
        />
        <FormActions
          submit={mode.kind === 'create' ? 'Create' : 'Save changes'}
          disabled={busy || !spec}
          onClose={onClose}
        />
      </form>
    </Dialog>
  );
}
