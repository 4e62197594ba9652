"""The sections of the project's fact sheet (china-facts.md) that step 7's cards rest on,
with the confidence the sheet gives each.

Every card in `workbook.guide.hardship_law` and `workbook.guide.law_cards`, every help
line and every option with a source in `workbook.guide.help` names the sections it
states (its `facts`); tests check that each named section is here, that none of them is
below verified-2nd, and that the card's confidence is the weakest of them. Where a section
mixes levels (8.3's date is "partly", 10.4's statistics are "partly"), the level here is
that of the part a card states, and `note` says what is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

VERIFIED = "verified"
VERIFIED_2ND = "verified-2nd"
PARTLY = "partly"
UNVERIFIED = "unverified"
SHOWABLE = (VERIFIED, VERIFIED_2ND)
STRENGTH = {UNVERIFIED: 0, PARTLY: 1, VERIFIED_2ND: 2, VERIFIED: 3}


@dataclass(frozen=True)
class Fact:
    section: str  # "8.5": the numbered paragraph of china-facts.md
    heading: str  # how the sheet names it (for people reading this table)
    level: str  # one of VERIFIED, VERIFIED_2ND, PARTLY, UNVERIFIED
    note: str = ""  # what of the section is weaker and therefore not shown


FACTS: dict[str, Fact] = {
    f.section: f
    for f in (
        Fact("1.7", "PBoC 2021 No. 3: lenders must show the annualised rate", VERIFIED_2ND),
        Fact("2.1", "SPC private-lending rules: 4x LPR, Arts. 25, 28, 29, 31", VERIFIED),
        Fact("2.2", "Licensed lenders are outside the private-lending rules", VERIFIED,
             "the reply's document number is unverified: not shown"),
        Fact("2.3", "The old 24%/36% lines, replaced from 2020-08-20", VERIFIED_2ND),
        Fact("3.2", "NIFA 2024 collection guideline and the national standard", VERIFIED_2ND),
        Fact("3.6", "Bank internet loans: 200,000 yuan line, one-year bullet", VERIFIED_2ND,
             "its collection provisions are unverified: not shown"),
        Fact("3.7", "Criminal Law Art. 293-1, collecting illegal debts", VERIFIED),
        Fact("4.1", "Credit cards Art. 70: personalised instalments", VERIFIED_2ND),
        Fact("4.3", "Card overdraft rate caps removed from 2021-01-01", VERIFIED_2ND),
        Fact("5.1", "Credit report rights, 《征信业管理条例》", VERIFIED),
        Fact("6.1", "Malicious overdraft, 2018 SPC/SPP decision", VERIFIED),
        Fact("8.1", "Limitation period: 3 years, Civil Code Art. 188", VERIFIED),
        Fact("8.2", "Instalment debts: from the last instalment, Art. 189", VERIFIED),
        Fact("8.3", "What restarts the clock: Art. 195, SPC rules Arts. 8, 14", VERIFIED,
             "the 2020 revision's effective date is partly: not shown"),
        Fact("8.4", "An expired claim is a defence you must raise yourself", VERIFIED),
        Fact("8.5", "Payment order: object in writing within 15 days, CPL Arts. 225-228",
             VERIFIED),
        Fact("8.6", "Served with a lawsuit: CPL Arts. 128 and 147", VERIFIED),
        Fact("8.7", "Small claims: no appeal, CPL Arts. 165-169", VERIFIED),
        Fact("8.8", "Court mediation before or at filing", VERIFIED),
        Fact("9.1", "What enforcement can do and must leave you", VERIFIED),
        Fact("9.2", "The dishonest-debtor list, SPC rules 2017", VERIFIED_2ND),
        Fact("9.3", "Grace period before listing, 法发〔2019〕35号", VERIFIED_2ND),
        Fact("9.4", "Spending-restriction order, SPC rules 2015", VERIFIED_2ND),
        Fact("9.5", "Crime of refusing to enforce, Criminal Law Art. 313", VERIFIED),
        Fact("10.1", "No national personal-bankruptcy law (as of Dec 2025)", VERIFIED_2ND),
        Fact("10.2", "Shenzhen personal bankruptcy regulation", VERIFIED_2ND),
        Fact("10.3", "Xiamen regulation: dates", VERIFIED_2ND,
             "the 5-year residence condition is partly: not shown"),
        Fact("10.4", "Zhejiang personal debt clearing guideline (Dec 2020)", VERIFIED_2ND,
             "statistics and eligibility are partly: not shown"),
        Fact("11.1", "Complaint handling time limits 15/30/60 days", VERIFIED_2ND,
             "the article number is not confirmed: cited by name only"),
        Fact("11.2", "Financial-dispute mediation bodies", VERIFIED_2ND,
             "that mediation is free is unverified: not shown"),
        Fact("11.3", "Warning: fake mediation", PARTLY),
        Fact("12.1", "12378, NFRA's consumer complaint hotline", VERIFIED_2ND,
             "its hours are partly (a 2012 notice): not shown"),
        Fact("12.2", "12348, the public legal service hotline", VERIFIED_2ND),
        Fact("12.3", "Legal aid: advice for all, loan defence not on the national list",
             VERIFIED),
        Fact("13.1", "Credit report: 5 years, 2 free reports, 20-day objection", VERIFIED),
        Fact("13.2", "Paid credit repair is a scam", PARTLY),
        Fact("14.1", "Personalised instalments are not a legal right", VERIFIED_2ND),
        Fact("14.2", "NFRA 2025 consumer-loan relief: encouragement", VERIFIED_2ND,
             "the relief clause's wording is partly: only its existence, date and caps shown"),
        Fact("15.1", "Banking association collection guideline, 2026-01-30", VERIFIED_2ND,
             "the two-collector home-visit rule is partly: not shown"),
        Fact("15.2", "National standard on internet-loan collection", VERIFIED_2ND),
    )
}


def weakest(sections: tuple[str, ...]) -> str:
    """The lowest level among `sections` (KeyError for a section not in the table)."""
    return min((FACTS[s].level for s in sections), key=STRENGTH.__getitem__)
