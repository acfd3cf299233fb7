# ruff: noqa: E501  (prose and typographic characters are the content here)
"""The MG3 charging decision (PDF) and the MG5 case summary that travels as an e-mail attachment."""

from __future__ import annotations

from . import cast as c
from .pdf import PdfBuilder
from .planted import Planted
from .values import Values


def mg3(v: Values) -> tuple[bytes, Planted]:
    """Report to Crown Prosecutor for charging decision, with the prosecutor's reasons."""
    p = Planted()
    d, w, dr = c.DEFENDANT, c.VICTIM, c.DRANSFIELD
    offence = p.not_personal("LEGISLATION", c.OFFENCE)
    pdf = PdfBuilder(header_left="RESTRICTED (when complete)", header_right="MG 3", footer=c.FOOTER)
    pdf.heading("REPORT TO CROWN PROSECUTOR FOR CHARGING DECISION", size=14)
    pdf.fields(
        [
            ("URN:", p.not_personal("URN", c.URN)),
            ("Police station:", "Millgarth, Leeds (West Yorkshire Police)"),
            ("Defendant:", p("PERSON", d.name)),
            ("Date of birth:", f"{p('DATE_OF_BIRTH', d.dob)} (age 24)"),
            ("Address:", f"{p('ADDRESS', d.address)} {p('POSTCODE', d.postcode)}"),
            ("NI number:", p("NINO", v.defendant_nino)),
            (
                "PNC ID / CRO No:",
                f"{p('PNC_ID', v.defendant_pnc)} / {p('CRO_NUMBER', v.defendant_cro)}",
            ),
            ("Custody status:", "Police bail, s.37(7)(a) PACE, to return 17/08/2004 at 14:00"),
            ("Offence under consideration:", f"Wounding with intent, contrary to {offence}"),
        ],
        label_width=160,
    )
    pdf.heading("Part A - Officer's summary of the evidence", size=12)
    pdf.para(
        f"At about 23:05 on Saturday 14/08/2004 the victim, {p('PERSON', w.name)} (DOB "
        f"{p('DATE_OF_BIRTH', w.dob)}, of {p('ADDRESS', w.address)} {p('POSTCODE', w.postcode)}), "
        f"was smoking outside {c.PUB}, {c.PUB_ADDRESS}. The suspect had been ejected from the pub "
        f"about 15 minutes earlier after an argument with the victim over a game of pool. The "
        f"suspect returned on foot and struck the victim twice with a broken pint glass, to the "
        f"left side of the neck and to the head; the victim raised his left arm to defend himself."
    )
    pdf.para(
        f"Identification: the bar supervisor, {p('PERSON', c.KENDRICK.name)}, had served the "
        f"suspect on three or four previous occasions and had ejected him that night. She watched "
        f"the assault through the front window from about four metres under good lighting. A "
        f"private hire driver, {p('PERSON', c.HUSSAIN.name)}, saw a man fitting the same description "
        f"take a glass from the boot of a silver Vauxhall Astra, break it against a wall, walk to "
        f"the pub and run back; he wrote down the registration, {p('VEHICLE_REG', v.vehicle)}. "
        f"DVLA shows the registered keeper as {p('PERSON', dr.name)}, of "
        f"{p('ADDRESS', dr.address)} {p('POSTCODE', dr.postcode)}, the suspect's partner."
    )
    pdf.para(
        "The suspect was arrested at his home address at 06:40 on 15/08/2004. A white checked "
        "shirt with apparent blood staining was seized from the washing basket (MF/3). At "
        "interview, with his solicitor present, he read a prepared statement: he accepted being "
        "in the pub and arguing with the victim, said the victim 'came at him' outside, and that he "
        "'lashed out' with a glass he was already holding. He made no comment to all other "
        "questions. The broken glass (RA/1) has been submitted for fingerprints; the pub's CCTV "
        "tape (SLK/1) is being viewed."
    )
    pdf.para(
        "Previous convictions (PNC print attached): 5 convictions for 9 offences between 1997 "
        "and 2003, including assault occasioning actual bodily harm (2001), affray (1999) and "
        "possession of an offensive weapon in a public place (2003)."
    )
    pdf.heading("Part B - Victim's injuries and medical information", size=12)
    pdf.para(
        f"The victim was taken by ambulance to the Accident and Emergency Department, Leeds "
        f"General Infirmary (hospital notes under NHS number {p('NHS_NUMBER', v.victim_nhs)}). "
        f"A 7 cm {p('SPECIAL_CATEGORY', 'laceration to the left side of the neck')} below the "
        f"angle of the jaw, passing within 1 cm of the external jugular vein, was closed with 16 sutures; a 4 cm "
        f"laceration to the left forearm (a defensive injury) was closed with 6 sutures. He was "
        f"admitted overnight for observation and discharged on 16/08/2004. Permanent scarring to "
        f"the neck is expected."
    )
    pdf.para(
        f"The notes record that Mr Whitcombe has {p('SPECIAL_CATEGORY', 'insulin-dependent (type 1) diabetes')}; "
        f"his blood glucose on arrival was 6.1 mmol/L, within the normal range. The defence may "
        f"suggest his behaviour was affected by his condition; the reading does not support that. "
        f"He has told the OIC that his GP has referred him for "
        f"{p('SPECIAL_CATEGORY', 'counselling for anxiety and disturbed sleep')} since the assault. "
        f"These details are for the prosecutor only and must not be served without consideration."
    )
    pdf.heading("Part C - Officer in the case", size=12)
    pdf.fields(
        [
            ("Officer:", f"DC 2318 {p('PERSON', c.OIC_NAME)}, Leeds District CID"),
            (
                "Telephone:",
                f"{p('PHONE', v.phones['fairbrother_desk'])} (desk), "
                f"{p('PHONE', v.phones['fairbrother_mobile'])} (mobile)",
            ),
            ("E-mail:", p("EMAIL", c.OIC_EMAIL)),
        ]
    )
    pdf.heading("Part D - Crown Prosecutor's decision", size=12)
    pdf.fields([("Decision:", "CHARGE"), ("Test applied:", "Full Code Test")])
    pdf.para(
        f"Charge: On the 14th day of August 2004 at Leeds unlawfully and maliciously wounded "
        f"{p('PERSON', 'Daniel Peter Whitcombe')} with intent to do him grievous bodily harm. Contrary to {offence}.",
        bold=True,
    )
    pdf.para(
        "Evidential stage: the identification by Miss Kendrick is of good quality under the "
        "Turnbull guidelines - prior sightings, a confrontation twenty minutes before, good "
        "lighting, short distance and an unobstructed view. It is supported by Mr Hussain's "
        "description, by the vehicle registered to the suspect's partner and by the suspect's "
        "own account, which places him at the scene with a glass in his hand. Intent to cause "
        "really serious harm can be inferred from the weapon (a deliberately broken glass), the "
        "target (the neck), two blows, and the premeditation shown by his leaving, collecting the "
        "glass from the car and returning. Self-defence is not realistic: the victim was unarmed, "
        "was outside smoking, and the suspect came back to him. There is a realistic prospect of "
        "conviction for the s.18 offence."
    )
    pdf.para(
        "Public interest: a premeditated attack with a weapon in a public place causing a "
        "serious injury, by a man with previous convictions for violence. A prosecution is "
        "clearly required. Section 20 is to be added as an alternative count on the indictment; "
        "a plea to s.20 alone is not acceptable on the present evidence. Bad character: consider "
        "an application once Part 11 of the Criminal Justice Act 2003 is in force."
    )
    pdf.para(
        "Bail: the police should object to bail - risk of further offences and of interference "
        "with witnesses (the bar supervisor is known by sight to the suspect's associates)."
    )
    pdf.heading("Action plan (OIC, by 31/08/2004 unless stated)", size=11)
    for n, item in enumerate(
        [
            "VIPER identification procedures with Miss Kendrick and Mr Hussain.",
            f"Section 9 statement from Dr {p('PERSON', c.DOCTOR)} (A&E, LGI) with body map and "
            f"photographs of the injuries; limit exhibited notes to the injuries.",
            "Fingerprint result on RA/1; blood on MF/3 to be compared with the victim's sample.",
            "Edited CCTV copy (SLK/1) with stills from the front-door camera, 23:04 to 23:07.",
            "Trace and interview Kelly Marie DRANSFIELD as the possible driver; submit the "
            "interview record before any decision is made on her.",
            "Obtain the 999 call recording and the ambulance patient report form.",
        ],
        start=1,
    ):
        pdf.para(f"{n}. {item}", indent=12, after=3)
    pdf.space(6)
    pdf.fields(
        [
            ("Crown Prosecutor:", f"{p('PERSON', c.LAWYER)}, Senior Crown Prosecutor"),
            ("Unit:", "CPS West Yorkshire - Leeds Trials Unit"),
            ("Telephone:", p("PHONE", v.phones["marchbank_desk"])),
            ("Date / time:", "17/08/2004 16:05"),
        ]
    )
    pdf.rule()
    pdf.para(
        f"Endorsement (added 24/08/2004, A. Pickersgill): first appearance {c.MAGS_COURT} "
        f"18/08/2004; sent to {p.not_personal('COURT', c.CROWN_COURT)} under s.51 Crime and "
        f"Disorder Act 1998; remanded in custody. Crown Court case number "
        f"{p.not_personal('CASE_NUMBER', c.CASE_NO)}. Plea and Directions Hearing 22/10/2004.",
        size=9.5,
    )
    data = pdf.to_bytes(
        title=f"MG3 Charging decision - R v {d.short}",
        author=c.LAWYER,
        subject=f"URN {c.URN}",
        when=c.D_MG3,
    )
    return data, p


