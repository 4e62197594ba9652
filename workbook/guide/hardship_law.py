"""Step 7, when a lender goes to court: cards on limitation, payment orders, lawsuits,
mediation, enforcement, the dishonest-debtor list, bankruptcy, complaints, the credit
report and hardship relief (china-facts.md §8-§15).

Each card names the fact-sheet sections it states (`facts`, checked against
`workbook.guide.fact_sheet.FACTS` by a test) and carries their source, confidence and
as-of date. Only verified and verified-2nd facts are stated; where a section is weaker
in part, that part is left out (see the table's notes). `words` are search words in
both languages, so the palette finds a card whichever language the user types in.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbook.guide.sources import (
    DISCLAIMER,
    LAWREFBOOK,
    LAWREFBOOK_AS_OF,
    SHEET_AS_OF,
    Confidence,
    confidence_label,
    disclaimer,
)
from workbook.guide.wording import labelled, tr
from workbook.i18n import N_

BANKRUPTCY_AS_OF = "2025-12"  # the latest sources seen on bankruptcy (§10.1)
CPL = "《民事诉讼法》(2023 text)"


@dataclass(frozen=True)
class HardCard:
    key: str
    facts: tuple[str, ...]  # china-facts.md sections, e.g. ("8.5",)
    title: str  # msgid
    body: str  # msgid
    source: str  # not translated: document names and addresses
    confidence: Confidence
    as_of: str
    words: str  # search words, Chinese and English, not shown

    @property
    def disclaimer(self) -> str:
        return DISCLAIMER


HARD_CARDS: tuple[HardCard, ...] = (
    HardCard(
        "limitation", ("8.1", "8.2", "8.3", "8.4"),
        N_("Three years to sue: the limitation period"),
        N_("A lender has three years to ask a court for payment, counted from when it knew "
           "you had not paid; for an instalment loan, usually from the due date of the last "
           "instalment. Every collection message that reaches you, every partial payment "
           "and every plan you agree starts the three years again. If a debt really is out "
           "of time, the court will not say so for you: you must raise it yourself, at the "
           "first hearing, in your written defence. Agreeing to pay after that, or signing a "
           "lender's acknowledgement form, can give the defence up."),
        f"《民法典》Art. 188, 189, 192, 193, 195; SPC rules on limitation (2020 revision) "
        f"Art. 2, 3, 8, 14, 19; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "诉讼时效 时效 三年 过期 limitation period expired three years statute"),
    HardCard(
        "payment_order", ("8.5",),
        N_("A payment order (支付令): 15 days to object in writing"),
        N_("A payment order is a court's order to pay, made without a hearing. From the day "
           "you receive it you have 15 days to pay or to object in writing to the court; "
           "after that it can be enforced like a judgment. Only an objection to the debt "
           "itself counts: the amount, the interest, the fees. Saying you cannot pay, or "
           "asking for more time or another way to pay, does not stop it, and an objection "
           "by phone or in person is void. A valid objection ends the order, and the case "
           "usually goes on as an ordinary lawsuit."),
        f"{CPL}, Art. 225-228; SPC interpretation of the CPL (2022) Art. 436; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "支付令 督促程序 异议 法院 payment order objection court 15 days"),
    HardCard(
        "lawsuit", ("8.6", "8.7"),
        N_("Served with a lawsuit: answer within 15 days, and go"),
        N_("In an ordinary case you have 15 days from receiving the claim to file a written "
           "defence (答辩状). If you are summoned and do not appear without good reason, the "
           "court can decide without you. Many consumer-loan cases are small claims: one "
           "hearing, a judgment within about two months, and no appeal. There the court "
           "sets the defence period, at most 15 days, and any objection to using small-claims "
           "procedure must be made before the hearing. Use the time to dispute the amount, "
           "the interest and the fees, with your evidence."),
        f"{CPL}, Art. 128, 147, 165-169; SPC interpretation of the CPL (2022) Art. 275, 279; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "起诉 诉讼 传票 答辩 答辩状 小额诉讼 开庭 缺席 lawsuit sued court summons defence "
        "small claims hearing"),
    HardCard(
        "court_mediation", ("8.8",),
        N_("Court mediation: a real chance to agree a plan"),
        N_("When a lender sues, the court often first offers mediation, before or at filing; "
           "online mediation before filing normally lasts up to 30 days. It is a real chance "
           "to agree a repayment plan you can keep. A plan reached with a lawful mediation "
           "body can be confirmed by a court, applied for by both sides within 30 days; once "
           "confirmed it binds you too, and a missed payment lets the lender enforce it."),
        f"{CPL}, Art. 125, 205, 206; 《人民法院在线调解规则》Art. 24; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "调解 诉前调解 司法确认 mediation court mediation settle plan"),
    HardCard(
        "enforcement", ("9.1",),
        N_("Enforcement: what the court can take, and what it must leave you"),
        N_("After a judgment you do not meet, the court can take income and seize property, "
           "but it must leave what you and your dependants need to live. You must report "
           "your property when the enforcement notice asks; refusing or lying can bring a "
           "fine or detention. Interest for the time you pay late is doubled. The court can "
           "also restrict travel abroad and record the default. You can still agree a "
           "settlement with the lender during enforcement; if it is broken, the judgment is "
           "enforced again. The lender has two years to apply for enforcement."),
        f"{CPL}, Art. 241, 250, 252, 254, 255, 264, 266; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "执行 强制执行 冻结 财产 和解 enforcement frozen account seize settlement"),
    HardCard(
        "dishonest_list", ("9.2", "9.3"),
        N_("The dishonest-debtor list (失信): not for being poor"),
        N_("Being unable to pay is not by itself a ground for the list: the first ground "
           "needs the ability to pay and a refusal. The others are conduct: obstructing or "
           "evading enforcement, hiding assets, not reporting property, breaking a spending "
           "restriction or a settlement; these bring two years, extendable by one to three. "
           "You are removed within three working days once the debt is paid, a settlement "
           "is performed or the creditor asks. If listed wrongly, apply in writing for "
           "correction: the court examines within 15 days. Before listing, courts may give "
           "one to three months' grace: ask the enforcement judge and offer a plan."),
        "SPC rules on the dishonest-debtor list (法释〔2017〕7号, in force 2017-05-01), "
        "Art. 1-4, 10, 12, as reproduced (zzu.edu.cn, lawyeryw.com, chinalawtranslate.com); "
        "SPC 法发〔2019〕35号 (bj148.org, laitimes.com)",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "失信 失信被执行人 黑名单 老赖 宽限期 dishonest debtor blacklist list grace"),
    HardCard(
        "spending_restriction", ("9.4",),
        N_("A spending restriction (限高): travel and luxuries, not living costs"),
        N_("After you miss the deadline in an enforcement notice, the court may restrict "
           "your spending; everyone on the dishonest-debtor list is restricted. You may not "
           "fly, take high-speed G trains or first-class seats, stay in star hotels, buy "
           "property or non-essential cars, or pay high private-school fees. Ordinary living "
           "costs are not affected, and spending needed for life or work can be approved by "
           "the court. Breaking the order is itself a ground for a fine and the list. It "
           "must be lifted once the debt is paid."),
        "SPC rules on restricting high consumption (2015 revision, in force 2015-07-22), "
        "Art. 1, 3, 8, 9, as reproduced (sinotf.com) and the 2010 text in LawRefBook",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "限制消费 限高 高铁 飞机 spending restriction travel ban train flight"),
    HardCard(
        "refusing_enforcement", ("9.5",),
        N_("The crime of refusing a judgment needs the ability to pay"),
        N_("Refusing to carry out a court judgment is a crime only when you are able to pay "
           "and refuse, and the case is serious. Being poor is not the risk; hiding income "
           "or assets after a judgment is."),
        f"《刑法》Art. 313; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "拒不执行 犯罪 刑事 crime refuse judgment jail"),
    HardCard(
        "bankruptcy", ("10.1", "10.2", "10.3", "10.4"),
        N_("Personal bankruptcy: only in Shenzhen and Xiamen"),
        N_("There is no national personal-bankruptcy law; the 2025 draft revision of the "
           "bankruptcy law covers only people jointly liable for a bankrupt company's debts. "
           "Shenzhen's regulation (in force 2021-03-01) is open to people who have lived in "
           "Shenzhen and paid into its social insurance for three years in a row, including "
           "for consumer debts; after liquidation comes a three-year observation period, then "
           "an honest debtor's remaining debts may be discharged. Xiamen's regulation is in "
           "force from 2025-11-01, with its own residence conditions. In Zhejiang, courts run "
           "a personal debt-clearing practice (个人债务集中清理) under a December 2020 "
           "guideline: ask the enforcement court about it; it needs the creditors' agreement "
           "and is not a right."),
        "第一财经 2025-09-22, 环球律师 2025-09-25 (draft); 《深圳经济特区个人破产条例》 "
        "(bycpa.com, chinajusticeobserver.com); npc.gov.cn 2025-12-02 (Xiamen); "
        "chinacourt.org 2020-12 (Zhejiang)",
        Confidence.VERIFIED_2ND, BANKRUPTCY_AS_OF,
        "破产 个人破产 深圳 厦门 浙江 个债清理 bankrupt bankruptcy Shenzhen Xiamen Zhejiang"),
    HardCard(
        "complaints", ("11.1", "11.2", "12.1"),
        N_("Complaints: the lender's time limits, then 12378; mediation"),
        N_("Complain to the bank or consumer-finance company first, in writing, and note the "
           "date. It must decide within 15 days; a complex complaint may take 30, and with "
           "notice to you 30 more, 60 at most. No decision in time: complain to 12378, the "
           "financial regulator's consumer hotline. Financial-dispute mediation centres and "
           "court-linked mediation can also help agree a plan, which a court can confirm. "
           "Before paying or signing anything for a 'mediator', check it through the court, "
           "the lender's official channel or 12378."),
        "《银行业保险业消费投诉处理管理办法》(CBIRC Order 2020 No. 3; Xinhua, Caixin 2020-01-17); "
        "法发〔2019〕27号; 金发〔2025〕14号 (Xinhua 2025-04-03); 12378: changzhou.gov.cn, 中新网",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "投诉 12378 调解 金融纠纷 complaint complain mediation regulator"),
    HardCard(
        "credit_report_objection", ("13.1",),
        N_("Your credit report: five years, two free reports, 20 days to answer"),
        N_("A bad record is kept five years from the day the default ends, normally when it "
           "is repaid, and must then be deleted. You may add your own statement. You can get "
           "your report free twice a year. If a record is wrong, object to the credit "
           "agency or the lender: they must mark it as disputed, check it and answer you in "
           "writing within 20 days. If not, complain to the local People's Bank branch "
           "(answer within 30 days) or go to court. The objection is yours to make; be wary "
           "of anyone who charges to 'repair' or 'clean' a credit report."),
        f"《征信业管理条例》Art. 16, 17, 25, 26; {LAWREFBOOK}",
        Confidence.VERIFIED, LAWREFBOOK_AS_OF,
        "征信 信用报告 异议 征信修复 credit report objection repair record"),
    HardCard(
        "instalments_not_a_right", ("14.1",),
        N_("Personalised instalments: ask, but it is not a right"),
        N_("A card issuer may agree a personalised instalment plan of up to five years when "
           "the debt is beyond what you can pay and you still want to repay. May, not must: "
           "the bank can refuse, and interest stops (停息) only if the agreement says so. No "
           "rule was found that obliges consumer-finance companies or online lenders to "
           "offer one: ask all the same."),
        "《商业银行信用卡业务监督管理办法》Art. 70 (yktchina.com citing gov.cn, btcinst.com, "
        "faniuwenda.com)",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "个性化分期 停息挂账 分期 instalment personalised hardship plan"),
    HardCard(
        "relief_2025", ("14.2",),
        N_("The 2025 relief notice: the regulator's encouragement"),
        N_("In March 2025 the National Financial Regulatory Administration issued a notice on "
           "consumer finance (Q&A of 2025-03-14) that encourages lenders to work with "
           "borrowers with a good record who are in temporary difficulty. It is "
           "encouragement, not a right. If your record was good until a recent shock, your "
           "letter can mention it when asking for a longer term or a different payment "
           "frequency."),
        "NFRA 《关于发展消费金融助力提振消费的通知》 (jrwh001.com, 884884.cn, 7wnews.com)",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "纾困 金融监管总局 续贷 relief NFRA 2025 notice hardship"),
    HardCard(
        "bank_collection_2026", ("15.1",),
        N_("Banks and consumer-finance lenders: the 2026 collection guideline"),
        N_("The China Banking Association's guideline of 2026-01-30 on collecting consumer "
           "loans and card debts: no collection between 22:00 and 08:00 without your "
           "consent; when calls go unanswered, at most six attempts a day to one number; "
           "nothing from or to people unrelated to the debt; no pretending to be a court or "
           "authority, no fake blacklists, no exaggerating the debt or the consequences; no "
           "notices in public places; no extra fees, and no pushing you to take new loans. "
           "It is industry self-regulation, not a law, but you can quote it in complaints."),
        "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》(2026-01-30), as reported "
        "by 中国证券报 2026-01-31 and 中新网 2026-01-30",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "催收 银行业协会 骚扰 家人 通讯录 collection collector harassment family calls"),
    HardCard(
        "legal_aid", ("12.2", "12.3"),
        N_("Free legal advice: 12348; representation is not guaranteed"),
        N_("Anyone can get free legal advice by phone on 12348 or at 12348.gov.cn, and legal "
           "aid bodies help draft documents. Free representation in court is for the matters "
           "the Legal Aid Law lists, and defending a consumer-loan case is not on the "
           "national list; local rules may add it. Ask 12348 to check your drafts."),
        f"《法律援助法》Art. 22, 23, 31; {LAWREFBOOK}; 12348: en.moj.gov.cn, Xinhua 2020-05-24",
        Confidence.VERIFIED_2ND, SHEET_AS_OF,
        "法律援助 12348 律师 法律咨询 legal aid lawyer advice hotline"),
)

CARDS_BY_KEY: dict[str, HardCard] = {card.key: card for card in HARD_CARDS}


def hard_card_lines(card: HardCard, lang: str | None = None) -> tuple[str, ...]:
    """Title, body, source, confidence, as-of and the disclaimer, ready to show."""
    return (
        tr(card.title, lang),
        tr(card.body, lang),
        labelled(tr(N_("Source"), lang), card.source, lang),
        labelled(tr(N_("How sure"), lang), confidence_label(card.confidence, lang), lang),
        labelled(tr(N_("Checked"), lang), card.as_of, lang),
        disclaimer(lang),
    )
