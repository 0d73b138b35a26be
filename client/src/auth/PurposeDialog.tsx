/** Asks why the analyst is looking, once per session; the answer is sent with every request and audited. */
import { useState } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { getPurpose, setPurpose } from './purpose.ts';

export function PurposeDialog({ onDone }: { onDone(purpose: string): void }) {
  const [value, setValue] = useState(getPurpose());
  const ok = value.trim().length >= 3;
  return (
    <Dialog title="What is this session for?" onClose={() => ok && onDone(value.trim())}>
      <p className="muted">
        Give a case reference or a short reason (for example <code>OP-KESTREL 2025/17</code>). It is recorded in the audit log with
        everything you look at in this session.
      </p>
      <form
        className="save-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ok) return;
          setPurpose(value);
          onDone(value.trim());
        }}
      >
        <label>
          Purpose
          <input autoFocus maxLength={200} value={value} placeholder="Case reference or reason" onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={!ok}>
          Start
        </button>
      </form>
    </Dialog>
  );
}
