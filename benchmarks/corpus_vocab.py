"""Parallel German, English, Ukrainian and French words the benchmark corpus is built from."""

from __future__ import annotations

from dataclasses import dataclass

LANGS = ("de", "en", "uk", "fr")
"""The source language and the three target languages, in this order everywhere."""

NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass(frozen=True)
class Filler:
    """One thing a template slot can hold, in every language and grammatical form it needs.

    ``forms[lang][key]`` is the text; key ``""`` is the base (nominative) form, other keys are
    cases or prepositional forms (``acc``, ``dat``, ``gen``, ``in``, ``de``, ``a``, ...).
    ``plural[lang]`` says whether a verb agreeing with it takes the plural in that language."""

    forms: dict[str, dict[str, str]]
    plural: dict[str, bool]


def filler(rows: dict[str, tuple[str, ...]], keys: dict[str, tuple[str, ...]]) -> Filler:
    """A filler from per-language tuples of forms, named by ``keys[lang]``."""
    forms = {lang: dict(zip(keys[lang], rows[lang], strict=True)) for lang in LANGS}
    return Filler(forms, dict.fromkeys(LANGS, False))


_ACTOR_KEYS = {
    "de": ("", "acc", "dat"),
    "en": ("",),
    "uk": ("", "gen"),
    "fr": ("", "a", "de"),
}

# de nom, acc, dat | en | uk nom, gen | fr nom, à, de | plural in de, en, uk, fr
_ACTORS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("Russland", "Russland", "Russland"), ("Russia",), ("Росія", "Росії"),
     ("la Russie", "à la Russie", "de la Russie"), ("", "", "", "")),
    (("die USA", "die USA", "den USA"), ("the US",), ("США", "США"),
     ("les États-Unis", "aux États-Unis", "des États-Unis"), ("pl", "", "pl", "pl")),
    (("die Ukraine", "die Ukraine", "der Ukraine"), ("Ukraine",), ("Україна", "України"),
     ("l'Ukraine", "à l'Ukraine", "de l'Ukraine"), ("", "", "", "")),
    (("die EU", "die EU", "der EU"), ("the EU",), ("ЄС", "ЄС"),
     ("l'UE", "à l'UE", "de l'UE"), ("", "", "", "")),
    (("die Nato", "die Nato", "der Nato"), ("NATO",), ("НАТО", "НАТО"),
     ("l'OTAN", "à l'OTAN", "de l'OTAN"), ("", "", "", "")),
    (("Deutschland", "Deutschland", "Deutschland"), ("Germany",), ("Німеччина", "Німеччини"),
     ("l'Allemagne", "à l'Allemagne", "de l'Allemagne"), ("", "", "", "")),
    (("Frankreich", "Frankreich", "Frankreich"), ("France",), ("Франція", "Франції"),
     ("la France", "à la France", "de la France"), ("", "", "", "")),
    (("Großbritannien", "Großbritannien", "Großbritannien"), ("Britain",),
     ("Велика Британія", "Великої Британії"),
     ("le Royaume-Uni", "au Royaume-Uni", "du Royaume-Uni"), ("", "", "", "")),
    (("die Bundesregierung", "die Bundesregierung", "der Bundesregierung"),
     ("the German government",), ("уряд Німеччини", "уряду Німеччини"),
     ("le gouvernement allemand", "au gouvernement allemand", "du gouvernement allemand"),
     ("", "", "", "")),
    (("die Vereinten Nationen", "die Vereinten Nationen", "den Vereinten Nationen"),
     ("the United Nations",), ("ООН", "ООН"),
     ("les Nations unies", "aux Nations unies", "des Nations unies"), ("pl", "", "", "pl")),
    (("die Türkei", "die Türkei", "der Türkei"), ("Turkey",), ("Туреччина", "Туреччини"),
     ("la Turquie", "à la Turquie", "de la Turquie"), ("", "", "", "")),
    (("Polen", "Polen", "Polen"), ("Poland",), ("Польща", "Польщі"),
     ("la Pologne", "à la Pologne", "de la Pologne"), ("", "", "", "")),
    (("der Kreml", "den Kreml", "dem Kreml"), ("the Kremlin",), ("Кремль", "Кремля"),
     ("le Kremlin", "au Kremlin", "du Kremlin"), ("", "", "", "")),
    (("die Europäer", "die Europäer", "den Europäern"), ("the Europeans",),
     ("європейці", "європейців"),
     ("les Européens", "aux Européens", "des Européens"), ("pl", "pl", "pl", "pl")),
    (("Kiew", "Kiew", "Kiew"), ("Kyiv",), ("Київ", "Києва"),
     ("Kyiv", "à Kyiv", "de Kyiv"), ("", "", "", "")),
    (("die Nachbarstaaten", "die Nachbarstaaten", "den Nachbarstaaten"),
     ("the neighbouring states",), ("сусідні держави", "сусідніх держав"),
     ("les États voisins", "aux États voisins", "des États voisins"), ("pl", "pl", "pl", "pl")),
)  # fmt: skip


