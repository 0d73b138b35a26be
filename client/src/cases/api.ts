/** Cases, chart sharing, versions, notes and presence: the workspace's typed GraphQL operations (decision 0035). */
import { graphql } from '../../../server/kernel/__generated__/gql.ts';
import type { CaseQuery, CasesQuery, ChartSharingQuery, NotesOfChartQuery } from '../../../server/kernel/__generated__/graphql.ts';
import { gql } from '../api/graphql.ts';

export type CaseListItem = CasesQuery['cases'][number];
export type CaseDetail = NonNullable<CaseQuery['case']>;
export type ChartSharing = NonNullable<ChartSharingQuery['chart']>;
export type Note = NotesOfChartQuery['chart'] extends infer C ? (C extends { notes: (infer N)[] } ? N : never) : never;

const CASES = graphql(`
  query Cases {
    cases {
      id
      name
      handlingCode
      myRight
      createdAt
      members {
        name
      }
    }
  }
`);

const CASE = graphql(`
  query Case($id: ID!) {
    case(id: $id) {
      id
      name
      handlingCode
      handlingConditions
      classification
      needToKnow
      createdAt
      createdBy
      myRight
      members {
        name
        role
        accountRole
        addedAt
      }
      charts {
        id
        name
        access
        nodeCount
        edgeCount
        version
        savedBy
        updatedAt
      }
      snapshots {
        id
        title
        createdAt
        handlingCode
      }
      notes {
        id
        text
        author
        createdAt
      }
    }
  }
`);

const CREATE_CASE = graphql(`
  mutation CreateCase($input: NewCaseInput!) {
    createCase(input: $input) {
      id
    }
  }
`);

const ADD_MEMBER = graphql(`
  mutation AddCaseMember($caseId: ID!, $member: String!, $role: CaseRole!) {
    addCaseMember(caseId: $caseId, member: $member, role: $role) {
      id
    }
  }
`);

const REMOVE_MEMBER = graphql(`
  mutation RemoveCaseMember($caseId: ID!, $member: String!) {
    removeCaseMember(caseId: $caseId, member: $member) {
      id
    }
  }
`);

const CHART_SHARING = graphql(`
  query ChartSharing($id: ID!) {
    chart(id: $id) {
      id
      name
      owner
      access
      version
      shares {
        kind
        id
        name
        mode
      }
    }
    chartVersions(id: $id) {
      version
      savedAt
      savedBy
      restoredFrom
      entityIds
    }
  }
`);

const SHARE_CHART = graphql(`
  mutation ShareChart($id: ID!, $with: ShareTarget!, $mode: ShareMode!) {
    shareChart(id: $id, with: $with, mode: $mode) {
      id
    }
  }
`);

const UNSHARE_CHART = graphql(`
  mutation UnshareChart($id: ID!, $with: ShareTarget!) {
    unshareChart(id: $id, with: $with) {
      id
    }
  }
`);

const RESTORE_VERSION = graphql(`
  mutation RestoreChartVersion($id: ID!, $version: Int!) {
    restoreChartVersion(id: $id, version: $version) {
      id
      version
    }
  }
`);

const PRESENCE = graphql(`
  mutation ChartPresence($chartId: ID!) {
    chartPresence(chartId: $chartId) {
      chartId
      others {
        name
        displayName
        via
        since
      }
      version
      changedBy
      changedAt
      noteCount
    }
  }
`);

const NOTES_OF_CHART = graphql(`
  query NotesOfChart($id: ID!) {
    chart(id: $id) {
      id
      notes {
        id
        text
        author
        createdAt
      }
    }
  }
`);

const NOTES_OF_ENTITY = graphql(`
  query NotesOfEntity($id: ID!) {
    entity(id: $id) {
      id
      annotations {
        id
        text
        author
        createdAt
      }
    }
  }
`);

const NOTES_OF_LINK = graphql(`
  query NotesOfLink($id: ID!) {
    link(id: $id) {
      id
      annotations {
        id
        text
        author
        createdAt
      }
    }
  }
`);

const ANNOTATE = graphql(`
  mutation Annotate($targetId: ID!, $text: String!) {
    annotate(targetId: $targetId, text: $text) {
      id
      text
      author
      createdAt
    }
  }
`);

export const listCases = async (): Promise<CaseListItem[]> => (await gql(CASES, {})).cases;

export async function loadCase(id: string): Promise<CaseDetail> {
  const d = await gql(CASE, { id });
  if (!d.case) throw new Error('That case no longer exists.');
  return d.case;
}

export async function createCase(input: { name: string; handlingCode: 'P' | 'C'; handlingConditions?: string | null }): Promise<string> {
  return (await gql(CREATE_CASE, { input })).createCase.id;
}

export async function addMember(caseId: string, member: string, role: 'lead' | 'analyst' | 'viewer'): Promise<void> {
  await gql(ADD_MEMBER, { caseId, member, role });
}

export async function removeMember(caseId: string, member: string): Promise<void> {
  await gql(REMOVE_MEMBER, { caseId, member });
}

export async function chartSharing(id: string): Promise<{ chart: ChartSharing; versions: ChartSharingQuery['chartVersions'] }> {
  const d = await gql(CHART_SHARING, { id });
  if (!d.chart) throw new Error('That chart no longer exists, or is no longer shared with you.');
  return { chart: d.chart, versions: d.chartVersions };
}

export type ShareWith = { caseId: string } | { user: string };

export async function shareChart(id: string, target: ShareWith, mode: 'read' | 'edit'): Promise<void> {
  await gql(SHARE_CHART, { id, with: target, mode });
}

export async function unshareChart(id: string, target: ShareWith): Promise<void> {
  await gql(UNSHARE_CHART, { id, with: target });
}

export async function restoreVersion(id: string, version: number): Promise<number> {
  return (await gql(RESTORE_VERSION, { id, version })).restoreChartVersion.version;
}

export type Presence = Awaited<ReturnType<typeof presence>>;

export async function presence(chartId: string) {
  return (await gql(PRESENCE, { chartId })).chartPresence;
}

export type NoteTarget = { kind: 'chart' | 'entity' | 'link'; id: string };

export async function notesOf(t: NoteTarget): Promise<Note[]> {
  if (t.kind === 'chart') return (await gql(NOTES_OF_CHART, { id: t.id })).chart?.notes ?? [];
  if (t.kind === 'entity') return (await gql(NOTES_OF_ENTITY, { id: t.id })).entity?.annotations ?? [];
  return (await gql(NOTES_OF_LINK, { id: t.id })).link?.annotations ?? [];
}

export async function annotate(targetId: string, text: string): Promise<Note> {
  return (await gql(ANNOTATE, { targetId, text })).annotate;
}
