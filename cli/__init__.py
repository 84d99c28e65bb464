"""The command line and composition root: it wires ``db`` stores into ``app`` services and ``ui``."""
