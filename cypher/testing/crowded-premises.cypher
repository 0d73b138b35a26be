// Test fixture: premises $premisesId where $people people (ids $prefix + n) each worked for a
// week from 2024-01-01, partner-shareable, to push a circuits query past its bound.
CREATE (q:Entity:Premises {id: $premisesId, type: 'PREMISES', label: 'Crowded premises', handlingCode: 'P', classification: 'OFFICIAL', sourceEvaluation: 1, intelligenceAssessment: 'A', recordedAt: datetime('2024-01-01T00:00:00Z'), synthetic: true})
WITH q
UNWIND range(1, $people) AS n
CREATE (p:Entity:Person {id: $prefix + toString(n), type: 'PERSON', label: 'Worker ' + toString(n), handlingCode: 'P', classification: 'OFFICIAL', sourceEvaluation: 1, intelligenceAssessment: 'A', recordedAt: datetime('2024-01-01T00:00:00Z'), synthetic: true})
CREATE (p)-[:WORKS_AT {id: $prefix + 'w' + toString(n), validFrom: date('2024-01-01'), validTo: date('2024-01-07'), handlingCode: 'P', classification: 'OFFICIAL', sourceEvaluation: 1, intelligenceAssessment: 'A', recordedAt: datetime('2024-01-01T00:00:00Z')}]->(q)
RETURN count(*) AS created
