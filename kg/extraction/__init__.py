"""Extraction: from a report's sentences to the facts of the graph.

- :mod:`~kg.extraction.mentions` finds the names a sentence mentions (gazetteers, name
  suffixes, enumerations);
- :mod:`~kg.extraction.resolve` and :mod:`~kg.extraction.entities` turn mentions into
  entities with aliases, across reports;
- :mod:`~kg.extraction.claims` reads commitments (plan parts) and progress (review parts);
- :mod:`~kg.extraction.indicators` reads indicator values, targets and actuals.
"""
