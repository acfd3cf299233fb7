# ruff: noqa: E501  (prose and typographic characters are the content here)
"""Two MG11-style witness statements: Sarah Kendrick (PDF, three pages) and Imran Hussain (DOCX)."""

from __future__ import annotations

import docx
from docx.shared import Pt

from . import cast as c
from .docxio import add_para, base_style, docx_bytes, header_footer
from .pdf import PdfBuilder
from .planted import Planted, plain
from .values import Values

DECLARATION = (
    "This statement (consisting of {pages} page(s) each signed by me) is true to the best of my "
    "knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be "
    "liable to prosecution if I have wilfully stated in it anything which I know to be false, or do "
    "not believe to be true."
)
ACT_LINE = "(CJ Act 1967, s.9; MC Act 1980, ss.5A(3)(a) and 5B; MC Rules 1981, r.70)"


def kendrick_statement(v: Values) -> tuple[bytes, Planted]:
    """The bar supervisor's eyewitness account, with the MG11 rear page of contact details."""
    p = Planted()
    k, d, w = c.KENDRICK, c.DEFENDANT, c.VICTIM
    urn = p.not_personal("URN", c.URN)
    body = [
        f"I am the above named person and I live at the address overleaf. I have worked at "
        f"{c.PUB}, {c.PUB_ADDRESS}, for about two years and for the last eight months I have been "
        f"a bar supervisor there. On Saturday nights I am usually in charge of the bar from 6pm "
        f"until we close at 11.30pm, working under the licensee, {p('PERSON', c.LICENSEE)}, who "
        f"was upstairs in the flat for most of the evening.",
        "On Saturday 14th August 2004 I started work at 6pm. It was a busy night because of a "
        "birthday party in the back room, and we had two door staff on from 8pm, Dean and another "
        "lad from the agency whose name I do not know.",
        f"At about 10.15pm I noticed a group of four men standing by the pool table near the side "
        f"door. One of them I now know to be {p('PERSON', 'Lee HARTIGAN')}. I did not know his "
        f"name at the time but I had seen him in the pub perhaps three or four times before over "
        f"the summer, usually on a Friday or Saturday, and I had served him myself. He is a white "
        f"man, about 25 years old, about 5'10\" tall, of stocky build, with very short dark hair, "
        f"almost shaved, and a small scar through his left eyebrow. He was wearing a white checked "
        f"short-sleeved shirt, dark jeans and white trainers, and a gold chain round his neck.",
        f"At about 10.40pm I heard raised voices from the pool table. I looked over and saw "
        f"HARTIGAN shouting at another man, who I now know to be {p('PERSON', 'Daniel WHITCOMBE')}. "
        f"I know Daniel as a regular; he comes in most weekends with his workmates from the "
        f"warehouse at Kirkstall and I have never had any trouble with him. I heard HARTIGAN say "
        f'something like "You owe me for that, you don\'t walk away from me", and Daniel held his '
        f'hands up with his palms out and said "Calm down mate, it\'s a game of pool". It looked '
        f"to me as if the argument was about money on the game.",
        "I went over with Dean from the door staff and told HARTIGAN that he had to leave. He "
        'swore at me, called me a "stupid cow" and said that Daniel had "mugged him off". Dean '
        "walked him to the front door and out onto Calder Row. That was at about 10.50pm. The men "
        "he had been with finished their drinks and left a few minutes later by the same door. "
        "Daniel stayed with his friends at a table near the bar. He did not seem drunk to me; I "
        "had served him about four pints over the evening and he was talking normally.",
        "At about 11.05pm Daniel went out of the front door to have a cigarette. There is a "
        "covered area to the left of the front door with a bench where the smokers stand. I was "
        "collecting glasses from the tables by the front window, which looks directly onto that "
        "area through clear glass. The street lighting outside is good and there is also a lamp "
        "over the door, so I had a clear view.",
        "I saw HARTIGAN walk quickly up Calder Row from the direction of the taxi rank at the "
        "bottom of the hill. He went straight up to Daniel. I could see he had something in his "
        "right hand, held down by his side. Daniel turned towards him. I did not hear what was "
        "said but it was only a couple of seconds. HARTIGAN then swung his right arm up in a fast, "
        "sweeping movement towards the left side of Daniel's neck. Daniel put his left arm up and "
        "staggered back against the wall. I saw HARTIGAN swing his arm a second time at Daniel's "
        "head. I then saw blood on Daniel's neck and on his shirt, a lot of it, and he fell "
        "sideways onto the bench.",
        "I shouted to Dean and ran to the door. By the time I got outside HARTIGAN was running "
        "back down Calder Row towards the taxi rank. I saw him throw something into the gutter "
        "as he ran and I heard glass break. I did not follow him.",
        "Daniel was holding his hand to the side of his neck and blood was coming through his "
        "fingers. I took a bar towel from my apron, pressed it against his neck and told him to "
        "keep still. He kept saying \"he's cut me, he's cut me\". One of his friends rang 999 on "
        "his mobile. I kept pressure on the towel until the ambulance arrived at about 11.20pm. "
        "The police arrived at about the same time. My hands, arms and the front of my black work "
        "top were covered in Daniel's blood.",
        f"I pointed out to the first police officer, PC {p('PERSON', 'AMBERLEY')}, the place in "
        f"the gutter where I had seen HARTIGAN throw something. There was a broken pint glass "
        f"there, a straight-sided glass of the kind we use in the pub, with the base still in one "
        f"piece and the top broken into jagged points.",
        "The whole incident outside lasted perhaps ten seconds. I was about four metres away "
        "through the window and nothing was in the way. I saw HARTIGAN's face clearly as he walked "
        "up, under the lamp, and again as he turned to run. I am in no doubt that it was the same "
        "man I had asked to leave twenty minutes earlier. I would recognise him again and I am "
        "willing to take part in an identification procedure.",
        f"The pub has a CCTV system with a camera over the front door and one covering the bar. "
        f"It records onto VHS tape in the office. At about 1.30am, after Mr ORMEROD had come down "
        f"and stopped the recorder, I took out the tape, labelled and signed it and handed it to "
        f"PC AMBERLEY. I produce this tape as exhibit {p.not_personal('EXHIBIT', 'SLK/1')}. I also "
        f"handed PC AMBERLEY the black top I had been wearing, in a paper bag, which I produce as "
        f"exhibit SLK/2.",
        "Daniel had nothing in his hands apart from his cigarette, and he did nothing to HARTIGAN "
        "outside before he was attacked, other than turn to face him.",
        "I have been shaken by what happened and I have not slept properly since. I am willing "
        "to attend court to give evidence.",
    ]
    pdf = PdfBuilder(
        header_left="RESTRICTED (when complete)", header_right="MG 11", footer=c.FOOTER
    )
    pdf.heading("WITNESS STATEMENT", size=15, after=2)
    pdf.para(ACT_LINE, size=8.5, after=8)
    pdf.fields(
        [
            ("URN:", urn),
            ("Statement of:", p("PERSON", k.name)),
            ("Age if under 18:", "Over 18"),
            ("Occupation:", "Bar supervisor"),
        ]
    )
    pdf.para(DECLARATION.format(pages="three"), size=9.5)
    pdf.fields([("Signature:", "S. Kendrick"), ("Date:", "15/08/2004")])
    pdf.rule()
    for paragraph in body:
        pdf.para(paragraph)
    pdf.para(
        "Signature: S. Kendrick            Signature witnessed by: R. Amberley PC 4471", bold=True
    )
    pdf.page_break()
    pdf.heading("Witness contact details (not to be disclosed to the defence)", size=12)
    pdf.fields(
        [
            ("Home address:", p("ADDRESS", k.address)),
            ("Postcode:", p("POSTCODE", k.postcode)),
            ("Home telephone:", "None"),
            ("Mobile:", p("PHONE", v.phones["kendrick_mobile"])),
            ("E-mail address:", p("EMAIL", k.email)),
            ("Preferred contact:", "Mobile, after 12 noon (works evenings)"),
            ("Male / Female:", "F"),
            ("Date and place of birth:", f"{p('DATE_OF_BIRTH', k.dob)}, Wakefield"),
            ("Ethnicity code:", p("SPECIAL_CATEGORY", "W1 (White - British)")),
            ("Dates NOT available:", "20/09/2004 to 04/10/2004 (holiday abroad)"),
            ("Willing to attend court:", "Yes"),
            ("Special measures:", "None requested; would prefer not to see defendant's associates"),
            ("Statement taken by:", f"PC 4471 {p('PERSON', c.PC_NAME)}"),
            ("Station:", "Millgarth, Leeds"),
            ("Time and place taken:", "13:20 to 15:05, 15/08/2004, at the witness's home address"),
        ],
        label_width=170,
    )
    pdf.para(
        f"Officer's note: witness has blood on her clothing from first aid given to "
        f"{p('PERSON', w.name)}; clothing seized as SLK/2. Witness known to {d.short}'s associates "
        f"by sight - see MG6 for the officer's assessment of risk.",
        size=9.5,
    )
    data = pdf.to_bytes(
        title="MG11 Witness statement - Sarah Louise KENDRICK",
        author=c.PC,
        subject=f"R v {c.DEFENDANT.short} - URN {c.URN}",
        when=c.D_KENDRICK,
    )
    return data, p


