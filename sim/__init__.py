"""Simulators: a demo hall's days of work and years of a county hall's cases for benchmarks.

Not part of the product: app/, db/, ui/ and devices/ never import this package (see
tests/unit/test_layers.py). It drives the product from outside, as a hall would: the demo
(``sim.demo``) through the services, the scale generator (``sim.scale``, ``sim.bulk``) through
the services' own rule functions, its rows written in batches (``sim.sql_sink``).
"""
