// name: indicator-targets-vs-actuals
// description: A town's indicator targets, each with the later actuals that measure it, the share reached and whether it is on track; and whether the target's value and growth agree with the previous actual.
// returns: table
// params: town — a town's name
:param town => '庙行镇';

MATCH (t:Town {name: $town})<-[:REPORTS_ON]-(r:Report)
MATCH (target:IndicatorValue {report: r.id})
WHERE target.kind = 'target'
OPTIONAL MATCH (target)-[m:MEASURED_BY]->(actual:IndicatorValue)
RETURN r.date AS plan_date, target.indicator AS indicator, target.scope AS scope, target.value AS target,
       target.unit AS unit, target.growth_pct AS target_growth_pct, actual.period_end AS actual_to,
       actual.value AS actual, m.share AS share, m.elapsed AS elapsed, m.on_track AS on_track,
       target.growth_consistent AS growth_consistent, target.implied_growth_pct AS implied_growth_pct
ORDER BY plan_date, indicator, actual_to;
