# ruff: noqa: E501, RUF001  (prose and typographic characters are the content here)
"""Corporate records: Area Board minutes (DOCX), a project closure report (PDF), a policy file note
(HTML saved in windows-1252, as Word did in 2005)."""

from __future__ import annotations

import docx
from docx.shared import Pt

from . import cast as c
from .docxio import add_para, base_style, docx_bytes, header_footer
from .pdf import PdfBuilder
from .planted import Planted, plain
from .values import Values

BOARD = [
    ("Christopher Dunmore", "Chief Crown Prosecutor (Chair)"),
    ("Patricia Lanyon", "Area Business Manager"),
    ("Jonathan Eastwood", "Head of Trials Unit, Leeds"),
    ("Rehana Mirza", "Head of Criminal Justice Unit, Bradford"),
    ("Stephen Gilderdale", "Area Finance Officer"),
    ("Neil Ackroyd", "Digital Case File Programme Manager (item 3)"),
    ("Gillian Ross", "Area Records Manager (minutes)"),
]


def board_minutes(v: Values) -> tuple[bytes, Planted]:
    """Minutes of the Area Management Board, 15 March 2005, with an attendance table."""
    p = Planted()
    doc = docx.Document()
    base_style(doc, font="Times New Roman", size=12)
    header_footer(doc, "RESTRICTED - MANAGEMENT", c.FOOTER)
    add_para(doc, "CPS WEST YORKSHIRE", bold=True, size=14)
    add_para(doc, "AREA MANAGEMENT BOARD", bold=True, size=13)
    add_para(
        doc,
        "Minutes of the meeting held on Tuesday 15 March 2005 at 10:00, Boardroom, "
        "Area Headquarters, Leeds",
    )
    add_para(doc, "Present", bold=True)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Name", "Role"
    for name, role in BOARD:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = plain(p("PERSON", name)), role
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    add_para(doc, f"Apologies: Dr {p('PERSON', 'Colin Faraday')} (non-executive member).")
    items = [
        (
            "1. Minutes of the meeting of 18 January 2005 and matters arising",
            "The minutes were agreed. Action 4 (review of witness expenses backlog) is complete.",
        ),
        (
            "2. Performance",
            "The Chair reported that the proportion of cases charged under the statutory charging "
            "scheme at Leeds and Bradford had reached 92 per cent. The ineffective trial rate in the "
            "Crown Court was 14.8 per cent against a target of 13 per cent; most ineffective trials "
            "followed late service of expert evidence. JE would raise this at the next Local "
            "Criminal Justice Board.",
        ),
        (
            "3. Digital case file programme - pilot update",
            "NA reported that the scanning pilot at the Leeds Trials Unit had processed 1,140 files "
            "since November. Police MG forms arrive by secure e-mail in a third of cases; the rest "
            "are scanned on receipt. Users report that searching the scanned files is slow because "
            "the scans carry no text layer. The Board agreed to fund optical character recognition "
            "for the remainder of the pilot (up to £18,000) and asked for a closure report in "
            "2006. PL asked that the records manager be consulted before any paper file is "
            "destroyed after scanning.",
        ),
        (
            "4. Records management and Freedom of Information",
            "GR reported 37 requests under the Freedom of Information Act 2000 since 1 January 2005, "
            "of which 29 had been answered within 20 working days. Closed case files from 1998 and "
            "1999 are being boxed for off-site storage; files of long-term interest (murder, "
            "appeals, notorious cases) are flagged for the Departmental Records Officer. The Board "
            "noted that e-mail forming part of the case record is still held in personal mailboxes "
            "and asked GR to prepare a file note on its retention (see policy file note of "
            "November 2005).",
        ),
        (
            "5. Staffing",
            f"PL reported that {p('PERSON', 'Martin Hebblethwaite')} (Higher Executive Officer, Bradford) "
            f"remains on {p('SPECIAL_CATEGORY', 'long-term sick leave following heart surgery')} and "
            f"that an occupational health referral has been made; his caseload has been "
            f"reallocated. Two lawyer vacancies at Leeds will be advertised in April.",
        ),
        (
            "6. Any other business",
            f"The Chair thanked {p('PERSON', 'Rehana Mirza')} for arranging the Bradford open day. "
            f"Next meeting: Tuesday 17 May 2005, 10:00.",
        ),
    ]
    for title, text in items:
        add_para(doc, title, bold=True)
        add_para(doc, text)
    add_para(
        doc,
        f"Minutes: {p('PERSON', 'Gillian Ross')}, Area Records Manager, "
        f"tel. {p('PHONE', v.phones['ross_desk'])}, 22 March 2005",
    )
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            if run.font.size is None:
                run.font.size = Pt(12)
    data = docx_bytes(
        doc,
        title="Area Management Board minutes 15 March 2005",
        author="Gillian Ross",
        when=c.D_MINUTES,
    )
    return data, p


