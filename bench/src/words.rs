//! The invented world of the benchmark corpus: countries, names, outlets,
//! topics, and the phrase pools the prose and the statements are built from.
//!
//! Template placeholders (expanded in `corpus.rs`):
//! `{P}` a person of the article, `{P2}` another one, `{O}` an organisation,
//! `{C}` `{C2}` countries, `{Adj}` `{Adj2}` their adjectives, `{city}`,
//! `{kw}` `{kw2}` topic keywords, `{n}` a small number, `{N}` a larger one,
//! `{pct}`, `{day}` a weekday, `{month}`, `{year}` an earlier year,
//! `{src}` another outlet, `{sq}` a scare-quoted phrase (marks included),
//! `{ord}` an ordinal.
//! In text, `«` `»` are double quotation marks and `‹` `›` single ones; each
//! article renders them straight or curly in its outlet's style.

pub struct Country {
    pub name: &'static str,
    pub adj: &'static str,
    pub capital: &'static str,
    pub cities: [&'static str; 2],
}

pub const COUNTRIES: &[Country] = &[
    Country {
        name: "Freedonia",
        adj: "Freedonian",
        capital: "Marcella",
        cities: ["Port Alvar", "Dunmore"],
    },
    Country {
        name: "Sylvania",
        adj: "Sylvanian",
        capital: "Vellenburg",
        cities: ["Kastor", "Linwe"],
    },
    Country {
        name: "Ruritania",
        adj: "Ruritanian",
        capital: "Strelsau",
        cities: ["Zenda", "Hentzau"],
    },
    Country {
        name: "Latveria",
        adj: "Latverian",
        capital: "Doomstadt",
        cities: ["Haasenstadt", "Morvik"],
    },
    Country {
        name: "Genovia",
        adj: "Genovian",
        capital: "Pyrus",
        cities: ["Albacor", "Santa Rena"],
    },
    Country {
        name: "Elbonia",
        adj: "Elbonian",
        capital: "Elbor",
        cities: ["Trask", "Quellin"],
    },
    Country {
        name: "Borduria",
        adj: "Bordurian",
        capital: "Szohod",
        cities: ["Dolnik", "Hrastov"],
    },
    Country {
        name: "Syldavia",
        adj: "Syldavian",
        capital: "Klow",
        cities: ["Niedzdrow", "Zlip"],
    },
    Country {
        name: "Qurac",
        adj: "Quraci",
        capital: "Al-Mirah",
        cities: ["Qasra", "Dunet"],
    },
    Country {
        name: "Kasnia",
        adj: "Kasnian",
        capital: "Drovna",
        cities: ["Belitz", "Orsk"],
    },
    Country {
        name: "Markovia",
        adj: "Markovian",
        capital: "Markograd",
        cities: ["Tellin", "Vostra"],
    },
    Country {
        name: "Zubrowka",
        adj: "Zubrowkan",
        capital: "Lutz",
        cities: ["Nebelsbad", "Gabelstadt"],
    },
    Country {
        name: "Osterlich",
        adj: "Osterlichian",
        capital: "Neuwald",
        cities: ["Brenheim", "Falkau"],
    },
    Country {
        name: "Novistrana",
        adj: "Novistranan",
        capital: "Slavona",
        cities: ["Kerev", "Polodin"],
    },
    Country {
        name: "Valdoria",
        adj: "Valdorian",
        capital: "Valdor",
        cities: ["Cresta", "Mirano"],
    },
    Country {
        name: "Estrovia",
        adj: "Estrovian",
        capital: "Estra",
        cities: ["Lumen", "Varos"],
    },
    Country {
        name: "Karvania",
        adj: "Karvanian",
        capital: "Karvas",
        cities: ["Tirel", "Oskova"],
    },
    Country {
        name: "Montaria",
        adj: "Montarian",
        capital: "Monteluz",
        cities: ["Sierra Alta", "Pradera"],
    },
    Country {
        name: "Belravia",
        adj: "Belravian",
        capital: "Belgard",
        cities: ["Rivna", "Sokol"],
    },
    Country {
        name: "Tazmir",
        adj: "Tazmiri",
        capital: "Zarabad",
        cities: ["Kholm", "Ashgar"],
    },
];

pub const MALE_FIRST: &[&str] = &[
    "Anton", "Boris", "Milan", "Teodor", "Viktor", "Lukas", "Emil", "Rafael", "Karim", "Idris",
    "Jonas", "Matteo", "Pavel", "Ruben", "Stefan", "Tomas", "Dario", "Yusuf", "Arvid", "Casimir",
    "Dmitar", "Feliks", "Goran", "Henrik", "Ilias", "Jaromir", "Kasper", "Leopold", "Marek",
    "Nikolai", "Oskar", "Petar", "Quentin", "Radovan", "Sandor", "Tobias", "Ulrich", "Vasco",
    "Wendel", "Zoltan",
];

pub const FEMALE_FIRST: &[&str] = &[
    "Anna", "Beatrix", "Clara", "Daria", "Elena", "Freya", "Greta", "Helena", "Irina", "Jana",
    "Katarina", "Lena", "Maja", "Nadia", "Olga", "Petra", "Rosa", "Sabine", "Tamara", "Ursula",
    "Vera", "Wanda", "Xenia", "Yara", "Zofia", "Alina", "Bianca", "Celine", "Dora", "Edith",
    "Flora", "Gloria", "Hanna", "Ilona", "Judit", "Karin", "Livia", "Mirela", "Noemi", "Ottilie",
];

pub const SURNAME_HEADS: &[&str] = &[
    "Var", "Kel", "Dro", "Mar", "Tal", "Bren", "Os", "Vel", "Kor", "Lind", "Hal", "Zor", "Fen",
    "Gar", "Rus", "Tor", "Mel", "Sten", "Bal", "Cor", "Dan", "Ebr", "Fal", "Grun", "Hav",
];

pub const SURNAME_TAILS: &[&str] = &[
    "ov", "en", "ski", "ani", "berg", "ez", "ier", "ova", "sson", "elli", "ak", "ard", "escu",
    "oglu", "mann", "aro", "ine", "ley", "ton", "ich",
];

/// Names of people who are not in the registry: analysts, free-form
/// front-matter actors.
pub const OUTSIDER_FIRST: &[&str] = &[
    "Peter", "Maria", "Samuel", "Ingrid", "Tariq", "Lucia", "Hector", "Amara", "Nils", "Sofia",
];
pub const OUTSIDER_LAST: &[&str] = &[
    "Whitcombe",
    "Ferreira-Lund",
    "Abernathy",
    "Castellano",
    "Nakagawa",
    "Oyelaran",
    "van der Berg",
    "MacAllister",
    "Lindqvist",
    "Petrosyan",
    "Okafor",
    "Delacroix",
];
pub const INSTITUTES: &[&str] = &[
    "Meridian Institute",
    "Centre for Continental Studies",
    "Amber Sea Policy Forum",
    "Institute for Security Affairs",
    "Kessel Foundation",
    "Northern Risk Consultancy",
];

/// Person roles: (title before a name, description forms). `{C}` country,
/// `{Adj}` adjective. The first description is the registry's `role`.
pub struct Role {
    pub title: &'static str,
    pub role: &'static str,
    pub descriptions: &'static [&'static str],
    pub verb_subject: bool,
}

