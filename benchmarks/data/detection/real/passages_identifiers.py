"""Real passages carrying identifiers introduced by their context (issue 13's identifier target).

Copied verbatim from public documents (court and tribunal decisions, GOV.UK and council payment
pages, published contact lines): vehicle registrations in Scottish appeal opinions, dates of
birth in tribunal decisions, sort codes, account numbers and IBANs on payment pages, telephone
numbers in transcribers' notes and contact sections. Each passage's `source` names its URL;
`LICENCES` below gives each source's licence. Labels by hand with the conventions of
docs/detection.md ("Real-document evaluation set" and "Identifier set"): every personal datum in
the passage is labelled, not only the identifiers. The split is by source document and was fixed
before the detector was run on any passage.
"""

# ruff: noqa: RUF001  (published text kept as published: typographic quotes)
from __future__ import annotations

from passage import Passage

OJL = "Open Justice Licence (judgments published by The National Archives)"
CROWN_SCOT = (
    "Crown copyright, Scottish Courts; reproduced from BAILII (free public legal information)"
)
CROWN_EW = "Crown copyright (BAILII transcript of an England and Wales judgment)"
TRIB = "Crown copyright; tribunal decision published by HMCTS / BAILII"
OGL = "Open Government Licence v3.0 (GOV.UK / HMRC)"
COUNCIL = (
    "council website, public sector information; licence not stated on the page (short extract)"
)
OTHER = "public web page; licence not stated (short extract kept for evaluation only)"


def P(id: str, split: str, url: str, licence: str, text: str, labels: str) -> Passage:
    return Passage(id, split, labels, f"{url} ({licence})", text=text.strip("\n"))


