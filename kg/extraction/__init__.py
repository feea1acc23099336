"""Extraction: from a report's sentences to the facts of the graph.

- :mod:`~kg.extraction.mentions` finds the names a sentence mentions (gazetteers, name
  suffixes, enumerations);
- :mod:`~kg.extraction.resolve` and :mod:`~kg.extraction.entities` turn mentions into
  entities with aliases, across reports;
- :mod:`~kg.extraction.claims` reads commitments (plan parts) and progress (review parts),
  over :mod:`~kg.extraction.clauses` (a sentence's clauses), :mod:`~kg.extraction.milestones`
  (a clause's stage, deadline and amount), :mod:`~kg.extraction.objects` (what it names),
  :mod:`~kg.extraction.promises` (what a plan clause promises), :mod:`~kg.extraction.lists`
  (lists of works, rows and the congress's votes), :mod:`~kg.extraction.items` (each item's
  object and stage) and :mod:`~kg.extraction.verbs` (the verbs they share);
- :mod:`~kg.extraction.indicators` reads indicator values, targets and actuals.
"""
