/** "X also has this chart open" and "Changed by Y at T — reload", from the presence heartbeat. */
import { useWorkspace } from '../workspace/WorkspaceContext.ts';
import { presenceNotice } from './usePresence.ts';
import type { Presence } from './api.ts';

export function PresenceBar({ presence }: { presence: Presence | null }) {
  const { file, session, messages } = useWorkspace();
  const { others, changed } = presenceNotice(presence, file.saved, session.me?.name);
  if (!others && !changed) return null;
  return (
    <div className="presence" role="status" aria-label="Who else has this chart">
      {others && <div>{others}</div>}
      {changed && (
        <div className="changed">
          {changed} —{' '}
          <button type="button" className="link" onClick={() => void messages.task('Reloading the chart', () => file.open(file.saved!.id))}>
            reload
          </button>
        </div>
      )}
    </div>
  );
}
