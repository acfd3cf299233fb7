"""Help → How to work: one page with each role's day, so nobody has to learn from a manual."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

HELP_HTML = """
<h3 style="margin-top:0">Records Reviewer: how to work</h3>
<p>The queue is on the left, the record in the middle, its personal data beside it and your
decision on the right. Every change is saved at once with your name, role and the time;
Ctrl+Z undoes it. Press <b>?</b> or <b>F1</b> for every shortcut.</p>
<table cellspacing="8"><tr>
<td valign="top" width="33%"><h4>Appraiser</h4><ol>
<li><b>J</b>/<b>K</b> move through the queue; read the record (PgUp/PgDn pages, Ctrl+F find).</li>
<li>Tick the long-term interest criteria that apply with <b>1</b> to <b>9</b>
(suggested ones are marked).</li>
<li>Choose the outcome: <b>S</b> select for transfer, <b>R</b> retain, <b>X</b> destroy,
<b>D</b> defer; Ctrl+Shift+R writes the rationale; Esc returns to the queue.</li>
<li>A legal hold refuses destroy. Edit → Appraise this record's folder… decides a whole
folder at once.</li></ol></td>
<td valign="top" width="33%"><h4>Sensitivity reviewer</h4><ol>
<li>Filter the queue to <i>Select</i>; <b>N</b>/<b>Shift+N</b> step through the highlights.</li>
<li><b>Del</b> dismisses a wrong highlight, <b>U</b> restores it; select missed text and press
<b>M</b> (or drag a box on a PDF page) to mark it.</li>
<li><b>O</b> open, <b>W</b> open with redactions (<b>B</b> redacts the highlight or selection),
<b>C</b> closed: tick the FOI exemptions (<b>E</b> goes to them, <b>Space</b> ticks one),
then <b>Suggest</b> fills the dates and periods.</li>
<li>Ctrl+Shift+P applies the decision to copies and attachments.
File → Export transfer… lists what still stops the transfer.</li></ol></td>
<td valign="top" width="33%"><h4>Quality checker</h4><ol>
<li>Draw a sample: <code>reviewer qa sample --collection NAME --rate 0.1</code>.</li>
<li>Quality check → Blind second review… shows each sampled record with its highlights and
never the first decision.</li>
<li>Record your own closure decision and Submit; the comparison appears.</li>
<li>Uphold or overturn (a note is required to overturn); <code>reviewer qa report</code>
gives agreement, kappa and the error interval.</li></ol></td>
</tr></table>
<p>Without a screen, everything can be scripted: <code>reviewer --help</code>.</p>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How to work")
        self.view = QTextBrowser()
        self.view.setHtml(HELP_HTML)
        self.view.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(1000, 560)