def closure_report(v: Values) -> tuple[bytes, Planted]:
    """A significant-project record: the digital case file programme's closure report."""
    p = Planted()
    pdf = PdfBuilder(
        header_left="CPS West Yorkshire",
        header_right="Project closure report v1.0",
        footer=c.FOOTER,
    )
    pdf.heading("Digital Case File Programme - Closure Report", size=16)
    pdf.fields(
        [
            ("Version / date:", "1.0 final, 30 June 2006"),
            ("Senior Responsible Owner:", p("PERSON", "Patricia Lanyon")),
            (
                "Programme Manager:",
                f"{p('PERSON', 'Neil Ackroyd')}, {p('PHONE', v.phones['ackroyd_desk'])}, "
                f"{p('EMAIL', 'neil.ackroyd@cps.example.com')}",
            ),
            ("Approved by:", "Area Management Board, 20 June 2006"),
        ],
        label_width=165,
    )
    sections = [
        (
            "1. Purpose",
            [
                "This report closes the Digital Case File Programme, which ran from September 2004 "
                "to March 2006. It records what was delivered against the business case, what it "
                "cost, the benefits measured so far and the lessons for the national roll-out."
            ],
        ),
        (
            "2. Background",
            [
                "Until 2004 every prosecution file in the Area was a paper folder built up from police "
                "MG forms, correspondence and counsel's papers. The statutory charging scheme and the "
                "introduction of the Compass case management system made it possible to hold the "
                "core papers electronically. The Area Management Board approved a pilot at the Leeds "
                "Trials Unit in September 2004 and its extension to Bradford in May 2005."
            ],
        ),
        (
            "3. What was delivered",
            [
                "Secure e-mail exchange of MG forms with West Yorkshire Police for all charged cases "
                "at Leeds and Bradford; scanning on receipt of the remaining paper, with optical "
                "character recognition from April 2005; a shared folder structure for each case "
                "mirroring the paper file; and guidance for lawyers and caseworkers on saving e-mail "
                "to the case folder.",
                "Not delivered: links from Compass to the case folders (deferred to the national "
                "programme) and electronic service on the defence, which awaited secure e-mail for "
                "defence practitioners.",
            ],
        ),
        (
            "4. Benefits measured",
            [
                "Time to locate a file for a hearing fell from an average of 26 minutes to 4 minutes in "
                "the units sampled. Photocopying costs fell by 31 per cent. Files lost or misfiled "
                "before a hearing fell from 11 per month to 2 per month. Lawyer satisfaction (survey "
                "of 64 staff, February 2006): 71 per cent said the electronic file was easier to use."
            ],
        ),
        (
            "5. Costs",
            [
                "Total £412,600 against a budget of £398,000: scanners and servers £126,300; "
                "OCR licences £17,400; temporary scanning staff £181,900; training £22,000; "
                "programme team £65,000. The overspend followed the decision to add OCR."
            ],
        ),
        (
            "6. Lessons learned",
            [
                "Scanning without a text layer saved little time: users could not search the files. "
                "Records management must be designed in at the start: the pilot created case folders "
                "faster than retention rules were agreed, and e-mail stayed in personal mailboxes. "
                "Duplicate copies of statements were scanned from both the police and CPS copies; "
                "de-duplication should be automatic."
            ],
        ),
        (
            "7. Records of the programme",
            [
                "The programme file (business case, board papers, highlight reports, risk register and "
                "this report) is held in the Area's corporate file plan under PRJ/2004/017. As the "
                "record of a significant project it is recommended for permanent preservation under "
                "the Public Records Act 1958 when it is reviewed."
            ],
        ),
        (
            "8. Sign-off",
            [
                f"{p('PERSON', 'Neil Ackroyd')}, Programme Manager, 28 June 2006. "
                f"{p('PERSON', 'Patricia Lanyon')}, Senior Responsible Owner, 30 June 2006."
            ],
        ),
    ]
    for heading, paragraphs in sections:
        pdf.heading(heading, size=12)
        for text in paragraphs:
            pdf.para(text)
    data = pdf.to_bytes(
        title="Digital Case File Programme - Closure Report",
        author="Neil Ackroyd",
        subject="PRJ/2004/017",
        when=c.D_CLOSURE,
    )
    return data, p


