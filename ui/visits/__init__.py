"""Screens of first-inquiry responsibility: registering a visit, one visit with its chain and
its outcomes, and the forms for referring, acknowledging and marking a clerk away."""
