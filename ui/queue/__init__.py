"""取号、叫号 screens: the counter's queue page and the hall display."""
