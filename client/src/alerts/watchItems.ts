/** The chart's "Watch" action: watch the selected entities, their alerts filed under the session's purpose (a case reference). */
import type { MenuItem } from '../components/ContextMenu.tsx';
import type { Messages } from '../workspace/useMessages.ts';
import { getPurpose } from '../auth/purpose.ts';
import { watchEntity } from './api.ts';

export function watchItems(ids: string[], messages: Pick<Messages, 'task' | 'say'>): MenuItem[] {
  return [
    {
      label:
        ids.length > 1
          ? `Watch ${ids.length} (alert on new records)`
          : 'Watch (alert on new records)',
      onSelect: () =>
        void messages
          .task('Starting the watch', () =>
            Promise.all(ids.map((id) => watchEntity(id, getPurpose() || null))),
          )
          .then(
            (ws) =>
              ws &&
              messages.say(
                'notice',
                `Watching ${ws.length === 1 ? 'it' : `${ws.length} entities`}: new links raise alerts (Alerts page).`,
              ),
          ),
    },
  ];
}