def _actor(row: tuple[tuple[str, ...], ...]) -> Filler:
    base = filler(dict(zip(LANGS, row[:4], strict=True)), _ACTOR_KEYS)
    return Filler(base.forms, {lang: row[4][i] == "pl" for i, lang in enumerate(LANGS)})


ACTORS = tuple(_actor(row) for row in _ACTORS)

_PERSON_KEYS = {"de": ("", "short"), "en": ("", "short"), "uk": ("", "short", "gen"),
                "fr": ("", "short")}  # fmt: skip

_PERSONS = (
    (("der ukrainische Präsident Selenskyj", "Selenskyj"),
     ("Ukrainian President Zelensky", "Zelensky"),
     ("президент України Зеленський", "Зеленський", "Зеленського"),
     ("le président ukrainien Zelensky", "Zelensky")),
    (("Kremlchef Putin", "Putin"), ("Kremlin chief Putin", "Putin"),
     ("очільник Кремля Путін", "Путін", "Путіна"), ("le chef du Kremlin Poutine", "Poutine")),
    (("Nato-Generalsekretär Mark Rutte", "Rutte"), ("NATO Secretary General Mark Rutte", "Rutte"),
     ("генсек НАТО Марк Рютте", "Рютте", "Рютте"),
     ("le secrétaire général de l'OTAN Mark Rutte", "Rutte")),
    (("der französische Präsident Emmanuel Macron", "Macron"),
     ("French President Emmanuel Macron", "Macron"),
     ("президент Франції Емманюель Макрон", "Макрон", "Макрона"),
     ("le président Emmanuel Macron", "Macron")),
    (("Bundeskanzler Friedrich Merz", "Merz"), ("German Chancellor Friedrich Merz", "Merz"),
     ("канцлер Німеччини Фрідріх Мерц", "Мерц", "Мерца"),
     ("le chancelier allemand Friedrich Merz", "Merz")),
    (("der britische Premierminister Keir Starmer", "Starmer"),
     ("British Prime Minister Keir Starmer", "Starmer"),
     ("премʼєр-міністр Великої Британії Кір Стармер", "Стармер", "Стармера"),
     ("le Premier ministre britannique Keir Starmer", "Starmer")),
    (("US-Präsident Donald Trump", "Trump"), ("US President Donald Trump", "Trump"),
     ("президент США Дональд Трамп", "Трамп", "Трампа"),
     ("le président américain Donald Trump", "Trump")),
    (("der russische Außenminister Sergej Lawrow", "Lawrow"),
     ("Russian Foreign Minister Sergei Lavrov", "Lavrov"),
     ("міністр закордонних справ Росії Сергій Лавров", "Лавров", "Лаврова"),
     ("le ministre russe des Affaires étrangères Sergueï Lavrov", "Lavrov")),
    (("der ukrainische Außenminister Andrij Sybiha", "Sybiha"),
     ("Ukrainian Foreign Minister Andrii Sybiha", "Sybiha"),
     ("міністр закордонних справ України Андрій Сибіга", "Сибіга", "Сибіги"),
     ("le ministre ukrainien des Affaires étrangères Andriï Sybiha", "Sybiha")),
    (("der US-Sondergesandte Steve Witkoff", "Witkoff"), ("US special envoy Steve Witkoff", "Witkoff"),
     ("спецпосланець США Стів Віткофф", "Віткофф", "Віткоффа"),
     ("l'émissaire américain Steve Witkoff", "Witkoff")),
    (("die EU-Außenbeauftragte Kaja Kallas", "Kallas"),
     ("EU foreign policy chief Kaja Kallas", "Kallas"),
     ("голова дипломатії ЄС Кая Каллас", "Каллас", "Каллас"),
     ("la cheffe de la diplomatie européenne Kaja Kallas", "Kallas")),
)  # fmt: skip