def mg5(v: Values) -> tuple[bytes, Planted]:
    """The case summary as amended by the prosecutor and served on the defence."""
    p = Planted()
    d = c.DEFENDANT
    pdf = PdfBuilder(header_left="RESTRICTED (when complete)", header_right="MG 5", footer=c.FOOTER)
    pdf.heading("CASE SUMMARY (amended by CPS, served 04/10/2004)", size=14)
    pdf.fields(
        [
            ("URN:", p.not_personal("URN", c.URN)),
            (
                "Court / case no:",
                f"{p.not_personal('COURT', c.CROWN_COURT)}, "
                f"{p.not_personal('CASE_NUMBER', c.CASE_NO)}",
            ),
            ("Defendant:", f"{p('PERSON', d.name)}, born {p('DATE_OF_BIRTH', d.dob)}"),
            ("PNC ID:", p("PNC_ID", v.defendant_pnc)),
            ("Charge:", f"Wounding with intent, contrary to {c.OFFENCE}"),
        ]
    )
    pdf.para(
        f"On Saturday 14 August 2004 the defendant was asked to leave {c.PUB}, Calder Row, Leeds, "
        f"after an argument over a game of pool with {p('PERSON', 'Daniel WHITCOMBE')}. About "
        f"fifteen minutes later he returned in a silver Vauxhall Astra, registration "
        f"{p('VEHICLE_REG', v.vehicle)}, took a pint glass from the boot, broke it "
        f"against a wall and walked to the pub, where Mr Whitcombe was smoking outside. He struck "
        f"Mr Whitcombe twice with the broken glass, causing a 7 cm wound to the neck and a 4 cm "
        f"wound to the forearm, and ran back to the car, which was driven away."
    )
    pdf.para(
        f"The assault was seen by the bar supervisor, {p('PERSON', 'Sarah KENDRICK')}, who had "
        f"ejected the defendant earlier, and in part by a taxi driver, {p('PERSON', 'Imran HUSSAIN')}, "
        f"who noted the registration. The car is registered to the defendant's partner. The "
        f"defendant was arrested on 15 August 2004. In a prepared statement he claimed he had "
        f"acted in self-defence; he otherwise made no comment."
    )
    pdf.para(
        "Prosecution witnesses: Sarah KENDRICK (bar supervisor); Imran HUSSAIN (private hire "
        "driver); Daniel WHITCOMBE (victim); Dr F. Castleton (A&E); PC 4471 AMBERLEY; DC 2318 "
        "FAIRBROTHER (OIC). Exhibits: SLK/1 CCTV tape; RA/1 broken glass; MF/3 shirt; IQH/1 "
        "job sheet."
    )
    data = pdf.to_bytes(
        title=f"MG5 Case summary - R v {d.short}",
        author=c.LAWYER,
        subject=f"{c.CROWN_COURT} {c.CASE_NO}",
        when=c.D_EMAIL,
    )
    return data, p
