"""The supervisors' statistics page and the daily log's print and export."""