PERSONS = tuple(filler(dict(zip(LANGS, row, strict=True)), _PERSON_KEYS) for row in _PERSONS)

_PLACE_KEYS = {"de": ("", "in"), "en": ("", "in"), "uk": ("", "in", "gen"), "fr": ("", "in", "de")}

_PLACES = (
    (("Kiew", "in Kiew"), ("Kyiv", "in Kyiv"), ("Київ", "у Києві", "Києва"),
     ("Kyiv", "à Kyiv", "de Kyiv")),
    (("Charkiw", "in Charkiw"), ("Kharkiv", "in Kharkiv"), ("Харків", "у Харкові", "Харкова"),
     ("Kharkiv", "à Kharkiv", "de Kharkiv")),
    (("Odessa", "in Odessa"), ("Odesa", "in Odesa"), ("Одеса", "в Одесі", "Одеси"),
     ("Odessa", "à Odessa", "d'Odessa")),
    (("Saporischschja", "in Saporischschja"), ("Zaporizhzhia", "in Zaporizhzhia"),
     ("Запоріжжя", "у Запоріжжі", "Запоріжжя"), ("Zaporijia", "à Zaporijia", "de Zaporijia")),
    (("Donezk", "in Donezk"), ("Donetsk", "in Donetsk"), ("Донецьк", "у Донецьку", "Донецька"),
     ("Donetsk", "à Donetsk", "de Donetsk")),
    (("Luhansk", "in Luhansk"), ("Luhansk", "in Luhansk"), ("Луганськ", "у Луганську", "Луганська"),
     ("Louhansk", "à Louhansk", "de Louhansk")),
    (("Cherson", "in Cherson"), ("Kherson", "in Kherson"), ("Херсон", "у Херсоні", "Херсона"),
     ("Kherson", "à Kherson", "de Kherson")),
    (("Dnipro", "in Dnipro"), ("Dnipro", "in Dnipro"), ("Дніпро", "у Дніпрі", "Дніпра"),
     ("Dnipro", "à Dnipro", "de Dnipro")),
    (("Moskau", "in Moskau"), ("Moscow", "in Moscow"), ("Москва", "у Москві", "Москви"),
     ("Moscou", "à Moscou", "de Moscou")),
    (("Berlin", "in Berlin"), ("Berlin", "in Berlin"), ("Берлін", "у Берліні", "Берліна"),
     ("Berlin", "à Berlin", "de Berlin")),
    (("Paris", "in Paris"), ("Paris", "in Paris"), ("Париж", "у Парижі", "Парижа"),
     ("Paris", "à Paris", "de Paris")),
    (("Brüssel", "in Brüssel"), ("Brussels", "in Brussels"), ("Брюссель", "у Брюсселі", "Брюсселя"),
     ("Bruxelles", "à Bruxelles", "de Bruxelles")),
    (("Genf", "in Genf"), ("Geneva", "in Geneva"), ("Женева", "у Женеві", "Женеви"),
     ("Genève", "à Genève", "de Genève")),
    (("Istanbul", "in Istanbul"), ("Istanbul", "in Istanbul"), ("Стамбул", "у Стамбулі", "Стамбула"),
     ("Istanbul", "à Istanbul", "d'Istanbul")),
    (("Washington", "in Washington"), ("Washington", "in Washington"),
     ("Вашингтон", "у Вашингтоні", "Вашингтона"), ("Washington", "à Washington", "de Washington")),
    (("Warschau", "in Warschau"), ("Warsaw", "in Warsaw"), ("Варшава", "у Варшаві", "Варшави"),
     ("Varsovie", "à Varsovie", "de Varsovie")),
)  # fmt: skip

PLACES = tuple(filler(dict(zip(LANGS, row, strict=True)), _PLACE_KEYS) for row in _PLACES)

