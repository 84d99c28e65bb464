"""好差评 and 投诉: the supervisors' pages, the clerks' own ratings, and their forms."""
