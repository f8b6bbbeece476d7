"""What MGOPS Wieruszów's partners and registers reported for 2018 (seed 000_73059c7f296dcaf6).

These are *entered values*: the indicator values partners type into their
contributions and the figures the office keeps in other systems. Totals that Ostoja
can compute (families served, Blue Card counts …) are not here; ``build.py`` creates
the records they are counted from.
"""

PROGRAMME = {
    "name": "Program Wspierania Rodziny na lata 2016–2018 w Gminie Wieruszów",
    "resolution_number": "XX/153/2016",
    "resolution_date": "2016-02-25",
    "year_from": 2016,
    "year_to": 2018,
    "main_goal": "Stworzenie spójnego systemu opieki nad rodziną w Wieruszowie.",
    "goals": ["Wielopłaszczyznowe wsparcie dla rodzin."],
}

#: number → (title, carried out by MGOPS itself)
TASKS: dict[int, tuple[str, bool]] = {
    1: ("Stałe diagnozowanie sytuacji rodzin objętych pomocą Ośrodka.", True),
    2: ("Zapewnienie rodzinom specjalistycznego poradnictwa i wsparcia.", True),
    3: ("Poprawienie relacji rodzic – dziecko poprzez organizowanie spotkań edukacyjnych.", True),
    4: (
        "Realizacja programów mających na celu podnoszenie kompetencji "
        "opiekuńczo-wychowawczych rodziców.",
        False,
    ),
    5: (
        "Rozwijanie systemu ulg skierowanych do rodzin wielodzietnych i promocja modelu "
        "rodziny wielodzietnej.",
        True,
    ),
    6: (
        "Tworzenie form aktywności społecznej działającej na rzecz wspomagania rodzin oraz "
        "umacniania w nich więzi rodzinnych.",
        False,
    ),
    7: ("Poszerzanie ofert zajęć pozalekcyjnych dla dzieci i młodzieży.", False),
    8: (
        "Wyrównywanie szans edukacyjnych przez pomoc materialną (stypendia, zasiłki, "
        "dofinansowanie do imprez szkolnych i wycieczek, udział w projektach).",
        True,
    ),
    9: (
        "Udzielenie pomocy rodzinom dotkniętym problemem alkoholowym oraz zjawiskiem przemocy "
        "i rozwijanie interdyscyplinarnego podejścia do rozwiązywania problemów rodzin.",
        True,
    ),
    10: (
        "Działania z zakresu profilaktyki uzależnień poprzez prowadzenie w szkole programów "
        "profilaktycznych dotyczących uzależnień, agresji, radzenia sobie ze stresem.",
        False,
    ),
    11: (
        "Podejmowanie działań na rzecz powrotu do rodziny naturalnej dziecka umieszczonego "
        "w pieczy zastępczej.",
        True,
    ),
    12: (
        "Organizowanie pomocy psychologiczno-pedagogicznej w szkole oraz placówkach "
        "specjalistycznych dla dzieci z rodzin niewydolnych.",
        False,
    ),
    13: (
        "Podejmowanie działań w celu zapewnienia nadzoru kuratora nad nieletnimi pozbawionymi "
        "dostatecznej opieki ze strony rodziców.",
        True,
    ),
    14: ("Prowadzenie monitoringu dziecka w rodzinie dotkniętej sytuacją kryzysową.", False),
    15: (
        "Współpraca wszystkich instytucji w zakresie przeciwdziałania przemocy i ochrony ofiar "
        "przemocy.",
        True,
    ),
}