IDENTIFIER_PASSAGES: list[Passage] = [
    # ---------------- vehicle registrations (Scottish appeal opinions) ----------------
    P(
        "id-vrm-boyd-1",
        "dev",
        "https://beta.bailii.org/scot/cases/ScotHC/2000/72.html",
        CROWN_SCOT,
        """
APPEAL COURT, HIGH COURT OF JUSTICIARY
Lord Cameron of Lochbroom Lord Dawson Lord Caplan |
Appeal No: 2343/99 OPINION OF THE COURT delivered by LORD CAPLAN in STATED CASE in causa DEREK BOYD Appellant; against PROCURATOR FISCAL, Glasgow Respondent: _______ |
Appellant: J.R.A. Hamilton; Drummond Miller
Respondent: P.L. Gray, A.D.; Crown Agent
5 July 2000
[1] On 29 January 1999 the appellant appeared for trial before the sheriff at Glasgow Sheriff Court charged with having, on 22 May 1997, stolen a motor vehicle registered number K979 RGD, or alternatively having resetted the said vehicle.
""",
        """
        PERSON: Cameron of Lochbroom | Dawson | Caplan@0 | CAPLAN | DEREK BOYD | J.R.A. Hamilton | P.L. Gray
        ORG: APPEAL COURT, HIGH COURT OF JUSTICIARY | Drummond Miller | Glasgow Sheriff Court
        LOCATION: Glasgow
        DATE: 5 July 2000 | 29 January 1999 | 22 May 1997
        VEHICLE_REG: K979 RGD
    """,
    ),
    P(
        "id-vrm-boyd-2",
        "dev",
        "https://beta.bailii.org/scot/cases/ScotHC/2000/72.html",
        CROWN_SCOT,
        """
[2] The sheriff sets out in the stated case his findings in fact and to a large degree these are not disputed by the appellant. On 22 May 1997 the complainer Alastair Tompkins parked his car, a Suzuki Vitara registration number K979 RGD outside his house in Netherview Road, Glasgow. The car was stolen on 22 May 1997 and the theft was reported to the police. Some months later on 3 February 1988 the complainer attended at the police stolen car depot where he viewed a white Suzuki Vitara which he identified as being the car which had been stolen from him.
""",
        """
        PERSON: Alastair Tompkins
        LOCATION: Netherview Road, Glasgow
        DATE: 22 May 1997 | 3 February 1988
        VEHICLE_REG: K979 RGD
    """,
    ),
    P(
        "id-vrm-robbie",
        "dev",
        "https://beta.bailii.org/scot/cases/ScotHC/2009/2009HCJAC49.html",
        CROWN_SCOT,
        """
[2009] HCJAC 49
Appeal No: XJ100/08
OPINION OF THE COURT
in the stated case
ROBBIE THE PICT
Appellant;
against
THE PROCURATOR FISCAL, DUMFRIES
Respondent:
15 May 2009
1. Background
[1] The appellant was charged on a summary complaint before the District Court of Dumfries and Galloway at Annan that:
"on 17 November 2006 on the A74(M) Glasgow - Carlisle road, southbound carriageway near to Whicketthorn Overbridge, Kirkpatrick Fleming, being a road subject to the aftermentioned regulations, you... did drive a motor vehicle, namely a motor car registered number M213 USR at a speed exceeding the 70 miles per hour maximum permitted speed namely at a speed of 85 miles per hour;
""",
        """
        PERSON: ROBBIE THE PICT
        ORG: District Court of Dumfries and Galloway
        LOCATION: DUMFRIES | Annan | Glasgow | Carlisle | Whicketthorn Overbridge | Kirkpatrick Fleming
        DATE: 15 May 2009 | 17 November 2006
        VEHICLE_REG: M213 USR
    """,
    ),
    P(
        "id-vrm-michie",
        "dev",
        "https://beta.bailii.org/scot/cases/ScotHC/2000/60.html",
        CROWN_SCOT,
        """
[1] The appellant is Gordon Michie, who stood trial at the Sheriff Court at Paisley on 28 April 1999 on a complaint libelling five charges. After trial, the appellant was convicted of charge 4, which was in the following terms:
"On 3 September 1998 within Paisley Police Office, the driver of a motor vehicle namely motor vehicle registered number E760 BSS being alleged to be guilty of an offence to which the aftermentioned section applies, namely a contravention of the Road Traffic Act 1988, section 3 as amended, section 170(2) and (4) and section 170(3) and (4) which occurred about 2355 hours on 2 September 1998 in Bruce Avenue, Paisley, you GORDON MICHIE being the person keeping said vehicle did fail to give such information as to the identity of the driver of said vehicle as you were required to give by Robert Stewart and Alistair Pollock, both constables of Strathclyde Police on behalf of the Chief Officer of Police, namely the Chief Constable of said Strathclyde Police: CONTRARY to the Road Traffic Act 1988 section 172(2)(a) and (3)."
""",
        """
        PERSON: Gordon Michie | GORDON MICHIE | Robert Stewart | Alistair Pollock
        ORG: Sheriff Court at Paisley | Paisley Police Office | Strathclyde Police
        LOCATION: Bruce Avenue, Paisley
        DATE: 28 April 1999 | 3 September 1998 | 2 September 1998
        VEHICLE_REG: E760 BSS
    """,
    ),
    P(
        "id-vrm-morgan",
        "test",
        "https://beta.bailii.org/scot/cases/ScotHC/2000/95.html",
        CROWN_SCOT,
        """
[3] According to the findings in fact, in August 1998 the appellant was a self-employed steel erector, trading under a business name of "J M Construction". The business was based at his home, and he had employees including one John Fox. In the first or second week of August 1998, he became the owner of a Ford Transit van, registration number P663 LSP, the vehicle being purchased by him in his business name. Because the appellant was disqualified from driving at the time, Mr Fox was registered as the registered keeper. The van was used in connection with the business.
""",
        """
        PERSON: John Fox | Fox
        ORG: J M Construction
        VEHICLE_REG: P663 LSP
    """,
    ),
    P(
        "id-vrm-brown",
        "test",
        "https://beta.bailii.org/scot/cases/ScotHC/2005/HCJAC_52.html",
        CROWN_SCOT,
        """
[1] The appellant faced a complaint in the District Court in Aberdeen in the following terms:"on 18 August 2003 at Nelson Street Police Office, Aberdeen you JAMES BROWN being the person keeping a motor vehicle, namely motor car registered number W594 OSA, and the driver of said motor vehicle being alleged to be guilty of an offence to which the aftermentioned section applies, namely a contravention of the Road Traffic Act 1988, section 89 which occurred at about 1520 hours on 9 July 2003 at St. Machar Drive, Aberdeen did fail to give such information as to the identity of the driver of said vehicle as you were required to give by John Stewart a constable of Grampian Police on behalf of a Chief Officer of Police, namely the Chief Constable of said Grampian Police; CONTRARY to the Road Traffic Act 1988 section 172(2)(a) and (3)."
The appellant pled not guilty and went to trial on 18 February 2004.
[2] At the close of the Crown case, a motion of no case to answer was made on the appellant's behalf which was rejected by the Justice. Accordingly, it is necessary to record the evidence led in support of the Crown case. That evidence came from Police Constable John Stewart and Alexander Robertson, a civilian employed in the Camera Safety Unit of Grampian Police. Both of these witnesses identified the appellant as having attended at Nelson Street Police Office in Aberdeen on 18 August 2003, for the purpose of viewing a video recording of vehicle W594 OSA allegedly committing a speeding offence at St. Machar Drive, Aberdeen
""",
        """
        PERSON: JAMES BROWN | John Stewart | Alexander Robertson
        ORG: District Court in Aberdeen | Nelson Street Police Office | Grampian Police | Camera Safety Unit
        LOCATION: Aberdeen | St. Machar Drive, Aberdeen
        DATE: 18 August 2003 | 9 July 2003 | 18 February 2004
        VEHICLE_REG: W594 OSA
    """,
    ),
    # ---------------- telephone numbers (transcribers' notes on judgments, contact lines) ----------------
    P(
        "id-tel-johnson-mod",
        "dev",
        "https://www.bailii.org/ew/cases/EWCA/Civ/2012/1505.html",
        CROWN_EW,
        """
Neutral Citation Number: [2012] EWCA Civ 1505
Case No: B3/2011/3208
IN THE COURT OF APPEAL (CIVIL DIVISION)
ON APPEAL FROM MEDWAY COUNTY COURT
HHJ SCARRATT
OUA31437
Royal Courts of Justice
Strand, London, WC2A 2LL
21 November 2012
B e f o r e :
LADY JUSTICE HALLETT
LORD JUSTICE ETHERTON
DAME JANET SMITH
____________________
Between:
JOSEPH JOHNSON
Appellant
- and -
MINISTRY OF DEFENCE
and
HOBOURN EATON LIMITED
First Respondent
Second Respondent
____________________
(Transcript of the Handed Down Judgment of
WordWave International Limited
A Merrill Communications Company
165 Fleet Street, London EC4A 2DY
Tel No: 020 7404 1400, Fax No: 020 7831 8838
Official Shorthand Writers to the Court)
____________________
Simon Levene (instructed by Onyems & Partners) for the Appellant
Richard Seabrook (instructed by Kennedys Llp) for the First Respondent
William Vandyck (instructed by DAC Beachcroft Llp) for the Second Respondent
Hearing date: 23rd October 2012
""",
        """
        PERSON: SCARRATT | HALLETT | ETHERTON | JANET SMITH | JOSEPH JOHNSON | Simon Levene | Richard Seabrook | William Vandyck
        ORG: COURT OF APPEAL (CIVIL DIVISION) | MEDWAY COUNTY COURT | MINISTRY OF DEFENCE | HOBOURN EATON LIMITED | WordWave International Limited | Merrill Communications Company | Onyems & Partners | Kennedys Llp | DAC Beachcroft Llp
        ADDRESS: Royal Courts of Justice\\nStrand, London, WC2A 2LL | 165 Fleet Street, London EC4A 2DY
        POSTCODE: WC2A 2LL | EC4A 2DY
        DATE: 21 November 2012 | 23rd October 2012
        PHONE: 020 7404 1400 | 020 7831 8838
    """,
    ),
    P(
        "id-tel-serene",
        "dev",
        "https://www.bailii.org/ew/cases/EWCA/Civ/2016/1379.html",
        CROWN_EW,
        """
Neutral Citation Number: [2016] EWCA Civ 1379
Case No. A2/2015/0654
IN THE COURT OF APPEAL (CIVIL DIVISION)
ON APPEAL FROM THE BIRMINGHAM DISTRICT REGISTRY
(HIS HONOUR JUDGE SIMON BROWN QC)
Royal Courts of Justice
Strand London, WC2A 2LL
3 November 2016
B e f o r e :
LORD JUSTICE TREACY
LORD JUSTICE HAMBLEN
LORD JUSTICE IRWIN
____________________
Between:
SERENE CONSTRUCTION LIMITED
Appellant
v
BARCLAYS BANK PLC
Respondent
____________________
DAR Transcript of the Stenograph Notes of
WordWave International Limited
trading as DTI
165 Fleet Street London EC4A 2DY
Tel No: 020 7404 1400 Fax No: 020 7404 1424
(Official Shorthand Writers to the Court)
____________________
The Appellant appeared in person
Mr N Leslie (instructed by Dentons UKMEA LLP) appeared on behalf of the Respondent
""",
        """
        PERSON: SIMON BROWN | TREACY | HAMBLEN | IRWIN | N Leslie
        ORG: COURT OF APPEAL (CIVIL DIVISION) | BIRMINGHAM DISTRICT REGISTRY | SERENE CONSTRUCTION LIMITED | BARCLAYS BANK PLC | WordWave International Limited | DTI | Dentons UKMEA LLP
        ADDRESS: Royal Courts of Justice\\nStrand London, WC2A 2LL | 165 Fleet Street London EC4A 2DY
        POSTCODE: WC2A 2LL | EC4A 2DY
        DATE: 3 November 2016
        PHONE: 020 7404 1400 | 020 7404 1424
    """,
    ),
    P(
        "id-tel-aster",
        "dev",
        "https://www.bailii.org/ew/cases/EWCA/Civ/2014/1350.html",
        CROWN_EW,
        """
Between:
Aster Healthcare Limited
Appellant
- and -
The Estate of Mr Mohammed Shafi, Deceased (By its Representative Mrs Batool Shafi)
Respondent
____________________
(Transcript of the Handed Down Judgment of
WordWave International Limited
A Merrill Communications Company
165 Fleet Street, London EC4A 2DY
Tel No: 020 7404 1400, Fax No: 020 7831 8838
Official Shorthand Writers to the Court)
____________________
John Brennan (instructed by Harrison Clark Rickerbys Ltd) for the Appellant
Peter Knox QC and Asela Wijeyaratne (instructed by Linklaw Solicitors Limited) for the Respondent
Hearing date: 7 October 2014
""",
        """
        PERSON: Mohammed Shafi | Batool Shafi | John Brennan | Peter Knox | Asela Wijeyaratne
        ORG: Aster Healthcare Limited | WordWave International Limited | Merrill Communications Company | Harrison Clark Rickerbys Ltd | Linklaw Solicitors Limited
        ADDRESS: 165 Fleet Street, London EC4A 2DY
        POSTCODE: EC4A 2DY
        DATE: 7 October 2014
        PHONE: 020 7404 1400 | 020 7831 8838
    """,
    ),
    P(
        "id-tel-lawrence",
        "test",
        "https://www.bailii.org/ew/cases/EWCA/Civ/2012/493.html",
        CROWN_EW,
        """
Neutral Citation Number: [2012] EWCA Civ 493
Case No: B3/2011/1866
IN THE COURT OF APPEAL (CIVIL DIVISION)
ON APPEAL FROM HIGH COURT OF JUSTICE
QUEEN'S BENCH DIVISION, Maidstone County Court
Mr Justice Eady
[2011] EWHC 1590 (QB)
Royal Courts of Justice
Strand, London, WC2A 2LL
26/04/2012
B e f o r e :
LORD JUSTICE LONGMORE
LORD JUSTICE KITCHIN
and
SIR MARK WALLER
____________________
Between:
Josie Lawrence
Appellant
- and -
Kent County Council
Respondent
____________________
(Transcript of the Handed Down Judgment of
WordWave International Limited
A Merrill Communications Company
165 Fleet Street, London EC4A 2DY
Tel No: 020 7404 1400, Fax No: 020 7404 1424
Official Shorthand Writers to the Court)
____________________
Simon Browne QC and Anthony Jounson (instructed by The Compensation Clinic)
for the Appellant
James Dingemans QC and James Hawkins (instructed by Berrymans Lace Mawer LLP)
for the Respondent
Hearing date: 27 March 2012
""",
        """
        PERSON: Eady | LONGMORE | KITCHIN | MARK WALLER | Josie Lawrence | Simon Browne | Anthony Jounson | James Dingemans | James Hawkins
        ORG: COURT OF APPEAL (CIVIL DIVISION) | HIGH COURT OF JUSTICE | QUEEN'S BENCH DIVISION | Maidstone County Court | Kent County Council | WordWave International Limited | Merrill Communications Company | The Compensation Clinic | Berrymans Lace Mawer LLP
        ADDRESS: Royal Courts of Justice\\nStrand, London, WC2A 2LL | 165 Fleet Street, London EC4A 2DY
        POSTCODE: WC2A 2LL | EC4A 2DY
        DATE: 26/04/2012 | 27 March 2012
        PHONE: 020 7404 1400 | 020 7404 1424
    """,
    ),
    P(
        "id-tel-mohammed",
        "test",
        "https://www.bailii.org/ew/cases/EWCA/Crim/2021/1375.html",
        CROWN_EW,
        """
Neutral Citation Number: [2021] EWCA Crim 1375
Case No: 2021/02141/A3
IN THE COURT OF APPEAL
CRIMINAL DIVISION
Royal Courts of Justice
The Strand
London
WC2A 2LL
16th September 2021
B e f o r e :
LADY JUSTICE CARR DBE
MR JUSTICE MARTIN SPENCER
MR JUSTICE BUTCHER
____________________
R E G I N A
- v –
ADNAN ABDUSHAHUR MOHAMMED
____________________
Computer Aided Transcript of Epiq Europe Ltd,
Lower Ground, 18-22 Furnival Street, London EC4A 1JS
Tel No: 020 7404 1400; Email: [email protected] (Official Shorthand Writers to the Court)
____________________
Mr A L Shakoor appeared on behalf of the Appellant
Mr I Howard appeared on behalf of the Crown
""",
        """
        PERSON: CARR | MARTIN SPENCER | BUTCHER | ADNAN ABDUSHAHUR MOHAMMED | A L Shakoor | I Howard
        ORG: COURT OF APPEAL | Epiq Europe Ltd
        ADDRESS: Royal Courts of Justice\\nThe Strand\\nLondon\\nWC2A 2LL | Lower Ground, 18-22 Furnival Street, London EC4A 1JS
        POSTCODE: WC2A 2LL | EC4A 1JS
        DATE: 16th September 2021
        PHONE: 020 7404 1400
    """,
    ),
    P(
        "id-tel-nino-sa1",
        "dev",
        "https://www.tax.service.gov.uk/information/help?helpcategory=shortform&helpid=SA1NINO",
        OGL,
        """
HM Revenue & Customs
National Insurance number
Your National Insurance number is a nine-digit reference made up of letters and numbers in the format QQ123456A. Please enter the reference with no spaces.
The number can be found on your National Insurance card, if you have been sent one. If you are an employee, you can also find your National Insurance number on your payslip or P60 (certificate of pay and tax deducted). You will also find it on most correspondence from HM Revenue & Customs.
You must have a National Insurance number before you can register for Self Assessment. If you do not have a UK National Insurance number you must contact the Department for Work and Pensions on Tel 0845 600 0643.
""",
        """
        ORG: HM Revenue & Customs | Department for Work and Pensions
        LOCATION: UK
        PHONE: 0845 600 0643
    """,
    ),
    P(
        "id-tel-nino-help",
        "test",
        "https://www.tax.service.gov.uk/information/help?helpcategory=businessRegistration&affinitygroup=&helpid=nino",
        OGL,
        """
HM Revenue & Customs
National Insurance Number
A National Insurance Number is a personal reference number. It is unique to an individual and stays the same for life. It makes sure that the National Insurance contributions and tax paid are properly recorded against the individual's name. It also acts as a reference number when communicating with the Department of Work and Pensions and HM Revenue & Customs (HMRC).
It is a 9 character reference made up of letters and numbers in the format QQ123456A. It can be found on the National Insurance notification letter, other letters or forms from the Department for Work and Pensions or HMRC or, on payslips if the individual has been employed.
""",
        """
        ORG: HM Revenue & Customs | HMRC | Department of Work and Pensions | Department for Work and Pensions
    """,
    ),
    P(
        "id-tel-coop",
        "dev",
        "http://www.co-operativebank.co.uk/servlet/Satellite/1213167289695,CFSweb/Page/Business-CustomerServices",
        OTHER,
        """
How to use IBANs
International Bank Account Numbers (IBANs) help ensure swift and error-free transactions when receiving or issuing invoices abroad.
Receiving an invoice
When you receive an invoice containing an IBAN you should quote the IBAN in the account number field on the payment instruction to your bank (without using the word IBAN). For further security, you should also quote the beneficiary’s Bank Identifier Code (BIC) on the payment instruction.
Issuing an invoice
When you issue an invoice please ensure that your IBAN and BIC are included on the invoice. This ensures the person receiving the payment can quote them on their payment instruction. You’ll find both numbers on your bank account statements.
Integrity checks
You can perform an integrity check on an IBAN that has been quoted to you by visiting the Association for Payment and Clearing Services (APACS) website.
For more information, please call the Foreign Services Team on 08457 55 88 88.
""",
        """
        ORG: Association for Payment and Clearing Services | APACS | Foreign Services Team
        PHONE: 08457 55 88 88
    """,
    ),
    P(
        "id-tel-mduk",
        "test",
        "https://admin-prod.musculardystrophyuk.org/get-support/everyday-living/holidays",
        OTHER,
        """
This webpage and factsheet are temporarily unavailable.
We are working on updating our information, and some pages on our website have been taken down temporarily.
If you need information or support on this topic, you can email us at, or call our free helpline on 0800 652 6352. Our helpline is open from Monday to Thursday, 10am to 2pm. If the team are unable to assist with your query, they will do their best to signpost you.
""",
        """
        PHONE: 0800 652 6352
    """,
    ),
    # ---------------- bank details (council and HMRC payment pages) ----------------
    P(
        "id-bank-northwarks",
        "dev",
        "https://northwarks.gov.uk/parking/payments/5",
        COUNCIL,
        """
Standing order payments
Please ensure that you quote your account reference as the payment reference.
We do not provide stationery for standing order payments, and would recommend payment by direct debit instead. However, if you wish to pay your bill by standing order, you will need to provide your bank with the following information:
- Pay: Lloyds Bank plc
- Sort Code 30 00 03
- NWBC Account 00050820
- Date(s) instalments are to be paid
- The amounts to be paid
- Your reference number - IMPORTANT: For the reference, please include only your reference number, such as your council tax reference number, and avoid providing personal information like your name or address
""",
        """
        ORG: Lloyds Bank plc | NWBC
        SORT_CODE: 30 00 03
        BANK_ACCOUNT: 00050820
    """,
    ),
    P(
        "id-bank-ealing-so",
        "dev",
        "https://myaccount.ealing.gov.uk/createnewcase/?processname=Pay%20for%20it (Pay by standing order)",
        COUNCIL,
        """
Pay by standing order
Set up a standing order to pay your service charge or major works charge direct from your bank account. This means you tell the bank what needs to be paid and when.
Before you start
We cannot set up a standing order for you. This must be done by your bank. The easiest way to do this is through online banking. You will need to give your service charge or major works number as the reference and the monthly amount you wish to pay.
The council’s bank details are:
  • Sort Code:  30-00-00
  • Account number:  02390175
  • Bank:  Lloyds Bank Plc
  • Reference:  Your service charge or major works account number.
""",
        """
        ORG: Lloyds Bank Plc
        SORT_CODE: 30-00-00
        BANK_ACCOUNT: 02390175
    """,
    ),
    P(
        "id-bank-ealing-ways",
        "dev",
        "https://www.ealing.gov.uk/info/201096/service_charges/455/ways_to_pay_your_service_charges",
        COUNCIL,
        """
By telephone
Call 020 8825 5583 24-hours-a-day, 7 days a week to pay by card.
We accept:
  • Mastercard
  • Visa credit and debit cards
  • Delta
  • Maestro
Online or telephone banking
Pay through your bank using these details:
  • account number: 02390175
  • sort code: 30-00-00
  • reference number: your service charge account number
  • bank name: Lloyds Bank Plc
""",
        """
        ORG: Mastercard | Visa | Lloyds Bank Plc
        PHONE: 020 8825 5583
        SORT_CODE: 30-00-00
        BANK_ACCOUNT: 02390175
    """,
    ),
    P(
        "id-bank-wealden",
        "test",
        "https://wealden.gov.uk/housing/council-housing/im-an-existing-tenant/paying-my-council-rent-and-service-charges/",
        COUNCIL,
        """
Through Your Bank
Most banks offer internet or phone banking services, including bill paying services, or you can pay by debit card or cheque at the counter. Your bank’s website will give you instructions on how to register and pay bills. The Council may be already on the bank’s payment system but if not you will need to give the Council’s bank details.
These are:
Lloyds Bank PLC
Sort code 30-80-12, Account number 10341360.
You will need to enter the reference number.
The Council’s Internet Payment system
Make a Payment Using Our Online Payments System Payments can be made by debit card or by credit card (Visa, Mastercard and Maestro). There is no charge for using this service. American Express, Diners Club and Electron cards cannot be accepted.
The Council’s 24 Hour Telephone Payment system
01323 443188
""",
        """
        ORG: Lloyds Bank PLC | Visa | Mastercard | American Express | Diners Club
        SORT_CODE: 30-80-12
        BANK_ACCOUNT: 10341360
        PHONE: 01323 443188
    """,
    ),
    P(
        "id-bank-hmrc-p800",
        "dev",
        "https://www.gov.uk/pay-p800-tax-calculation/pay-by-bank-transfer",
        OGL,
        """
Example
If your National Insurance number is ‘AB123456C’ and you’re making a payment for the 2025 to 2026 tax year, your reference number will be: AB123456CP8002025
If you’re paying from a UK account
Pay into this account:
  • sort code - 08 32 10
  • account number - 12001020
  • account name - HMRC Shipley
If you’re paying from an overseas account
You can make a transfer from your overseas bank account by CHAPS, using the following bank details for HMRC:
  • Business Identifier Code (BIC) - BARCGB22
  • account number (IBAN) - GB03 BARC 2011 4783 9776 92
  • account name - HMRC Shipley
Barclays Bank PLC
1 Churchill Place
London
United Kingdom
E14 5HP
""",
        """
        ORG: HMRC Shipley | HMRC | Barclays Bank PLC
        LOCATION: UK
        NINO: AB123456C
        SORT_CODE: 08 32 10
        BANK_ACCOUNT: 12001020 | GB03 BARC 2011 4783 9776 92
        ADDRESS: 1 Churchill Place\\nLondon\\nUnited Kingdom\\nE14 5HP
        POSTCODE: E14 5HP
    """,
    ),
    P(
        "id-bank-hmrc-paye",
        "dev",
        "https://www.gov.uk/pay-paye-tax/bank-details",
        OGL,
        """
Bank details for online or telephone banking, CHAPS, Bacs
You can make a transfer from your bank account by Faster Payments, CHAPS or Bacs.
Sort code Account number Account name CHAPS instruction
08 32 10 12001039 HMRC Cumbernauld CHAPS form
If your account is overseas
Account number (IBAN) Bank identifier code (BIC) Account name
GB62BARC20114770297690 BARCGB22 HMRC Cumbernauld
Reference number
You’ll need to use your 13-character accounts office reference number as the payment reference.
""",
        """
        ORG: HMRC Cumbernauld
        BANK_ACCOUNT: 08 32 10 12001039 | GB62BARC20114770297690
    """,
    ),
    P(
        "id-bank-hmrc-class2",
        "dev",
        "https://www.gov.uk/pay-class-2-national-insurance/bank-details",
        OGL,
        """
Paying from the UK
Use your online or telephone banking account to make your payment to the following HM Revenue and Customs’ (HMRC) bank account.
Sort code Account number Account name
08 32 20 12001004 HMRC NICO
Overseas payments
If you’re paying from abroad, the account you pay into depends on whether you’re using a UK or non-UK account.
Account type Sort code Account number
UK 20 20 48 30944793
Account type Account number (IBAN) Bank Identifier Code (BIC)
Non-UK GB49BARC20204830944793 BARCGB22
For either account, pay to account name ‘GBS Re NICO Receipts HMRC’.
Reference number
If you’re paying from an overseas account, use your National Insurance number followed by ‘IC’, your surname then your initial.
Example If your name is Anne Jones, you’d write the reference as QQ123456AICJONESA
""",
        """
        ORG: HM Revenue and Customs | HMRC@0 | HMRC NICO
        LOCATION: UK@0,1
        PERSON: Anne Jones
        BANK_ACCOUNT: 08 32 20 12001004 | 20 20 48 30944793 | GB49BARC20204830944793
    """,
    ),
    P(
        "id-bank-hmrc-class1a",
        "test",
        "https://www.gov.uk/pay-class-1a-national-insurance/make-an-online-or-telephone-bank-transfer",
        OGL,
        """
Make an online or telephone bank transfer
You can pay by Faster Payments, CHAPS or Bacs to HM Revenue and Customs’ (HMRC) account.
Sort code Account number Account name
08 32 10 12001039 HMRC Cumbernauld
Reference number
You’ll need to give a 17-character number as the payment reference. This starts with your 13-character Accounts Office reference number. Then add the tax year you want to pay for and the digits ‘13’ to make sure your payment is assigned correctly.
Overseas payments
Use these details to pay from an overseas account:
Account number (IBAN) Bank identifier code (BIC) Account name
GB62BARC20114770297690 BARCGB22 HMRC Cumbernauld
Some banks will charge you if you do not pay in pound sterling.
HMRC’s banking address is:
Barclays Bank PLC
1 Churchill Place
London
United Kingdom
E14 5HP
""",
        """
        ORG: HM Revenue and Customs | HMRC@0 | HMRC Cumbernauld | Barclays Bank PLC
        BANK_ACCOUNT: 08 32 10 12001039 | GB62BARC20114770297690
        ADDRESS: 1 Churchill Place\\nLondon\\nUnited Kingdom\\nE14 5HP
        POSTCODE: E14 5HP
    """,
    ),
    P(
        "id-bank-hmrc-sa",
        "test",
        "https://gov.uk/pay-self-assessment-tax-bill/bank-details",
        OGL,
        """
Account details to use
Pay into one of the following accounts:
- sort code - 08 32 10
- account number - 12001039
- account name - HMRC Cumbernauld
- sort code - 08 32 10
- account number - 12001020
- account name - HMRC Shipley
If your account is overseas
Pay into one of the following accounts:
- Business Identifier Code (BIC) - BARCGB22
- account number (IBAN) - GB62 BARC 2011 4770 2976 90
- account name - HMRC Cumbernauld
- Business Identifier Code (BIC) - BARCGB22
- account number (IBAN) - GB03 BARC 2011 4783 9776 92
- account name - HMRC Shipley
Some banks will charge you if you do not pay in pounds sterling.
""",
        """
        ORG: HMRC Cumbernauld | HMRC Shipley
        SORT_CODE: 08 32 10
        BANK_ACCOUNT: 12001039 | 12001020 | GB62 BARC 2011 4770 2976 90 | GB03 BARC 2011 4783 9776 92
    """,
    ),
    P(
        "id-bank-trust-penalty",
        "test",
        "https://www.gov.uk/guidance/pay-a-penalty-charge-for-not-registering-or-maintaining-a-trust (via govdiff.njk.onl)",
        OGL,
        """
Pay by bank transfer
If you pay by CHAPS (Clearing House Automated Payment System) or Faster Payments, your payment will be received on the same or next working day.
If you pay by Bacs (Bankers Automated Clearing System), allow 3 working days for the payment to reach HMRC.
We recommend you check your bank’s processing times and maximum transaction limits before you pay.
Account details to use if your account is in the UK
Use the following details to make a payment if your account is in the UK:
sort code — 08 32 10
account number — 12529599
account name — HMRC General Business Tax Receipts
Account details to use if your account is overseas
Use the following details to make payment if your account is overseas:
account number (IBAN) — GB86 BARC 2005 1740 2043 74
Business Identifier Code (BIC) — BARCGB22
account name — HMRC General Business Tax Receipts
""",
        """
        ORG: HMRC
        LOCATION: UK
        SORT_CODE: 08 32 10
        BANK_ACCOUNT: 12529599 | GB86 BARC 2005 1740 2043 74
    """,
    ),
    # ---------------- dates of birth (tribunal decisions) ----------------
    P(
        "id-dob-ls",
        "dev",
        "https://beta.bailii.org/uk/cases/UKUT/AAC/2014/249.html",
        TRIB,
        """
THE UPPER TRIBUNAL Appeal No. CPC 2423 2013
ADMINISTRATIVE APPEALS CHAMBER
LS v Secretary of State for Work and Pensions (SPC)
DECISION
The appeal is allowed.
For the reasons below, the decision of the First-tier tribunal is set aside.
I refer the appeal to a new tribunal to decide the appeal again in accordance with the directions set out at the end of this decision.
REASONS FOR DECISION
1 This appeal raises a short but important point for the appellant. On what day in 1951 was she born? On 15 07 2012 she claimed state pension credit. If she was born on 1 01 1951, as she stated, then she was entitled to the credit. If she was born on 31 12 1951, as the decision maker acting for the Secretary of State decided, then she was not. If, on the balance of probabilities, she was born on or before 5 06 1951 then she could claim (the date identified by reference to the equalisation tables in the papers). If not, then she cannot claim at that date but can claim later.
2 The matter came before the First-tier Tribunal for consideration on the papers as the appellant did not ask for an oral hearing. Instead, the appellant wrote in submitting copies of relevant pages of her Nepalese passport to provide evidence of her date of birth being 1 01 1951.
""",
        """
        PERSON: LS
        ORG: UPPER TRIBUNAL | ADMINISTRATIVE APPEALS CHAMBER | First-tier tribunal | First-tier Tribunal
        DATE: 15 07 2012 | 5 06 1951
        DATE_OF_BIRTH: 1 01 1951 | 31 12 1951
    """,
    ),
    P(
        "id-dob-wa",
        "dev",
        "https://beta.bailii.org/uk/cases/UKAITUR/2020/JR015722020.html",
        TRIB,
        """
Having considered all documents lodged and having heard the parties' respective representatives, Mr H Southey QC, of Counsel, instructed by J D Spicer Zeb, on behalf of the applicant and Ms S Broadfoot QC, of Counsel, instructed by the Government Legal Department, on behalf of the respondent, at a remote hearing at Field House, London on 15 September 2020.
(1) The applicant (WA) challenges the refusal of the respondent to amend his Biometric Residence Permit (BRP) to reflect WA's claimed date of birth (29 December 1994) rather than the assigned date of birth (19 April 1989). The respondent's most recent decision setting out her refusal to amend the BRP was issued on 14 July 2020.
(2) The applicant maintains that the refusal to amend the date of birth in the BRP to reflect his claimed date of birth amounts to a breach of Articles 2 and 8 of the European Convention on Human Rights (ECHR) and is irrational.
Background
(3) WA is a young man born in Gaza in the Occupied Palestinian territories.
""",
        """
        PERSON: H Southey | S Broadfoot | WA
        ORG: J D Spicer Zeb | Government Legal Department
        LOCATION: Field House, London | Gaza | Occupied Palestinian territories
        DATE: 15 September 2020 | 14 July 2020
        DATE_OF_BIRTH: 29 December 1994 | 19 April 1989
    """,
    ),
    P(
        "id-dob-dmy",
        "dev",
        "https://beta.bailii.org/uk/cases/UKAITUR/2013/OA114002012.html",
        TRIB,
        """
4. The appellant is a national of the Democratic Republic of Congo who claimed to have been born on 25th February 1995. His mother arrived in the United Kingdom on 28th June 2007 and claimed asylum. She was granted refugee status on 1st July 2008. In February 2012 she made an application for family reunion of her three children, the appellant and his two siblings. All three applicants relied upon birth certificates issued in 2011 and passports issued in 2010. The appellant's passport was issued on 20th August 2010, his long birth certificate on 5th July 2011 and a short birth certificate on 6th May 2011. His brother AY, born 30th March 2007, was issued with his passport on 19th August 2010 and his long and short birth certificates on the same date as the appellant.
""",
        """
        PERSON: AY
        LOCATION: Democratic Republic of Congo | United Kingdom
        DATE: 28th June 2007 | 1st July 2008 | 20th August 2010 | 5th July 2011 | 6th May 2011 | 19th August 2010
        DATE_OF_BIRTH: 25th February 1995 | 30th March 2007
    """,
    ),
    P(
        "id-dob-tt",
        "dev",
        "https://tribunalsdecisions.service.gov.uk/utiac/jr-06410-2018",
        TRIB,
        """
Representation:
For the applicant: Ms A Benfield, Counsel, instructed by Bhatia Best Solicitors
For the respondent: Mr L Parkhill, Counsel, instructed by Derby City Council
Application for judicial review: substantive decision
Introduction
1. The applicant, a citizen of Eritrea, challenges the decision of the Respondent, dated 22 June 2018, that he was an adult with an attributed date of birth of 2 July 1998, following an age assessment.
2. The applicant asserts that he was born on 2 July 2002 and was, at the date of the respondent's decision, 16 years old. On his case, the applicant is now 17.
3. There is, quite clearly, a significant disparity in the parties' respective positions.
4. The core issue in this application for judicial review is whether, as a matter of fact, the applicant is a child or not.
5. The applicant arrived in the United Kingdom on the evening of 31 January 2018.
""",
        """
        PERSON: A Benfield | L Parkhill
        ORG: Bhatia Best Solicitors | Derby City Council
        LOCATION: Eritrea | United Kingdom
        DATE: 22 June 2018 | 31 January 2018
        DATE_OF_BIRTH: 2 July 1998 | 2 July 2002
    """,
    ),
    P(
        "id-dob-darnley",
        "dev",
        "http://www.bailii.org/uk/cases/UKSC/2018/50.html",
        CROWN_EW,
        """
1. The appellant, Michael Mark Junior Darnley, who was then aged 26, was assaulted in the late afternoon of 17 May 2010 when he was struck on the head by an unknown assailant in south London. He later telephoned his friend Robert Tubman. The appellant told Mr Tubman about the assault and complained that he had a headache and that it was getting worse. Mr Tubman was sufficiently concerned that he drove the appellant to the Accident and Emergency Department (“A & E department”) at Mayday Hospital, Croydon which was managed by the respondent NHS Trust. It was noted in the clerking record that the appellant attended at 20:26 on 17 May 2010
""",
        """
        PERSON: Michael Mark Junior Darnley | Robert Tubman | Tubman
        ORG: Mayday Hospital | NHS Trust
        LOCATION: south London | Croydon
        DATE: 17 May 2010
    """,
    ),
    P(
        "id-dob-sw-1",
        "test",
        "https://beta.bailii.org/uk/cases/UKUT/AAC/2016/163.html",
        TRIB,
        """
IN THE UPPER TRIBUNAL Case No. CPC/3082/2015
ADMINISTRATIVE APPEALS CHAMBER
Before: M R Hemingway: Judge of the Upper Tribunal
Decision: The decision of the First‑tier Tribunal made on 11 June 2014 at Fox Court in London under reference SC242/13/1992 involved the making of an error of law. I set the decision aside. I remake the decision.
My substituted decision: The appellant was born on 22 May 1950 and, accordingly, is not disentitled to pension credit on age grounds.
REASONS FOR DECISION
What this appeal is about
1. The issue raised by this appeal is whether the appellant meets the age requirement in relation to eligibility for state pension credit. She says that she was born on 23 May 1950 but the respondent believes that she was born on 1 January 1963. If the former is right then she is not debarred from qualifying on age grounds but if the latter is correct she is.
""",
        """
        PERSON: M R Hemingway
        ORG: UPPER TRIBUNAL | ADMINISTRATIVE APPEALS CHAMBER | Upper Tribunal | First‑tier Tribunal
        LOCATION: Fox Court | London
        DATE: 11 June 2014
        DATE_OF_BIRTH: 22 May 1950 | 23 May 1950 | 1 January 1963
    """,
    ),
    P(
        "id-dob-sw-2",
        "test",
        "https://beta.bailii.org/uk/cases/UKUT/AAC/2016/163.html",
        TRIB,
        """
2. The appellant was born in Ethiopia and was a national of that county. At some point she obtained an Ethiopian passport which indicated her date of birth as being 1 January 1963. In July 2003 she was granted entry clearance to come to the UK as a domestic worker in a private household. She subsequently entered the UK in August 2003 and received a grant of limited leave to remain on that basis. She subsequently received a series of further grants of leave to remain on the same basis until eventually, in fact on 27 January 2009, she received a grant of indefinite leave to remain. She has subsequently naturalised as a British citizen and her British passport, as did her Ethiopian passport, records her date of birth as being 1 January 1963.
""",
        """
        LOCATION: Ethiopia | UK
        DATE: 27 January 2009
        DATE_OF_BIRTH: 1 January 1963
    """,
    ),
    P(
        "id-dob-zu",
        "test",
        "https://www.bailii.org/uk/cases/UKAITUR/2022/JR015402021.html",
        TRIB,
        """
In the Upper Tribunal
(Immigration and Asylum Chamber)
Judicial Review
JR/1540/2021
In the matter of an application for Judicial Review
The Queen on the application of
ZU
Applicant
versus
KENT COUNTY COUNCIL
Respondent
SOUTH GLOUCESTERSHIRE COUNCIL
Interested party
ORDER
BEFORE Upper Tribunal Judge Lane
HAVING considered all documents filed at the Upper Tribunal and having heard Mr Fripp of counsel for the applicant and Mr Hoar of counsel for the respondent at a hearing on 14-15 June 2022 at Field House, London
IT IS ORDERED THAT:
1.     There shall be a declaration that the Applicant's date of birth is 1 November 2004.
2.     The parties may parties may, no later than 14 days after this judgment is handed down, file and serve written submissions as regards costs. There shall, in any event, be a detailed assessment of the applicant's publicly funded costs.
Signed: C. N. Lane
Upper Tribunal Judge Lane
Dated: 1 July 2022
""",
        """
        PERSON: ZU | Lane | Fripp | Hoar | C. N. Lane
        ORG: Upper Tribunal | Immigration and Asylum Chamber | KENT COUNTY COUNCIL | SOUTH GLOUCESTERSHIRE COUNCIL
        LOCATION: Field House, London
        DATE: 14-15 June 2022 | 1 July 2022
        DATE_OF_BIRTH: 1 November 2004
    """,
    ),
    P(
        "id-dob-ba",
        "test",
        "https://tribunalsdecisions.service.gov.uk/utiac/jr-2024-lon-000190",
        TRIB,
        """
IN THE UPPER TRIBUNAL JR-2024-LON-000190
IMMIGRATION AND ASYLUM CHAMBER
BETWEEN:
THE KING
(on the application of A)
Applicant
-v-
LIVERPOOL CITY COUNCIL
Respondent
ORDER
Before Upper Tribunal Judge Lane sitting at the Bradford Hearing Centre
HAVING considered all documents lodged and having heard from Mr V Jagadesham of counsel for the applicant and from Mr M Paget of counsel for the respondent at a fact-finding hearing on 27-28 November 2024
IT IS ORDERED AND DECLARED THAT:
(1) The application for judicial review is dismissed for the reasons in the attached judgment.
(2) The applicant was born on 13 May 2004
(4) The respondent’s costs of the total claim including the disclosure application are summarily assessed at £16,442.40.
""",
        """
        PERSON: A | Lane | V Jagadesham | M Paget
        ORG: UPPER TRIBUNAL | IMMIGRATION AND ASYLUM CHAMBER | LIVERPOOL CITY COUNCIL | Bradford Hearing Centre
        DATE: 27-28 November 2024
        DATE_OF_BIRTH: 13 May 2004
    """,
    ),
    P(
        "id-dob-bar",
        "test",
        "https://www.bailii.org/uk/cases/UKAITUR/2018/PA015202018.html",
        TRIB,
        """
Upper Tribunal
(Immigration and Asylum Chamber) Appeal Number: PA/01520/2018
THE IMMIGRATION ACTS
Heard at Manchester CJC
Decision & Reasons Promulgated
On 5 September 2018
On 20 September 2018
Before
DEPUTY UPPER TRIBUNAL JUDGE CHAPMAN
Between
mr B A R
(ANONYMITY DIRECTION made)
Appellant
and
THE SECRETARY OF STATE FOR THE HOME DEPARTMENT
Respondent
Representation :
For the Appellant: Mr Holmes, counsel instructed by Greater Manchester Immigration Aid Unit
For the Respondent: Mr Tan, Home Office Presenting Officer
DECISION AND REASONS
1.              The Appellant is a national of Iran born on 7 May 1994. He arrived in the UK on 23 September 2017 and claimed asylum. This application was refused in a decision dated 16 January 2018. The basis of his claim is that he was a Kurdish national who was a supporter of the KDPI, that he had come to the adverse attention of the authorities and had left Iran illegally as a result of which he will be at risk on return.
""",
        """
        PERSON: CHAPMAN | B A R | Holmes | Tan
        ORG: Upper Tribunal | Immigration and Asylum Chamber | Manchester CJC | Greater Manchester Immigration Aid Unit | Home Office | KDPI
        LOCATION: Iran | UK
        DATE: 5 September 2018 | 20 September 2018 | 23 September 2017 | 16 January 2018
        DATE_OF_BIRTH: 7 May 1994
        SPECIAL_CATEGORY: Kurdish
    """,
    ),
    P(
        "id-dob-achild",
        "test",
        "https://www.bailii.org/ew/cases/EWCA/Civ/2016/820.html",
        CROWN_EW,
        """
Ms Esther Maclachlan (instructed by Sternberg Reed) for the Appellant
Mr Paul Pavlou (instructed by London Borough of Redbridge) for the Respondent
Miss Tara Vindis (instructed by Gary Jacobs Solicitors) for the Children's Guardian
Hearing dates : 26th July 2016
____________________
HTML VERSION OF JUDGMENT
____________________
Crown Copyright ©
    Lady Justice Black:
  1. This appeal is against a care order made by Mr Recorder Bedingfield on 31 March 2016 in relation to E. E is two and a half years old, having been born at the beginning of January 2014. The appellant is her mother. Her father has not participated in the appeal proceedings.
""",
        """
        PERSON: Esther Maclachlan | Paul Pavlou | Tara Vindis | Black | Bedingfield | E
        ORG: Sternberg Reed | London Borough of Redbridge | Gary Jacobs Solicitors
        DATE: 26th July 2016 | 31 March 2016
    """,
    ),
    # ---------------- more: the Cameron hit-and-run case as quoted, and hard negatives ----------------
    P(
        "id-vrm-cameron-dwf",
        "dev",
        "https://dwfgroup.com/en-AU/News-and-Insights/Insights/2019/2/Cameron-v-Hussain-Supreme-Court-allows-insurers-appeal",
        OTHER,
        """
Summary of Court of Appeal decision
The factual background has been well rehearsed, but in summary, the claimant was involved in a collision with an unidentified driver, who did not stop. The unidentified driver's vehicle registration was taken and the insurers of the vehicle, LV=, were as a result identified. The claimant amended her claim to identify the defendant as "The person unknown driving vehicle registration number Y598 SPS who collided with vehicle registration number KG03ZIZ on 26th May 2013" and sought to serve the proceedings on LV=.
""",
        """
        ORG: Court of Appeal | LV=
        DATE: 26th May 2013
        VEHICLE_REG: Y598 SPS | KG03ZIZ
    """,
    ),
    P(
        "id-vrm-cameron-9sjs",
        "test",
        "https://www.9sjs.com/news/case-update-cameron-v-liverpool-victoria-insurance-co-ltd-2019-uksc-6/",
        OTHER,
        """
In May 2017, the Court of Appeal held that it was entirely permissible for a Claimant to bring proceedings against an unnamed Defendant, and so avoid bringing a less lucrative claim against the MIB, under the Untraced Driver’s Agreement (the UtDA). Cameron v Hussain & Liverpool Victoria Insurance [2017] EWCA Civ 366 explained:
  1. Although the CPR generally required parties to proceedings to be named, in appropriate cases it was permissible for a Claimant to bring proceedings against an unnamed defendant, suitably identified by an appropriate description (for example the unknown person driving vehicle Y598 SPS who collided with vehicle KG03 ZJZ on 26th May 2013).
""",
        """
        ORG: Court of Appeal | MIB
        DATE: 26th May 2013
        VEHICLE_REG: Y598 SPS | KG03 ZJZ
    """,
    ),
    P(
        "id-vrm-cameron-lawmark",
        "test",
        "https://lawmark.uk/2019/02/21/hit-and-run-suing-persons-unknown/",
        OTHER,
        """
Proceedings were initially issued against the registered keeper with LV= being joined for a declaration that it would be liable to meet any judgement.
LV= denied liability.  The Claimant then sought to substitute the registered keeper as defendant with ‘the person unknown driving vehicle registration number Y598 SPS who collided with vehicle registration number KG03 ZJZ on 26 May 2013.’
This application was dismissed by the District Judge and on appeal to the County Court Judge.  This position was, however, overturned by the Court of Appeal who considered that they had a discretion to permit an unknown person to be sued whenever justice required it even though there was an alternative right of claim against the Motor Insurance Bureau (‘MIB’).
""",
        """
        ORG: LV= | Court of Appeal | Motor Insurance Bureau | MIB
        DATE: 26 May 2013
        VEHICLE_REG: Y598 SPS | KG03 ZJZ
    """,
    ),
    P(
        "id-neg-tuson",
        "dev",
        "https://www.bailii.org/ew/cases/EWCA/Civ/2018/1461.html",
        CROWN_EW,
        """
Between:
ANNA LOUISE TUSON
Appellant
- and -
DEBBIE MURPHY
Respondent
____________________
Roger Mallalieu (instructed by Royds Withy King) for the Appellant
Brian McCluggage & Ben Morris (instructed by BLM Law) for the Defendant
Hearing date: 24 May 2018
____________________
    Lord Justice Bean:
  1. On 19th August 2010 the Claimant, Ms Tuson, fell from her horse during a lesson at the Defendant's riding school and broke her right arm. She subsequently developed Obsessive Compulsive Disorder which two psychiatrists attributed to the accident. On 2nd May 2012 liability was admitted subject to an agreed deduction of 15% for contributory negligence. She gave up her work as a schoolteacher in September 2012, and issued proceedings on 9th August 2013.
""",
        """
        PERSON: ANNA LOUISE TUSON | DEBBIE MURPHY | Roger Mallalieu | Brian McCluggage | Ben Morris | Bean | Tuson
        ORG: Royds Withy King | BLM Law
        DATE: 24 May 2018 | 19th August 2010 | 2nd May 2012 | 9th August 2013
        SPECIAL_CATEGORY: Obsessive Compulsive Disorder
    """,
    ),
    P(
        "id-neg-mr-derby",
        "dev",
        "https://www.bailii.org/uk/cases/UKUT/IAC/2013/00255_ukut_iac_2013_mr_aajr.html",
        TRIB,
        """
Representation:
For the Applicant: Azeem Suterwalla (instructed by Bhatia Best Solicitors)
For the Respondent: Tom Amraoui (instructed by the Solicitor, Derby City Council)
JUDGMENT
Introduction
1. The task of the Tribunal in these proceedings is to decide, as a matter of fact, the date of birth of the applicant, a citizen of Iran, who claims to have arrived in the United Kingdom in January 2012.  Our task arises as a result of the bringing by the applicant of judicial review proceedings to challenge the respondent’s assessment, made on 24th September 2012, which concluded that the applicant was, on that date, over the age of 18.  Permission to bring those proceedings was granted by a Deputy Judge of the High Court on 4th January 2013, following which the applicat
""",
        """
        PERSON: Azeem Suterwalla | Tom Amraoui
        ORG: Bhatia Best Solicitors | Derby City Council | High Court
        LOCATION: Iran | United Kingdom
        DATE: 24th September 2012 | 4th January 2013
    """,
    ),
    P(
        "id-neg-gt",
        "test",
        "https://caselaw.nationalarchives.gov.uk/ukut/aac/2023/58",
        OJL,
        """
GT v SSWP (PIP)
On appeal from the First-tier Tribunal (Social Entitlement Chamber)
Between:
G.T.
Appellant
- v -
Secretary of State for Work and Pensions
Respondent
Before: Upper Tribunal Judge Wikeley
Decision date: 6 March 2023
Decided on consideration of the papers
Representation:
Appellant: Mr David Martinez, Harrow Law Centre
Respondent: Mr Atif Mohammed, Decision Making and Appeals, DWP
DECISION
The decision of the Upper Tribunal is to allow the appeal. The decision of the First-tier Tribunal made on 22 February 2021 under number SC312/20/00834 was made in error of law.
""",
        """
        PERSON: GT | G.T. | Wikeley | David Martinez | Atif Mohammed
        ORG: First-tier Tribunal | Social Entitlement Chamber | Upper Tribunal | Harrow Law Centre | Decision Making and Appeals | DWP
        DATE: 6 March 2023 | 22 February 2021
    """,
    ),
]
