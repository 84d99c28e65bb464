"""Front-desk rules and services. No Qt and no SQL live here (see tests/unit/test_layers.py)."""

__version__ = "0.1.0"