def hussain_statement(v: Values) -> tuple[bytes, Planted]:
    """The taxi driver who read the getaway car's number; typed in Word with a contact table."""
    p = Planted()
    h = c.HUSSAIN
    reg = p("VEHICLE_REG", v.vehicle)
    body = [
        "I am a private hire driver and I have worked for Aire Valley Cars of Kirkgate, Leeds, for "
        "about six years. I drive a blue Toyota Avensis licensed by Leeds City Council.",
        f"At about 10.55pm on Saturday 14th August 2004 I was parked on Calder Row, Leeds, on the "
        f"opposite side of the road to {c.PUB}, waiting for a customer who had booked through our "
        f"office for 11.15pm. My car was facing up the hill towards the pub, about 25 metres from "
        f"its front door. The street was well lit. I had my window down because it was a warm night.",
        "While I was waiting, a silver Vauxhall Astra hatchback pulled in about three car lengths "
        "in front of me, on my side of the road, with its engine running and its lights on. There "
        "was a woman in the driver's seat with long fair hair tied back. A man got out of the front "
        "passenger side. He was white, in his mid twenties, stocky, with very short dark hair, and "
        "he was wearing a white checked shirt with short sleeves and dark jeans. He went to the "
        "back of the car, opened the hatch and took out what looked like an empty pint glass. He "
        "knocked it once, hard, against the top of the low wall beside the pavement and I heard it "
        "break. I thought it was odd, but I did not think he meant to use it on anyone.",
        "He then walked quickly up Calder Row towards the pub, holding his right arm down by his "
        "side. I lost sight of him for a few seconds behind a van parked outside the pub. Then I "
        "heard shouting and a woman screaming, and I saw the same man running back down the hill "
        "towards me. He had nothing in his hands now. He jumped into the front passenger seat of "
        "the Astra and it drove off fast past me, down Calder Row and left at the bottom.",
        f"As it passed me I read the registration number. I wrote it down straight away on the "
        f"back of a job sheet from my car: {reg}. I am sure of the number. I read it twice, once "
        f"while the car was stationary in front of me with its lights on and once as it passed me. "
        f"I produce the job sheet on which I wrote the number as exhibit IQH/1.",
        f"I got out of my car and went up to the pub. A man was sitting on the bench outside, "
        f"bleeding heavily from his neck, and a young woman from the bar was holding a towel to it. "
        f"I told the police officer who arrived, PC {p('PERSON', 'AMBERLEY')}, what I had seen and "
        f"gave her the number.",
        "I would recognise the man again. I saw his face for about four or five seconds when he "
        "got out of the car, under the street light, and again for two or three seconds as he ran "
        "back towards the car. I did not know him before. I did not get a good look at the woman "
        "driver and I would not recognise her.",
        "I wear glasses for driving and I was wearing them at the time. My eyes were last tested "
        "in May this year. I am willing to attend court.",
    ]
    doc = docx.Document()
    base_style(doc)
    header_footer(doc, "RESTRICTED (when complete)\t\tMG 11", c.FOOTER)
    add_para(doc, "WITNESS STATEMENT", bold=True, size=15)
    add_para(doc, ACT_LINE, size=8)
    add_para(doc, f"URN: {p.not_personal('URN', c.URN)}")
    add_para(doc, f"Statement of: {p('PERSON', h.name)}")
    add_para(doc, "Age if under 18: Over 18          Occupation: Private hire driver")
    add_para(doc, DECLARATION.format(pages="two"), size=9)
    add_para(doc, "Signature: I. Hussain                    Date: 16/08/2004")
    for paragraph in body:
        add_para(doc, paragraph)
    add_para(
        doc,
        f"Signature: I. Hussain          Signature witnessed by: DC 2318 {p('PERSON', c.OIC_NAME)}",
        bold=True,
    )
    doc.add_page_break()  # type: ignore[no-untyped-call]
    add_para(
        doc, "Witness contact details (not to be disclosed to the defence)", bold=True, size=12
    )
    rows = [
        ("Home address", p("ADDRESS", h.address)),
        ("Postcode", p("POSTCODE", h.postcode)),
        ("Home telephone", p("PHONE", v.phones["hussain_home"])),
        ("Mobile", p("PHONE", v.phones["hussain_mobile"])),
        ("E-mail address", "None"),
        ("Male / Female", "M"),
        ("Date of birth", p("DATE_OF_BIRTH", h.dob)),
        ("Ethnicity code", p("SPECIAL_CATEGORY", "A2 (Asian - Pakistani)")),
        ("Dates NOT available", "Fridays (religious observance) - please avoid if possible"),
        ("Willing to attend court", "Yes"),
        ("Statement taken by", f"{c.OIC}, Leeds District CID"),
        ("Time and place taken", "10:05 to 11:30, 16/08/2004, Millgarth Police Station"),
    ]
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, plain(value)
        cells[0].paragraphs[0].runs[0].bold = True
        for cell in cells:
            cell.paragraphs[0].runs[0].font.size = Pt(10)
    p("SPECIAL_CATEGORY", "religious observance")
    data = docx_bytes(
        doc,
        title="MG11 Witness statement - Imran Qadir HUSSAIN",
        author=c.OIC,
        when=c.D_HUSSAIN,
    )
    return data, p
