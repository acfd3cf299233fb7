"""Passages copied verbatim from published judgments of the courts of England and Wales.

Taken from the Akoma Ntoso XML that The National Archives' Find Case Law publishes, as kept in
the test set of the public repository nationalarchives/tna-judgments-parser (`test/judgments/`):
the text of each paragraph as published, tags dropped, one line per paragraph or cover-page line,
superscripts inline ("15TH April 2003"). Labels by hand; conventions in docs/detection.md.
"""

# ruff: noqa: RUF001  (the passages keep the published text's typographic quotes)
from __future__ import annotations

from passage import Passage

B_V_ASHWORTH = "[2003] EWCA Civ 547 (R (B) v Ashworth Hospital Authority), test/judgments/test1.xml"
SHELL_V_DANA = (
    "[2010] EWHC 465 (Comm) (Shell Egypt West Manzala v Dana Gas), test/judgments/test10.xml"
)
EULER_V_MACKAYS = (
    "[2022] EWHC 1918 (Comm) (Euler Hermes v Mackays Stores), test/judgments/test35.xml"
)
MATCH_V_MUZMATCH = "[2022] EWHC 941 (IPEC) (Match Group v Muzmatch), test/judgments/test20.xml"


def J(id: str, split: str, source: str, text: str, labels: str) -> Passage:
    return Passage(id, split, labels, f"Find Case Law {source}", text=text.strip("\n"))


