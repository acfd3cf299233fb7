"""Small dialogs: reviewer identity, shortcuts, task progress."""