#: code → (name, short name, kind)
PARTNERS: dict[str, tuple[str, str, str]] = {
    "pcpr": (
        "Powiatowe Centrum Pomocy Rodzinie w Wieruszowie",
        "PCPR",
        "county_family_centre",
    ),
    "pik": (
        "Punkt Interwencji Kryzysowej przy PCPR w Wieruszowie",
        "PIK przy PCPR",
        "county_family_centre",
    ),
    "ppp": ("Poradnia Psychologiczno-Pedagogiczna w Wieruszowie", "PPP", "counselling_centre"),
    "moptuiw": (
        "Miejski Ośrodek Profilaktyki, Terapii Uzależnień i Współuzależnienia w Wieruszowie",
        "MOPTUiW",
        "addiction_centre",
    ),
    "sp1": (
        "Szkoła Podstawowa nr 1 im. Janusza Korczaka w Wieruszowie",
        "SP nr 1 im. J. Korczaka",
        "school",
    ),
    "sp3": ("Szkoła Podstawowa nr 3 im. Jana Pawła II w Wieruszowie", "SP nr 3", "school"),
    "zs2": (
        "Zespół Szkół nr 2 im. Marszałka Józefa Piłsudskiego w Wieruszowie",
        "ZS nr 2",
        "school",
    ),
    "sp_pieczyska": ("Szkoła Podstawowa w Pieczyskach", "SP Pieczyska", "school"),
    "sp_wyszanow": ("Szkoła Podstawowa w Wyszanowie", "SP Wyszanów", "school"),
    "sp_teklinow": ("Szkoła Podstawowa w Teklinowie", "SP Teklinów", "school"),
    "kpp": ("Komenda Powiatowa Policji w Wieruszowie", "KPP", "police"),
    "kuratorzy": (
        "Zespół Kuratorskiej Służby Sądowej Sądu Rejonowego w Wieruszowie",
        "Kuratorzy sądowi",
        "court_curators",
    ),
}
#: In the order of the report's task 10; the schools' joint lists are split in this order.
SCHOOLS = ["sp3", "zs2", "sp1", "sp_pieczyska", "sp_wyszanow", "sp_teklinow"]

