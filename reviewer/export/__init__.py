"""Transfer to The National Archives: TDR metadata, verified redaction, the BagIt bag, reports.

Entry points: `transfer.export_transfer` / `transfer.list_problems`,
`appraisal_report.write_appraisal_report`, `redact.redact_pdf`, `metadata.validate_rows`.
"""
