"""Passages cut from the shared corpus's 121 DOCX (Crown copyright, Open Government Licence v3.0).

Labels by hand; conventions in docs/detection.md. `file` is relative to the corpus folder.
"""

# ruff: noqa: RUF001  (the passages keep the published text's typographic quotes)
from __future__ import annotations

from passage import Passage


def P(id: str, split: str, file: str, anchor: str, labels: str, **kw: int) -> Passage:
    return Passage(id, split, labels, f"uk-gov-docs {file}", file=file, anchor=anchor, **kw)  # type: ignore[arg-type]


CORPUS_PASSAGES: list[Passage] = [
    P(
        "em-hanoman",
        "dev",
        "em/ukdsiem_9780111100493_en.docx",
        "13. \tContact",
        """
        PERSON: Laura Hanoman
        ORG: HM Treasury | FCA | Government
        PHONE: 0207 270 5507
        EMAIL: laura.hanoman@hmtreasury.gsi.gov.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-gokce",
        "test",
        "em/ukdsiem_9780111101988_en.docx",
        "13. \tContact",
        """
        PERSON: Carol Gokce
        ORG: Cabinet Office | Electoral Commission | Commission
        PHONE: 0207 271 2679
        EMAIL: carol.gokce@cabinet-office.gsi.gov.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-sutton",
        "dev",
        "em/ukdsiem_9780111540145_en.docx",
        "Contact.",
        """
        PERSON: Heather Sutton
        ORG: National Offender Management Service | Ministry of Justice | NOMS
        PHONE: 0300 0474743
        EMAIL: Heather.Sutton@noms.gsi.gov.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-ogilvie",
        "test",
        "em/uksiem_20132911_en.docx",
        "13.\tContact",
        """
        PERSON: Karen Ogilvie
        ORG: HMRC | HM Treasury
        PHONE: 03000 585719
        EMAIL: karen.ogilvie@hmrc.gsi.gov.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-ctlt",
        "dev",
        "em/uksiem_20140198_en.docx",
        "Contact\n\n13.1",
        """
        ORG: Counter-Terrorism Legislation Team | Home Office | Commissioner for the Retention and Use of Biometric Material
        EMAIL: counterterrorismlegislation@homeoffice.x.gsi.gov.uk
        ADDRESS: 2 Marsham Street, Peel 5th Floor, London SW1P 4DF
        POSTCODE: SW1P 4DF
    """,
        before=700,
        after=300,
    ),
    P(
        "em-ahmed",
        "test",
        "em/uksiem_20150135_en.docx",
        "13. \tContact",
        """
        PERSON: Matthew Ahmed
        ORG: Department for Communities and Local Government | DCLG | HM Treasury
        PHONE: 0207 270 1708
        EMAIL: matthew.ahmed@hmtreasury.gsi.gov.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-bowell",
        "dev",
        "em/uksiem_20151873_en.docx",
        "Contact\n\nMarcus",
        """
        PERSON: Marcus Bowell
        ORG: Commission
        LOCATION: Hertfordshire@0 | England
        PHONE: 0330 500 1250
        EMAIL: marcus.bowell@lgbce.org.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-frew",
        "test",
        "em/uksiem_20160934_en.docx",
        "Contact\nJenny",
        """
        PERSON: Jenny Frew
        ORG: Department for Communities and Local Government | Government
        PHONE: 0303 444 1343
        EMAIL: jenny.frew@communities.gsi.gov.uk
    """,
        before=650,
        after=300,
    ),
    P(
        "em-marsden",
        "dev",
        "em/ukdsiem_9780111100240_en.docx",
        "13. \tContact",
        """
        PERSON: Judith Marsden
        ORG: Department for Environment, Food and Rural Affairs | Defra | AWB
        PHONE: 0207-238-5748 | 07827-821645
        EMAIL: Judith.marsden@defra.gsi.gov.uk
    """,
        before=800,
        after=300,
    ),
    P(
        "em-psmith",
        "test",
        "em/ukdsiem_9780111100325_en.docx",
        "Contact\n\nPaul Smith",
        """
        PERSON: Paul Smith
        ORG: Department for Business, Innovation and Skills
        PHONE: 020 7215 4164
        EMAIL: pauld.smith@bis.gsi.gov.uk
        DATE: 8 November 1990
    """,
        before=300,
        after=500,
    ),
    P(
        "em-copeland",
        "dev",
        "em/ukdsiem_9780111101568_en.docx",
        "13. Contact",
        """
        PERSON: James Copeland
        ORG: Cabinet Office | EC
        PHONE: 0207 271 2756
        EMAIL: James.copeland@cabinet-office.gsi.gov.uk
    """,
        before=700,
        after=300,
    ),
    P(
        "em-haswell",
        "test",
        "em/uksiem_20180888_en.docx",
        "Contact\nTom",
        """
        PERSON: Tom Haswell
        ORG: Cabinet Office | Government | Statistics Board | Board | Parliament
        PHONE: 020 7276 0004
        EMAIL: tom.haswell@cabinetoffice.gov.uk
    """,
        before=800,
        after=300,
    ),
    P(
        "em-herrigan",
        "dev",
        "em/uksiem_20190461_en.docx",
        "Contact\nAnn",
        """
        PERSON: Ann Herrigan | Qudsi Rasheed | Alan Duncan
        ORG: Foreign and Commonwealth Office | Parliament
        PHONE: 020 7008 3830
        EMAIL: Sanctions.SIs@fco.gov.uk
    """,
        before=500,
        after=500,
    ),
    P(
        "em-evans",
        "test",
        "em/uksiem_20220252_en.docx",
        "Contact\nLaurence",
        """
        PERSON: Laurence Evans | Laura Bealin-Kelly | James Stevens | Paul Scully
        ORG: Department for Business, Energy and Industrial Strategy | Department of Business, Energy and Industrial Strategy | Labour Markets Directorate | Certification Officer
        PHONE: 0207 215 6086 | 0207 215 8258
        EMAIL: laurence.evans@beis.gov.uk | laura.bealin-kelly@beis.gov.uk
    """,
        before=400,
        after=700,
    ),
    P(
        "em-gilchrist",
        "dev",
        "em/uksiem_20220503_en.docx",
        "Contact\nThe Child",
        """
        PERSON: Duncan Gilchrist | Stedman-Scott
        ORG: Child Maintenance Policy Team | Department for Work and Pensions | Child Maintenance Service | CMS
        EMAIL: childmaintenance.policyqueries@dwp.gov.uk
        LOCATION: Scotland
    """,
        before=300,
        after=800,
    ),
    P(
        "em-alsop",
        "test",
        "em/uksiem_20221247_en.docx",
        "Contact\nFor REGOs",
        """
        PERSON: Tim Alsop | Vina Krishnarajah | Helena Charlton | Jess Skillbeck | Graham Stuart
        ORG: Department for Business, Energy and Industrial Strategy | Department for Business, Energy & Industrial Strategy | EU
        PHONE: 07881 251 573 | 0207 215 6361
        EMAIL: tim.alsop@beis.gov.uk | vina.krishnarajah@beis.gov.uk
        LOCATION: Great Britain
    """,
        before=300,
        after=700,
    ),
    P(
        "em-barlow",
        "dev",
        "em/uksiem_20230588_en_003.docx",
        "Contact\nJonathan",
        """
        PERSON: Jonathan Barlow | David Harding | Vere of Norbiton
        ORG: Department for Transport
        PHONE: 07977 418563
        EMAIL: jonathan.barlow@dft.gov.uk
    """,
        before=300,
        after=700,
    ),
    P(
        "em-gosling",
        "test",
        "em/uksiem_20240868_en_001.docx",
        "Contact\nDavid",
        """
        PERSON: Stephen Kinnock | Kathryn Glover | Helen Lovell | David Gosling
        ORG: Department of Health and Social Care
        EMAIL: prescribingpolicy@dhsc.gov.uk
        LOCATION: Great Britian | Northern Ireland | Great Britain
        DATE: 2nd September 2024 | 27th August | Tuesday 3rd September
    """,
        before=300,
        after=700,
    ),
    P(
        "em-redfern",
        "dev",
        "em/uksiem_20250133_en_001.docx",
        "Contact\nJack",
        """
        PERSON: Stephanie Peacock | Helen Martin | Jo Warner | Jack Redfern
        ORG: Department for Culture, Media and Sport
        EMAIL: bbcteam@dcms.gov.uk
        LOCATION: United Kingdom | Isle of Man | Channel Islands
    """,
        before=300,
        after=1000,
    ),
    P(
        "ia-ellis",
        "test",
        "ia/ukia_20140204_en.docx",
        "Title: Drug Driving",
        """
        ORG: Department for Transport | Ministry of Justice | Home Office | Department of Health | RPC
        LOCATION: England and Wales
        DATE: 27 June 2014
        EMAIL: Martin.Ellis@dft.gsi.gov.uk
    """,
        before=0,
        after=900,
    ),
    P(
        "ia-sullivan",
        "dev",
        "ia/ukia_20190092_en.docx",
        "Title:",
        """
        PERSON: Richard Sullivan
        ORG: DCMS | Ofcom | RPC | European Union | EU
        DATE: 01/02/2019
        PHONE: 020 7211 2858
        EMAIL: richard.sullivan@culture.gov.uk
        LOCATION: UK
    """,
        before=0,
        after=900,
    ),
    P(
        "ia-halka",
        "test",
        "ia/ukia_20220117_en.docx",
        "Neonatal Care",
        """
        PERSON: Bryan Halka | Elena Hartley
        ORG: Department for Business, Energy and Industrial Strategy | RPC
        LOCATION: UK
    """,
        before=0,
        after=900,
    ),
    P(
        "ia-leckie",
        "dev",
        "ia/ukia_20140101_en.docx",
        "Signed by",
        """
        PERSON: Younger of Leckie
        ORG: EU
        DATE: 23 March 14
    """,
        before=550,
        after=400,
    ),
    P(
        "ia-curnow",
        "test",
        "ia/ukia_20190008_en.docx",
        "Signed by",
        """
        PERSON: John Curnow
        ORG: EU
        LOCATION: UK
        DATE: 8 November 2018
    """,
        before=500,
        after=350,
    ),
    P(
        "ia-callanan",
        "dev",
        "ia/ukia_20220111_en.docx",
        "Signed by",
        """
        PERSON: Callanan
        ORG: BEIS
        DATE: 28/03/2022
    """,
        before=550,
        after=300,
    ),
    P(
        "en-hansard",
        "test",
        "en/ukpgaen_20170035_en.docx",
        "Col.227",
        """
        PERSON: Margot James | William Cash
        ORG: European Scrutiny Committee | Parliament | Department for Business, Energy and Industrial Strategy
        DATE: 07.12.2017 | 7 December 2017 | 22.06.2017 | 04.07.2017 | 10.10.2017 | 11.10.2017 | 25.10.2017 | 13.11.2017 | 27.11.2017
    """,
        before=700,
        after=600,
    ),
    P(
        "ia-marnick",
        "dev",
        "ia/ukia_20140170_en.docx",
        "Contact Point",
        """
        PERSON: Philip Marnick | Paul Chapman
        ORG: Ofcom | Spectrum Policy Group | European Union | European Commission | EU
        ADDRESS: Riverside House\\n2a Southwark Bridge Road\\nLondon\\nSE1 9HA
        POSTCODE: SE1 9HA
        PHONE: 020 7981 3069
        DATE: 6 June 2014 | 11 December 2013
        LOCATION: UK
    """,
        before=600,
        after=500,
    ),
    P(
        "em-sloan",
        "test",
        "em/uksiem_20161121_en.docx",
        "Contact\nClare",
        """
        PERSON: Clare Sloan
        ORG: Northern Ireland Office | Commission | Government of Ireland | UK Government
        PHONE: 0289 0527 013
        EMAIL: clare.sloan@nio.gov.uk
        LOCATION: Northern Ireland@0
        DATE: 19 September 2016
    """,
        before=450,
        after=350,
    ),
    P(
        "em-petrou",
        "dev",
        "em/uksiem_20191514_en.docx",
        "Contact\nAlexis",
        """
        PERSON: Alexis Petrou | Bilal Zahid | Julian Smith
        ORG: Northern Ireland Office | Government Equalities Office
        PHONE: 0207 210 0817
        EMAIL: alexis.petrou@nio.gov.uk
        LOCATION: Northern Ireland
    """,
        before=450,
        after=450,
    ),
    P(
        "em-stockdale",
        "test",
        "em/uksiem_20220619_en.docx",
        "Contact\nChris",
        """
        PERSON: Chris Stockdale | Sam Faulkner | Maggie Throup
        ORG: Food Standards Agency | Department of Health and Social Care
        EMAIL: Chris.Stockdale@food.gov.uk
    """,
        before=450,
        after=450,
    ),
    P(
        "em-brownhumes",
        "dev",
        "em/uksiem_20220839_en.docx",
        "Contact\nJames",
        """
        PERSON: James Brown-Humes | Fergus Harradence | Lee Rowley
        ORG: Department for Business, Energy and Industrial Strategy
        PHONE: 020 7215 6278
        EMAIL: James.BrownHumes@beis.gov.uk
    """,
        before=450,
        after=450,
    ),
    P(
        "em-dissem",
        "test",
        "em/uksiem_20221005_en.docx",
        "Contact\nNicola",
        """
        PERSON: Nicola Dissem | Claire Vince | James Duddridge
        ORG: Department for International Trade | EU
        EMAIL: importcontrols@trade.gov.uk
    """,
        before=450,
        after=400,
    ),
    P(
        "em-fanning",
        "dev",
        "em/uksiem_20221377_en.docx",
        "Contact\nJohn-Paul",
        """
        PERSON: John-Paul Fanning | Phil Stevens | Andrew Mitchell
        ORG: FCDO | World Bank Group Board | Foreign, Commonwealth and Development Office | Foreign Commonwealth and Development Office | Multilateral Organisation Performance Network | Independent Commission on Aid Impact | ICAI | Association
        EMAIL: john-paul.fanning@fcdo.gov.uk
        LOCATION: UK
    """,
        before=450,
        after=450,
    ),
    P(
        "em-choudhury",
        "test",
        "em/uksiem_20230532_en_001.docx",
        "Contact\nFarzana",
        """
        PERSON: Farzana Choudhury | Ronan O’Connor | Mims Davies
        ORG: Department for Work and Pensions
        EMAIL: INTERNATIONALACCESSTO.BENEFITPOLICYTEAM@DWP.GOV.UK
        LOCATION: Sudan
        DATE: 15 April 2023
    """,
        before=450,
        after=450,
    ),
    P(
        "em-griffiths",
        "dev",
        "em/uksiem_20241017_en_002.docx",
        "Contact\nStephanie",
        """
        PERSON: Norris | Chandru Dissanayeke | Stephanie Griffiths
        ORG: Ministry of Housing, Communities and Local Government | Architects Registration Board | ARB | Joint Committee on Statutory Instruments
        EMAIL: stephanie.griffiths@communities.gov.uk
    """,
        before=350,
        after=550,
    ),
    P(
        "ia-registrar",
        "test",
        "ia/ukia_20250016_en.docx",
        "Title:",
        """
        ORG: Department for Business and Trade | Companies House | RPC@0,2
        DATE: 28 February 2024
        EMAIL: transparencyandtrust@businessandtrade.gov.uk
    """,
        before=0,
        after=900,
    ),
    P(
        "cop-ministers",
        "dev",
        "cop/uksicop_20180470_en.docx",
        "Ministers",
        """
        ORG: Parliament | National Assembly for\\nWales
    """,
        before=300,
        after=700,
        nth=5,
    ),
    P(
        "ia-lowe",
        "test",
        "ia/ukia_20240134_en.docx",
        " Bill ",
        """
        PERSON: Robert Lowe
        ORG: Companies House
    """,
        before=500,
        after=500,
        nth=2,
    ),
    P(
        "ia-sen",
        "dev",
        "ia/ukia_20250014_en.docx",
        " SEN ",
        """
        LOCATION: England
    """,
        before=450,
        after=500,
    ),
    P(
        "en-ofcom",
        "test",
        "en/ukpgaen_2023_0050_en.docx",
        "Wireless Telegraphy",
        """
        ORG: OFCOM
    """,
        before=450,
        after=500,
    ),
    P(
        "cop-stopsearch",
        "dev",
        "cop/sdsicop_9780111034323_en.docx",
        "date of birth",
        """
    """,
        before=500,
        after=500,
    ),
    P(
        "ia-warner",
        "test",
        "ia/ukia_20140244_en.docx",
        "Title:",
        """
        PERSON: Fiona Warner
        ORG: Intellectual Property Office | IPO | RPC | EU
        LOCATION: UK
        PHONE: 01633 814892
        EMAIL: fiona.warner@ipo.gov.uk
        DATE: 13/06/2013
    """,
        before=0,
        after=700,
    ),
    P(
        "ia-astin",
        "dev",
        "ia/ukia_20190060_en.docx",
        "Title:",
        """
        PERSON: Sebastian Astin-Chamberlain
        ORG: HM Treasury | Department for Exiting the European Union | RPC@3
        EMAIL: Sebastian.astin-chamberlain@hmtreasury.gov.uk
        DATE: 29/01/2019
    """,
        before=0,
        after=800,
    ),
    P(
        "ia-wilmer",
        "test",
        "ia/ukia_20250008_en.docx",
        "Dennis Wilmer, Home",
        """
        PERSON: Dennis Wilmer | Diana Johnson
        ORG: Home Office
        EMAIL: dennis.wilmer@homeoffice.gov.uk
        DATE: 26.11.24
    """,
        before=600,
        after=400,
    ),
    P(
        "ia-aghil",
        "dev",
        "ia/ukia_20250013_en.docx",
        "Final stage impact",
        """
        ORG: Department for Education | Office for Students | OfS
        EMAIL: nabila.aghil@education.gov.uk | matthieu.poullin@education.gov.uk
        DATE: 14th January 2025
    """,
        before=0,
        after=900,
    ),
    P(
        "od-wheeler",
        "test",
        "od/ukdsiod_9780111192825_en.docx",
        "Title:",
        """
        PERSON: Dominic Wheeler
        ORG: Government | Parliament
        EMAIL: dominic.wheeler@hmtreasury.gov.uk
        DATE: 13/01/2020 | 01/04/2020 | 31 March 2025
    """,
        before=0,
        after=900,
    ),
    P(
        "od-hughes",
        "dev",
        "od/uksiod_20190679_en.docx",
        "Title:",
        """
        PERSON: John Hughes
        ORG: EU
        PHONE: 0207 270 4481
        EMAIL: John.Hughes@hmtreasury.gov.uk
        DATE: 05/12/2018 | 17/01/2019
    """,
        before=0,
        after=900,
    ),
    P(
        "od-loughran",
        "test",
        "od/nisrod_20160090_en.docx",
        "taxisact",
        """
        PERSON: Elizabeth Loughran
        ORG: Department | Vehicle Policy Branch | Department of the Environment | Road Safety and Vehicle Regulation Division
        ADDRESS: Clarence Court \\nBelfast, BT2 8GB
        POSTCODE: BT2 8GB
        EMAIL: taxisact@doeni.gov.uk
    """,
        before=800,
        after=100,
    ),
    P(
        "cop-psi",
        "dev",
        "cop/uksicop_20150062_en.docx",
        "psi@",
        """
        ORG: Ministry of Justice | Parliamentary and Health Service Ombudsman | PHSO | MoJ | Local Government Ombudsman | LGO
        EMAIL: psi@nationalarchives.gsi.gov.uk
    """,
        before=700,
        after=300,
    ),
    P(
        "en-ivory",
        "test",
        "en/ukpgaen_20180030_en.docx",
        "Sir Ross",
        """
        PERSON: Henry Robert | Ross, William Charles | Pandelli C. Ralli
        ORG: Victoria and Albert Museum
        LOCATION: London
    """,
        before=600,
        after=450,
    ),
    P(
        "en-judicial",
        "dev",
        "en/ukpgaen_20180033_en.docx",
        "Lord Chief Justice",
        """
        ORG: Judicial Appointments Commission | Crown Court | High Court | FtT | UT
    """,
        before=500,
        after=500,
        nth=3,
    ),
]
