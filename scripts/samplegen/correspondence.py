# ruff: noqa: E501  (prose and typographic characters are the content here)
"""The prosecutor's e-mail to the officer in the case (with the MG5 attached) and a file note."""

from __future__ import annotations

from datetime import timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime

from . import cast as c
from .planted import Planted, plain, wrap
from .values import Values

BST = timezone(timedelta(hours=1))
ATTACHMENT_NAME = "MG5 Case summary R v Hartigan (amended).pdf"
DISCLAIMER = (
    "This e-mail and any attachment are intended only for the named addressee and may contain "
    "information that is protectively marked. If you have received it in error, please tell the "
    "sender and delete it. The original of this e-mail was scanned for viruses by the Government "
    "Secure Intranet virus scanning service."
)


def _wrap_block(block: str, width: int = 74) -> str:
    """Wrap each line of a block; numbered items get a hanging indent, as Outlook did."""
    return "\n".join(
        wrap(line, width, hang="   " if line[:2].rstrip(".").isdigit() else "")
        for line in block.split("\n")
    )


def email_to_oic(v: Values, mg5_pdf: bytes) -> tuple[bytes, Planted]:
    """An Outlook-era e-mail (RFC 5322, LF line ends) with the MG5 as a PDF attachment."""
    p = Planted()
    case_no = p.not_personal("CASE_NUMBER", c.CASE_NO)
    paragraphs = [
        f"DC {p('PERSON', 'Fairbrother')},",
        f"R v Lee HARTIGAN - {p.not_personal('COURT', c.CROWN_COURT)} {case_no} - PDH 22 October 2004",
        "Thank you for the file. I attach the MG5 with my amendments. This version was served on "
        "Bartle & Coe today together with the schedule of unused material (MG6C).",
        "Before the PDH I need the following, please, by Friday 15 October:",
        f"1. The VIPER result for Miss Kendrick. Mr Hussain's positive identification is in; I "
        f"understand Miss Kendrick was on holiday until today. Her mobile is "
        f"{p('PHONE', v.phones['kendrick_mobile'])}.\n"
        f"2. A section 9 statement from Dr {p('PERSON', c.DOCTOR)} at the LGI exhibiting the body "
        f"map and the photographs. Please keep the exhibited notes to the injuries: the full "
        f"records mention Mr Whitcombe's {p('SPECIAL_CATEGORY', 'diabetes')} and his referral for "
        f"counselling, which are not relevant to the issues and should not be served without an "
        f"application.\n"
        "3. The fingerprint result on the glass (RA/1) and the blood comparison on the shirt "
        "(MF/3).\n"
        "4. An edited copy of the CCTV (SLK/1) with stills from the front-door camera, 23:04 to "
        "23:07.\n"
        f"5. Progress on tracing {p('PERSON', 'Kelly DRANSFIELD')}, the keeper of "
        f"{p('VEHICLE_REG', v.vehicle)}. If she is interviewed, please let me see the "
        f"record before any decision is made on her.",
        f"Mrs {p('PERSON', c.MOTHER)} (Daniel's mother) has been in touch with my caseworker, "
        f"{p('PERSON', c.CASEWORKER)}. Daniel is anxious about seeing the defendant at court. "
        f"Could you ask the Witness Care Unit to see him about an application for screens.",
        "The trial has provisionally been fixed for the week of 7 February 2005, time estimate "
        "4 days.",
        "Regards",
        f"{p('PERSON', c.LAWYER)}\nSenior Crown Prosecutor\nCPS West Yorkshire - Leeds Trials Unit"
        f"\nTel: {p('PHONE', v.phones['marchbank_desk'])}\n"
        f"{p('EMAIL', c.LAWYER_EMAIL)}",
        "--\nFICTIONAL SAMPLE - Records Reviewer test data - no real person, case or number.",
        DISCLAIMER,
    ]
    body = "\n\n".join(_wrap_block(block) for block in paragraphs) + "\n"
    msg = EmailMessage(policy=policy.default)
    msg["From"] = f"{c.LAWYER} <{p('EMAIL', c.LAWYER_EMAIL)}>"
    msg["To"] = f'"Fairbrother, Michael DC 2318" <{p("EMAIL", c.OIC_EMAIL)}>'
    msg["Subject"] = f"R v HARTIGAN {c.CASE_NO} - PDH 22/10 - MG5 and outstanding actions"
    msg["Date"] = format_datetime(c.D_EMAIL.replace(tzinfo=BST))
    msg["Message-ID"] = "<20041004154210.5D2A7@cps.example.com>"
    msg["X-Mailer"] = "Microsoft Outlook, Build 10.0.6626"
    msg["X-Sample"] = "FICTIONAL SAMPLE"
    msg.set_content(plain(body))
    msg.add_attachment(mg5_pdf, maintype="application", subtype="pdf", filename=ATTACHMENT_NAME)
    msg.set_boundary("----=_NextPart_000_0007_01C4AA3C.5D2A7F10")
    return msg.as_bytes(), p


def file_note(v: Values) -> tuple[bytes, Planted]:
    """A caseworker's attendance note of a call from the victim's mother (plain UTF-8 text)."""
    p = Planted()
    head = f"""CPS WEST YORKSHIRE - LEEDS TRIALS UNIT
FILE NOTE - TELEPHONE ATTENDANCE                 *** FICTIONAL SAMPLE ***

URN:    {p.not_personal("URN", c.URN)}
Case:   R v Lee Anthony HARTIGAN
Date:   02/09/2004    Time: 11:40 - 11:55
By:     {p("PERSON", c.CASEWORKER)}, Caseworker
"""
    paragraphs = [
        f"Incoming call from Mrs {p('PERSON', c.MOTHER)}, mother of the victim "
        f"{p('PERSON', 'Daniel WHITCOMBE')}, on {p('PHONE', v.phones['whitcombe_mother'])}. "
        f"Daniel is living with her at present, at {p('ADDRESS', '58 Kestrel Bank, Horsforth, Leeds')} "
        f"{p('POSTCODE', 'LS18 4JD')}, and she asked that letters go there for the next few weeks.",
        f"She said Daniel had his stitches out at the LGI last week. The scar on his neck is "
        f'"angry" and he is self-conscious about it. He is not sleeping and his GP has referred '
        f"him for {p('SPECIAL_CATEGORY', 'counselling for anxiety')}. His "
        f"{p('SPECIAL_CATEGORY', 'diabetes has been hard to control')} since the assault and he "
        f"has been off work for three weeks.",
        "She asked whether Daniel will have to be in the same room as the defendant at court. I "
        "explained in general terms that the court can allow screens and that the Witness Care "
        "Unit would talk to Daniel about this. I did not discuss the evidence.",
        f"She also asked about compensation and read out Daniel's National Insurance number "
        f"({p('NINO', v.victim_nino)}) in case we needed it for a claim. I told her the CPS "
        f"does not deal with claims to the Criminal Injuries Compensation Authority and gave her "
        f"the CICA helpline number from the leaflet. We do not need his NI number; noted here "
        f"only because it was given.",
    ]
    tail = """Action:
- E-mail OIC (DC 2318 FAIRBROTHER) re screens and change of address - done 12:05.
- Note for HM (lawyer) before PDH on 22/10/2004.

AP 02/09/2004
"""
    text = "\n\n".join([head.rstrip("\n"), *(wrap(para, 88) for para in paragraphs), tail])
    return plain(text).encode("utf-8"), p