#: (task, partner, metric key = fact id, label, unit, 2018 value)
INDICATORS: list[tuple[int, str, str, str, str, int]] = [
    # task 2: the counselling centre
    (
        2,
        "ppp",
        "counselling_centre.diagnoses.psychological",
        "Diagnozy psychologiczne",
        "persons",
        291,
    ),
    (2, "ppp", "counselling_centre.diagnoses.pedagogical", "Diagnozy pedagogiczne", "persons", 272),
    (2, "ppp", "counselling_centre.diagnoses.speech", "Diagnozy logopedyczne", "persons", 57),
    (
        2,
        "ppp",
        "counselling_centre.psychological_consultations",
        "Konsultacje psychologiczne",
        "persons",
        163,
    ),
    (
        2,
        "ppp",
        "counselling_centre.corrective_compensatory_classes",
        "Zajęcia korekcyjno-kompensacyjne",
        "persons",
        9,
    ),
    (2, "ppp", "counselling_centre.therapy.speech", "Terapia logopedyczna", "persons", 37),
    (
        2,
        "ppp",
        "counselling_centre.therapy.psychological_individual",
        "Terapia psychologiczna indywidualna",
        "persons",
        54,
    ),
    (
        2,
        "ppp",
        "counselling_centre.therapy.dyslexia_dysorthography",
        "Terapia dysleksji i dysortografii",
        "persons",
        4,
    ),
    (2, "ppp", "counselling_centre.therapy.family", "Terapia rodzin", "families", 4),
    (2, "ppp", "counselling_centre.therapy.sociotherapy", "Socjoterapia", "persons", 0),
    (
        2,
        "ppp",
        "counselling_centre.educational_counselling",
        "Psychologiczne doradztwo wychowawcze",
        "persons",
        124,
    ),
    (
        2,
        "ppp",
        "counselling_centre.advice.teachers",
        "Porady i konsultacje dla nauczycieli",
        "persons",
        109,
    ),
    (
        2,
        "ppp",
        "counselling_centre.advice.parents",
        "Porady i konsultacje dla rodziców",
        "persons",
        198,
    ),
    (
        2,
        "ppp",
        "counselling_centre.advice.children_youth",
        "Porady i konsultacje dla dzieci i młodzieży",
        "persons",
        232,
    ),
    (
        2,
        "ppp",
        "counselling_centre.speech_screening",
        "Logopedyczne badania przesiewowe",
        "persons",
        193,
    ),
    (
        2,
        "ppp",
        "counselling_centre.rulings.forms_of_education",
        "Orzeczenia do różnych form kształcenia",
        "rulings",
        79,
    ),
    (
        2,
        "ppp",
        "counselling_centre.opinions.forms_of_education",
        "Opinie do różnych form kształcenia",
        "opinions",
        12,
    ),
    (
        2,
        "ppp",
        "counselling_centre.opinions.school_support",
        "Opiniowanie form pomocy psychologiczno-pedagogicznej w szkole i przedszkolu",
        "persons",
        210,
    ),
    (
        2,
        "ppp",
        "counselling_centre.vocational_advice",
        "Porady zawodowe na podstawie badań",
        "persons",
        52,
    ),
    (2, "ppp", "counselling_centre.crisis_intervention", "Interwencja kryzysowa", "persons", 4),
    (2, "ppp", "counselling_centre.eeg_biofeedback", "Terapia EEG Biofeedback", "persons", 3),
    # task 3: PCPR trainings
    (
        3,
        "pcpr",
        "county_family_centre.foster_trainings",
        "Szkolenia dla rodzin zastępczych",
        "trainings",
        2,
    ),
    (
        3,
        "pcpr",
        "county_family_centre.foster_training_participants",
        "Uczestnicy szkoleń dla rodzin zastępczych",
        "persons",
        10,
    ),
    # task 4: PCPR programmes
    (
        4,
        "pcpr",
        "county_family_centre.foster_care_programmes",
        "Realizowane programy rozwoju pieczy zastępczej",
        "programmes",
        1,
    ),
    (
        4,
        "pcpr",
        "county_family_centre.foster_care_programme_length",
        "Okres realizacji programu rozwoju pieczy zastępczej",
        "years",
        3,
    ),
    # task 6: MOPTUiW workshops „Ja też potrafię”
    (
        6,
        "moptuiw",
        "addiction_centre.workshop_participants",
        "Uczestnicy warsztatów psychologicznych „Ja też potrafię”",
        "children",
        32,
    ),
    (
        6,
        "moptuiw",
        "addiction_centre.workshop_age_min",
        "Wiek uczestników warsztatów – od",
        "years",
        4,
    ),
    (
        6,
        "moptuiw",
        "addiction_centre.workshop_age_max",
        "Wiek uczestników warsztatów – do",
        "years",
        16,
    ),
    (6, "moptuiw", "addiction_centre.workshop_age_groups", "Grupy wiekowe warsztatów", "groups", 4),
    (6, "moptuiw", "addiction_centre.workshop_hours", "Godziny zajęć warsztatów", "hours", 156),
    # task 7: the school with a preschool section („Zabawy logopedyczne 3–5 latków”)
    (
        7,
        "sp_teklinow",
        "schools.speech_games_age_min",
        "Zabawy logopedyczne – wiek dzieci od",
        "years",
        3,
    ),
    (
        7,
        "sp_teklinow",
        "schools.speech_games_age_max",
        "Zabawy logopedyczne – wiek dzieci do",
        "years",
        5,
    ),
    # task 9: PCPR, its crisis intervention point, MOPTUiW
    (
        9,
        "pcpr",
        "county_family_centre.advice.violence",
        "Porady dotyczące przemocy",
        "consultations",
        2,
    ),
    (
        9,
        "pcpr",
        "county_family_centre.advice.addiction",
        "Porady dotyczące uzależnień",
        "consultations",
        9,
    ),
    (
        9,
        "pcpr",
        "county_family_centre.blue_cards_started",
        "Założone „Niebieskie Karty”",
        "cards",
        1,
    ),
    (
        9,
        "pik",
        "county_family_centre.crisis_point.advice.legal",
        "Porady prawne (PIK)",
        "consultations",
        92,
    ),
    (
        9,
        "pik",
        "county_family_centre.crisis_point.advice.psychological",
        "Porady psychologiczne (PIK)",
        "consultations",
        47,
    ),
    (
        9,
        "pik",
        "county_family_centre.crisis_point.advice.social",
        "Poradnictwo socjalne (PIK)",
        "consultations",
        43,
    ),
    (
        9,
        "pik",
        "county_family_centre.crisis_point.blue_cards_started",
        "Założone „Niebieskie Karty” (PIK)",
        "cards",
        1,
    ),
    (
        9,
        "moptuiw",
        "addiction_centre.alcohol_commission_meetings",
        "Posiedzenia GKRPA z udziałem MOPTUiW",
        "meetings",
        22,
    ),
    (
        9,
        "moptuiw",
        "addiction_centre.working_group_meetings",
        "Spotkania grup roboczych z udziałem MOPTUiW",
        "meetings",
        20,
    ),
    # task 10: MOPTUiW and a school
    (
        10,
        "moptuiw",
        "addiction_centre.survey_age_min",
        "Badanie ankietowe – wiek uczniów od",
        "years",
        12,
    ),
    (
        10,
        "moptuiw",
        "addiction_centre.survey_age_max",
        "Badanie ankietowe – wiek uczniów do",
        "years",
        16,
    ),
    (
        10,
        "moptuiw",
        "addiction_centre.parent_meeting_hours",
        "Czas spotkania profilaktycznego dla rodziców",
        "hours",
        1,
    ),
    (
        10,
        "sp1",
        "schools.behavioural_addiction_classes",
        "Zajęcia profilaktyczne o uzależnieniach behawioralnych",
        "classes",
        12,
    ),
    # task 12: the counselling centre in schools
    (
        12,
        "ppp",
        "counselling_centre.psychoeducation_participants",
        "Uczestnicy zajęć psychoedukacyjnych w szkołach",
        "persons",
        790,
    ),
    (
        12,
        "ppp",
        "counselling_centre.family_support.advice_children_youth",
        "Porady i konsultacje dla dzieci i młodzieży",
        "persons",
        232,
    ),
    (
        12,
        "ppp",
        "counselling_centre.family_support.advice_parents_individual",
        "Indywidualne porady i konsultacje dla rodziców",
        "persons",
        198,
    ),
    (
        12,
        "ppp",
        "counselling_centre.family_support.parent_talks_workshops",
        "Prelekcje, pogadanki i warsztaty dla rodziców",
        "persons",
        28,
    ),
    (
        12,
        "ppp",
        "counselling_centre.family_support.za_zyciem_consultations",
        "Konsultacje dla rodziców (wczesne wspomaganie, „Za życiem”)",
        "persons",
        28,
    ),
    # task 13: court curators
    (
        13,
        "kuratorzy",
        "court_curators.families_under_supervision",
        "Rodziny objęte nadzorem kuratora",
        "families",
        25,
    ),
    # task 14: PCPR foster-care coordinators
    (
        14,
        "pcpr",
        "county_family_centre.foster_care_coordinators",
        "Koordynatorzy rodzinnej pieczy zastępczej prowadzący monitoring",
        "persons",
        2,
    ),
    (
        14,
        "pcpr",
        "county_family_centre.monitored_families",
        "Rodziny objęte monitoringiem",
        "families",
        12,
    ),
    (
        14,
        "pcpr",
        "county_family_centre.monitored_children",
        "Dzieci w rodzinach objętych monitoringiem",
        "children",
        14,
    ),
]