FIRST_NAMES = (("Anna", "Анна", "f"), ("Jan", "Ян", "m"), ("Katrin", "Катрін", "f"),
               ("Markus", "Маркус", "m"), ("Julia", "Юлія", "f"), ("Thomas", "Томас", "m"),
               ("Sabine", "Забіне", "f"), ("Stefan", "Штефан", "m"), ("Claudia", "Клаудія", "f"),
               ("Michael", "Міхаель", "m"))  # fmt: skip
SURNAMES = (("Weber", "Вебер"), ("Schneider", "Шнайдер"), ("Fischer", "Фішер"),
            ("Becker", "Беккер"), ("Hoffmann", "Гофман"), ("Krause", "Краузе"),
            ("Lehmann", "Леманн"), ("Vogel", "Фогель"), ("Brandt", "Брандт"),
            ("Schulz", "Шульц"), ("Keller", "Келлер"), ("Wolff", "Вольфф"))  # fmt: skip
# masculine and feminine role in de, en, uk (m, f), fr (m, f)
ROLES = (
    ("der Politologe", "die Politologin", "political scientist", "політолог", "політологиня",
     "le politologue", "la politologue"),
    ("der Militärexperte", "die Militärexpertin", "military analyst", "військовий експерт",
     "військова експертка", "l'expert militaire", "l'experte militaire"),
    ("der Osteuropa-Historiker", "die Osteuropa-Historikerin", "Eastern Europe historian",
     "історик Східної Європи", "історикиня Східної Європи", "l'historien de l'Europe de l'Est",
     "l'historienne de l'Europe de l'Est"),
)  # fmt: skip
INSTITUTES = (
    ("vom Institut für Sicherheitspolitik in Kiel", "of the Institute for Security Policy in Kiel",
     "з Інституту безпекової політики в Кілі", "de l'Institut de politique de sécurité de Kiel"),
    ("von der Stiftung Wissenschaft und Politik", "of the German Institute for International and Security Affairs",
     "з Фонду науки і політики", "de la Fondation Science et Politique"),
    ("vom Zentrum für Osteuropastudien in Bremen", "of the Centre for East European Studies in Bremen",
     "з Центру східноєвропейських студій у Бремені", "du Centre d'études est-européennes de Brême"),
)  # fmt: skip

QUOTES = (
    ("Die Lage ist ernster, als viele glauben", "The situation is more serious than many believe",
     "Ситуація серйозніша, ніж багато хто думає", "La situation est plus grave que beaucoup ne le pensent"),
    ("Ohne verlässliche Zusagen wird es keinen Frieden geben", "Without reliable commitments there will be no peace",
     "Без надійних зобовʼязань миру не буде", "Sans engagements fiables, il n'y aura pas de paix"),
    ("Die kommenden Wochen werden entscheidend sein", "The coming weeks will be decisive",
     "Наступні тижні будуть вирішальними", "Les semaines à venir seront décisives"),
    ("Moskau setzt weiter auf Zeit", "Moscow is still playing for time",
     "Москва й далі грає на час", "Moscou continue de jouer la montre"),
    ("Europa muss mehr Verantwortung übernehmen", "Europe must take on more responsibility",
     "Європа має взяти на себе більше відповідальності", "L'Europe doit assumer davantage de responsabilités"),
    ("Die Front ist in Bewegung geraten", "The front line has started to move",
     "Лінія фронту прийшла в рух", "La ligne de front s'est mise en mouvement"),
    ("Niemand sollte sich Illusionen machen", "Nobody should be under any illusions",
     "Ніхто не повинен мати ілюзій", "Personne ne devrait se faire d'illusions"),
    ("Die Verhandlungen stehen noch ganz am Anfang", "The negotiations are only just beginning",
     "Переговори лише починаються", "Les négociations n'en sont qu'à leurs débuts"),
)  # fmt: skip

MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
           "вересня", "жовтня", "листопада", "грудня"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
}  # fmt: skip

SWAP_WORDS = ("jedoch", "offenbar", "weiterhin", "zunächst", "inzwischen", "allerdings",
              "deutlich", "bislang", "erneut", "ebenfalls")  # fmt: skip
"""Words the one-word edit puts in place of a word of the text."""
