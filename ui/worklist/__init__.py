"""The work list: the clerk's start screen (referrals, visits, cases, deferred materials)."""
