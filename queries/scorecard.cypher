// name: scorecard
// description: Per report of a town: commitments by status, and the share delivered of those followed up.
// returns: table
// params: town — a town's name
:param town => '庙行镇';

MATCH (t:Town {name: $town})<-[:REPORTS_ON]-(r:Report)
MATCH (c:Commitment {report: r.id})
WITH t, r, collect(c.status) AS statuses
WITH t, r, statuses,
     size([s IN statuses WHERE s = 'DELIVERED']) AS delivered,
     size([s IN statuses WHERE s = 'AWAITING_FOLLOW_UP']) AS awaiting
RETURN t.name AS town, r.date AS report_date, r.id AS report, size(statuses) AS commitments,
       delivered AS DELIVERED,
       size([s IN statuses WHERE s = 'IN_PROGRESS']) AS IN_PROGRESS,
       size([s IN statuses WHERE s = 'STALLED']) AS STALLED,
       size([s IN statuses WHERE s = 'NOT_REPORTED']) AS NOT_REPORTED,
       awaiting AS AWAITING_FOLLOW_UP,
       CASE WHEN size(statuses) > awaiting THEN round(toFloat(delivered) / (size(statuses) - awaiting), 3) END AS delivered_share
ORDER BY report_date;
