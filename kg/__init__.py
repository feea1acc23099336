"""kg: a knowledge graph of projects, places and commitments in Chinese local government
work reports. docs/ARCHITECTURE.md maps the packages."""

__version__ = "0.1.0"
