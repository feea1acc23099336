// name: shared-initiatives
// description: Initiatives and companies named in the reports of at least $min_towns towns (each town's mention of a name is resolved within that town, so they are grouped here by name), with the towns and how many sentences.
// returns: table
// params: min_towns — how many towns at least
:param min_towns => 2;

// An initiative or company is resolved within its report's town, so the entity's own
// `town` is the town of every sentence naming it, and it is named in as many sentences
// as it has MENTIONS (one a sentence): the answer from its 4,920 entities at 1000
// reports, instead of joining 55,000 mentions to their reports' towns (84 against
// 192 ms; tests/test_queries.py compares the two forms).
MATCH (e:Initiative|Company) WHERE e.town IS NOT NULL
// MENTIONS start at sentences only (the ontology's domain): counted from the entity's
// degree, without visiting each sentence (94–118 against 110–153 ms at 1001 reports).
WITH e, COUNT { (e)<-[:MENTIONS]-() } AS mentions
WHERE mentions > 0
WITH labels(e)[0] AS type, e.name AS name, collect(DISTINCT e.town) AS towns, sum(mentions) AS sentences
WHERE size(towns) >= $min_towns
RETURN type, name, towns, size(towns) AS town_count, sentences
ORDER BY town_count DESC, sentences DESC, name;
