"""取号、叫号: queue tickets taken at the entrance and called at the counters (issue 21)."""
