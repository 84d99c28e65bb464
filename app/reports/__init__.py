"""The supervisors' reports: the daily log (工作日志 / 台账) and the statistics.

* ``sections`` — the columns of counts, and the registry through which each area fills its own
  (the extension point: a provider per section; sections without one print "—");
* ``providers`` — the sections this tree fills (notices, cases, warnings, accountability,
  completion times), each from GROUP BY queries of ``uow.reports``;
* ``table`` — tallies from every provider into counts per window and clerk;
* ``daily_log`` — the log of a day or a period, with its case list and the audit chain head;
* ``printing`` / ``xlsx`` — the log as a PDF (``DailyLog`` document) and as a workbook;
* ``statistics`` — rates, times and trends for the statistics page.
"""
