"""First-inquiry responsibility (首问负责): visits, referrals and their acknowledgement, the
A/B post (AB岗) while a clerk is away, and the clerk's work list."""