#: (task, partner) → activities listed in the contribution (schools' lists are split below)
ACTIVITIES: dict[tuple[int, str], list[str]] = {
    (6, "pcpr"): [
        "Rozdysponowanie ulotek promujących rodzinne formy pieczy zastępczej",
        "Artykuły w lokalnym portalu internetowym zachęcające do rodzicielstwa zastępczego",
        "Plakaty i ulotki o rodzicielstwie zastępczym rozesłane do parafii dekanatów "
        "lututowskiego, bolesławieckiego i wieruszowskiego",
    ],
    (6, "moptuiw"): [
        "Warsztaty psychologiczne „Ja też potrafię” dla dzieci i młodzieży z gminy Wieruszów",
    ],
    (9, "moptuiw"): [
        "Świadczenia zdrowotne w formie terapii uzależnień i współuzależnienia",
        "Warsztaty terapeutyczne dla osób uzależnionych i współuzależnionych",
        "Punkt Konsultacyjno-Informacyjny dla osób nadużywających środków psychoaktywnych",
        "Dyżury interwencyjno-wspierające dla mieszkańców gminy Wieruszów",
        "Centrum wsparcia psychologicznego dla osób z problemem przemocy w rodzinie",
        "Współpraca z Gminną Komisją Rozwiązywania Problemów Alkoholowych w Wieruszowie",
        "Współpraca z Zespołem Interdyscyplinarnym ds. przeciwdziałania przemocy w rodzinie",
    ],
    (10, "moptuiw"): [
        "Profilaktyka dla uczniów i rodziców: Szkoła Podstawowa nr 3 im. Jana Pawła II",
        "Profilaktyka dla uczniów i rodziców: Zespół Szkół nr 2 im. Marszałka Józefa Piłsudskiego",
        "Profilaktyka dla uczniów i rodziców: Szkoła Podstawowa nr 1 im. Janusza Korczaka",
        "Profilaktyka dla uczniów i rodziców: Szkoła Podstawowa w Pieczyskach",
        "Profilaktyka dla uczniów i rodziców: Szkoła Podstawowa w Wyszanowie",
        "Profilaktyka dla uczniów i rodziców: Szkoła Podstawowa w Teklinowie",
        "Zajęcia na lekcjach wychowawczych w klasach 2 i 3 gimnazjum oraz 6–8 szkoły podstawowej",
        "Zajęcia dla rodziców na spotkaniach przy okazji wywiadówek",
        "Badania ankietowe skali zażywania środków psychoaktywnych przez uczniów",
        "Profilaktyka wczesnej interwencji „FreD goes net”",
    ],
    (12, "ppp"): [
        "Informacje o instytucjach i placówkach poradnictwa specjalistycznego i rodzinnego "
        "na tablicy ogłoszeń w poradni",
    ],
    (15, "pcpr"): [
        "Realizacja Powiatowego Programu Przeciwdziałania Przemocy w Rodzinie oraz Ochrony "
        "Ofiar Przemocy w Rodzinie w Powiecie Wieruszowskim na lata 2017–2022",
        "Zabezpieczenie schronienia mieszkańcom powiatu w kryzysie, w tym przemocy domowej "
        "(ośrodek interwencji kryzysowej prowadzony na podstawie umowy powierzenia)",
    ],
}

