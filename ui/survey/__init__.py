"""The survey view: the same charts and tables as `report.html`, drawn from a `SurveySummary`."""
