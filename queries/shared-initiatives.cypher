// name: shared-initiatives
// description: Initiatives and companies named in the reports of at least $min_towns towns (each town's mention of a name is resolved within that town, so they are grouped here by name), with the towns and how many sentences.
// returns: table
// params: min_towns — how many towns at least
:param min_towns => 2;

MATCH (e:Initiative|Company)<-[:MENTIONS]-(s:Sentence)
MATCH (r:Report {id: s.report})-[:REPORTS_ON]->(t:Town)
WITH labels(e)[0] AS type, e.name AS name, collect(DISTINCT t.name) AS towns, count(DISTINCT s) AS sentences
WHERE size(towns) >= $min_towns
RETURN type, name, towns, size(towns) AS town_count, sentences
ORDER BY town_count DESC, sentences DESC, name;
