"""The PySide6 workstation. No business rules here.

Everything it does can be scripted from `reviewer` without the GUI.
"""
