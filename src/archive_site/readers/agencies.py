"""News agencies by their names, and the place after a reporter's name.

What the readers of bylines, datelines and credits know, and the loader (which copies are
an agency's) and the data files (which names are no person's) ask too: here, apart from
the byline reader, whose tens of patterns are compiled when it is imported, so that a
build whose records all come from the cache reads no byline and compiles none of them.
"""

from __future__ import annotations

import re

#: News agencies by the names their datelines, credits and pages give them, one agency a
#: line (a line ending with "|" goes on on the next), in the languages of their copies'
#: credits ("(رويترز)", "— Рейтер", "来源：路透社"): a dateline or a credit naming one of
#: them in another outlet's story makes it a copy of that agency's (see
#: ``load.articles.publication_chain``); an agency not here names no origin (an outlet's
#: own name in its dateline, "(RFE/RL)", "(KUNA)", is no copy's).  The wires of press releases
#: too ("/PRNewswire/ --", "--(BUSINESS WIRE)--"): another site's copy of a release is theirs.
_AGENCY_GROUPS = """
AP|Associated Press|The Associated Press|Ассошиэйтед Пресс|أسوشيتد برس|اسوشيتد برس|美联社|美聯社
Reuters|Thomson Reuters|Рейтер|Рейтерс|رويترز|رویترز|路透社|路透|ロイター|로이터|רויטרס
AFP|Agence France-Presse|Agence France Presse|AFP時事|Франс Пресс|Франс-Пресс|
أ ف ب|أ.ف.ب|فرانس برس|وكالة فرانس برس|خبرگزاری فرانسه|法新社
Xinhua|Xinhua News Agency|Xinhuanet|新华社|新华网|新華社|新華網|Синьхуа|شينخوا
TASS|ТАСС|TASS Russian News Agency|Информационное агентство ТАСС|تاس|塔斯社
Interfax|Интерфакс|Interfax-Ukraine|Interfax-Azerbaijan|Interfax-Kazakhstan|Интерфакс-Азербайджан|Интерфакс-Казахстан
RIA Novosti|РИА Новости|RIA|РИА
Sputnik|Спутник
AA|Anadolu|Anadolu Agency|Anadolu Ajansı|Anadolu Ajansi|Анадолу|الأناضول|وكالة الأناضول
AZERTAC|AZƏRTAC|Azertac|Azertag|AZERTAG|Azerbaijan State News Agency|АЗЕРТАДЖ|Азертадж
APA|APA Information Agency|Austria Presse Agentur|APA-OTS
Trend|Trend News Agency
Report|Report.az|Report İnformasiya Agentliyi
Turan|Turan Information Agency|Turan News Agency
Kazinform|Казинформ|KAZINFORM|Қазақпарат|Kazakpress
Yonhap|Yonhap News Agency|연합뉴스|韩联社|韓聯社
Kyodo|Kyodo News|共同通信|共同|共同社
Jiji|Jiji Press|時事通信|時事
IRNA|ایرنا|ایرنا|Islamic Republic News Agency|خبرگزاری جمهوری اسلامی
dpa|Deutsche Presse-Agentur|د ب أ
EFE|Agencia EFE
ANSA
PTI|Press Trust of India
UPI|United Press International
Bloomberg|Bloomberg News
China News Service|CNS|中新社|中新网|中国新闻网|中国新闻社
KUNA|Kuwait News Agency|كونا
WAM|Emirates News Agency|وام
BelTA|БелТА|Belarusian Telegraph Agency
PAP|Polska Agencja Prasowa|Polish Press Agency
Ukrinform|Укрінформ|Укринформ|Ukrainian National News Agency
UNIAN|УНІАН|УНИАН
Agência Brasil|Agencia Brasil
Lusa|Agência Lusa
Europa Press
Antara|Antara News|LKBN Antara|Kantor Berita Antara
Bernama|Malaysian National News Agency
ANI|Asian News International
IANS|Indo-Asian News Service
UzA|ЎзА|УзА|Uzbekistan National News Agency
Kabar|Кабар|Kabar News Agency
AKIpress|АКИpress
Montsame|Монцамэ|MONTSAME News Agency
VNA|Vietnam News Agency|TTXVN|Thông tấn xã Việt Nam
DHA|Demirören Haber Ajansı|Demiroren News Agency
İHA|IHA|İhlas Haber Ajansı|Ihlas News Agency
Armenpress|Арменпресс|Արմենպրես
Mehr News Agency|Mehr News|خبرگزاری مهر
Tasnim News Agency|Tasnim News|خبرگزاری تسنیم
ISNA|Iranian Students' News Agency|ایسنا
Fars News Agency|Fars News|خبرگزاری فارس
Saudi Press Agency|واس
QNA|Qatar News Agency|قنا
Middle East News Agency|أ ش أ
APP|Associated Press of Pakistan
PR Newswire|PRNewswire|Cision PR Newswire|PRNewswire-FirstCall|PRNewswire-Xinhua|PRNewswire-AsiaNet
Business Wire|BUSINESS WIRE|BusinessWire
GlobeNewswire|GLOBE NEWSWIRE|Globe Newswire|GlobeNewswire by notified
"""
_AGENCY_OF = {
    " ".join(name.split()).casefold(): n
    for n, line in enumerate(_AGENCY_GROUPS.strip().replace("|\n", "|").splitlines())
    for name in line.split("|")
}


#: News agencies and services a byline names after its writers ("By Aida Sultanova,
#: Reuters"): after a comma, one of these is the affiliation, not a writer (another name
#: is taken for a writer: a comma cannot tell them apart).  The agencies above, and
#: services and desks that make no copy of theirs.
AGENCIES = frozenset(_AGENCY_OF) | frozenset(
    (
        "cna",
        "bernama",
        "antara",
        "staff",
        "staff writer",
        "staff reporter",
        "news desk",
        "wire services",
        "agencies",
    )
)


def agency_of(name: str) -> int | None:
    """Which known news agency ``name`` names (see :data:`_AGENCY_GROUPS`), if any."""
    return _AGENCY_OF.get(" ".join(name.split()).casefold().removeprefix("the "))


#: Where a reporter was: "Nailia Bagirova in Baku".
PLACE = re.compile(r"\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