def policy_note(v: Values) -> tuple[bytes, Planted]:
    """A records manager's policy file note saved as HTML from Word (windows-1252, curly quotes)."""
    p = Planted()
    html = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<meta name="Generator" content="Microsoft Word 10 (filtered)">
<title>File note: retention of e-mail forming part of the case record</title>
</head>
<body lang="EN-GB">
<p><b>CPS West Yorkshire – Policy file POL/REC/03</b><br>
<i>FICTIONAL SAMPLE – Records Reviewer test data – no real person or policy</i></p>
<h1>File note: retention of e-mail forming part of the case record</h1>
<p>Author: {p("PERSON", "Gillian Ross")}, Area Records Manager – tel. {p("PHONE", v.phones["ross_desk"])}
– {p("EMAIL", "gillian.ross@cps.example.com")}<br>Date: 21 November 2005</p>
<p>At its meeting on 15 March 2005 the Area Management Board asked for a note on how e-mail that
forms part of a case record should be kept. This note records the position agreed with the Head of
the Trials Unit, {p("PERSON", "Jonathan Eastwood")}, and the Departmental Records Officer on 17 November 2005.</p>
<h2>The problem</h2>
<p>Lawyers and caseworkers exchange a growing share of case correspondence by e-mail: with the
police, counsel, witness care and the court. Most of it stays in personal mailboxes. When a lawyer
leaves, their mailbox is deleted after 90 days and the correspondence is lost to the file. In the
digital case file pilot about one case in five had e-mail that was not on the file, and
recovering mailboxes from back-up tapes cost £4,200 last year.</p>
<h2>Agreed position</h2>
<ol>
<li>Any e-mail that records a decision, an instruction, advice or contact with a victim or witness
is part of the case record and must be saved to the case folder (or printed to the paper file) within
five working days, with its attachments.</li>
<li>Saved e-mail is kept for the same period as the case file: normally five years after the case is
finalised, longer where the file is flagged as of long-term interest (for example murder, appeals,
or cases of high public interest), when it goes to the Departmental Records Officer for appraisal.</li>
<li>Files selected for permanent preservation are transferred to The National Archives under the
Public Records Act 1958; under the “thirty-year rule” that will be when the records are
thirty years old, unless they are retained in the department.</li>
<li>Before transfer, each file is reviewed for sensitive personal information – victims’
medical details, witnesses’ addresses – which may need to be closed under section 40 of
the Freedom of Information Act 2000.</li>
</ol>
<h2>Next steps</h2>
<p>Guidance to all staff by 31 January 2006; a check of ten case folders per unit each quarter,
reported to the Board. Review this note in November 2006.</p>
<p>G.R. 21/11/2005</p>
</body>
</html>
"""
    return plain(html).encode("cp1252"), p
