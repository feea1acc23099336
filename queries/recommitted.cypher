// name: recommitted
// description: A town's promises repeated in later plans: how often, and how the promised milestone moved.
// returns: graph and table (path for the graph view)
// params: town — a town's name
:param town => '庙行镇';

MATCH (t:Town {name: $town})<-[:REPORTS_ON]-(r:Report)
MATCH (c:Commitment {report: r.id})
WHERE NOT ()-[:RECOMMITTED_AS]->(c)
MATCH path = (c)-[:RECOMMITTED_AS*1..]->(later:Commitment)
WITH r, c, path ORDER BY length(path) DESC
WITH r, c, collect(path)[0] AS path
RETURN r.date AS first_promised, c.text AS promise, length(path) + 1 AS times_promised,
       [n IN nodes(path) | n.milestone] AS milestones, [n IN tail(nodes(path)) | n.text] AS repeated_as,
       c.status AS status, path
ORDER BY times_promised DESC, first_promised, promise;
