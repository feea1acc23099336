// name: commitments-by-town
// description: A town's commitments with their status, milestone, deadline and the evidence quoted from later reviews.
// returns: table
// params: town — a town's name
:param town => '庙行镇';

MATCH (t:Town {name: $town})<-[:REPORTS_ON]-(r:Report)
MATCH (c:Commitment {report: r.id})
OPTIONAL MATCH (c)-[f:FOLLOWED_UP_BY]->(p:Progress)
WITH r, c, f, p ORDER BY f.score DESC
WITH r, c, collect(p.text + ' (' + toString(f.score) + ')') AS evidence
RETURN r.date AS report_date, c.section_title AS section, c.text AS promise, c.milestone AS milestone,
       c.deadline AS deadline, c.status AS status, c.reviewed AS reviewed, evidence
ORDER BY report_date, c.id;
