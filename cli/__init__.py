"""The command line and the composition root: wires ``db`` stores into ``app`` and ``ui``."""