pub const ROLES: &[Role] = &[
    Role {
        title: "{Adj} Foreign Minister",
        role: "Foreign Minister of {C}",
        descriptions: &[
            "the foreign minister of {C}",
            "the {Adj} foreign minister",
            "the top {Adj} diplomat",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} President",
        role: "President of {C}",
        descriptions: &[
            "the president of {C}",
            "the {Adj} president",
            "the {Adj} leader",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Prime Minister",
        role: "Prime Minister of {C}",
        descriptions: &[
            "the prime minister of {C}",
            "the {Adj} prime minister",
            "the {Adj} premier",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Defence Minister",
        role: "Defence Minister of {C}",
        descriptions: &[
            "the defence minister of {C}",
            "the {Adj} defence minister",
            "the {Adj} defence chief",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Finance Minister",
        role: "Finance Minister of {C}",
        descriptions: &["the finance minister of {C}", "the {Adj} finance minister"],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Interior Minister",
        role: "Interior Minister of {C}",
        descriptions: &[
            "the interior minister of {C}",
            "the {Adj} interior minister",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Energy Minister",
        role: "Energy Minister of {C}",
        descriptions: &["the energy minister of {C}", "the {Adj} energy minister"],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Health Minister",
        role: "Health Minister of {C}",
        descriptions: &["the health minister of {C}", "the {Adj} health minister"],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Trade Minister",
        role: "Trade Minister of {C}",
        descriptions: &["the trade minister of {C}", "the {Adj} trade minister"],
        verb_subject: true,
    },
    Role {
        title: "{Adj} UN Ambassador",
        role: "Ambassador of {C} to the United Nations",
        descriptions: &[
            "the {Adj} ambassador to the United Nations",
            "the {Adj} envoy to the UN",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} Foreign Ministry spokesperson",
        role: "Spokesperson of the {Adj} Foreign Ministry",
        descriptions: &[
            "the spokesperson of the {Adj} Foreign Ministry",
            "the {Adj} foreign ministry spokesperson",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} opposition leader",
        role: "Leader of the opposition in {C}",
        descriptions: &[
            "the {Adj} opposition leader",
            "the leader of the {Adj} opposition",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} central bank governor",
        role: "Governor of the Central Bank of {C}",
        descriptions: &[
            "the governor of the {Adj} central bank",
            "the {Adj} central bank chief",
        ],
        verb_subject: true,
    },
    Role {
        title: "{Adj} chief negotiator",
        role: "Chief negotiator of {C}",
        descriptions: &["the {Adj} chief negotiator", "the chief negotiator of {C}"],
        verb_subject: true,
    },
    Role {
        title: "{Adj} army chief of staff",
        role: "Chief of Staff of the Army of {C}",
        descriptions: &[
            "the {Adj} army chief",
            "the chief of staff of the {Adj} army",
        ],
        verb_subject: true,
    },
];

/// Organisations per country: (name, aliases). `{C}`/`{Adj}` expanded.
pub const COUNTRY_ORGS: &[(&str, &[&str])] = &[
    (
        "{Adj} Foreign Ministry",
        &["the {Adj} foreign ministry", "{C}'s foreign ministry"],
    ),
    ("{Adj} Defence Ministry", &["the {Adj} defence ministry"]),
    ("Central Bank of {C}", &["the {Adj} central bank"]),
    ("{Adj} People's Party", &["the People's Party"]),
    (
        "{Adj} Electoral Commission",
        &["the {Adj} election commission"],
    ),
];

/// International organisations and persons: (name, aliases, kind, role).
pub const INTL_ORGS: &[(&str, &[&str])] = &[
    (
        "Northern Accord Organisation",
        &["NAO", "the Northern Accord"],
    ),
    ("Council of Coastal States", &["CCS", "the coastal council"]),
    ("International Relief Committee", &["IRC"]),
    ("Amber Sea Commission", &["the commission"]),
    ("World Grain Council", &["WGC"]),
    ("Continental Court of Justice", &["the continental court"]),
    ("Global Health Alliance", &["GHA"]),
    ("Atomic Oversight Agency", &["AOA", "the atomic agency"]),
    ("Commonwealth of Free Ports", &["the free ports bloc"]),
    ("Valdor Energy", &["Valdor Energy Group"]),
];

pub const INTL_PERSON_ROLES: &[(&str, &str, &str)] = &[
    // (title before the name, registry role, description)
    (
        "UN special envoy",
        "UN Special Envoy for the Amber Sea region",
        "the UN special envoy",
    ),
    (
        "NAO Secretary-General",
        "Secretary-General of the Northern Accord Organisation",
        "the head of the Northern Accord Organisation",
    ),
    (
        "IRC President",
        "President of the International Relief Committee",
        "the head of the International Relief Committee",
    ),
    (
        "AOA Director-General",
        "Director-General of the Atomic Oversight Agency",
        "the head of the atomic agency",
    ),
    (
        "WGC chair",
        "Chair of the World Grain Council",
        "the chair of the World Grain Council",
    ),
    (
        "Amber Sea Commission president",
        "President of the Amber Sea Commission",
        "the head of the Amber Sea Commission",
    ),
    (
        "GHA Director",
        "Director of the Global Health Alliance",
        "the head of the Global Health Alliance",
    ),
    (
        "Continental Court president",
        "President of the Continental Court of Justice",
        "the president of the continental court",
    ),
];

pub struct Outlet {
    pub name: &'static str,
    pub domain: &'static str,
    /// Curly quotation marks and apostrophes.
    pub curly: bool,
    /// A wire service: datelines like `KLOW, March 3 (Meridian Wire) -`.
    pub wire: bool,
}

pub const OUTLETS: &[Outlet] = &[
    Outlet {
        name: "Meridian Wire",
        domain: "meridianwire.example",
        curly: false,
        wire: true,
    },
    Outlet {
        name: "Valdor Times",
        domain: "valdortimes.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Klow Herald",
        domain: "klowherald.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Northern Post",
        domain: "northernpost.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Continental Press Agency",
        domain: "cpa.example",
        curly: false,
        wire: true,
    },
    Outlet {
        name: "Coastal Observer",
        domain: "coastalobserver.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Syldavian News Agency",
        domain: "sna.example",
        curly: false,
        wire: true,
    },
    Outlet {
        name: "Freedonia Today",
        domain: "freedoniatoday.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Global Dispatch",
        domain: "globaldispatch.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "The Continental",
        domain: "thecontinental.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Amber Sea Monitor",
        domain: "ambersea.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Capital Ledger",
        domain: "capitalledger.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Daily Sentinel",
        domain: "dailysentinel.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Evening Courier",
        domain: "eveningcourier.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Pan-Regional Press",
        domain: "prp.example",
        curly: false,
        wire: true,
    },
    Outlet {
        name: "Strelsau Gazette",
        domain: "strelsaugazette.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Markograd Voice",
        domain: "markogradvoice.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Lutz Morning Star",
        domain: "lutzstar.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Estra Chronicle",
        domain: "estrachronicle.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Genovian Broadcasting",
        domain: "gbc.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Tazmir Tribune",
        domain: "tazmirtribune.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Belgard Review",
        domain: "belgardreview.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Karvas Daily",
        domain: "karvasdaily.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Osterlich Rundschau",
        domain: "rundschau.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Borduria Now",
        domain: "bordurianow.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "The Diplomatic Record",
        domain: "diplomaticrecord.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Policy Brief Weekly",
        domain: "policybrief.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Radio Kessel",
        domain: "radiokessel.example",
        curly: false,
        wire: false,
    },
    Outlet {
        name: "Monteluz Journal",
        domain: "monteluzjournal.example",
        curly: true,
        wire: false,
    },
    Outlet {
        name: "Qurac Observer",
        domain: "quracobserver.example",
        curly: false,
        wire: false,
    },
];

pub struct Topic {
    pub id: &'static str,
    pub title: &'static str,
    pub keywords: &'static [&'static str],
}

pub const TOPICS: &[Topic] = &[
    Topic {
        id: "ceasefire-talks",
        title: "Ceasefire talks",
        keywords: &[
            "ceasefire",
            "truce",
            "peace talks",
            "mediation",
            "prisoner exchange",
            "demilitarised zone",
        ],
    },
    Topic {
        id: "grain-exports",
        title: "Grain exports",
        keywords: &[
            "grain",
            "wheat",
            "harvest",
            "export quota",
            "Amber Sea corridor",
        ],
    },
    Topic {
        id: "energy-security",
        title: "Energy security",
        keywords: &[
            "gas pipeline",
            "LNG terminal",
            "energy prices",
            "power grid",
            "gas supplies",
            "fuel shortages",
        ],
    },
    Topic {
        id: "migration",
        title: "Refugees and migration",
        keywords: &[
            "refugees",
            "asylum seekers",
            "border crossings",
            "migrants",
            "reception centres",
        ],
    },
    Topic {
        id: "sanctions",
        title: "Sanctions",
        keywords: &[
            "sanctions",
            "embargo",
            "asset freezes",
            "export controls",
            "blacklist",
        ],
    },
    Topic {
        id: "elections",
        title: "Elections",
        keywords: &[
            "election",
            "ballots",
            "polling stations",
            "turnout",
            "electoral reform",
            "vote count",
            "runoff",
        ],
    },
    Topic {
        id: "humanitarian-aid",
        title: "Humanitarian aid",
        keywords: &[
            "humanitarian aid",
            "aid convoys",
            "relief supplies",
            "food shortages",
            "field hospitals",
        ],
    },
    Topic {
        id: "nuclear-programme",
        title: "Nuclear programme",
        keywords: &[
            "uranium enrichment",
            "nuclear inspectors",
            "reactor",
            "centrifuges",
            "nuclear programme",
        ],
    },
    Topic {
        id: "cybersecurity",
        title: "Cybersecurity",
        keywords: &[
            "cyberattack",
            "ransomware",
            "hackers",
            "data breach",
            "critical infrastructure",
        ],
    },
    Topic {
        id: "climate-policy",
        title: "Climate policy",
        keywords: &[
            "emissions",
            "carbon tax",
            "drought",
            "renewable energy",
            "climate targets",
        ],
    },
    Topic {
        id: "trade",
        title: "Trade agreements",
        keywords: &["tariffs", "trade deal", "customs union", "free trade zone"],
    },
    Topic {
        id: "public-health",
        title: "Public health",
        keywords: &[
            "vaccines",
            "outbreak",
            "epidemic",
            "quarantine",
            "hospital capacity",
            "medical supplies",
            "health workers",
            "pandemic preparedness",
        ],
    },
    Topic {
        id: "maritime-disputes",
        title: "Maritime disputes",
        keywords: &[
            "territorial waters",
            "coast guard",
            "fishing rights",
            "Strait of Kessel",
            "naval patrols",
        ],
    },
    Topic {
        id: "counter-terrorism",
        title: "Counter-terrorism",
        keywords: &[
            "militants",
            "insurgents",
            "extremist groups",
            "counter-terrorism",
        ],
    },
    Topic {
        id: "monetary-policy",
        title: "Central banking",
        keywords: &[
            "interest rates",
            "inflation",
            "currency reserves",
            "bond yields",
        ],
    },
    Topic {
        id: "arms-control",
        title: "Arms control",
        keywords: &[
            "missile tests",
            "arms treaty",
            "warheads",
            "disarmament",
            "arms shipments",
        ],
    },
    Topic {
        id: "water-rights",
        title: "Water rights",
        keywords: &[
            "dam",
            "river basin",
            "irrigation",
            "water sharing",
            "Kessel River",
        ],
    },
    Topic {
        id: "press-freedom",
        title: "Press freedom",
        keywords: &[
            "journalists",
            "censorship",
            "press freedom",
            "media law",
            "broadcasting licence",
        ],
    },
    Topic {
        id: "judicial-reform",
        title: "Judicial reform",
        keywords: &[
            "judges",
            "constitutional court",
            "judicial reform",
            "constitution",
        ],
    },
    Topic {
        id: "infrastructure",
        title: "Infrastructure",
        keywords: &[
            "railway",
            "port expansion",
            "highway",
            "bridge",
            "infrastructure loans",
        ],
    },
];

/// Free-form topic names that match no registry entry.
pub const FREE_TOPICS: &[&str] = &["Regional security", "Diplomacy", "Human rights", "Economy"];

pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const ORDINALS: &[&str] = &["second", "third", "fourth", "fifth", "sixth"];

pub const SCARE: &[&str] = &[
    "non-starter",
    "publicity stunt",
    "red line",
    "war of words",
    "road map",
    "reset",
    "grand bargain",
    "charm offensive",
    "frozen conflict",
    "window of opportunity",
    "new chapter",
    "technical pause",
    "shuttle diplomacy",
    "coalition of the willing",
    "strategic patience",
    "humanitarian pause",
    "safe zones",
    "final offer",
    "package deal",
    "provocation",
];

pub const LEDES: &[&str] = &[
    "{P} and {P2} met in {city} on {day} for talks on {kw}, the latest attempt to narrow differences between {C} and {C2} after months of tension.",
    "{C} on {day} announced new measures on {kw}, a move that {P} described as long overdue and that officials in {C2} criticised within hours.",
    "Talks on {kw} between {C} and {C2} ended in {city} on {day} without a breakthrough, although both delegations said they would meet again within {n} weeks.",
    "{P} said on {day} that {C} was ready to resume negotiations on {kw}, but warned that any agreement would depend on guarantees from {C2}.",
    "The {Adj} government has come under growing pressure over {kw}, with {P} facing questions from lawmakers and from the {Adj2} delegation in {city}.",
    "{O} said on {day} that it would review its position on {kw} after a week of talks in {city} that officials described as difficult but constructive.",
    "A dispute over {kw} overshadowed a meeting between {P} and {P2} in {city} on {day}, with each side accusing the other of bad faith.",
    "{P} arrived in {city} on {day} for a two-day visit dominated by {kw} and by growing concern over {kw2} in the region.",
    "Negotiators from {C} and {C2} reported progress on {kw} after {n} days of closed-door talks in {city}, but said key questions remained unresolved.",
    "{C} and {C2} traded accusations over {kw} on {day}, as {P} rejected calls from {O} for an independent review.",
];

pub const PROSE: &[&str] = &[
    "The meeting lasted more than {n} hours, officials said.",
    "Diplomats in {city} said the two sides remained far apart on {kw}.",
    "{P} arrived in {city} on {day} evening and held separate meetings with representatives of {O}.",
    "Figures published by {O} last month suggested that the situation had worsened by {pct} percent since {month}.",
    "The issue of {kw} has dominated relations between {C} and {C2} since {year}.",
    "Critics argue that the government in {city} has moved too slowly on {kw}.",
    "Officials in {city} declined to comment on the report.",
    "{P} is expected to travel to {city} next week for a further round of consultations.",
    "The {Adj} parliament is due to debate a bill on {kw} in {month}.",
    "Analysts said the announcement was unlikely to change the situation on the ground in the short term.",
    "The talks come amid renewed concern over {kw} and {kw2}.",
    "A joint statement issued after the meeting made no mention of {kw}.",
    "{C2} has denied any involvement and accused {C} of spreading disinformation.",
    "Both sides have accused each other of violating earlier agreements on {kw}.",
    "The proposal would also cover {kw2}, according to a draft seen by {src}.",
    "It was the {ord} such meeting this year.",
    "{P} did not respond to a request for comment.",
    "Markets in {city} reacted cautiously to the news, with the {Adj} currency little changed by the afternoon.",
    "Earlier this year, {O} warned that {kw} could become a source of regional instability.",
    "The {Adj} delegation left {city} without speaking to reporters.",
    "Opposition lawmakers in {C} have called for an independent inquiry into {kw}.",
    "Neither side gave details of the proposals discussed, and a planned press conference was cancelled at short notice.",
    "Humanitarian groups have long warned about the consequences of {kw} for civilians in border areas.",
    "The foreign ministers of {C} and {C2} spoke by telephone on {day}, their ministries said.",
    "The agreement, if signed, would be the first of its kind between the two countries since {year}.",
    "Diplomats said a compromise on {kw} could be reached before the end of {month}, but cautioned that several technical questions remained open.",
    "{P} was the first senior {Adj} official to visit {city} in {n} years.",
    "The government in {city} said it had received no formal proposal.",
    "Previous rounds of talks on {kw} collapsed in {year} amid mutual recriminations.",
    "The {Adj} side is seeking firm guarantees on {kw}, while {C2} wants a broader settlement that would include {kw2}.",
    "According to {src}, about {N} people took part in protests in {city} over the weekend.",
    "{P} later met {P2} on the sidelines of the conference.",
    "The two governments agreed to set up a working group on {kw}, which is due to report by {month}.",
    "{O} has offered to host the next round of talks.",
    "Some {N} people have been affected, according to estimates by {O}.",
    "The decision was welcomed in {city} but drew sharp criticism from {C2}.",
    "Security was tight around the venue, and journalists were kept at a distance.",
    "Officials from {C} said they were studying the text carefully before giving a formal answer.",
    "The row over {kw} is the most serious since {year}, when {C2} recalled its ambassador from {city}.",
    "{P2}, speaking separately, said the door to dialogue remained open.",
    "The ministry later published a summary of the conversation on its website.",
    "Observers noted that the tone of the talks had softened compared with the previous round.",
];

/// Pieces of a generated prose sentence: subject, verb, object, time.
pub const PG_SUBJECTS: &[&str] = &[
    "Officials in {city}",
    "Diplomats from {C}",
    "The {Adj} government",
    "Lawmakers in {C2}",
    "{P}",
    "Representatives of {O}",
    "Several neighbouring states",
    "Local authorities in {city}",
    "Business groups in {city}",
    "The opposition in {C}",
    "Aid agencies",
    "{O}",
];
pub const PG_VERBS: &[&str] = &[
    "expressed concern about",
    "called for a review of",
    "welcomed progress on",
    "criticised the handling of",
    "promised a decision on",
    "raised the issue of",
    "demanded clarity on",
    "played down reports about",
    "announced an inquiry into",
    "pledged support on",
    "sought assurances on",
    "warned against delays on",
];
pub const PG_OBJECTS: &[&str] = &[
    "{kw}",
    "the situation in {city}",
    "the talks on {kw}",
    "the latest proposals on {kw}",
    "the agreement on {kw2}",
    "plans for {kw}",
    "the dispute over {kw}",
];
pub const PG_TIMES: &[&str] = &[
    "on {day}",
    "last week",
    "earlier this month",
    "in {month}",
    "in a statement on {day}",
    "at a news conference in {city}",
    "",
];

/// Prose with a scare quote: `{sq}` is the quoted phrase, marks included.
pub const SCARE_PROSE: &[&str] = &[
    "{P} dismissed the proposal as a {sq}.",
    "What officials privately called a {sq} appeared to be stalling by the end of the week.",
    "The so-called {sq} has been criticised by {O}.",
    "The plan, described by one diplomat as a {sq}, was first floated in {year}.",
    "Commentators in {city} spoke of a {sq} in relations between {C} and {C2}.",
    "{C2} called the move a {sq} and summoned the {Adj} ambassador.",
];

pub const HEADINGS: &[&str] = &[
    "Background",
    "Reaction in {city}",
    "What comes next",
    "The {kw} question",
    "Divisions remain",
    "Analysis",
    "Timeline",
    "Context",
    "Regional concerns",
    "Next steps",
];

pub const TITLES: &[&str] = &[
    "{S} and {S2} discuss {kw} in {city}",
    "{C} and {C2} fail to agree on {kw}",
    "{Adj} government faces pressure over {kw}",
    "{On} warns of risks from {kw}",
    "Talks on {kw} resume in {city}",
    "{S} says {C} ready for new talks on {kw}",
    "{C} announces new measures on {kw}",
    "Analysis: what the {city} talks mean for {kw}",
    "No breakthrough on {kw} after {n} hours of talks",
    "{Adj} and {Adj2} ministers meet amid row over {kw}",
    "Update: {C} responds to criticism over {kw}",
    "{S}: {tq}",
    "{C} rejects {Adj2} proposal on {kw}",
    "{kwC} dominates {S}'s visit to {city}",
    "Why {kw} matters for {C}'s relations with {C2}",
];

// ---- statements ----------------------------------------------------------
// A statement is 1-3 sentences built from short pieces, so that different
// statements rarely share a run of 8 words by accident.

pub const ST_OPENERS: &[&str] = &[
    "Frankly,",
    "Let me be clear:",
    "As I said yesterday,",
    "In our view,",
    "Once again,",
    "At this stage,",
    "For now,",
    "Of course,",
    "Honestly,",
    "In the coming days,",
    "Today",
    "Above all,",
    "As we have said many times,",
    "Make no mistake:",
];
pub const ST_SUBJECTS: &[&str] = &[
    "we",
    "our government",
    "the {Adj} side",
    "nobody in {city}",
    "our partners in {C2}",
    "the international community",
    "my colleagues",
    "our experts",
    "the people of {C}",
    "this government",
    "our delegation",
    "the other side",
    "{C2}",
    "everyone at the table",
    "our country",
    "the region",
];
pub const ST_VERBS: &[&str] = &[
    "will not accept",
    "cannot ignore",
    "must respect",
    "will continue to insist on",
    "should not underestimate",
    "will never agree to",
    "can still deliver",
    "would welcome",
    "must not abandon",
    "will push for",
    "could soon reach",
    "cannot allow",
    "will closely examine",
    "will not tolerate",
    "should focus on",
    "must guarantee",
    "has every right to demand",
    "will keep working on",
];
pub const ST_OBJECTS: &[&str] = &[
    "any deal on {kw}",
    "the question of {kw}",
    "a lasting settlement",
    "the proposals on {kw}",
    "unilateral steps",
    "a clear timetable",
    "the commitments made in {city}",
    "new talks on {kw}",
    "a compromise on {kw}",
    "outside interference",
    "the draft agreement",
    "the humanitarian situation",
    "a verification mechanism",
    "the rights of all communities",
    "the security of our citizens",
    "a serious discussion of {kw}",
    "the principles we agreed",
    "the latest proposals from {C2}",
];
pub const ST_TAILS: &[&str] = &[
    "",
    "",
    "",
    "under any circumstances",
    "in the coming weeks",
    "without preconditions",
    "at this stage",
    "before the end of the year",
    "as long as necessary",
    "in good faith",
    "whatever the cost",
    "together with our partners",
    "on the basis of international law",
    "step by step",
];
pub const ST_CONNECTORS: &[&str] = &[
    ", and",
    ", but",
    " because",
    " while",
    ", so",
    " as long as",
    " although",
    " until",
];
/// Short fixed sentences (under 8 words, so they never make two different
/// statements look shared).
pub const ST_SHORT: &[&str] = &[
    "There is no military solution.",
    "Nobody wants an escalation.",
    "The ball is in their court.",
    "We are not naive.",
    "Time is running out.",
    "Our door remains open.",
    "Are we ready to sign? Not yet.",
    "This is only a first step.",
    "We will see.",
    "That is unacceptable.",
    "Let's be honest.",
    "We have done our part.",
    "Words are not enough.",
    "It's not over yet.",
];
/// Sentences with a nested quotation (single marks inside the double ones).
pub const ST_NESTED: &[&str] = &[
    "We reject what {C2} calls a ‹{sq}›, because it is nothing of the kind.",
    "They keep talking about ‹guarantees› on {kw}, but nobody has seen them.",
    "I was told in {city} that this was a ‹{sq}›, and I do not believe it.",
];

/// Synonyms for the "one word changed" variants.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("will", "shall"),
    ("cannot", "can't"),
    ("must", "should"),
    ("never", "not"),
    ("serious", "proper"),
    ("lasting", "durable"),
    ("clear", "firm"),
    ("talks", "negotiations"),
    ("partners", "allies"),
    ("people", "citizens"),
    ("country", "nation"),
    ("new", "fresh"),
    ("deal", "agreement"),
    ("steps", "measures"),
    ("soon", "quickly"),
    ("region", "area"),
    ("continue", "keep"),
    ("allow", "permit"),
    ("latest", "recent"),
    ("demand", "expect"),
];

/// Things officials do; used in the Markdown lists.
pub const LIST_ITEMS: &[&str] = &[
    "A working group on {kw} will meet in {city} in {month}.",
    "{C} will release {N} tonnes of supplies held at the border.",
    "Both sides agreed to exchange lists of experts.",
    "{O} will monitor implementation.",
    "A new round of talks is planned before the end of {month}.",
    "The {Adj} side will present written proposals on {kw}.",
    "Observers from {C2} will be invited.",
    "A hotline between the two ministries will be set up.",
];

pub const ANONYMOUS: &[&str] = &[
    "a senior {Adj} official said on condition of anonymity",
    "said a diplomat familiar with the talks",
    "a Western diplomat in {city} said",
    "said an official of the {Adj} delegation who asked not to be named",
];
