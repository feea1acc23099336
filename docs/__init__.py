"""kg's documents (*.md); installed as the package ``kg.docs`` so that an installed kg has
the documents its messages name (``kg files`` prints where they are; see kg/resources.py)."""
