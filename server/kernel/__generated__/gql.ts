/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      entries {\n        seq\n        at\n        actor\n        role\n        kind\n        operation\n        variables\n        purpose\n        recordCount\n        recordIds\n        outcome\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query Me {\n    me {\n      name\n      role\n      needToKnow\n      capabilities\n    }\n  }\n": typeof types.MeDocument,
    "\n  query AlertsPage($status: [AlertStatus!], $caseId: ID, $first: Int, $after: String) {\n    alerts(status: $status, caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      byCase {\n        caseId\n        count\n        open\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          rule\n          summary\n          status\n          caseId\n          assignee\n          raisedAt\n          decidedBy\n          reason\n          entityIds\n          linkIds\n          watch {\n            id\n            title\n          }\n          evidence {\n            nodes {\n              id\n              type\n              label\n            }\n            links {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.AlertsPageDocument,
    "\n  query OpenAlerts {\n    alerts(status: [NEW], first: 1) {\n      totalCount\n    }\n  }\n": typeof types.OpenAlertsDocument,
    "\n  mutation DecideAlert($id: ID!, $decision: AlertDecision!, $assignee: String, $reason: String) {\n    decideAlert(id: $id, decision: $decision, assignee: $assignee, reason: $reason) {\n      id\n      status\n      assignee\n      decidedBy\n    }\n  }\n": typeof types.DecideAlertDocument,
    "\n  mutation WatchEntity($input: WatchInput!) {\n    watch(input: $input) {\n      id\n      title\n      baseline\n    }\n  }\n": typeof types.WatchEntityDocument,
    "\n  subscription AlertRaised {\n    alertRaised {\n      id\n      caseId\n    }\n  }\n": typeof types.AlertRaisedDocument,
    "\n  query NetworkAnalytics($ids: [ID!], $weighted: Boolean, $excludeTypes: [EntityType!]) {\n    networkAnalytics(ids: $ids, weighted: $weighted, excludeTypes: $excludeTypes) {\n      nodes {\n        id\n        type\n        label\n        community\n        degree\n        weightedDegree\n        betweenness\n        pageRank\n        communitiesLinked\n        broker\n      }\n      communities {\n        id\n        size\n        nodeIds\n      }\n      modularity\n      weighted\n    }\n  }\n": typeof types.NetworkAnalyticsDocument,
    "\n  query SuspectedNetworks($minScore: Float, $first: Int, $after: String) {\n    suspectedNetworks(minScore: $minScore, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          premisesIds\n          score\n          ties {\n            a\n            b\n            score\n          }\n          evidence {\n            entityId\n            entityType\n            label\n            kind\n            premisesIds\n            linkIds\n            weight\n          }\n        }\n      }\n    }\n  }\n": typeof types.SuspectedNetworksDocument,
    "\n  query Labels($ids: [ID!]!) {\n    subgraph(ids: $ids) {\n      nodes {\n        id\n        label\n        type\n        subtitle\n      }\n    }\n  }\n": typeof types.LabelsDocument,
    "\n  fragment SourceBriefFields on SourceRecord {\n    id\n    source\n    recordKey\n  }\n": typeof types.SourceBriefFieldsFragmentDoc,
    "\n  query RiskProfile($personId: ID!) {\n    riskProfile(personId: $personId) {\n      personId\n      label\n      score\n      combination\n      distinctFactors\n      factorKinds\n      explanation\n      asOf\n      rulesVersion\n      rules {\n        id\n        description\n        met\n      }\n      factors {\n        kind\n        label\n        score\n        counted\n        evidence {\n          kind\n          origin\n          entityId\n          entityLabel\n          linkId\n          date\n          ageDays\n          grading {\n            ...GradingFields\n          }\n          sources {\n            ...SourceBriefFields\n          }\n          weight\n          gradeMultiplier\n          statusMultiplier\n          decay\n          contribution\n          counted\n          note\n        }\n      }\n    }\n  }\n": typeof types.RiskProfileDocument,
    "\n  query IndicatorHits($entityId: ID!) {\n    indicatorHits(entityId: $entityId) {\n      indicatorId\n      indicatorVersion\n      title\n      entityId\n      entityType\n      label\n      score\n      summary\n      entityIds\n      linkIds\n      evidence {\n        summary\n        grading {\n          ...GradingFields\n        }\n        sources {\n          ...SourceBriefFields\n        }\n        from\n        to\n      }\n    }\n  }\n": typeof types.IndicatorHitsDocument,
    "\n  query Indicators {\n    indicators {\n      version\n      indicators {\n        id\n        version\n        title\n        appliesTo\n        rationale\n        weight\n      }\n    }\n  }\n": typeof types.IndicatorsDocument,
    "\n  fragment FlaggedFields on FlaggedEntity {\n    id\n    type\n    label\n    score\n    riskScore\n    riskCombination\n    riskFactorKinds\n    indicatorScore\n    indicatorIds\n    operationIds\n  }\n": typeof types.FlaggedFieldsFragmentDoc,
    "\n  fragment FreshnessFields on AnalysisFreshness {\n    source\n    asOf\n    computedAt\n    updatedAt\n    pending\n    stale\n  }\n": typeof types.FreshnessFieldsFragmentDoc,
    "\n  query Flagged($filter: FlaggedFilter, $sort: FlaggedSort, $first: Int, $asOf: Date) {\n    flagged(filter: $filter, sort: $sort, first: $first, asOf: $asOf) {\n      totalCount\n      edges {\n        node {\n          ...FlaggedFields\n        }\n      }\n      freshness {\n        ...FreshnessFields\n      }\n    }\n  }\n": typeof types.FlaggedDocument,
    "\n  query FlaggedExport($filter: FlaggedFilter, $sort: FlaggedSort, $asOf: Date, $after: String) {\n    flagged(filter: $filter, sort: $sort, first: 500, asOf: $asOf, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FlaggedFields\n        }\n      }\n    }\n  }\n": typeof types.FlaggedExportDocument,
    "\n  query RiskRules {\n    riskRules {\n      version\n      factors {\n        kind\n        label\n        weight\n        halfLifeDays\n      }\n    }\n  }\n": typeof types.RiskRulesDocument,
    "\n  fragment OperationSummaryFields on OperationSummary {\n    id\n    name\n    startDate\n    endDate\n    lead\n    description\n  }\n": typeof types.OperationSummaryFieldsFragmentDoc,
    "\n  query Operations {\n    operations {\n      ...OperationSummaryFields\n    }\n  }\n": typeof types.OperationsDocument,
    "\n  query OperationDashboard($operationId: ID!, $bucket: BucketSize) {\n    operationDashboard(operationId: $operationId, bucket: $bucket) {\n      operation {\n        ...OperationSummaryFields\n      }\n      visits\n      premisesVisited\n      peopleEncountered\n      potentialVictimsIdentified\n      safeguarded\n      referralsByKind {\n        key\n        count\n      }\n      offencesByCategory {\n        key\n        count\n      }\n      visitOutcomes {\n        key\n        count\n      }\n      buckets {\n        start\n        end\n        visits\n        premisesVisited\n        peopleEncountered\n        potentialVictimsIdentified\n        safeguarded\n        referrals\n        offences\n      }\n      bucketSize\n      premisesIds\n    }\n  }\n": typeof types.OperationDashboardDocument,
    "\n  query Link($id: ID!) {\n    link(id: $id) {\n      id\n      type\n      role\n      validFrom\n      validTo\n      recordedAt\n      weight\n      properties {\n        name\n        value\n      }\n      grading {\n        ...GradingFields\n      }\n      sources {\n        ...SourceFields\n      }\n      source {\n        id\n        label\n        type\n      }\n      target {\n        id\n        label\n        type\n      }\n    }\n  }\n": typeof types.LinkDocument,
    "\n  query Charts {\n    charts {\n      version\n      access\n      owner\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.ChartsDocument,
    "\n  query Chart($id: ID) {\n    chart(id: $id) {\n      owner\n      version\n      access\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n      document\n    }\n  }\n": typeof types.ChartDocument,
    "\n  mutation Save($name: String!, $document: JSON!) {\n    saveChart(name: $name, document: $document) {\n      owner\n      version\n      access\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.SaveDocument,
    "\n  mutation Delete($id: ID!) {\n    deleteChart(id: $id)\n  }\n": typeof types.DeleteDocument,
    "\n  query Cases {\n    cases {\n      id\n      name\n      handlingCode\n      myRight\n      createdAt\n      members {\n        name\n      }\n    }\n  }\n": typeof types.CasesDocument,
    "\n  query Case($id: ID!) {\n    case(id: $id) {\n      id\n      name\n      handlingCode\n      handlingConditions\n      classification\n      needToKnow\n      createdAt\n      createdBy\n      myRight\n      members {\n        name\n        role\n        accountRole\n        addedAt\n      }\n      charts {\n        id\n        name\n        access\n        nodeCount\n        edgeCount\n        version\n        savedBy\n        updatedAt\n      }\n      snapshots {\n        id\n        title\n        createdAt\n        handlingCode\n      }\n      notes {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": typeof types.CaseDocument,
    "\n  mutation CreateCase($input: NewCaseInput!) {\n    createCase(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCaseDocument,
    "\n  mutation AddCaseMember($caseId: ID!, $member: String!, $role: CaseRole!) {\n    addCaseMember(caseId: $caseId, member: $member, role: $role) {\n      id\n    }\n  }\n": typeof types.AddCaseMemberDocument,
    "\n  mutation RemoveCaseMember($caseId: ID!, $member: String!) {\n    removeCaseMember(caseId: $caseId, member: $member) {\n      id\n    }\n  }\n": typeof types.RemoveCaseMemberDocument,
    "\n  query ChartSharing($id: ID!) {\n    chart(id: $id) {\n      id\n      name\n      owner\n      access\n      version\n      shares {\n        kind\n        id\n        name\n        mode\n      }\n    }\n    chartVersions(id: $id) {\n      version\n      savedAt\n      savedBy\n      restoredFrom\n      entityIds\n    }\n  }\n": typeof types.ChartSharingDocument,
    "\n  mutation ShareChart($id: ID!, $with: ShareTarget!, $mode: ShareMode!) {\n    shareChart(id: $id, with: $with, mode: $mode) {\n      id\n    }\n  }\n": typeof types.ShareChartDocument,
    "\n  mutation UnshareChart($id: ID!, $with: ShareTarget!) {\n    unshareChart(id: $id, with: $with) {\n      id\n    }\n  }\n": typeof types.UnshareChartDocument,
    "\n  mutation RestoreChartVersion($id: ID!, $version: Int!) {\n    restoreChartVersion(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n": typeof types.RestoreChartVersionDocument,
    "\n  mutation ChartPresence($chartId: ID!) {\n    chartPresence(chartId: $chartId) {\n      chartId\n      others {\n        name\n        displayName\n        via\n        since\n      }\n      version\n      changedBy\n      changedAt\n      noteCount\n    }\n  }\n": typeof types.ChartPresenceDocument,
    "\n  query NotesOfChart($id: ID!) {\n    chart(id: $id) {\n      id\n      notes {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": typeof types.NotesOfChartDocument,
    "\n  query NotesOfEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      annotations {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": typeof types.NotesOfEntityDocument,
    "\n  query NotesOfLink($id: ID!) {\n    link(id: $id) {\n      id\n      annotations {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": typeof types.NotesOfLinkDocument,
    "\n  mutation Annotate($targetId: ID!, $text: String!) {\n    annotate(targetId: $targetId, text: $text) {\n      id\n      text\n      author\n      createdAt\n    }\n  }\n": typeof types.AnnotateDocument,
    "\n  query Circuits($ids: [ID!]!, $windowDays: Int, $minPremises: Int, $asKnownOn: Date) {\n    circuits(ids: $ids, windowDays: $windowDays, minPremises: $minPremises, asKnownOn: $asKnownOn, first: 200) {\n      kind\n      people {\n        id\n        label\n      }\n      premises {\n        id\n        label\n      }\n      from\n      to\n      moves\n      stays {\n        id\n        personId\n        premisesId\n        validFrom\n        validTo\n      }\n    }\n  }\n": typeof types.CircuitsDocument,
    "\n  query ExportSelection($format: ExportFormat!, $selection: SelectionInput!, $unmaskReason: String) {\n    exportSelection(format: $format, selection: $selection, unmaskReason: $unmaskReason) {\n      filename\n      mediaType\n      encoding\n      content\n      entityCount\n      linkCount\n      masked\n      maskedCount\n      truncated\n      truncation\n    }\n  }\n": typeof types.ExportSelectionDocument,
    "\n  query Snapshots {\n    snapshots(first: 20) {\n      id\n      title\n      createdAt\n      version\n      supersededBy\n      marking\n      masked\n      hash\n      nodeCount\n      edgeCount\n      files {\n        html\n        pdf\n        png\n      }\n    }\n  }\n": typeof types.SnapshotsDocument,
    "\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      id\n      title\n      createdAt\n      version\n      supersededBy\n      marking\n      masked\n      hash\n      nodeCount\n      edgeCount\n      files {\n        html\n        pdf\n        png\n      }\n    }\n  }\n": typeof types.CreateSnapshotDocument,
    "\n  fragment EditPropertyFields on PropertyInfo {\n    name\n    kind\n    values\n    list\n    required\n    editable\n    description\n  }\n": typeof types.EditPropertyFieldsFragmentDoc,
    "\n  query EditTypes {\n    entityTypes {\n      name\n      displayName\n      properties {\n        ...EditPropertyFields\n      }\n    }\n    linkTypes {\n      name\n      verb\n      from\n      to\n      roles\n      properties {\n        ...EditPropertyFields\n      }\n    }\n  }\n": typeof types.EditTypesDocument,
    "\n  mutation CreateEntity($input: CreateEntityInput!) {\n    createEntity(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateEntityDocument,
    "\n  mutation UpdateEntity($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) {\n    updateEntity(id: $id, properties: $properties, provenance: $provenance) {\n      id\n    }\n  }\n": typeof types.UpdateEntityDocument,
    "\n  mutation CreateLink($input: CreateLinkInput!) {\n    createLink(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateLinkDocument,
    "\n  mutation UpdateLink($id: ID!, $input: UpdateLinkInput!, $provenance: ProvenanceInput!) {\n    updateLink(id: $id, input: $input, provenance: $provenance) {\n      id\n      source {\n        id\n      }\n      target {\n        id\n      }\n    }\n  }\n": typeof types.UpdateLinkDocument,
    "\n  fragment RowErrorFields on ImportRowError {\n    file\n    line\n    column\n    value\n    reason\n  }\n": typeof types.RowErrorFieldsFragmentDoc,
    "\n  query ImportPreview($source: String!, $mapping: String!, $fileName: String!, $content: String!, $rows: Int) {\n    importPreview(source: $source, mapping: $mapping, fileName: $fileName, content: $content, rows: $rows) {\n      rows\n      records {\n        line\n        recordKey\n        summary\n        entities {\n          type\n          id\n          properties {\n            name\n            value\n          }\n        }\n        links {\n          type\n          from\n          to\n          role\n        }\n      }\n      errors {\n        ...RowErrorFields\n      }\n      warnings {\n        ...RowErrorFields\n      }\n    }\n  }\n": typeof types.ImportPreviewDocument,
    "\n  fragment ImportResultFields on ImportResult {\n    rows\n    imported\n    skipped\n    bad\n    created\n    changed\n    unchanged\n    entities\n    links\n    valuesLeftOut\n    linksNotMade\n    errors {\n      ...RowErrorFields\n    }\n    warnings {\n      ...RowErrorFields\n    }\n  }\n": typeof types.ImportResultFieldsFragmentDoc,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    phase\n    done\n    total\n    rowsPerSecond\n    secondsLeft\n    startedAt\n    finishedAt\n    error\n    result {\n      ...ImportResultFields\n    }\n    resolution {\n      records\n      newRecords\n      candidatePairs\n      merged\n      review\n    }\n  }\n": typeof types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartImport($source: String!, $mapping: String!, $fileName: String!, $content: String!, $resolve: Boolean) {\n    startImport(source: $source, mapping: $mapping, fileName: $fileName, content: $content, resolve: $resolve) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.StartImportDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": typeof types.ImportJobDocument,
    "\n  mutation ImportFile($source: String!, $mapping: String!, $fileName: String!, $content: String!) {\n    importFile(source: $source, mapping: $mapping, fileName: $fileName, content: $content) {\n      ...ImportResultFields\n    }\n  }\n": typeof types.ImportFileDocument,
    "\n  fragment MatchRecordFields on MatchRecord {\n    id\n    entityType\n    label\n    fields {\n      name\n      value\n    }\n    sources\n    resolvedId\n  }\n": typeof types.MatchRecordFieldsFragmentDoc,
    "\n  fragment MatchDecisionFields on MatchDecision {\n    id\n    entityType\n    status\n    probability\n    weight\n    swapped\n    evidence {\n      field\n      level\n      weight\n      a\n      b\n    }\n    rule\n    decidedBy\n    decidedAt\n    note\n    history\n    a {\n      ...MatchRecordFields\n    }\n    b {\n      ...MatchRecordFields\n    }\n  }\n": typeof types.MatchDecisionFieldsFragmentDoc,
    "\n  query ReviewQueue($first: Int, $offset: Int, $entityType: EntityType) {\n    reviewQueue(first: $first, offset: $offset, entityType: $entityType) {\n      total\n      items {\n        ...MatchDecisionFields\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation AcceptMatch($id: ID!, $note: String) {\n    acceptMatch(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n": typeof types.AcceptMatchDocument,
    "\n  mutation RejectMatch($id: ID!, $note: String) {\n    rejectMatch(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n": typeof types.RejectMatchDocument,
    "\n  mutation UndoMerge($id: ID!, $note: String) {\n    undoMerge(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n": typeof types.UndoMergeDocument,
    "\n  query ResolvedClusters($first: Int, $offset: Int, $entityType: EntityType) {\n    resolvedClusters(first: $first, offset: $offset, entityType: $entityType) {\n      total\n      items {\n        id\n        entityType\n        records {\n          id\n          label\n        }\n        merges {\n          id\n        }\n      }\n    }\n  }\n": typeof types.ResolvedClustersDocument,
    "\n  query ResolvedCluster($id: ID!) {\n    resolvedCluster(id: $id) {\n      id\n      entityType\n      records {\n        ...MatchRecordFields\n      }\n      merges {\n        ...MatchDecisionFields\n      }\n    }\n  }\n": typeof types.ResolvedClusterDocument,
    "\n  query ModelTypes {\n    entityTypes {\n      name\n      displayName\n      plural\n      colour\n      glyph\n      declared\n    }\n    linkTypes {\n      name\n      verb\n      colour\n      directed\n      declared\n    }\n  }\n": typeof types.ModelTypesDocument,
    "\n  query OccupancyStays($ids: [ID!]!, $asKnownOn: Date) {\n    stays(ids: $ids, asKnownOn: $asKnownOn, followPeople: true) {\n      id\n      type\n      validFrom\n      validTo\n      person {\n        id\n        label\n      }\n      premises {\n        id\n        label\n      }\n    }\n  }\n": typeof types.OccupancyStaysDocument,
    "\n  fragment GradingFields on Grading {\n    code\n    low\n    sourceEvaluation\n    intelligenceAssessment\n    handlingCode\n    handlingConditions\n    classification\n  }\n": typeof types.GradingFieldsFragmentDoc,
    "\n  fragment NodeFields on GraphNode {\n    id\n    type\n    label\n    subtitle\n    degree\n    supernode\n    potentialVictim\n    suspect\n    safeguarded\n    riskScore\n    kind\n    grading {\n      ...GradingFields\n    }\n  }\n": typeof types.NodeFieldsFragmentDoc,
    "\n  fragment EdgeFields on GraphEdge {\n    id\n    type\n    source\n    target\n    role\n    validFrom\n    validTo\n    recordedAt\n    weight\n    grading {\n      ...GradingFields\n    }\n  }\n": typeof types.EdgeFieldsFragmentDoc,
    "\n  fragment GraphFields on Graph {\n    nodes {\n      ...NodeFields\n    }\n    edges {\n      ...EdgeFields\n    }\n    truncated\n    truncation\n  }\n": typeof types.GraphFieldsFragmentDoc,
    "\n  fragment SourceFields on SourceRecord {\n    id\n    source\n    recordKey\n    recordedAt\n    summary\n    grading {\n      ...GradingFields\n    }\n  }\n": typeof types.SourceFieldsFragmentDoc,
    "\n  query Search($text: String!, $types: [EntityType!], $first: Int) {\n    search(text: $text, types: $types, first: $first) {\n      edges {\n        score\n        matched\n        node {\n          ...NodeFields\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $threshold: Int) {\n    neighbourhood(ids: $ids, hops: $hops, limit: $limit, filter: $filter, supernodeThreshold: $threshold) {\n      ...GraphFields\n    }\n  }\n": typeof types.NeighbourhoodDocument,
    "\n  query Neighbourhood2($ids: [ID!]!) {\n    neighbourhood(ids: $ids, hops: 2) {\n      ...GraphFields\n    }\n  }\n": typeof types.Neighbourhood2Document,
    "\n  query Paths($from: ID!, $to: ID!, $filter: LinkFilter) {\n    paths(from: $from, to: $to, maxLength: 6, filter: $filter) {\n      ...GraphFields\n      paths {\n        nodeIds\n      }\n    }\n  }\n": typeof types.PathsDocument,
    "\n  query Connecting($ids: [ID!]!, $filter: LinkFilter) {\n    connectingNetwork(ids: $ids, filter: $filter) {\n      ...GraphFields\n      paths {\n        nodeIds\n      }\n    }\n  }\n": typeof types.ConnectingDocument,
    "\n  query Common($ids: [ID!]!, $filter: LinkFilter) {\n    commonNeighbours(ids: $ids, filter: $filter) {\n      sharedWith\n      node {\n        ...NodeFields\n      }\n    }\n  }\n": typeof types.CommonDocument,
    "\n  query Sub($ids: [ID!]!) {\n    subgraph(ids: $ids) {\n      ...GraphFields\n    }\n  }\n": typeof types.SubDocument,
    "\n  query LinksAmong($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) {\n    linksAmong(ids: $ids, among: $among, filter: $filter) {\n      ...EdgeFields\n    }\n  }\n": typeof types.LinksAmongDocument,
    "\n  query Entity($id: ID!) {\n    entity(id: $id) {\n      id\n      type\n      label\n      recordedAt\n      grading {\n        ...GradingFields\n      }\n      sources {\n        ...SourceFields\n      }\n      properties {\n        name\n        value\n      }\n      ... on Person {\n        masked\n      }\n    }\n  }\n": typeof types.EntityDocument,
    "\n  query Timeline($ids: [ID!]!) {\n    timeline(ids: $ids, limit: 200) {\n      date\n      endDate\n      kind\n      description\n      entityIds\n      linkId\n    }\n  }\n": typeof types.TimelineDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      entries {\n        seq\n        at\n        actor\n        role\n        kind\n        operation\n        variables\n        purpose\n        recordCount\n        recordIds\n        outcome\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": types.AuditLogDocument,
    "\n  query Me {\n    me {\n      name\n      role\n      needToKnow\n      capabilities\n    }\n  }\n": types.MeDocument,
    "\n  query AlertsPage($status: [AlertStatus!], $caseId: ID, $first: Int, $after: String) {\n    alerts(status: $status, caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      byCase {\n        caseId\n        count\n        open\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          rule\n          summary\n          status\n          caseId\n          assignee\n          raisedAt\n          decidedBy\n          reason\n          entityIds\n          linkIds\n          watch {\n            id\n            title\n          }\n          evidence {\n            nodes {\n              id\n              type\n              label\n            }\n            links {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n": types.AlertsPageDocument,
    "\n  query OpenAlerts {\n    alerts(status: [NEW], first: 1) {\n      totalCount\n    }\n  }\n": types.OpenAlertsDocument,
    "\n  mutation DecideAlert($id: ID!, $decision: AlertDecision!, $assignee: String, $reason: String) {\n    decideAlert(id: $id, decision: $decision, assignee: $assignee, reason: $reason) {\n      id\n      status\n      assignee\n      decidedBy\n    }\n  }\n": types.DecideAlertDocument,
    "\n  mutation WatchEntity($input: WatchInput!) {\n    watch(input: $input) {\n      id\n      title\n      baseline\n    }\n  }\n": types.WatchEntityDocument,
    "\n  subscription AlertRaised {\n    alertRaised {\n      id\n      caseId\n    }\n  }\n": types.AlertRaisedDocument,
    "\n  query NetworkAnalytics($ids: [ID!], $weighted: Boolean, $excludeTypes: [EntityType!]) {\n    networkAnalytics(ids: $ids, weighted: $weighted, excludeTypes: $excludeTypes) {\n      nodes {\n        id\n        type\n        label\n        community\n        degree\n        weightedDegree\n        betweenness\n        pageRank\n        communitiesLinked\n        broker\n      }\n      communities {\n        id\n        size\n        nodeIds\n      }\n      modularity\n      weighted\n    }\n  }\n": types.NetworkAnalyticsDocument,
    "\n  query SuspectedNetworks($minScore: Float, $first: Int, $after: String) {\n    suspectedNetworks(minScore: $minScore, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          premisesIds\n          score\n          ties {\n            a\n            b\n            score\n          }\n          evidence {\n            entityId\n            entityType\n            label\n            kind\n            premisesIds\n            linkIds\n            weight\n          }\n        }\n      }\n    }\n  }\n": types.SuspectedNetworksDocument,
    "\n  query Labels($ids: [ID!]!) {\n    subgraph(ids: $ids) {\n      nodes {\n        id\n        label\n        type\n        subtitle\n      }\n    }\n  }\n": types.LabelsDocument,
    "\n  fragment SourceBriefFields on SourceRecord {\n    id\n    source\n    recordKey\n  }\n": types.SourceBriefFieldsFragmentDoc,
    "\n  query RiskProfile($personId: ID!) {\n    riskProfile(personId: $personId) {\n      personId\n      label\n      score\n      combination\n      distinctFactors\n      factorKinds\n      explanation\n      asOf\n      rulesVersion\n      rules {\n        id\n        description\n        met\n      }\n      factors {\n        kind\n        label\n        score\n        counted\n        evidence {\n          kind\n          origin\n          entityId\n          entityLabel\n          linkId\n          date\n          ageDays\n          grading {\n            ...GradingFields\n          }\n          sources {\n            ...SourceBriefFields\n          }\n          weight\n          gradeMultiplier\n          statusMultiplier\n          decay\n          contribution\n          counted\n          note\n        }\n      }\n    }\n  }\n": types.RiskProfileDocument,
    "\n  query IndicatorHits($entityId: ID!) {\n    indicatorHits(entityId: $entityId) {\n      indicatorId\n      indicatorVersion\n      title\n      entityId\n      entityType\n      label\n      score\n      summary\n      entityIds\n      linkIds\n      evidence {\n        summary\n        grading {\n          ...GradingFields\n        }\n        sources {\n          ...SourceBriefFields\n        }\n        from\n        to\n      }\n    }\n  }\n": types.IndicatorHitsDocument,
    "\n  query Indicators {\n    indicators {\n      version\n      indicators {\n        id\n        version\n        title\n        appliesTo\n        rationale\n        weight\n      }\n    }\n  }\n": types.IndicatorsDocument,
    "\n  fragment FlaggedFields on FlaggedEntity {\n    id\n    type\n    label\n    score\n    riskScore\n    riskCombination\n    riskFactorKinds\n    indicatorScore\n    indicatorIds\n    operationIds\n  }\n": types.FlaggedFieldsFragmentDoc,
    "\n  fragment FreshnessFields on AnalysisFreshness {\n    source\n    asOf\n    computedAt\n    updatedAt\n    pending\n    stale\n  }\n": types.FreshnessFieldsFragmentDoc,
    "\n  query Flagged($filter: FlaggedFilter, $sort: FlaggedSort, $first: Int, $asOf: Date) {\n    flagged(filter: $filter, sort: $sort, first: $first, asOf: $asOf) {\n      totalCount\n      edges {\n        node {\n          ...FlaggedFields\n        }\n      }\n      freshness {\n        ...FreshnessFields\n      }\n    }\n  }\n": types.FlaggedDocument,
    "\n  query FlaggedExport($filter: FlaggedFilter, $sort: FlaggedSort, $asOf: Date, $after: String) {\n    flagged(filter: $filter, sort: $sort, first: 500, asOf: $asOf, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FlaggedFields\n        }\n      }\n    }\n  }\n": types.FlaggedExportDocument,
    "\n  query RiskRules {\n    riskRules {\n      version\n      factors {\n        kind\n        label\n        weight\n        halfLifeDays\n      }\n    }\n  }\n": types.RiskRulesDocument,
    "\n  fragment OperationSummaryFields on OperationSummary {\n    id\n    name\n    startDate\n    endDate\n    lead\n    description\n  }\n": types.OperationSummaryFieldsFragmentDoc,
    "\n  query Operations {\n    operations {\n      ...OperationSummaryFields\n    }\n  }\n": types.OperationsDocument,
    "\n  query OperationDashboard($operationId: ID!, $bucket: BucketSize) {\n    operationDashboard(operationId: $operationId, bucket: $bucket) {\n      operation {\n        ...OperationSummaryFields\n      }\n      visits\n      premisesVisited\n      peopleEncountered\n      potentialVictimsIdentified\n      safeguarded\n      referralsByKind {\n        key\n        count\n      }\n      offencesByCategory {\n        key\n        count\n      }\n      visitOutcomes {\n        key\n        count\n      }\n      buckets {\n        start\n        end\n        visits\n        premisesVisited\n        peopleEncountered\n        potentialVictimsIdentified\n        safeguarded\n        referrals\n        offences\n      }\n      bucketSize\n      premisesIds\n    }\n  }\n": types.OperationDashboardDocument,
    "\n  query Link($id: ID!) {\n    link(id: $id) {\n      id\n      type\n      role\n      validFrom\n      validTo\n      recordedAt\n      weight\n      properties {\n        name\n        value\n      }\n      grading {\n        ...GradingFields\n      }\n      sources {\n        ...SourceFields\n      }\n      source {\n        id\n        label\n        type\n      }\n      target {\n        id\n        label\n        type\n      }\n    }\n  }\n": types.LinkDocument,
    "\n  query Charts {\n    charts {\n      version\n      access\n      owner\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n    }\n  }\n": types.ChartsDocument,
    "\n  query Chart($id: ID) {\n    chart(id: $id) {\n      owner\n      version\n      access\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n      document\n    }\n  }\n": types.ChartDocument,
    "\n  mutation Save($name: String!, $document: JSON!) {\n    saveChart(name: $name, document: $document) {\n      owner\n      version\n      access\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n    }\n  }\n": types.SaveDocument,
    "\n  mutation Delete($id: ID!) {\n    deleteChart(id: $id)\n  }\n": types.DeleteDocument,
    "\n  query Cases {\n    cases {\n      id\n      name\n      handlingCode\n      myRight\n      createdAt\n      members {\n        name\n      }\n    }\n  }\n": types.CasesDocument,
    "\n  query Case($id: ID!) {\n    case(id: $id) {\n      id\n      name\n      handlingCode\n      handlingConditions\n      classification\n      needToKnow\n      createdAt\n      createdBy\n      myRight\n      members {\n        name\n        role\n        accountRole\n        addedAt\n      }\n      charts {\n        id\n        name\n        access\n        nodeCount\n        edgeCount\n        version\n        savedBy\n        updatedAt\n      }\n      snapshots {\n        id\n        title\n        createdAt\n        handlingCode\n      }\n      notes {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": types.CaseDocument,
    "\n  mutation CreateCase($input: NewCaseInput!) {\n    createCase(input: $input) {\n      id\n    }\n  }\n": types.CreateCaseDocument,
    "\n  mutation AddCaseMember($caseId: ID!, $member: String!, $role: CaseRole!) {\n    addCaseMember(caseId: $caseId, member: $member, role: $role) {\n      id\n    }\n  }\n": types.AddCaseMemberDocument,
    "\n  mutation RemoveCaseMember($caseId: ID!, $member: String!) {\n    removeCaseMember(caseId: $caseId, member: $member) {\n      id\n    }\n  }\n": types.RemoveCaseMemberDocument,
    "\n  query ChartSharing($id: ID!) {\n    chart(id: $id) {\n      id\n      name\n      owner\n      access\n      version\n      shares {\n        kind\n        id\n        name\n        mode\n      }\n    }\n    chartVersions(id: $id) {\n      version\n      savedAt\n      savedBy\n      restoredFrom\n      entityIds\n    }\n  }\n": types.ChartSharingDocument,
    "\n  mutation ShareChart($id: ID!, $with: ShareTarget!, $mode: ShareMode!) {\n    shareChart(id: $id, with: $with, mode: $mode) {\n      id\n    }\n  }\n": types.ShareChartDocument,
    "\n  mutation UnshareChart($id: ID!, $with: ShareTarget!) {\n    unshareChart(id: $id, with: $with) {\n      id\n    }\n  }\n": types.UnshareChartDocument,
    "\n  mutation RestoreChartVersion($id: ID!, $version: Int!) {\n    restoreChartVersion(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n": types.RestoreChartVersionDocument,
    "\n  mutation ChartPresence($chartId: ID!) {\n    chartPresence(chartId: $chartId) {\n      chartId\n      others {\n        name\n        displayName\n        via\n        since\n      }\n      version\n      changedBy\n      changedAt\n      noteCount\n    }\n  }\n": types.ChartPresenceDocument,
    "\n  query NotesOfChart($id: ID!) {\n    chart(id: $id) {\n      id\n      notes {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": types.NotesOfChartDocument,
    "\n  query NotesOfEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      annotations {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": types.NotesOfEntityDocument,
    "\n  query NotesOfLink($id: ID!) {\n    link(id: $id) {\n      id\n      annotations {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n": types.NotesOfLinkDocument,
    "\n  mutation Annotate($targetId: ID!, $text: String!) {\n    annotate(targetId: $targetId, text: $text) {\n      id\n      text\n      author\n      createdAt\n    }\n  }\n": types.AnnotateDocument,
    "\n  query Circuits($ids: [ID!]!, $windowDays: Int, $minPremises: Int, $asKnownOn: Date) {\n    circuits(ids: $ids, windowDays: $windowDays, minPremises: $minPremises, asKnownOn: $asKnownOn, first: 200) {\n      kind\n      people {\n        id\n        label\n      }\n      premises {\n        id\n        label\n      }\n      from\n      to\n      moves\n      stays {\n        id\n        personId\n        premisesId\n        validFrom\n        validTo\n      }\n    }\n  }\n": types.CircuitsDocument,
    "\n  query ExportSelection($format: ExportFormat!, $selection: SelectionInput!, $unmaskReason: String) {\n    exportSelection(format: $format, selection: $selection, unmaskReason: $unmaskReason) {\n      filename\n      mediaType\n      encoding\n      content\n      entityCount\n      linkCount\n      masked\n      maskedCount\n      truncated\n      truncation\n    }\n  }\n": types.ExportSelectionDocument,
    "\n  query Snapshots {\n    snapshots(first: 20) {\n      id\n      title\n      createdAt\n      version\n      supersededBy\n      marking\n      masked\n      hash\n      nodeCount\n      edgeCount\n      files {\n        html\n        pdf\n        png\n      }\n    }\n  }\n": types.SnapshotsDocument,
    "\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      id\n      title\n      createdAt\n      version\n      supersededBy\n      marking\n      masked\n      hash\n      nodeCount\n      edgeCount\n      files {\n        html\n        pdf\n        png\n      }\n    }\n  }\n": types.CreateSnapshotDocument,
    "\n  fragment EditPropertyFields on PropertyInfo {\n    name\n    kind\n    values\n    list\n    required\n    editable\n    description\n  }\n": types.EditPropertyFieldsFragmentDoc,
    "\n  query EditTypes {\n    entityTypes {\n      name\n      displayName\n      properties {\n        ...EditPropertyFields\n      }\n    }\n    linkTypes {\n      name\n      verb\n      from\n      to\n      roles\n      properties {\n        ...EditPropertyFields\n      }\n    }\n  }\n": types.EditTypesDocument,
    "\n  mutation CreateEntity($input: CreateEntityInput!) {\n    createEntity(input: $input) {\n      id\n    }\n  }\n": types.CreateEntityDocument,
    "\n  mutation UpdateEntity($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) {\n    updateEntity(id: $id, properties: $properties, provenance: $provenance) {\n      id\n    }\n  }\n": types.UpdateEntityDocument,
    "\n  mutation CreateLink($input: CreateLinkInput!) {\n    createLink(input: $input) {\n      id\n    }\n  }\n": types.CreateLinkDocument,
    "\n  mutation UpdateLink($id: ID!, $input: UpdateLinkInput!, $provenance: ProvenanceInput!) {\n    updateLink(id: $id, input: $input, provenance: $provenance) {\n      id\n      source {\n        id\n      }\n      target {\n        id\n      }\n    }\n  }\n": types.UpdateLinkDocument,
    "\n  fragment RowErrorFields on ImportRowError {\n    file\n    line\n    column\n    value\n    reason\n  }\n": types.RowErrorFieldsFragmentDoc,
    "\n  query ImportPreview($source: String!, $mapping: String!, $fileName: String!, $content: String!, $rows: Int) {\n    importPreview(source: $source, mapping: $mapping, fileName: $fileName, content: $content, rows: $rows) {\n      rows\n      records {\n        line\n        recordKey\n        summary\n        entities {\n          type\n          id\n          properties {\n            name\n            value\n          }\n        }\n        links {\n          type\n          from\n          to\n          role\n        }\n      }\n      errors {\n        ...RowErrorFields\n      }\n      warnings {\n        ...RowErrorFields\n      }\n    }\n  }\n": types.ImportPreviewDocument,
    "\n  fragment ImportResultFields on ImportResult {\n    rows\n    imported\n    skipped\n    bad\n    created\n    changed\n    unchanged\n    entities\n    links\n    valuesLeftOut\n    linksNotMade\n    errors {\n      ...RowErrorFields\n    }\n    warnings {\n      ...RowErrorFields\n    }\n  }\n": types.ImportResultFieldsFragmentDoc,
    "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    phase\n    done\n    total\n    rowsPerSecond\n    secondsLeft\n    startedAt\n    finishedAt\n    error\n    result {\n      ...ImportResultFields\n    }\n    resolution {\n      records\n      newRecords\n      candidatePairs\n      merged\n      review\n    }\n  }\n": types.ImportJobFieldsFragmentDoc,
    "\n  mutation StartImport($source: String!, $mapping: String!, $fileName: String!, $content: String!, $resolve: Boolean) {\n    startImport(source: $source, mapping: $mapping, fileName: $fileName, content: $content, resolve: $resolve) {\n      ...ImportJobFields\n    }\n  }\n": types.StartImportDocument,
    "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n": types.ImportJobDocument,
    "\n  mutation ImportFile($source: String!, $mapping: String!, $fileName: String!, $content: String!) {\n    importFile(source: $source, mapping: $mapping, fileName: $fileName, content: $content) {\n      ...ImportResultFields\n    }\n  }\n": types.ImportFileDocument,
    "\n  fragment MatchRecordFields on MatchRecord {\n    id\n    entityType\n    label\n    fields {\n      name\n      value\n    }\n    sources\n    resolvedId\n  }\n": types.MatchRecordFieldsFragmentDoc,
    "\n  fragment MatchDecisionFields on MatchDecision {\n    id\n    entityType\n    status\n    probability\n    weight\n    swapped\n    evidence {\n      field\n      level\n      weight\n      a\n      b\n    }\n    rule\n    decidedBy\n    decidedAt\n    note\n    history\n    a {\n      ...MatchRecordFields\n    }\n    b {\n      ...MatchRecordFields\n    }\n  }\n": types.MatchDecisionFieldsFragmentDoc,
    "\n  query ReviewQueue($first: Int, $offset: Int, $entityType: EntityType) {\n    reviewQueue(first: $first, offset: $offset, entityType: $entityType) {\n      total\n      items {\n        ...MatchDecisionFields\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation AcceptMatch($id: ID!, $note: String) {\n    acceptMatch(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n": types.AcceptMatchDocument,
    "\n  mutation RejectMatch($id: ID!, $note: String) {\n    rejectMatch(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n": types.RejectMatchDocument,
    "\n  mutation UndoMerge($id: ID!, $note: String) {\n    undoMerge(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n": types.UndoMergeDocument,
    "\n  query ResolvedClusters($first: Int, $offset: Int, $entityType: EntityType) {\n    resolvedClusters(first: $first, offset: $offset, entityType: $entityType) {\n      total\n      items {\n        id\n        entityType\n        records {\n          id\n          label\n        }\n        merges {\n          id\n        }\n      }\n    }\n  }\n": types.ResolvedClustersDocument,
    "\n  query ResolvedCluster($id: ID!) {\n    resolvedCluster(id: $id) {\n      id\n      entityType\n      records {\n        ...MatchRecordFields\n      }\n      merges {\n        ...MatchDecisionFields\n      }\n    }\n  }\n": types.ResolvedClusterDocument,
    "\n  query ModelTypes {\n    entityTypes {\n      name\n      displayName\n      plural\n      colour\n      glyph\n      declared\n    }\n    linkTypes {\n      name\n      verb\n      colour\n      directed\n      declared\n    }\n  }\n": types.ModelTypesDocument,
    "\n  query OccupancyStays($ids: [ID!]!, $asKnownOn: Date) {\n    stays(ids: $ids, asKnownOn: $asKnownOn, followPeople: true) {\n      id\n      type\n      validFrom\n      validTo\n      person {\n        id\n        label\n      }\n      premises {\n        id\n        label\n      }\n    }\n  }\n": types.OccupancyStaysDocument,
    "\n  fragment GradingFields on Grading {\n    code\n    low\n    sourceEvaluation\n    intelligenceAssessment\n    handlingCode\n    handlingConditions\n    classification\n  }\n": types.GradingFieldsFragmentDoc,
    "\n  fragment NodeFields on GraphNode {\n    id\n    type\n    label\n    subtitle\n    degree\n    supernode\n    potentialVictim\n    suspect\n    safeguarded\n    riskScore\n    kind\n    grading {\n      ...GradingFields\n    }\n  }\n": types.NodeFieldsFragmentDoc,
    "\n  fragment EdgeFields on GraphEdge {\n    id\n    type\n    source\n    target\n    role\n    validFrom\n    validTo\n    recordedAt\n    weight\n    grading {\n      ...GradingFields\n    }\n  }\n": types.EdgeFieldsFragmentDoc,
    "\n  fragment GraphFields on Graph {\n    nodes {\n      ...NodeFields\n    }\n    edges {\n      ...EdgeFields\n    }\n    truncated\n    truncation\n  }\n": types.GraphFieldsFragmentDoc,
    "\n  fragment SourceFields on SourceRecord {\n    id\n    source\n    recordKey\n    recordedAt\n    summary\n    grading {\n      ...GradingFields\n    }\n  }\n": types.SourceFieldsFragmentDoc,
    "\n  query Search($text: String!, $types: [EntityType!], $first: Int) {\n    search(text: $text, types: $types, first: $first) {\n      edges {\n        score\n        matched\n        node {\n          ...NodeFields\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $threshold: Int) {\n    neighbourhood(ids: $ids, hops: $hops, limit: $limit, filter: $filter, supernodeThreshold: $threshold) {\n      ...GraphFields\n    }\n  }\n": types.NeighbourhoodDocument,
    "\n  query Neighbourhood2($ids: [ID!]!) {\n    neighbourhood(ids: $ids, hops: 2) {\n      ...GraphFields\n    }\n  }\n": types.Neighbourhood2Document,
    "\n  query Paths($from: ID!, $to: ID!, $filter: LinkFilter) {\n    paths(from: $from, to: $to, maxLength: 6, filter: $filter) {\n      ...GraphFields\n      paths {\n        nodeIds\n      }\n    }\n  }\n": types.PathsDocument,
    "\n  query Connecting($ids: [ID!]!, $filter: LinkFilter) {\n    connectingNetwork(ids: $ids, filter: $filter) {\n      ...GraphFields\n      paths {\n        nodeIds\n      }\n    }\n  }\n": types.ConnectingDocument,
    "\n  query Common($ids: [ID!]!, $filter: LinkFilter) {\n    commonNeighbours(ids: $ids, filter: $filter) {\n      sharedWith\n      node {\n        ...NodeFields\n      }\n    }\n  }\n": types.CommonDocument,
    "\n  query Sub($ids: [ID!]!) {\n    subgraph(ids: $ids) {\n      ...GraphFields\n    }\n  }\n": types.SubDocument,
    "\n  query LinksAmong($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) {\n    linksAmong(ids: $ids, among: $among, filter: $filter) {\n      ...EdgeFields\n    }\n  }\n": types.LinksAmongDocument,
    "\n  query Entity($id: ID!) {\n    entity(id: $id) {\n      id\n      type\n      label\n      recordedAt\n      grading {\n        ...GradingFields\n      }\n      sources {\n        ...SourceFields\n      }\n      properties {\n        name\n        value\n      }\n      ... on Person {\n        masked\n      }\n    }\n  }\n": types.EntityDocument,
    "\n  query Timeline($ids: [ID!]!) {\n    timeline(ids: $ids, limit: 200) {\n      date\n      endDate\n      kind\n      description\n      entityIds\n      linkId\n    }\n  }\n": types.TimelineDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      entries {\n        seq\n        at\n        actor\n        role\n        kind\n        operation\n        variables\n        purpose\n        recordCount\n        recordIds\n        outcome\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"): typeof import('./graphql.ts').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      name\n      role\n      needToKnow\n      capabilities\n    }\n  }\n"): typeof import('./graphql.ts').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertsPage($status: [AlertStatus!], $caseId: ID, $first: Int, $after: String) {\n    alerts(status: $status, caseId: $caseId, first: $first, after: $after) {\n      totalCount\n      byCase {\n        caseId\n        count\n        open\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          rule\n          summary\n          status\n          caseId\n          assignee\n          raisedAt\n          decidedBy\n          reason\n          entityIds\n          linkIds\n          watch {\n            id\n            title\n          }\n          evidence {\n            nodes {\n              id\n              type\n              label\n            }\n            links {\n              id\n              type\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').AlertsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenAlerts {\n    alerts(status: [NEW], first: 1) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').OpenAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAlert($id: ID!, $decision: AlertDecision!, $assignee: String, $reason: String) {\n    decideAlert(id: $id, decision: $decision, assignee: $assignee, reason: $reason) {\n      id\n      status\n      assignee\n      decidedBy\n    }\n  }\n"): typeof import('./graphql.ts').DecideAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WatchEntity($input: WatchInput!) {\n    watch(input: $input) {\n      id\n      title\n      baseline\n    }\n  }\n"): typeof import('./graphql.ts').WatchEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertRaised {\n    alertRaised {\n      id\n      caseId\n    }\n  }\n"): typeof import('./graphql.ts').AlertRaisedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkAnalytics($ids: [ID!], $weighted: Boolean, $excludeTypes: [EntityType!]) {\n    networkAnalytics(ids: $ids, weighted: $weighted, excludeTypes: $excludeTypes) {\n      nodes {\n        id\n        type\n        label\n        community\n        degree\n        weightedDegree\n        betweenness\n        pageRank\n        communitiesLinked\n        broker\n      }\n      communities {\n        id\n        size\n        nodeIds\n      }\n      modularity\n      weighted\n    }\n  }\n"): typeof import('./graphql.ts').NetworkAnalyticsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuspectedNetworks($minScore: Float, $first: Int, $after: String) {\n    suspectedNetworks(minScore: $minScore, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          premisesIds\n          score\n          ties {\n            a\n            b\n            score\n          }\n          evidence {\n            entityId\n            entityType\n            label\n            kind\n            premisesIds\n            linkIds\n            weight\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SuspectedNetworksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Labels($ids: [ID!]!) {\n    subgraph(ids: $ids) {\n      nodes {\n        id\n        label\n        type\n        subtitle\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LabelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceBriefFields on SourceRecord {\n    id\n    source\n    recordKey\n  }\n"): typeof import('./graphql.ts').SourceBriefFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskProfile($personId: ID!) {\n    riskProfile(personId: $personId) {\n      personId\n      label\n      score\n      combination\n      distinctFactors\n      factorKinds\n      explanation\n      asOf\n      rulesVersion\n      rules {\n        id\n        description\n        met\n      }\n      factors {\n        kind\n        label\n        score\n        counted\n        evidence {\n          kind\n          origin\n          entityId\n          entityLabel\n          linkId\n          date\n          ageDays\n          grading {\n            ...GradingFields\n          }\n          sources {\n            ...SourceBriefFields\n          }\n          weight\n          gradeMultiplier\n          statusMultiplier\n          decay\n          contribution\n          counted\n          note\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').RiskProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndicatorHits($entityId: ID!) {\n    indicatorHits(entityId: $entityId) {\n      indicatorId\n      indicatorVersion\n      title\n      entityId\n      entityType\n      label\n      score\n      summary\n      entityIds\n      linkIds\n      evidence {\n        summary\n        grading {\n          ...GradingFields\n        }\n        sources {\n          ...SourceBriefFields\n        }\n        from\n        to\n      }\n    }\n  }\n"): typeof import('./graphql.ts').IndicatorHitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Indicators {\n    indicators {\n      version\n      indicators {\n        id\n        version\n        title\n        appliesTo\n        rationale\n        weight\n      }\n    }\n  }\n"): typeof import('./graphql.ts').IndicatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlaggedFields on FlaggedEntity {\n    id\n    type\n    label\n    score\n    riskScore\n    riskCombination\n    riskFactorKinds\n    indicatorScore\n    indicatorIds\n    operationIds\n  }\n"): typeof import('./graphql.ts').FlaggedFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FreshnessFields on AnalysisFreshness {\n    source\n    asOf\n    computedAt\n    updatedAt\n    pending\n    stale\n  }\n"): typeof import('./graphql.ts').FreshnessFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Flagged($filter: FlaggedFilter, $sort: FlaggedSort, $first: Int, $asOf: Date) {\n    flagged(filter: $filter, sort: $sort, first: $first, asOf: $asOf) {\n      totalCount\n      edges {\n        node {\n          ...FlaggedFields\n        }\n      }\n      freshness {\n        ...FreshnessFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FlaggedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlaggedExport($filter: FlaggedFilter, $sort: FlaggedSort, $asOf: Date, $after: String) {\n    flagged(filter: $filter, sort: $sort, first: 500, asOf: $asOf, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FlaggedFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FlaggedExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RiskRules {\n    riskRules {\n      version\n      factors {\n        kind\n        label\n        weight\n        halfLifeDays\n      }\n    }\n  }\n"): typeof import('./graphql.ts').RiskRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperationSummaryFields on OperationSummary {\n    id\n    name\n    startDate\n    endDate\n    lead\n    description\n  }\n"): typeof import('./graphql.ts').OperationSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Operations {\n    operations {\n      ...OperationSummaryFields\n    }\n  }\n"): typeof import('./graphql.ts').OperationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperationDashboard($operationId: ID!, $bucket: BucketSize) {\n    operationDashboard(operationId: $operationId, bucket: $bucket) {\n      operation {\n        ...OperationSummaryFields\n      }\n      visits\n      premisesVisited\n      peopleEncountered\n      potentialVictimsIdentified\n      safeguarded\n      referralsByKind {\n        key\n        count\n      }\n      offencesByCategory {\n        key\n        count\n      }\n      visitOutcomes {\n        key\n        count\n      }\n      buckets {\n        start\n        end\n        visits\n        premisesVisited\n        peopleEncountered\n        potentialVictimsIdentified\n        safeguarded\n        referrals\n        offences\n      }\n      bucketSize\n      premisesIds\n    }\n  }\n"): typeof import('./graphql.ts').OperationDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Link($id: ID!) {\n    link(id: $id) {\n      id\n      type\n      role\n      validFrom\n      validTo\n      recordedAt\n      weight\n      properties {\n        name\n        value\n      }\n      grading {\n        ...GradingFields\n      }\n      sources {\n        ...SourceFields\n      }\n      source {\n        id\n        label\n        type\n      }\n      target {\n        id\n        label\n        type\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Charts {\n    charts {\n      version\n      access\n      owner\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.ts').ChartsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Chart($id: ID) {\n    chart(id: $id) {\n      owner\n      version\n      access\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n      document\n    }\n  }\n"): typeof import('./graphql.ts').ChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Save($name: String!, $document: JSON!) {\n    saveChart(name: $name, document: $document) {\n      owner\n      version\n      access\n      id\n      name\n      nodeCount\n      edgeCount\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.ts').SaveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Delete($id: ID!) {\n    deleteChart(id: $id)\n  }\n"): typeof import('./graphql.ts').DeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cases {\n    cases {\n      id\n      name\n      handlingCode\n      myRight\n      createdAt\n      members {\n        name\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Case($id: ID!) {\n    case(id: $id) {\n      id\n      name\n      handlingCode\n      handlingConditions\n      classification\n      needToKnow\n      createdAt\n      createdBy\n      myRight\n      members {\n        name\n        role\n        accountRole\n        addedAt\n      }\n      charts {\n        id\n        name\n        access\n        nodeCount\n        edgeCount\n        version\n        savedBy\n        updatedAt\n      }\n      snapshots {\n        id\n        title\n        createdAt\n        handlingCode\n      }\n      notes {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCase($input: NewCaseInput!) {\n    createCase(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CreateCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCaseMember($caseId: ID!, $member: String!, $role: CaseRole!) {\n    addCaseMember(caseId: $caseId, member: $member, role: $role) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').AddCaseMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCaseMember($caseId: ID!, $member: String!) {\n    removeCaseMember(caseId: $caseId, member: $member) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').RemoveCaseMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChartSharing($id: ID!) {\n    chart(id: $id) {\n      id\n      name\n      owner\n      access\n      version\n      shares {\n        kind\n        id\n        name\n        mode\n      }\n    }\n    chartVersions(id: $id) {\n      version\n      savedAt\n      savedBy\n      restoredFrom\n      entityIds\n    }\n  }\n"): typeof import('./graphql.ts').ChartSharingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareChart($id: ID!, $with: ShareTarget!, $mode: ShareMode!) {\n    shareChart(id: $id, with: $with, mode: $mode) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').ShareChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnshareChart($id: ID!, $with: ShareTarget!) {\n    unshareChart(id: $id, with: $with) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').UnshareChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreChartVersion($id: ID!, $version: Int!) {\n    restoreChartVersion(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n"): typeof import('./graphql.ts').RestoreChartVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChartPresence($chartId: ID!) {\n    chartPresence(chartId: $chartId) {\n      chartId\n      others {\n        name\n        displayName\n        via\n        since\n      }\n      version\n      changedBy\n      changedAt\n      noteCount\n    }\n  }\n"): typeof import('./graphql.ts').ChartPresenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotesOfChart($id: ID!) {\n    chart(id: $id) {\n      id\n      notes {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').NotesOfChartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotesOfEntity($id: ID!) {\n    entity(id: $id) {\n      id\n      annotations {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').NotesOfEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotesOfLink($id: ID!) {\n    link(id: $id) {\n      id\n      annotations {\n        id\n        text\n        author\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').NotesOfLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Annotate($targetId: ID!, $text: String!) {\n    annotate(targetId: $targetId, text: $text) {\n      id\n      text\n      author\n      createdAt\n    }\n  }\n"): typeof import('./graphql.ts').AnnotateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Circuits($ids: [ID!]!, $windowDays: Int, $minPremises: Int, $asKnownOn: Date) {\n    circuits(ids: $ids, windowDays: $windowDays, minPremises: $minPremises, asKnownOn: $asKnownOn, first: 200) {\n      kind\n      people {\n        id\n        label\n      }\n      premises {\n        id\n        label\n      }\n      from\n      to\n      moves\n      stays {\n        id\n        personId\n        premisesId\n        validFrom\n        validTo\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CircuitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportSelection($format: ExportFormat!, $selection: SelectionInput!, $unmaskReason: String) {\n    exportSelection(format: $format, selection: $selection, unmaskReason: $unmaskReason) {\n      filename\n      mediaType\n      encoding\n      content\n      entityCount\n      linkCount\n      masked\n      maskedCount\n      truncated\n      truncation\n    }\n  }\n"): typeof import('./graphql.ts').ExportSelectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshots {\n    snapshots(first: 20) {\n      id\n      title\n      createdAt\n      version\n      supersededBy\n      marking\n      masked\n      hash\n      nodeCount\n      edgeCount\n      files {\n        html\n        pdf\n        png\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SnapshotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSnapshot($input: CreateSnapshotInput!) {\n    createSnapshot(input: $input) {\n      id\n      title\n      createdAt\n      version\n      supersededBy\n      marking\n      masked\n      hash\n      nodeCount\n      edgeCount\n      files {\n        html\n        pdf\n        png\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CreateSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EditPropertyFields on PropertyInfo {\n    name\n    kind\n    values\n    list\n    required\n    editable\n    description\n  }\n"): typeof import('./graphql.ts').EditPropertyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditTypes {\n    entityTypes {\n      name\n      displayName\n      properties {\n        ...EditPropertyFields\n      }\n    }\n    linkTypes {\n      name\n      verb\n      from\n      to\n      roles\n      properties {\n        ...EditPropertyFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').EditTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEntity($input: CreateEntityInput!) {\n    createEntity(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CreateEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEntity($id: ID!, $properties: [PropertyInput!]!, $provenance: ProvenanceInput!) {\n    updateEntity(id: $id, properties: $properties, provenance: $provenance) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').UpdateEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLink($input: CreateLinkInput!) {\n    createLink(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CreateLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLink($id: ID!, $input: UpdateLinkInput!, $provenance: ProvenanceInput!) {\n    updateLink(id: $id, input: $input, provenance: $provenance) {\n      id\n      source {\n        id\n      }\n      target {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.ts').UpdateLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RowErrorFields on ImportRowError {\n    file\n    line\n    column\n    value\n    reason\n  }\n"): typeof import('./graphql.ts').RowErrorFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportPreview($source: String!, $mapping: String!, $fileName: String!, $content: String!, $rows: Int) {\n    importPreview(source: $source, mapping: $mapping, fileName: $fileName, content: $content, rows: $rows) {\n      rows\n      records {\n        line\n        recordKey\n        summary\n        entities {\n          type\n          id\n          properties {\n            name\n            value\n          }\n        }\n        links {\n          type\n          from\n          to\n          role\n        }\n      }\n      errors {\n        ...RowErrorFields\n      }\n      warnings {\n        ...RowErrorFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ImportPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportResultFields on ImportResult {\n    rows\n    imported\n    skipped\n    bad\n    created\n    changed\n    unchanged\n    entities\n    links\n    valuesLeftOut\n    linksNotMade\n    errors {\n      ...RowErrorFields\n    }\n    warnings {\n      ...RowErrorFields\n    }\n  }\n"): typeof import('./graphql.ts').ImportResultFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob {\n    id\n    status\n    phase\n    done\n    total\n    rowsPerSecond\n    secondsLeft\n    startedAt\n    finishedAt\n    error\n    result {\n      ...ImportResultFields\n    }\n    resolution {\n      records\n      newRecords\n      candidatePairs\n      merged\n      review\n    }\n  }\n"): typeof import('./graphql.ts').ImportJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartImport($source: String!, $mapping: String!, $fileName: String!, $content: String!, $resolve: Boolean) {\n    startImport(source: $source, mapping: $mapping, fileName: $fileName, content: $content, resolve: $resolve) {\n      ...ImportJobFields\n    }\n  }\n"): typeof import('./graphql.ts').StartImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) {\n    importJob(id: $id) {\n      ...ImportJobFields\n    }\n  }\n"): typeof import('./graphql.ts').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportFile($source: String!, $mapping: String!, $fileName: String!, $content: String!) {\n    importFile(source: $source, mapping: $mapping, fileName: $fileName, content: $content) {\n      ...ImportResultFields\n    }\n  }\n"): typeof import('./graphql.ts').ImportFileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchRecordFields on MatchRecord {\n    id\n    entityType\n    label\n    fields {\n      name\n      value\n    }\n    sources\n    resolvedId\n  }\n"): typeof import('./graphql.ts').MatchRecordFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MatchDecisionFields on MatchDecision {\n    id\n    entityType\n    status\n    probability\n    weight\n    swapped\n    evidence {\n      field\n      level\n      weight\n      a\n      b\n    }\n    rule\n    decidedBy\n    decidedAt\n    note\n    history\n    a {\n      ...MatchRecordFields\n    }\n    b {\n      ...MatchRecordFields\n    }\n  }\n"): typeof import('./graphql.ts').MatchDecisionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($first: Int, $offset: Int, $entityType: EntityType) {\n    reviewQueue(first: $first, offset: $offset, entityType: $entityType) {\n      total\n      items {\n        ...MatchDecisionFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptMatch($id: ID!, $note: String) {\n    acceptMatch(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n"): typeof import('./graphql.ts').AcceptMatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectMatch($id: ID!, $note: String) {\n    rejectMatch(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n"): typeof import('./graphql.ts').RejectMatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UndoMerge($id: ID!, $note: String) {\n    undoMerge(id: $id, note: $note) {\n      ...MatchDecisionFields\n    }\n  }\n"): typeof import('./graphql.ts').UndoMergeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolvedClusters($first: Int, $offset: Int, $entityType: EntityType) {\n    resolvedClusters(first: $first, offset: $offset, entityType: $entityType) {\n      total\n      items {\n        id\n        entityType\n        records {\n          id\n          label\n        }\n        merges {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ResolvedClustersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolvedCluster($id: ID!) {\n    resolvedCluster(id: $id) {\n      id\n      entityType\n      records {\n        ...MatchRecordFields\n      }\n      merges {\n        ...MatchDecisionFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ResolvedClusterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ModelTypes {\n    entityTypes {\n      name\n      displayName\n      plural\n      colour\n      glyph\n      declared\n    }\n    linkTypes {\n      name\n      verb\n      colour\n      directed\n      declared\n    }\n  }\n"): typeof import('./graphql.ts').ModelTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OccupancyStays($ids: [ID!]!, $asKnownOn: Date) {\n    stays(ids: $ids, asKnownOn: $asKnownOn, followPeople: true) {\n      id\n      type\n      validFrom\n      validTo\n      person {\n        id\n        label\n      }\n      premises {\n        id\n        label\n      }\n    }\n  }\n"): typeof import('./graphql.ts').OccupancyStaysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GradingFields on Grading {\n    code\n    low\n    sourceEvaluation\n    intelligenceAssessment\n    handlingCode\n    handlingConditions\n    classification\n  }\n"): typeof import('./graphql.ts').GradingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NodeFields on GraphNode {\n    id\n    type\n    label\n    subtitle\n    degree\n    supernode\n    potentialVictim\n    suspect\n    safeguarded\n    riskScore\n    kind\n    grading {\n      ...GradingFields\n    }\n  }\n"): typeof import('./graphql.ts').NodeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EdgeFields on GraphEdge {\n    id\n    type\n    source\n    target\n    role\n    validFrom\n    validTo\n    recordedAt\n    weight\n    grading {\n      ...GradingFields\n    }\n  }\n"): typeof import('./graphql.ts').EdgeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GraphFields on Graph {\n    nodes {\n      ...NodeFields\n    }\n    edges {\n      ...EdgeFields\n    }\n    truncated\n    truncation\n  }\n"): typeof import('./graphql.ts').GraphFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SourceFields on SourceRecord {\n    id\n    source\n    recordKey\n    recordedAt\n    summary\n    grading {\n      ...GradingFields\n    }\n  }\n"): typeof import('./graphql.ts').SourceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!, $types: [EntityType!], $first: Int) {\n    search(text: $text, types: $types, first: $first) {\n      edges {\n        score\n        matched\n        node {\n          ...NodeFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbourhood($ids: [ID!]!, $hops: Int, $limit: Int, $filter: LinkFilter, $threshold: Int) {\n    neighbourhood(ids: $ids, hops: $hops, limit: $limit, filter: $filter, supernodeThreshold: $threshold) {\n      ...GraphFields\n    }\n  }\n"): typeof import('./graphql.ts').NeighbourhoodDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighbourhood2($ids: [ID!]!) {\n    neighbourhood(ids: $ids, hops: 2) {\n      ...GraphFields\n    }\n  }\n"): typeof import('./graphql.ts').Neighbourhood2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Paths($from: ID!, $to: ID!, $filter: LinkFilter) {\n    paths(from: $from, to: $to, maxLength: 6, filter: $filter) {\n      ...GraphFields\n      paths {\n        nodeIds\n      }\n    }\n  }\n"): typeof import('./graphql.ts').PathsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Connecting($ids: [ID!]!, $filter: LinkFilter) {\n    connectingNetwork(ids: $ids, filter: $filter) {\n      ...GraphFields\n      paths {\n        nodeIds\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ConnectingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Common($ids: [ID!]!, $filter: LinkFilter) {\n    commonNeighbours(ids: $ids, filter: $filter) {\n      sharedWith\n      node {\n        ...NodeFields\n      }\n    }\n  }\n"): typeof import('./graphql.ts').CommonDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sub($ids: [ID!]!) {\n    subgraph(ids: $ids) {\n      ...GraphFields\n    }\n  }\n"): typeof import('./graphql.ts').SubDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinksAmong($ids: [ID!]!, $among: [ID!], $filter: LinkFilter) {\n    linksAmong(ids: $ids, among: $among, filter: $filter) {\n      ...EdgeFields\n    }\n  }\n"): typeof import('./graphql.ts').LinksAmongDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Entity($id: ID!) {\n    entity(id: $id) {\n      id\n      type\n      label\n      recordedAt\n      grading {\n        ...GradingFields\n      }\n      sources {\n        ...SourceFields\n      }\n      properties {\n        name\n        value\n      }\n      ... on Person {\n        masked\n      }\n    }\n  }\n"): typeof import('./graphql.ts').EntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Timeline($ids: [ID!]!) {\n    timeline(ids: $ids, limit: 200) {\n      date\n      endDate\n      kind\n      description\n      entityIds\n      linkId\n    }\n  }\n"): typeof import('./graphql.ts').TimelineDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
