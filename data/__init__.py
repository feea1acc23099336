"""The sample reports (reports/); installed as the package ``kg.samples`` (see kg/resources.py)."""
