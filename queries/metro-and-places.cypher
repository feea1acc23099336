// name: metro-and-places
// description: Metro lines whose name starts with $line (phases included): the stations on them, and the stations, parcels, projects, roads and parks named with the line, with the promises made about each.
// returns: table and graph (paths for the graph view with paths = true)
// params: line — a line's name or its start, e.g. 18号线; paths — true for the paths line ← sentence → place (the graph view), which are most of the answer
// optional: paths
:param line => '18号线';
:param paths => false;

CALL () {
  MATCH (l:MetroLine) WHERE l.name STARTS WITH $line
  MATCH path = (thing:MetroStation)-[:ON_LINE]->(l)
  RETURN l, thing, path
  UNION
  MATCH (l:MetroLine) WHERE l.name STARTS WITH $line
  MATCH path = (l)<-[:MENTIONS]-(:Sentence)-[:MENTIONS]->(thing)
  WHERE thing:MetroStation OR thing:Parcel OR thing:Project OR thing:Road OR thing:Park OR thing:IndustrialPark OR thing:Facility
  RETURN l, thing, path
}
// Grouped first, then each group's lines and promises: expanding every path by every
// promise about its end multiplied the rows (3,600 paths → 117,000 rows at 1000 reports).
// The paths only on request: at 1000 reports they were 3,600 paths through 1,700 nodes
// for 47 rows, and sending and decoding them took 1–2 s against 0.1–0.2 s without.
WITH l.name AS line, labels(thing)[0] AS type, thing.name AS name, collect(DISTINCT thing) AS things,
     collect(DISTINCT CASE WHEN $paths THEN path END) AS paths
CALL (things) {
  UNWIND things AS thing
  OPTIONAL MATCH (thing)-[:ON_LINE]->(own:MetroLine)
  RETURN collect(DISTINCT own.name) AS on_lines
}
CALL (things) {
  UNWIND things AS thing
  OPTIONAL MATCH (c:Commitment)-[:ABOUT]->(thing)
  RETURN collect(DISTINCT c.text) AS promises
}
RETURN line, type, name, on_lines, promises, paths
ORDER BY line, type, name;
