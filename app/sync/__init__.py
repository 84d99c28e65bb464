"""Records travelling between the county and its townships in signed bundles (docs/SYNC.md)."""
