/**
 * Messages shown in the page (errors and notices) and the tasks in progress, with `task()`,
 * which runs one piece of work, shows it as busy and turns a failure into an error message.
 */
import { useCallback, useMemo, useState } from 'react';

export interface Message {
  id: number;
  kind: 'error' | 'notice';
  text: string;
}

let messageId = 0;

export interface Messages {
  messages: Message[];
  tasks: string[];
  say(kind: Message['kind'], text: string): void;
  dismiss(id: number): void;
  clear(): void;
  task<T>(what: string, work: () => Promise<T>): Promise<T | undefined>;
}

export function useMessages(): Messages {
  const [messages, setMessages] = useState<Message[]>([]);
  const [tasks, setTasks] = useState<string[]>([]);
  const say = useCallback((kind: Message['kind'], text: string) => {
    const id = ++messageId;
    setMessages((m) => [...m.slice(-3), { id, kind, text }]);
  }, []);
  const dismiss = useCallback((id: number) => setMessages((ms) => ms.filter((x) => x.id !== id)), []);
  const clear = useCallback(() => setMessages([]), []);
  const task = useCallback(
    async <T,>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
      setTasks((t) => [...t, what]);
      try {
        return await work();
      } catch (e) {
        say('error', `${what} failed: ${(e as Error).message}`);
        return undefined;
      } finally {
        setTasks((t) => {
          const i = t.indexOf(what);
          return i < 0 ? t : [...t.slice(0, i), ...t.slice(i + 1)];
        });
      }
    },
    [say],
  );
  return useMemo(() => ({ messages, tasks, say, dismiss, clear, task }), [messages, tasks, say, dismiss, clear, task]);
}
