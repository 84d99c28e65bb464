"""Ratings (好差评) with their rectification items and appeals, and complaints (投诉)."""
