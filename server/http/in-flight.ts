import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../graphql/context.ts';
import { WARM_UP_PRINCIPAL } from './warm-up.ts';

/**
 * Callers' operations being executed (the warm-up's own are not counted): the warm-up waits while
 * there are any, and stopping waits for them. Counted in Apollo, not on the HTTP response: an
 * operation whose caller hung up goes on running, and records itself in the audit log, after its
 * socket has closed. Listed after the audit plugin, so its records are made before a count of
 * nought is seen.
 */
export function inFlight() {
  let count = 0;
  const idle: (() => void)[] = [];
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      if (contextValue.principal === WARM_UP_PRINCIPAL) return {};
      count += 1;
      return {
        // Apollo calls it once for every operation it started, answered or failed.
        async willSendResponse() {
          count -= 1;
          if (count === 0) for (const f of idle.splice(0)) f();
        },
      };
    },
  };
  /** Resolves when no operation is running. */
  const whenIdle = () => (count === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));
  return {
    plugin,
    busy: {
      get count() {
        return count;
      },
      idle: whenIdle,
    },
    /** Resolves when no operation is running, or after `ms`. */
    drained: async (ms: number) => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([whenIdle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
    },
  };
}
