/** Errors and notices over the chart; errors are alerts, notices polite status. */
import type { Message } from '../workspace/useMessages.ts';

export function Messages({ messages, onDismiss }: { messages: Message[]; onDismiss(id: number): void }) {
  return (
    <div className="messages" aria-live="polite">
      {messages.map((m) => (
        <div key={m.id} className={`message ${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'}>
          <span>{m.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(m.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