#: task → the schools' joint list as the report gives it; split among the schools in order.
SCHOOL_ACTIVITIES: dict[int, list[str]] = {
    6: [
        "Pomoc psychologiczno-pedagogiczna dla rodziców i uczniów w szkole",
        "Warsztaty podczas spotkań z rodzicami",
        "Prelekcje psychologa szkolnego podczas spotkań z rodzicami",
        "Imprezy szkolne o zasięgu lokalnym: jasełka, festyny rodzinne, Dzień Babci i Dziadka",
        "Rajdy rowerowe, zabawy choinkowe, spotkania ze specjalistami",
    ],
    7: [
        "Zajęcia sportowe",
        "Zajęcia artystyczne",
        "Zajęcia ekologiczne",
        "Zajęcia wokalno-muzyczne",
        "Chór",
        "Koło matematyczne",
        "Koło polonistyczne",
        "Koło biblioteczne",
        "Koło przyrodniczo-ekologiczne",
        "Koło biologiczne",
        "Koło fotograficzne",
        "Koło języka francuskiego",
        "Zajęcia korekcyjno-kompensacyjne",
        "Zajęcia dydaktyczno-wyrównawcze",
        "Zajęcia redakcyjne",
        "Zajęcia rozwijające kompetencje językowe i społeczne w oddziale przedszkolnym",
        "Zajęcia ekspresyjne w oddziale przedszkolnym",
        "Zajęcia medialne LO TV",
        "Koło historyczne",
        "Koło informatyczne",
        "Koło plastyczne",
        "Koło teatralne",
        "Kółko dziennikarskie – gazetka szkolna COPERNICUS",
        "Kółko PCK",
        "SKS",
        "ZHP",
        "Komputer uczy i bawi w oddziale przedszkolnym",
        "Zabawy logopedyczne 3–5-latków",
        "Edukacja czytelniczo-medialna",
    ],
    8: [
        "Dożywianie refundowane przez MGOPS w Wieruszowie",
        "Stypendia za wyniki w nauce",
        "Dożywianie z Programu Osłonowego w zakresie dożywiania w gminie Wieruszów 2014–2020",
        "Dożywianie finansowane przez TPD",
        "Bezpłatne kolonie organizowane przez Kuratorium Oświaty w Łodzi",
        "Zajęcia z technik szybkiego uczenia się – projekt „Aktywna tablica”",
        "SKS – program zajęć pozalekcyjnych",
        "Realizacja programu „Kodowanie i programowanie”",
        "Projekt „Wyrównywanie szans edukacyjnych” (zajęcia wyrównawcze z matematyki i "
        "j. angielskiego, rozwijające z matematyki i informatyki)",
    ],
    10: [
        "Program „Zadbaj o swoje płuca” dla klas I–III",
        "Program „Bieg po zdrowie” dla klas IV",
        "Szkolny program profilaktyczno-wychowawczy",
        "Teatr profilaktyczny „Moralinet” z Krakowa",
        "Spotkania z psychologiem z MOPTUiW",
        "Zajęcia profilaktyczne z pedagogiem",
        "Zajęcia profilaktyczne z psychologiem",
        "Godziny wychowawcze o tematyce profilaktycznej",
        "Realizacja programów antytytoniowych",
        "Realizacja programu zdrowotnego „Bieg po zdrowie”",
        "Zajęcia profilaktyczne MOPTUiW o uzależnieniach w klasach VII i VIII",
        "„Tydzień profilaktyki”: zajęcia profilaktyczne o uzależnieniach behawioralnych "
        "prowadzone przez pedagoga i psychologa szkolnego w klasach V–VIII",
        "Zajęcia wychowawcze w klasach IV–VIII o profilaktyce przemocy",
        "Propagowanie zdrowego stylu życia, walka ze stresem, happening ekologiczny",
        "Spotkanie z pisarzem o uzależnieniu od gier komputerowych i cyberprzemocy",
        "Profilaktyka uzależnienia od nikotyny z Sanepidem „Smokerlyzer prawdę ci powie”",
        "Spotkanie z przedstawicielem MOPTUiW o cyberprzemocy",
        "Spotkania z psychologami Poradni Psychologiczno-Pedagogicznej „Porozmawiajmy o depresji”",
        "Kampania „Nie pozwól odlecieć swojemu szczęściu”",
        "Spotkanie z kierownikiem PCPR w Wieruszowie",
        "Spotkanie z położną środowiskową o zagrożeniach ciąży",
        "Spotkanie z rzecznikiem prasowym policji – akcja „Surfuj bezpiecznie”",
        "Spotkanie o świadomości prawa i kontakcie z narkotykami, alkoholem, dopalaczami (OHP)",
        "Warsztaty z profilaktyki uzależnień",
    ],
    12: [
        "Zajęcia dydaktyczno-wyrównawcze, korekcyjno-kompensacyjne, logopedyczne, "
        "rewalidacyjne, gimnastyka korekcyjna, nauczyciele wspomagający, zajęcia z psychologiem "
        "i pedagogiem, rozmowy wspierające",
        "Rozmowy z rodzicami uczniów wymagających szczególnej opieki i pomocy wychowawczej",
        "Praca z uczniami z Indywidualnymi Programami Edukacyjno-Terapeutycznymi",
        "Spotkania z rodzicami uczniów ze specjalnymi potrzebami edukacyjnymi",
    ],
}