CASELAW: list[Passage] = [
    J(
        "cl-ashworth-cover",
        "dev",
        B_V_ASHWORTH,
        """
Case No: C3/2002/1463
Neutral Citation No: [2003] EWCA Civ 547
IN THE SUPREME COURT OF JUDICATURE
COURT OF APPEAL (CIVIL DIVISION)
ON APPEAL FROM ADMINISTRATIVE COURT
(Sir Richard Tucker)
Royal Courts of Justice
Strand, London, WC2A 2LL
Date: 15TH April 2003
Before :
LORD JUSTICE SIMON BROWN
LORD JUSTICE DYSON
and
LORD JUSTICE SCOTT BAKER
- - - - - - - - - - - - - - - - - - - - -
Between :
THE QUEEN ON THE APPLICATION OF “B”
Appellant
- and -
ASHWORTH HOSPITAL AUTHORITY
Respondent
- - - - - - - - - - - - - - - - - - - - -
Mr Richard Gordon QC and Mr Hugh Southey (instructed by Messrs Roberts, Moore, Nicholas and Jones) for the Appellant
Mr Oliver Thorold (instructed by Messrs Capsticks) for the Respondent
Hearing dates : 31st March and 1st April 2003
""",
        """
        PERSON: Richard Tucker | SIMON BROWN | DYSON | SCOTT BAKER | B | Richard Gordon | Hugh Southey | Oliver Thorold
        ORG: SUPREME COURT OF JUDICATURE | COURT OF APPEAL (CIVIL DIVISION) | ADMINISTRATIVE COURT | ASHWORTH HOSPITAL AUTHORITY | Roberts, Moore, Nicholas and Jones | Capsticks
        ADDRESS: Royal Courts of Justice\\nStrand, London, WC2A 2LL
        POSTCODE: WC2A 2LL
        DATE: 15TH April 2003 | 31st March | 1st April 2003
    """,
    ),
    J(
        "cl-ashworth-facts",
        "dev",
        B_V_ASHWORTH,
        """
4. Save for certain brief interludes, B has been a patient at Ashworth Hospital (“Ashworth”) since 1987.   He is 47 years of age.  He is currently detained under sections 37 and 41 of the Act pursuant to an order made by the Crown Court at Birmingham on 25 August 1987.   He had been convicted of the manslaughter of his girlfriend.  The mental illness specified by the court in making the hospital order was schizophrenia.  Most, if not all, of the clinicians who have had B under their care have been of the view that B also suffers from a psychopathic disorder, being a personality disorder (dissocial type).  B’s case has been considered by the tribunal from time to time.   He has always been classified as suffering from a mental illness, and not a personality disorder.
5. B has been transferred on several occasions to the Raeside Clinic, a medium secure unit.  But on each occasion, there have been problems, and B has been returned to Ashworth.
""",
        """
        PERSON: B
        ORG: Ashworth Hospital | Ashworth | Crown Court at Birmingham | Raeside Clinic
        DATE: 25 August 1987
        SPECIAL_CATEGORY: manslaughter | mental illness | schizophrenia | psychopathic disorder | personality disorder
    """,
    ),
    J(
        "cl-ashworth-experts",
        "dev",
        B_V_ASHWORTH,
        """
6. On 17 August 2000, he applied to the tribunal for an order that he be discharged from liability to be detained.  At that time, he was on the Shelley Ward at Ashworth, and his responsible medical officer (“RMO”) was Dr Kumurajeewa.  He submitted a report to the tribunal for the purposes of the hearing, stating that B most probably had a schizo-affective disorder of the manic type.  Keith Scholey, a psychologist, also submitted a report recommending that B should be placed on a “comorbidity” ward suitable for the needs of patients suffering from problems of both mental illness and personality disorder.  Reports were obtained from experts instructed on behalf of B.  Professor Sashidharan, a psychiatrist, advised that a diagnosis of personality disorder would be “totally inappropriate”.  Eric Bromley, a psychologist, questioned whether B should be detained either for mental illness or personality disorder.
7. Dr Hughes became B’s RMO on 16 August 2001.  In his witness statement dated 27 June 2002, he explains that B is “one of the few patients for whom  the traditional classification systems do not provide a straightforward diagnosis.  He has been diagnosed as suffering from both a mental illness (schizophrenia) and a psychopathic disorder being a personality disorder (dissocial type), a diagnosis with which I completely agree”.
""",
        """
        PERSON: Kumurajeewa | B | Keith Scholey | Sashidharan | Eric Bromley | Hughes
        ORG: Ashworth
        LOCATION: Shelley Ward
        DATE: 17 August 2000 | 16 August 2001 | 27 June 2002
        SPECIAL_CATEGORY: schizo-affective disorder | mental illness | personality disorder | schizophrenia | psychopathic disorder
    """,
    ),
    J(
        "cl-shell-cover",
        "test",
        SHELL_V_DANA,
        """
Case No: 2009 Folio 462
Neutral Citation Number: [2010] EWHC 465 (Comm)
IN THE HIGH COURT OF JUSTICE
QUEEN'S BENCH DIVISION
COMMERCIAL COURT
IN THE MATTER OF AN ARBITRATION CLAIM
AND
IN THE MATTER OF AN ARBITRATION
Royal Courts of Justice
Strand, London, WC2A 2LL
Date: 10 March 2010
Before:
THE HON. MR JUSTICE TOMLINSON
- - - - - - - - - - - - - - - - - - - - -
Between:
(1)  SHELL EGYPT WEST MANZALA GMBH
(2)  SHELL EGYPT WEST QANTARA GMBH
Claimants/
Appellants
- and -
DANA GAS EGYPT LIMITED
(formerly Centurion Petroleum Corporation)
Defendant/ Respondent
- - - - - - - - - - - - - - - - - - - - -
- - - - - - - - - - - - - - - - - - - - -
John McCaughran QC (instructed by Messrs Herbert Smith LLP) for the Claimants/Appellants
Robert Hildyard QC and Richard Hill
(instructed by Messrs Ashurst LLP) for the Defendant/Respondent
Hearing dates: 9 and 10 February 2010
""",
        """
        PERSON: TOMLINSON | John McCaughran | Robert Hildyard | Richard Hill
        ORG: HIGH COURT OF JUSTICE | QUEEN'S BENCH DIVISION | COMMERCIAL COURT | SHELL EGYPT WEST MANZALA GMBH | SHELL EGYPT WEST QANTARA GMBH | DANA GAS EGYPT LIMITED | Centurion Petroleum Corporation | Herbert Smith LLP | Ashurst LLP
        ADDRESS: Royal Courts of Justice\\nStrand, London, WC2A 2LL
        POSTCODE: WC2A 2LL
        DATE: 10 March 2010 | 9 and 10 February 2010
    """,
    ),
    J(
        "cl-shell-arbitrators",
        "test",
        SHELL_V_DANA,
        """
Mr Justice Tomlinson:
1. This is an appeal brought with leave of Gloster J against an arbitration award.  In the arbitration the two Shell companies were Claimants and the Respondent was Centurion Petroleum Corporation, now known as Dana Gas Egypt Limited.  Save where the context otherwise requires I shall simply refer to the parties as Shell and Centurion respectively.  Shell are the Appellants.
3. The arbitrators, Michael Brindle QC, Ali Malek QC and Stephen York, held that Centurion were in repudiatory breach of contract and that they were in further breach in a manner which entitled Shell to exercise the contractual right to rescind.  However they also held that Shell had neither accepted the repudiatory breach as terminating the contract nor exercised their contractual right of rescission.  They had they said exercised a contractual right to terminate on 30 days’ notice pursuant to clause 3.1.8 of the FIA.  That right had been exercised by letter dated 22 December 2006.  On the following day Centurion waived the notice period.  It followed that the FIA terminated by operation of its provisions, and waiver of the notice period, in circumstances which invested Shell with no right to damages or recovery of sums paid under the Agreement.  The arbitrators reserved determination of the quantum of Centurion’s counter-claim.
""",
        """
        PERSON: Tomlinson | Gloster | Michael Brindle | Ali Malek | Stephen York
        ORG: Centurion Petroleum Corporation | Dana Gas Egypt Limited | Shell | Centurion
        DATE: 22 December 2006
    """,
    ),
    J(
        "cl-euler-cover",
        "test",
        EULER_V_MACKAYS,
        """
Neutral citation: [2022] EWHC 1918 (Comm)
Claim No: CL-2021-000561
IN THE HIGH COURT OF JUSTICE
BUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES
COMMERCIAL COURT (QBD)
Royal Courts of Justice
Rolls Building, London, EC4A 1NL
Date: 25 July 2022
Before
Philip Marshall QC (sitting as a Deputy Judge of the High Court)
- - - - - - - - - - - - - - - - - - - - -
Between:
EULER HERMES SA (NV)
acting through its registered branch EULER HERMES UK
Claimant
-and-
(1) MACKAYS STORES GROUP LIMITED
(2) MACKAYS STORES (HOLDINGS) LIMITED
(3) M.E.G. RENEWABLES LIMITED
(4) M.E.G. GLENKILN LIMITED
(5) MACKAYS GROUP TRUSTEES LIMITED
(6) LAROQUE LIMITED
(7) WILLIAM MCILROY SWINDON LIMITED
(8) JANPRO LIMITED
(9) G.E. WORTHINGTON LIMITED
Defendants
- - - - - - - - - - - - - - - - - - - - -
JUDGMENT
- - - - - - - - - - - - - - - - - - - - -
Rebecca Drake (instructed by Gateley Plc) for the Claimants
Iain Quirk QC (instructed by Harper McLeod LLP) on behalf of the First to Third, Fifth to Sixth and Eighth to Ninth Defendants
The Fourth and Seventh Defendants did not appear and were unrepresented
Hearing date: 5 July 2022
- - - - - - - - - - - - - - - - - - - - -
PHILIP MARSHALL QC:
""",
        """
        PERSON: Philip Marshall | PHILIP MARSHALL | Rebecca Drake | Iain Quirk
        ORG: HIGH COURT OF JUSTICE | BUSINESS AND PROPERTY COURTS OF ENGLAND AND WALES | COMMERCIAL COURT (QBD) | High Court | EULER HERMES SA (NV) | EULER HERMES UK | MACKAYS STORES GROUP LIMITED | MACKAYS STORES (HOLDINGS) LIMITED | M.E.G. RENEWABLES LIMITED | M.E.G. GLENKILN LIMITED | MACKAYS GROUP TRUSTEES LIMITED | LAROQUE LIMITED | WILLIAM MCILROY SWINDON LIMITED | JANPRO LIMITED | G.E. WORTHINGTON LIMITED | Gateley Plc | Harper McLeod LLP
        ADDRESS: Royal Courts of Justice\\nRolls Building, London, EC4A 1NL
        POSTCODE: EC4A 1NL
        DATE: 25 July 2022 | 5 July 2022
    """,
    ),
    J(
        "cl-euler-facts",
        "test",
        EULER_V_MACKAYS,
        """
4. Euler carries on the business of providing insurance, bonds, guarantees and other financial instruments.
5. The Defendant companies are all members of the Mackay Stores Group, the principal business of which is or was high street clothing and homeware retail.
6. Mackays Stores Limited ("MSL") was a wholly owned subsidiary of the Second Defendant, Mackay Stores Holdings Limited. MSL was formerly the principal trading company of the Mackay Stores group. MSL went into administration on 4 August 2020, and ceased trading the same day.
7. Euler provided a guarantee and bond facility dated 9 December 2013 to the First Defendant, Mackay Stores Group Limited, and "approved subsidiary companies" (which in the proceedings have been treated as MSL and the Defendants) ("the Facility").  The scope of the Facility was the provision of bonds and guarantees "relating to the contractual obligation of [MSL and the Defendants] as required by parties contracting with [MSL and the Defendants]".
10. A week later, on 16 December 2013, Euler and the Defendants together with MSL  entered into the counter-indemnity ("the Indemnity"). This provided in material part as follows:
""",
        """
        ORG: Euler | Mackay Stores Group Limited | Mackay Stores Group | Mackays Stores Limited | MSL | Mackay Stores Holdings Limited | Mackay Stores
        DATE: 4 August 2020 | 9 December 2013 | 16 December 2013
    """,
    ),
    J(
        "cl-match-cover",
        "dev",
        MATCH_V_MUZMATCH,
        """
Approved judgment for handing down		Match Group LLC v Muzmatch Limited
Neutral Citation Number: [2022] EWHC 941 (IPEC)
Claim no. IP-2020-000080
in the HIGH court OF JUSTICE
BUSINESS AND PROPERTY COURTS OF ENGLAND & WALES
INTELLECTUAL PROPERTY LIST (CHD)
INTELLECTUAL PROPERTY ENTERPRISE COURT
EUROPEAN UNION TRADE MARK COURT
Judgment handed down by email
Date: Wednesday 20 April 2022
Before:
NICHOLAS CADDICK Q.C.
(sitting as a Deputy High Court Judge)
BETWEEN:
(1) MATCH GROUP, LLC
(2) MEETIC SAS
(3) MATCH.COM INTERNATIONAL LIMITED
Claimants
-and-
(1) MUZMATCH LIMITED
(2) SHAHZAD YOUNAS
Defendants
TIM AUSTEN (instructed by Browne Jacobson LLP) for the Claimants
JESSIE BOWHILL (instructed by Bristows LLP) for the Defendants
- - - - - - - - - - - - - - - - - - - - -
Hearing dates: 17th and 18th January 2022
- - - - - - - - - - - - - - - - - - - - -
JUDGMENT
Nicholas Caddick Q.C. (sitting as a Deputy High Court Judge):
""",
        """
        PERSON: NICHOLAS CADDICK | Nicholas Caddick | SHAHZAD YOUNAS | TIM AUSTEN | JESSIE BOWHILL
        ORG: Match Group LLC | Muzmatch Limited | HIGH court OF JUSTICE | BUSINESS AND PROPERTY COURTS OF ENGLAND & WALES | INTELLECTUAL PROPERTY LIST (CHD) | INTELLECTUAL PROPERTY ENTERPRISE COURT | EUROPEAN UNION TRADE MARK COURT | MATCH GROUP, LLC | MEETIC SAS | MATCH.COM INTERNATIONAL LIMITED | MUZMATCH LIMITED | Browne Jacobson LLP | Bristows LLP
        DATE: Wednesday 20 April 2022 | 17th and 18th January 2022
    """,
    ),
    J(
        "cl-match-intro",
        "dev",
        MATCH_V_MUZMATCH,
        """
1. This is an action by the Claimants for trade mark infringement and passing off in relation to the use of the word “match” for online introduction and dating services.
2. Both sides assert that the case is simple or straightforward. Despite this and despite this being heard as a two-day trial in the Intellectual Property Enterprise Court (“IPEC”), there were 21 lever arch files of documents, 4 lever arch files of authorities and each side’s opening submissions ran to more than 70 pages.
3. The Claimants are members of the Match group and are involved in the operation of a number of online dating sites worldwide, including the UK. As no point is taken as regards their precise roles or involvement in that business, I will not seek to distinguish between them and will refer to them collectively as “Match”.
4. Match is the proprietor of a number of registered trade marks in the words or devices and for the goods and services set out in the table below:
Trade Mark	Filing date	Number	Services relied on
MATCH.COM	1 April 1996	EUTM 000182253	Class 42: “information and consultancy services in the nature and field of on-line dating and introduction services”
MATCH.COM	13 January 2017	EUTM 016246639	Class 9: inter alia “downloadable software in the nature of a mobile application for internet-based dating and introduction”
""",
        """
        ORG: Intellectual Property Enterprise Court | IPEC | Match
        LOCATION: UK
        DATE: 1 April 1996 | 13 January 2017
    """,
    ),
    J(
        "cl-ashworth-ward",
        "dev",
        B_V_ASHWORTH,
        """
8. B was transferred to the Newman Ward at Ashworth on 15 December 2000, and was there at the time of the hearing before the tribunal on 8 May 2001.  This is a personality disorder ward as is the Shelley Ward where he had been previously.   At para 5 of his statement, Dr Hughes explains that the reason for the transfer was “to treat the personality disorder traits of the patient”.
9. On 8 May 2001, the tribunal refused B’s application for a discharge from liability to be detained, and did not reclassify his mental disorder.  He, therefore, remained classified as a patient suffering from a mental illness, and not a personality disorder.
10. On 13 August 2001, B’s solicitors wrote to Ashworth expressing concern that he was in a ward for patients diagnosed with a psychopathic disorder.  They referred to a number of reports which, they said, suggested that there was no reason to conclude that B was suffering from a psychopathic disorder.
11. On 15 January 2002, the Chief Executive of Ashworth wrote to B’s solicitors saying:
“The current clinical team who recognise that, clinically, Mr Brogan has a mental illness and personality disorder consider that his needs are best met, at this time, in the Personality Disorder Service.
""",
        """
        PERSON: B | Hughes | Brogan
        ORG: Ashworth | Personality Disorder Service
        LOCATION: Newman Ward | Shelley Ward
        DATE: 15 December 2000 | 8 May 2001 | 13 August 2001 | 15 January 2002
        SPECIAL_CATEGORY: personality disorder@1,2,3 | mental disorder | mental illness | psychopathic disorder
    """,
    ),
    J(
        "cl-shell-background",
        "test",
        SHELL_V_DANA,
        """
5. The arbitrators described the background in this way:
“21. On 29 June 2005 Centurion entered into concession agreements with the Egyptian Government, an Egyptian state owned company known as ‘EGAS’, and CTIP Oil and Gas (‘CTIP’) in respect of the West El Manzala and West El Qantara areas (‘the Concession Agreements’).
22. Under the Concession Agreements Centurion and CTIP were appointed as ‘Contractor’ in respect of the concession areas and were granted, along with EGAS, an exclusive concession to engage in petroleum exploration and exploitation activities.
23. As between Centurion and CTIP, Centurion held 75% of the Contractor’s interest; and CTIP held 25%.
24. After securing the concessions, Centurion approached Shell to discuss whether Shell would be prepared to participate in the venture.  Discussions between the parties, which led to the making of the FIA, took place between about September 2005 and March 2006.
""",
        """
        ORG: Centurion | Egyptian Government | EGAS | CTIP Oil and Gas | CTIP | Shell
        LOCATION: West El Manzala | West El Qantara
        DATE: 29 June 2005
    """,
    ),
]
