"""Qt user interface of the front-desk application."""
