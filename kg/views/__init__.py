"""Views: the graph as people read it — records (the JSON exports' shapes), the
scorecard, an entity's timeline, a report's outline, the HTML pages, and the style
(colours, captions) they share with Neo4j Browser.

Views only read the graph; they never write a store or a database.
"""
