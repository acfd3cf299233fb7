"""Export from the window: the transfer bag dialog and the appraisal report (`reviewer.export`)."""
