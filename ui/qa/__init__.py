"""The blind second review screen (quality checking); logic lives in `reviewer.qa.flow`."""
