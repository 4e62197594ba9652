"""Step 7, knowing the rules: one card per fact we have checked.

Only facts marked verified or verified-2nd in the project's fact sheet appear here, each
with its source, how sure we are, and when it was checked. Anything weaker (for example
the reported 24 % "window guidance" for licensed lenders) is left out on purpose. Each
card names the fact-sheet sections it states (`facts`, see `workbook.guide.fact_sheet`);
its confidence is the weakest of theirs and its source is one the sheet gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.guide.sources import (
    DISCLAIMER,
    FACTS_AS_OF,
    LAWREFBOOK,
    LAWREFBOOK_AS_OF,
    SHEET_AS_OF,
    Confidence,
    confidence_label,
    disclaimer,
)
from workbook.guide.wording import labelled, tr
from workbook.i18n import N_

__all__ = ["FACTS_AS_OF", "LAW_CARDS", "LawCard", "law_card_lines"]


# Art. 70's Chinese text in several agreeing copies (china-facts §14.1), and the English
# renderings of §4.1; the primary text was not read, hence verified-2nd.
CARD_ART_70_SOURCE = (
    "《商业银行信用卡业务监督管理办法》Art. 70 (Chinese text: yktchina.com citing gov.cn, "
    "btcinst.com, faniuwenda.com; English renderings: wodefinance.com)"
)


@dataclass(frozen=True)
class LawCard:
    key: str
    title: str  # msgid
    body: str  # msgid
    source: str  # not translated: document names and addresses
    confidence: Confidence
    as_of: str
    facts: tuple[str, ...]  # china-facts.md sections the card states, e.g. ("2.1",)

    @property
    def disclaimer(self) -> str:
        """The fixed line every card carries (a msgid)."""
        return DISCLAIMER


LAW_CARDS: tuple[LawCard, ...] = (
    LawCard(
        key="private_lending_4x_lpr",
        title=N_("Private loans: the four-times-LPR line"),
        body=N_(
            "In private lending (between people, or companies that are not licensed "
            "lenders), the Supreme People's Court's 2020 rules say courts do not support "
            "interest agreed above four times the one-year Loan Prime Rate (LPR) in force "
            "on the day the contract was made. The same line applies to the overdue rate, "
            "and to overdue interest, penalties and other fees added together. For a "
            "contract made before 20 August 2020, the rules give two lines: interest up "
            "to 19 August 2020 may be counted under the old rules, and from 20 August "
            "2020 on the line is four times the LPR at the time the suit is filed. The "
            "LPR table in this app gives the figures."
        ),
        source="最高人民法院《关于审理民间借贷案件适用法律若干问题的规定》(2020 revision), "
        f"Art. 25, 28, 29, 31; {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("2.1",),
    ),
    LawCard(
        key="licensed_lenders",
        title=N_("Banks and other licensed lenders are outside that rule"),
        body=N_(
            "The private-lending rules do not cover loans made by financial institutions "
            "approved by the financial regulators. A 2020 reply of the Supreme People's "
            "Court counts seven kinds of local financial organisations, among them "
            "microloan companies and financing-guarantee companies, as such institutions. "
            "So for banks, consumer-finance companies and microloan companies four times "
            "the LPR is not a legal cap under these rules: use it as a yardstick for what "
            "your loan costs."
        ),
        source="《关于审理民间借贷案件适用法律若干问题的规定》Art. 1(2); "
        f"《关于新民间借贷司法解释适用范围问题的批复》(effective 2021-01-01); {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("2.2",),
    ),
    LawCard(
        key="old_24_36_lines",
        title=N_("The old 24% and 36% lines are gone"),
        body=N_(
            "Until 20 August 2020, courts in private-lending cases supported rates up to "
            "24% a year, and the part of any agreed rate above 36% was void. From that day both "
            "lines were replaced by four times the one-year LPR, which was 15.4% at the "
            "time. For contracts made before that day the 2020 text has transition rules "
            "(Art. 31). Advice that still quotes 24% and 36% for new private loans is out "
            "of date."
        ),
        source="Chinanews report quoting the Supreme People's Court (2020-08-20, "
        "tellerreport.com); 2015 text, Art. 26 (lnmlw.com); 2020 text, Art. 31 "
        f"({LAWREFBOOK})",
        confidence=Confidence.VERIFIED_2ND,
        as_of=FACTS_AS_OF,
        facts=("2.3", "2.1"),
    ),
    LawCard(
        key="annual_rate_disclosure",
        title=N_("Lenders must show you the annual rate"),
        body=N_(
            "Since a People's Bank of China announcement of March 2021, banks, "
            "consumer-finance, auto-finance and microloan companies, and platforms that "
            "advertise loans must show the annualised rate clearly and put it in the "
            "contract. It includes every cost of the loan, interest and the fees tied to "
            "it, measured against the money you actually had the use of. A daily or "
            "monthly rate may be shown as well, but not more prominently. If you are "
            "only given a daily or monthly figure, ask for the annual one."
        ),
        source="PBoC Announcement [2021] No. 3 (2021-03-31), as reported by reuters.com "
        "and chinabankingnews.com (2021-04-02)",
        confidence=Confidence.VERIFIED_2ND,
        as_of=FACTS_AS_OF,
        facts=("1.7",),
    ),
    LawCard(
        key="collection_hours",
        title=N_("When and how often collectors may contact you"),
        body=N_(
            "According to news reports on the 2024 collection guideline of the National "
            "Internet Finance Association and a national standard reported in 2025: unless "
            "you agreed otherwise, no collection between 22:00 and 08:00; at most three "
            "connected calls a day to you, the lender and its agencies counted together; "
            "collectors deal with you, not your contacts, may reach a contact only when "
            "you cannot be reached, and must not tell them about the debt. The standard's "
            "own text was not read."
        ),
        source="NIFA《互联网金融贷后催收业务指引》(2024-05-15) and "
        "《互联网金融 个人网络消费信贷 贷后催收风控指引》(approved 2025-03-13), as reported "
        "by Southern Metropolis Daily (2024-05-15) and the NIFA announcement of 2025-03-14",
        confidence=Confidence.VERIFIED_2ND,
        as_of=SHEET_AS_OF,
        facts=("3.2", "15.2"),
    ),
    LawCard(
        key="credit_report",
        title=N_("Your rights over your credit report"),
        body=N_(
            "A lender must tell you before it reports negative information about you. "
            "Negative records are kept for five years from the day the default or event "
            "ends (commonly read as the day you settle), and you may add a statement of "
            "your own. You can get your own report free of charge twice a year, and you "
            "can dispute mistakes and have them corrected. Unpaid loans and card debts, "
            "court judgments and enforcement records all count as negative information."
        ),
        source=f"《征信业管理条例》Art. 15, 16, 17, 25, 44; {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("5.1",),
    ),
    LawCard(
        key="card_personal_instalment",
        title=N_("Credit cards: a personalised instalment plan"),
        body=N_(
            "When special circumstances leave you unable to repay a card debt you "
            "acknowledge, and you still want to repay, the bank may agree a personalised "
            "instalment plan with you, for at most five years. It may; it does not have "
            "to. The agreement sets the balance, the term and instalments, and whether "
            "the annual fee, interest and other fees are still charged; you promise not "
            "to apply for any bank's credit card until it is paid. The rule says that "
            "once it is signed, the bank and its agencies stop collection unless you "
            "break the agreement. People call this "
            "停息挂账, but the rule does not promise that interest stops: read what your "
            "own agreement says."
        ),
        source=CARD_ART_70_SOURCE,
        confidence=Confidence.VERIFIED_2ND,
        as_of=SHEET_AS_OF,
        facts=("4.1", "14.1"),
    ),
    LawCard(
        key="card_overdraft_rate",
        title=N_("Credit-card interest: the old cap was lifted in 2021"),
        body=N_(
            "From 1 January 2021 the old cap on credit-card overdraft interest (0.05% a "
            "day, with a floor of 0.7 times that) was lifted, and card issuers must show "
            "annual rates. Look for the annual rate in your card's contract, or ask the "
            "bank for it, and compare."
        ),
        source="People's Daily Online, 2021-01-11 (en.people.cn/n3/2021/0111/c90000-9807874.html)",
        confidence=Confidence.VERIFIED_2ND,
        as_of=FACTS_AS_OF,
        facts=("4.3",),
    ),
    LawCard(
        key="malicious_overdraft",
        title=N_("Why you should never go silent on a credit card"),
        body=N_(
            "Under the 2018 rules, malicious overdraft (恶意透支), a crime, needs several "
            "elements together: intent to keep the money unlawfully, spending beyond the "
            "limit or the term, two valid demands for payment at least 30 days apart, and "
            "still no repayment three months later. Missed payments alone do not prove "
            "intent, but the rules list running away or changing your contact details to "
            "escape collection as a sign of it. The amount starts to count as large "
            "at 50,000 yuan of unpaid principal; interest and fees are left out. "
            "Repaying in full before prosecution may mean no prosecution. Keep in touch "
            "with the bank even when you cannot pay."
        ),
        source="最高人民法院、最高人民检察院 decision on credit-card crimes (effective "
        f"2018-12-01); {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("6.1",),
    ),
    LawCard(
        key="internet_loan_limits",
        title=N_("Bank internet loans: the limits"),
        body=N_(
            "Under the 2020 interim rules on commercial banks' internet loans, a bank "
            "may give one borrower a consumer credit line of at most 200,000 yuan, and a "
            "loan repaid in a single sum at the end may run for at most one year. A "
            "March 2025 notice of the National Financial Regulatory Administration "
            "raised the internet consumer-loan line to 300,000 yuan for the time being."
        ),
        source="CBIRC Order 2020 No. 9,《商业银行互联网贷款管理暂行办法》(2020-07-12), as "
        "reported (tellerreport.com); NFRA《关于发展消费金融助力提振消费的通知》(2025-03), "
        "as reported (jrwh001.com, 884884.cn)",
        confidence=Confidence.VERIFIED_2ND,
        as_of=SHEET_AS_OF,
        facts=("3.6", "14.2"),
    ),
    LawCard(
        key="illegal_debt_collection",
        title=N_("Violent collection of illegal debts: the criminal law"),
        body=N_(
            "Using violence or coercion, restricting someone's freedom, entering their "
            "home, or threatening, stalking or harassing them to collect an illegal debt "
            "(such as one from usury) is, in serious cases, a crime under Article 293-1 of "
            "the Criminal Law, punishable by up to three years. Violent collection of a lawful debt is "
            "illegal too. Call 110 if you are threatened, followed, or someone forces "
            "their way into your home."
        ),
        source=f"《刑法》Art. 293-1 (催收非法债务罪); {LAWREFBOOK}",
        confidence=Confidence.VERIFIED,
        as_of=LAWREFBOOK_AS_OF,
        facts=("3.7",),
    ),
)


def law_card_lines(card: LawCard, lang: str | None = None) -> tuple[str, ...]:
    """Title, body, source, confidence, as-of and the disclaimer, ready to show."""
    return (
        tr(card.title, lang),
        tr(card.body, lang),
        labelled(tr(N_("Source"), lang), card.source, lang),
        labelled(tr(N_("How sure"), lang), confidence_label(card.confidence, lang), lang),
        labelled(tr(N_("Checked"), lang), card.as_of, lang),
        disclaimer(lang),
    )
