"""Case lists, the case window with its actions, and the accountability review."""
