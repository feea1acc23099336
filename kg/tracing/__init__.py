"""Tracing and review: where a commitment's status is decided.

- :mod:`~kg.tracing.trace` follows each commitment into later reports of its town and
  gives it a status with its evidence;
- :mod:`~kg.tracing.review` lets a person overrule a status (a CSV round trip) and
  measures agreement.
"""
