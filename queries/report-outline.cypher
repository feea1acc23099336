// name: report-outline
// description: A town's report of a given date: its parts (with periods) and sections, with the commitments each section makes.
// returns: table
// params: town — a town's name; date — the report's date (YYYY-MM-DD)
:param town => '庙行镇';
:param date => '2023-01-05';

MATCH (t:Town {name: $town})<-[:REPORTS_ON]-(r:Report)
WHERE r.date = $date
MATCH (r)-[:HAS_PART]->(p:Part)
OPTIONAL MATCH (p)-[:HAS_SECTION*1..]->(section:Section)
OPTIONAL MATCH (section)-[:HAS_SENTENCE]->(:Sentence)<-[:STATED_IN]-(c:Commitment)
WITH p, section, count(c) AS commitments
ORDER BY p.order, section.start
RETURN p.order AS part_order, p.kind AS kind, p.heading AS part, p.period_start AS period_start,
       p.period_end AS period_end, section.title AS section, section.level AS level, commitments;
