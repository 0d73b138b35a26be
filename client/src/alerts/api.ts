/** The Alerts page's GraphQL operations (server/modules/alerts), each typed by its document, and the live subscription. */
import { createClient, type Client } from 'graphql-ws';
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type {
  AlertDecision,
  AlertStatus,
  AlertsPageQuery,
} from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';
import { csrfHeaders, CSRF_HEADER } from '../api/session.ts';
import { purposeHeaders } from '../auth/purpose.ts';

export type AlertItem = AlertsPageQuery['alerts']['edges'][number]['node'];
export type { AlertDecision, AlertStatus };

const ALERTS_PAGE = graphql(`
  query AlertsPage($status: [AlertStatus!], $caseId: ID, $first: Int, $after: String) {
    alerts(status: $status, caseId: $caseId, first: $first, after: $after) {
      totalCount
      byCase {
        caseId
        count
        open
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          rule
          summary
          status
          caseId
          assignee
          raisedAt
          decidedBy
          reason
          entityIds
          linkIds
          watch {
            id
            title
          }
          evidence {
            nodes {
              id
              type
              label
            }
            links {
              id
              type
            }
          }
        }
      }
    }
  }
`);

const OPEN_ALERTS = graphql(`
  query OpenAlerts {
    alerts(status: [NEW], first: 1) {
      totalCount
    }
  }
`);

const DECIDE_ALERT = graphql(`
  mutation DecideAlert($id: ID!, $decision: AlertDecision!, $assignee: String, $reason: String) {
    decideAlert(id: $id, decision: $decision, assignee: $assignee, reason: $reason) {
      id
      status
      assignee
      decidedBy
    }
  }
`);

const WATCH_ENTITY = graphql(`
  mutation WatchEntity($input: WatchInput!) {
    watch(input: $input) {
      id
      title
      baseline
    }
  }
`);

const ALERT_RAISED = graphql(`
  subscription AlertRaised {
    alertRaised {
      id
      caseId
    }
  }
`);

export async function alertsPage(f: {
  status: AlertStatus[] | null;
  caseId: string | null;
  after?: string | null;
}) {
  return (
    await gql(ALERTS_PAGE, {
      status: f.status,
      caseId: f.caseId,
      first: 50,
      after: f.after ?? null,
    })
  ).alerts;
}

export async function openAlerts(): Promise<number> {
  return (await gql(OPEN_ALERTS, {})).alerts.totalCount;
}

export async function decideAlert(
  id: string,
  decision: AlertDecision,
  o: { assignee?: string | null; reason?: string | null } = {},
) {
  return (
    await gql(DECIDE_ALERT, {
      id,
      decision,
      assignee: o.assignee ?? null,
      reason: o.reason ?? null,
    })
  ).decideAlert;
}

export async function watchEntity(entityId: string, caseId: string | null) {
  return (await gql(WATCH_ENTITY, { input: { entityId, caseId } })).watch;
}

/** Fired in the page when the user decided on an alert (the top bar counts again). */
export const ALERTS_CHANGED = 'lantern:alerts-changed';

let client: Client | null = null;

/**
 * Calls `onRaised` for each new alert the signed-in user may see (alertRaised over WebSocket, the
 * session cookie with its CSRF token and the purpose in connection_init). Returns the unsubscribe.
 */
export function onAlertRaised(
  onRaised: (a: { id: string; caseId: string | null }) => void,
): () => void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  client ??= createClient({
    url,
    connectionParams: () => ({
      csrfToken: csrfHeaders()[CSRF_HEADER],
      purpose: Object.values(purposeHeaders())[0],
    }),
    // Reconnects after the server restarts; a refusal (4403: signed out) is not retried.
    retryAttempts: 20,
  });
  return client.subscribe<{ alertRaised: { id: string; caseId: string | null } }>(
    { query: ALERT_RAISED.toString() },
    {
      next: (m) => m.data && onRaised(m.data.alertRaised),
      error: () => undefined,
      complete: () => undefined,
    },
  );
}