#: (task, partner) → the short narrative of the contribution
NARRATIVES: dict[tuple[int, str], str] = {
    (2, "ppp"): "Diagnozy, terapie, porady i orzecznictwo Poradni w 2018 roku.",
    (3, "pcpr"): "Szkolenia dla rodzin zastępczych.",
    (4, "pcpr"): "Realizacja Powiatowego Programu Rozwoju Pieczy Zastępczej na lata 2018–2020.",
    (6, "pcpr"): "Promocja rodzinnych form pieczy zastępczej.",
    (6, "moptuiw"): (
        "Warsztaty wzmacniające psychologicznie dzieci w kontakcie z rówieśnikami, poczucie "
        "własnej wartości i odpowiedzialności; zajęcia w czterech grupach wiekowych."
    ),
    (9, "pcpr"): "Poradnictwo specjalistyczne PCPR.",
    (9, "pik"): "Poradnictwo specjalistyczne Punktu Interwencji Kryzysowej.",
    (9, "moptuiw"): "Terapia, poradnictwo i współpraca w przeciwdziałaniu przemocy.",
    (10, "moptuiw"): "Profilaktyka uzależnień adresowana do uczniów i ich rodziców.",
    (12, "ppp"): "Pomoc psychologiczno-pedagogiczna Poradni na terenie szkół i w poradni.",
    (13, "kuratorzy"): (
        "Współpraca kuratorów rodzinnych i zawodowych z pracownikami MGOPS; rodziny objęte "
        "kuratelą zmagają się z problemami opiekuńczo-wychowawczymi."
    ),
    (14, "pcpr"): "Monitoring dzieci prowadzony przez koordynatorów rodzinnej pieczy zastępczej.",
    (15, "pcpr"): "Działania PCPR na rzecz ochrony ofiar przemocy w rodzinie.",
    (15, "kpp"): (
        "Udział przedstawicieli Komendy Powiatowej Policji w pracach Zespołu Interdyscyplinarnego "
        "ds. przeciwdziałania przemocy w rodzinie w Wieruszowie."
    ),
}

