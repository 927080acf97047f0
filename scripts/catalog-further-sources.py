#!/usr/bin/env python3
"""Write the catalog's source texts for the further public facts.

Reads core/catalog/further/facts.csv (a copy of the project's collection of further public
facts; see core/catalog/further/README.md) and writes, for every source URL or repository
path in it, core/catalog/sources/<id>.txt holding the source reference and the sentences
quoted from it (verbatim, one paragraph each; not the full page), plus the sentences of
EXTRA (read from the stored public copies named there, for figures the collection's quote
leaves out). Then merges one entry per source into core/catalog/sources.json (id, file,
title, publisher, url; existing entries kept). Run from the repository root; idempotent.
"""
import csv
import json
import pathlib

ROOT = pathlib.Path("core/catalog")

# source key (URL or repo path, as in facts.csv) -> (id, title, publisher, published)
G = "civictechsweden/g0vse@data(b9e34cec61a3e35d81bde27a417a269945487a37):"
IDS = {
    "https://www.vantetider.se/resultat/komiljarden-2019/": ("vantetider-komiljarden-2019", "Kömiljarden 2019", "Vantetider.se (SKR)", None),
    "https://skr.se/arbetsgivarekollektivavtal/personalochkompetensforsorjning/halsoochsjukvard/overenskommelseutveckladeforutsattningarforvardensmedarbetare.28390.html": ("skr-medarbetare-2019", "Överenskommelse om utvecklade förutsättningar för vårdens medarbetare", "SKR", None),
    "https://skr.se/halsasjukvard/kunskapsstodvardochbehandling/primarvardnaravard/overenskommelseomengodochnaravard.28402.html": ("skr-god-och-nara-vard-2019", "Överenskommelse om en god och nära vård", "SKR", "2019-11-27"),
    "https://skr.se/halsasjukvard/psykiskhalsa/overenskommelsepsykiskhalsa.234.html": ("skr-psykisk-halsa-2019", "Överenskommelse psykisk hälsa", "SKR", "2019-12-04"),
    "http://anhoriga.se/nyheter/17-miljarder-till-insatser-inom-omradet-psykisk-halsa/": ("anhoriga-psykisk-halsa-2019", "1,7 miljarder till insatser inom området psykisk hälsa", "Nationellt kompetenscentrum anhöriga (anhoriga.se)", None),
    "https://www.regeringen.se/pressmeddelanden/2019/06/over-17-miljarder-till-arbetet-med-psykisk-halsa/": ("regeringen-psykisk-halsa-2019", "Över 1,7 miljarder till arbetet med psykisk hälsa", "Regeringskansliet, Socialdepartementet", None),
    "https://www.esv.se/statsliggaren/regleringsbrev/?rbid=20119": ("esv-regleringsbrev-2019", "Regleringsbrev 2019, anslag 1:8", "Ekonomistyrningsverket (statsliggaren)", None),
    "https://cancercentrum.se/samverkan/om-oss/nyheter/2019/december/170-miljoner-till-regionerna/": ("rcc-cancer-2019", "170 miljoner till regionerna", "Regionala cancercentrum i samverkan (cancercentrum.se)", None),
    "https://skl.se/halsasjukvard/kunskapsstodvardochbehandling/forlossningsvardkvinnorshalsa/overenskommelseforattframjakvinnorshalsa/fordelningavmedel2019.27908.html": ("skl-kvinnors-halsa-fordelning-2019", "Fördelning av medel 2019", "SKL", "2019-05-14"),
    G + "regeringsuppdrag/2019/05/uppdrag-att-utbetala-medel-till-landstingen-i-enlighet-med-tillaggsoverenskommelsen-om-okad-tillganglighet-och-jamlikhet-i-modra--och-forlossningsvarden-samt-forstarkta-insatser.md": ("g0vse-forlossning-utbetalning-2019", "Uppdrag att utbetala medel till landstingen i enlighet med tilläggsöverenskommelsen om ökad tillgänglighet och jämlikhet i mödra- och förlossningsvården samt förstärkta insatser", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://forskoleforum.se/nyheter/120-miljoner-okad-tillganglighet-i-barnhalsovarden": ("forskoleforum-barnhalsovard", "120 miljoner för ökad tillgänglighet i barnhälsovården", "Förskoleforum", None),
    G + "regeringsuppdrag/2019/05/uppdrag-att-utbetala-medel-till-landstingen-i-enlighet-med-overenskommlsen-om-standardiserade-vardforlopp-for-jamlik-och-effektiv-vard-med-god-kvalitet-2019.md": ("g0vse-svf-utbetalning-2019", "Uppdrag att utbetala medel till landstingen i enlighet med överenskommelsen om standardiserade vårdförlopp 2019", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://skr.se/vantetiderivarden/omvantetider/nyheteromvantetiderochtillganglighet/nyhetervantetiderivarden/fragorochsvaromoverenskommelsenomokadtillganglighetihalsoochsjukvarden2022.61312.html": ("skr-okad-tillganglighet-fragor-2022", "Frågor och svar om överenskommelsen om ökad tillgänglighet i hälso- och sjukvården 2022", "SKR", None),
    "https://skr.se/vantetiderivarden/omvantetider/nyheteromvantetiderochtillganglighet/nyhetervantetiderivarden/utbetalningavmedeltillregionernaenligtoverenskommelsenomokadtillganglighetihalsoochsjukvarden2022.66535.html": ("skr-okad-tillganglighet-utbetalning-2022", "Utbetalning av medel till regionerna enligt överenskommelsen om ökad tillgänglighet i hälso- och sjukvården 2022", "SKR", None),
    G + "regeringsuppdrag/2022/12/utbetalning-av-medel-till-regionerna-i-enlighet-med-overenskommelsen-om-okad-tillganglighet-i-halso--och-sjukvarden-2022.md": ("g0vse-okad-tillganglighet-december-2022", "Utbetalning av medel till regionerna i enlighet med överenskommelsen om ökad tillgänglighet i hälso- och sjukvården 2022", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://patientenkat.se/skr/halsasjukvard/patientinflytande/tillganglighetivardenvardgarantin/overenskommelseokadtillganglighet2022.28512.html": ("skr-okad-tillganglighet-tillagg-2022", "Överenskommelse ökad tillgänglighet 2022 (mirror of skr.se)", "SKR (via patientenkat.se)", None),
    "https://www.kunskapsstyrningvard.se/kunskapsstyrningvard/kunskapsstod/omvarakunskapsstod/personcentreradeochsammanhallnavardforlopp/overenskommelsevardforlopp.56169.html": ("kunskapsstyrning-vardforlopp-2022", "Överenskommelse om personcentrerade och sammanhållna vårdförlopp", "Nationellt system för kunskapsstyrning (SKR)", None),
    G + "regeringsuppdrag/2022/06/uppdrag-att-betala-ut-statsbidrag-till-regioner-och-kommuner-for-utokad-verksamhetsforlagd-utbildning.md": ("g0vse-vfu-2022", "Uppdrag att betala ut statsbidrag till regioner och kommuner för utökad verksamhetsförlagd utbildning", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://lawinsider.com/sv/contracts/7qLZCyB5o94": ("lawinsider-god-och-nara-vard-2022", "SKR Meddelande från styrelsen nr 4/2022", "SKR (via lawinsider.com)", None),
    "https://skr.se/skr/halsasjukvard/vardochbehandling/kvinnorshalsa/overenskommelseforattframjakvinnorshalsa/fordelningavmedel2022.27908.html": ("skr-kvinnors-halsa-fordelning-2022", "Fördelning av medel 2022", "SKR", None),
    G + "regeringsuppdrag/2020/12/utbetalning-av-medel-till-regionerna.md": ("g0vse-kvinnors-halsa-utbetalning-2020", "Utbetalning av medel till regionerna (december 2020)", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://skr.se/halsasjukvard/kunskapsstodvardochbehandling/forlossningsvardkvinnorshalsa/overenskommelseforattframjakvinnorshalsa/fordelningavmedel2020.27908.html": ("skr-kvinnors-halsa-fordelning-2020", "Fördelning av medel 2020", "SKR", "2020-01-10"),
    "https://www.kvalitetsregister.se/skr/halsasjukvard/utvecklingavverksamhet/psykiskhalsa/overenskommelsepsykiskhalsa.234.html": ("skr-psykisk-halsa-2022", "Överenskommelse psykisk hälsa (mirror of skr.se)", "SKR (via kvalitetsregister.se)", "2022-05-17"),
    "https://kbtsverige.wordpress.com/2020/01/31/17-miljarder-kronor-for-att-framja-psykisk-halsa-under-2020/": ("kbtsverige-psykisk-halsa-2020", "1,7 miljarder kronor för att främja psykisk hälsa under 2020", "KBT Sverige (quoting skr.se)", "2020-01-31"),
    "https://news.cision.com/se/socialdepartementet/r/miljontillskott-for-arbetet-med-kortare-vantetider-i-cancervarden-i-region-dalarna,c3460542": ("cision-cancer-dalarna-2021", "Miljontillskott för arbetet med kortare väntetider i cancervården i Region Dalarna", "Regeringskansliet, Socialdepartementet (via news.cision.com)", None),
    "https://5dok.org/document/q05x190g-%C3%B6verenskommelse-mellan-sveriges-kommuner-regioner-%C3%A4ldreomsorg-kvalitet-effektivitet.html": ("5dok-aldreomsorg", "Överenskommelse mellan staten och SKR om äldreomsorg (table of contents)", "5dok.org (copy)", None),
    G + "regeringsuppdrag/2021/01/utbetalning-av-medel-i-enlighet-med-overenskommelsen-mellan-staten-och-sveriges-kommuner-och-regioner-om-aldreomsorg--teknik-kvalitet-och-effektivitet-med-den-aldre-i-fokus.md": ("g0vse-aldreomsorg-utbetalning-2021", "Utbetalning av medel i enlighet med överenskommelsen om äldreomsorg (2021)", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://fou.sormland.se/blogg/2020/200-milj-till-digitalisering-inom-aldreomsorgen/": ("fou-sormland-aldreomsorg-2020", "200 milj till digitalisering inom äldreomsorgen", "FoU i Sörmland", None),
    "https://www.esv.se/statsliggaren/regleringsbrev/?RBID=22864": ("esv-regleringsbrev-2022", "Regleringsbrev 2022, anslag 1:5", "Ekonomistyrningsverket (statsliggaren)", None),
    G + "regeringsuppdrag/2021/12/utbetalning-av-medel-till-regionerna-och-sveriges-kommuner-och-regioner-i-enlighet-med-overenskommelsen-om-halso--och-sjukvardens-arbete-med-civilt-forsvar-2022.md": ("g0vse-civilt-forsvar-2022", "Utbetalning av medel till regionerna och SKR i enlighet med överenskommelsen om hälso- och sjukvårdens arbete med civilt försvar 2022", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "overenskommelser-och-avtal/2022/06/tillaggsoverenskommelse-om-forsorjningsberedskap-for-lakemedel-mellan-staten-och-sveriges-kommuner-och-regioner.md": ("g0vse-forsorjningsberedskap-2022", "Tilläggsöverenskommelse om försörjningsberedskap för läkemedel", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "regeringsuppdrag/2024/03/utbetalning-av-medel-till-regionerna.md": ("g0vse-sektorsbidrag-2024", "Utbetalning av medel till regionerna (mars 2024)", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "pressmeddelanden/2024/03/stora-satsningar-pa-sjukvarden.md": ("g0vse-stora-satsningar-2024", "Stora satsningar på sjukvården", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "pressmeddelanden/2024/09/miljardtillskott-till-regionernas-halso--och-sjukvard.md": ("g0vse-miljardtillskott-2024", "Miljardtillskott till regionernas hälso- och sjukvård", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "pressmeddelanden/2023/09/ett-nytt-sektorsbidrag-och-okade-prestationsbundna-bidrag-ska-starka-halso--och-sjukvarden-i-hela-landet.md": ("g0vse-sektorsbidrag-budget-2023", "Ett nytt sektorsbidrag och ökade prestationsbundna bidrag ska stärka hälso- och sjukvården i hela landet", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "regeringsuppdrag/2024/03/uppdrag-att-fordela-betala-ut-och-folja-upp-medel-for-att-oka-antalet-disponibla-vardplatser.md": ("g0vse-vardplatser-2024", "Uppdrag att fördela, betala ut och följa upp medel för att öka antalet disponibla vårdplatser", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://webbutik.skr.se/skr/halsasjukvard/patientinflytande/tillganglighetivardenvardgarantin/overenskommelseokadtillganglighet.28512.html": ("skr-okad-tillganglighet-2024", "Överenskommelse ökad tillgänglighet", "SKR", None),
    "https://news.cision.com/se/socialdepartementet/r/40-3-miljoner-till-region-vasterbotten-for-okad-tillganglighet-i-varden,c4084282": ("cision-vasterbotten-2024", "40,3 miljoner till Region Västerbotten för ökad tillgänglighet i vården", "Regeringskansliet, Socialdepartementet (via news.cision.com)", None),
    G + "pressmeddelanden/2025/01/mangmiljardsatsning-pa-okad-vardkapacitet-och-kortare-vardkoer.md": ("g0vse-vardkapacitet-2025", "Mångmiljardsatsning på ökad vårdkapacitet och kortare vårdköer", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "pressmeddelanden/2025/03/regeringen-satsar-497-miljoner-for-att-korta-vardkoerna.md": ("g0vse-vardkoer-497-2025", "Regeringen satsar 497 miljoner för att korta vårdköerna", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    "https://cancercentrum.se/norr/om-oss/mal-och-inriktning/overenskommelse/": ("rcc-norr-overenskommelse", "Överenskommelse (RCC Norr)", "Regionalt cancercentrum norr (cancercentrum.se)", None),
    G + "regeringsuppdrag/2024/12/utbetalning-av-medel-till-regionerna-i-enlighet-med-overenskommelse-om-en-jamlik-och-effektiv-cancervard-med-kortare-vantetider-2024.md": ("g0vse-svf-utbetalning-2024", "Utbetalning av medel till regionerna i enlighet med överenskommelse om en jämlik och effektiv cancervård med kortare väntetider 2024", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "pressmeddelanden/2025/12/regeringen-betalar-ut-1825-miljoner-kronor-for-kortare-vantetider-i-cancervarden.md": ("g0vse-svf-2025", "Regeringen betalar ut 182,5 miljoner kronor för kortare väntetider i cancervården", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "pressmeddelanden/2023/12/182-miljoner-betalas-ut-till-regionerna-for-arbete-med-standardiserade-vardforlopp-i-cancervarden.md": ("g0vse-svf-2023", "182 miljoner betalas ut till regionerna för arbete med standardiserade vårdförlopp i cancervården", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "artiklar/2020/05/preliminar-fordelning-av-tillskott-till-kommuner-och-regioner-for-2020.md": ("g0vse-fordelning-2020", "Preliminär fördelning av tillskott till kommuner och regioner för 2020", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
    G + "regeringsuppdrag/2018/07/uppdrag-att-utbetala-medel-i-enlighet-med-tillaggsoverenskommelsen-till-patientmiljarden.md": ("g0vse-patientmiljarden-2018", "Uppdrag att utbetala medel i enlighet med tilläggsöverenskommelsen till patientmiljarden", "Regeringskansliet (regeringen.se, via civictechsweden/g0vse)", None),
}

# Sentences read from the stored public copies (civictechsweden/g0vse, branch data, commit
# 23deb42eb86a765952433d390a33992e6b37a4ed for the 2023 and 2025/01 files, 5662957fcad22e47b614fe5486271655b37de5cc
# for 2025/12), for figures the collection's quote leaves out. Verbatim.
EXTRA = {
    "g0vse-vardkapacitet-2025": [
        "Regeringen har beslutat om att fördela 5,9 miljarder kronor till regionerna i form av statsbidrag.",
        "I tabellen längst ner anges fördelningen av statsbidrag till regionerna.",
        "| **Summa** | **5 886 500 000** |",
    ],
    "g0vse-svf-2025": [
        "Regeringen ger Kammarkollegiet i uppdrag att betala ut 182,5 miljoner kronor till landets regioner.",
        "Undantag är Gävleborg, Halland och Västerbotten, som inte nått upp till kraven.",
    ],
    "g0vse-svf-2023": [
        "Regeringen ger Kammarkollegiet i uppdrag att betala ut drygt 182 miljoner kronor till regionerna för deras arbete med standardiserade vårdförlopp. Detta sker i enlighet med den överenskommelse som regeringen och Sveriges Kommuner och Regioner, En jämlik och effektiv cancervård med kortare väntetider 2023.",
        "Samtliga regioner har uppfyllt villkoren för den andra utbetalningen och utbetalning till regionerna kommer att göras enligt följande:",
    ],
}


def key_of(source: str) -> str:
    return source.split(" ;")[0].split(" (")[0].strip()


def main() -> None:
    rows = list(csv.DictReader(open(ROOT / "further" / "facts.csv", encoding="utf-8")))
    quotes: dict[str, list[str]] = {}
    for r in rows:
        k = key_of(r["source"])
        if k in IDS and r["quote"].strip():
            q = r["quote"].strip()
            if q not in quotes.setdefault(k, []):
                quotes[k].append(q)
    sources = json.loads((ROOT / "sources.json").read_text(encoding="utf-8"))
    have = {s["id"] for s in sources}
    for k, (sid, title, publisher, published) in IDS.items():
        url = k
        if k.startswith("civictechsweden/"):
            url = "https://github.com/civictechsweden/g0vse/blob/data/" + k.split("):", 1)[1]
        lines = [
            f"Source: {k}",
            f"URL: {url}",
            f"Title: {title}",
            f"Publisher: {publisher}",
            "Stored: the sentences the vardavtal catalog quotes from this source, verbatim, one paragraph each (not the full page);",
            "copied from the project's collection of further public facts (core/catalog/further/facts.csv).",
            "",
        ]
        for q in quotes.get(k, []) + EXTRA.get(sid, []):
            lines += [q, ""]
        (ROOT / "sources" / f"{sid}.txt").write_text("\n".join(lines), encoding="utf-8")
        entry = {"id": sid, "file": f"{sid}.txt", "title": title, "publisher": publisher}
        if published:
            entry["published"] = published
        entry["url"] = url
        if sid in have:
            sources = [entry if s["id"] == sid else s for s in sources]
        else:
            sources.append(entry)
    (ROOT / "sources.json").write_text(json.dumps(sources, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
