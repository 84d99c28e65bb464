"""Storage: SQLAlchemy models, the unit of work that implements ``app.ports``, migrations."""
