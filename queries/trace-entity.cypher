// name: trace-entity
// description: Everything said about an entity (by name or alias, with its parts) over time: each promise and progress statement, with the paths promise → progress → recommitment.
// returns: graph and table (path for the graph view; date, kind, text, status for the table)
// params: name — an entity's name or alias
:param name => '智力产业园';

CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', ' ') + '"') YIELD node
WITH node WHERE node.name = $name OR $name IN node.aliases
OPTIONAL MATCH (part)-[:PART_OF]->(node)
WITH collect(DISTINCT node) + collect(DISTINCT part) AS entities
// An entity both found and a part of one found is traced once (the aggregation that did
// this before grouped each row by its path).
UNWIND entities AS entity
WITH DISTINCT entity
MATCH about = (claim)-[:ABOUT]->(entity)
WHERE claim:Commitment OR claim:Progress
MATCH (r:Report {id: claim.report})
// Each claim's follow-ups and recommitments as lists read per row, not two optional
// expansions multiplied and collected again by an aggregation keyed by the path: the same
// rows in the same order, the server's time a third lower at 1000 reports.
RETURN r.date AS date, CASE WHEN claim:Commitment THEN 'Commitment' ELSE 'Progress' END AS kind, entity.name AS entity, claim.text AS text,
       claim.status AS status, [followed = (claim)-[:FOLLOWED_UP_BY]->(:Progress) | followed] AS followed_up_by,
       [repeated = (claim)-[:RECOMMITTED_AS]->(:Commitment) | repeated] AS recommitted_as, about
ORDER BY date, kind, text;
