// name: silent-promises
// description: A town's promises that no follow-up mentions (NOT_REPORTED), then those still awaiting a follow-up.
// returns: table
// params: town — a town's name
:param town => '庙行镇';

MATCH (t:Town {name: $town})<-[:REPORTS_ON]-(r:Report)
MATCH (c:Commitment {report: r.id})
WHERE c.status IN ['NOT_REPORTED', 'AWAITING_FOLLOW_UP']
RETURN c.status AS status, r.date AS report_date, c.section_title AS section, c.text AS promise,
       c.milestone AS milestone, c.deadline AS deadline
ORDER BY status DESC, report_date, deadline, promise;