#: (code, metric key = fact id, label, unit, 2018 value, parent code, parts complete)
STATISTICS: list[tuple[str, str, str, str, int, str | None, bool]] = [
    (
        "POMOC-MATERIALNA",
        "material_aid.families",
        "Rodziny objęte pomocą materialną i socjalną",
        "families",
        323,
        None,
        False,
    ),
    (
        "DOZYWIANIE",
        "school_meals.children_total",
        "Dzieci w programie „Pomoc państwa w zakresie dożywiania”",
        "children",
        216,
        None,
        False,
    ),
    (
        "DOZYWIANIE-BEZ-WYWIADU",
        "school_meals.children_lunch_without_interview",
        "Obiady bez wywiadu środowiskowego",
        "children",
        12,
        "DOZYWIANIE",
        False,
    ),
    (
        "DOZYWIANIE-SZKOLY",
        "school_meals.children_school",
        "Dożywianie w szkołach",
        "children",
        143,
        "DOZYWIANIE",
        False,
    ),
    (
        "DOZYWIANIE-PRZEDSZKOLE",
        "school_meals.children_preschool",
        "Posiłek w przedszkolu",
        "children",
        53,
        "DOZYWIANIE",
        False,
    ),
    (
        "DOZYWIANIE-WSPARCIE",
        "school_meals.children_supported",
        "Dzieci, których dożywianie wsparł MGOPS (zadanie 8)",
        "children",
        216,
        None,
        False,
    ),
    (
        "500-WNIOSKI",
        "child_benefit.applications",
        "Wnioski o świadczenie wychowawcze „Rodzina 500 plus”",
        "applications",
        1199,
        None,
        False,
    ),
    (
        "500-DECYZJE",
        "child_benefit.decisions_total",
        "Decyzje w sprawie świadczenia wychowawczego",
        "decisions",
        1315,
        None,
        True,
    ),
    (
        "500-PRZYZNANE",
        "child_benefit.decisions_granted",
        "Decyzje przyznające świadczenie wychowawcze",
        "decisions",
        1238,
        "500-DECYZJE",
        False,
    ),
    (
        "500-ODMOWY",
        "child_benefit.decisions_refused",
        "Decyzje odmowne (świadczenie wychowawcze)",
        "decisions",
        77,
        "500-DECYZJE",
        False,
    ),
    (
        "KDR-KARTY",
        "large_family_card.cards_granted",
        "Przyznane Karty Dużej Rodziny",
        "cards",
        190,
        None,
        False,
    ),
    (
        "KDR-RODZINY",
        "large_family_card.families",
        "Rodziny, którym przyznano Karty Dużej Rodziny",
        "families",
        46,
        None,
        False,
    ),
    (
        "KDR-KARTY-DZIECI",
        "large_family_card.cards_children",
        "Karty Dużej Rodziny przyznane dzieciom",
        "cards",
        122,
        "KDR-KARTY",
        False,
    ),
    (
        "STYPENDIA-DECYZJE",
        "school_scholarship.decisions_total",
        "Decyzje w sprawie stypendium szkolnego",
        "decisions",
        178,
        None,
        True,
    ),
    (
        "STYPENDIA-PRZYZNANE",
        "school_scholarship.decisions_granted",
        "Decyzje przyznające stypendium szkolne",
        "decisions",
        176,
        "STYPENDIA-DECYZJE",
        False,
    ),
    (
        "STYPENDIA-ODMOWY",
        "school_scholarship.decisions_refused",
        "Decyzje odmowne (stypendium szkolne)",
        "decisions",
        2,
        "STYPENDIA-DECYZJE",
        False,
    ),
]
