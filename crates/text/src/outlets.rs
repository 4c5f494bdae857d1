//! Known wires and outlets, one list for every part: `dossier-import` reads who
//! published a text off datelines, credit lines and bylines with it, and
//! `dossier-extract` files a speaker named like one (`Business Insider said`) as an
//! organisation, not a person.

/// One known outlet: the name written into front matter, and the spellings
/// that denote it. Spellings of three letters or fewer match case-sensitively
/// (`AP`, `AFP`, `RT`), longer ones case-insensitively (`Tass`, `TASS`).
pub struct Outlet {
    pub name: &'static str,
    pub spellings: &'static [&'static str],
}

pub const OUTLETS: &[Outlet] = &[
    o(
        "AFP",
        &[
            "AFP",
            "Agence France-Presse",
            "Agence France Presse",
            "AFP PHOTO",
        ],
    ),
    o("Reuters", &["Reuters", "Thomson Reuters", "Reuters TV"]),
    o(
        "AP",
        &["AP", "Associated Press", "The Associated Press", "AP Photo"],
    ),
    o(
        "Xinhua",
        &[
            "Xinhua",
            "Xinhua News Agency",
            "Xinhuanet",
            "Xinhua Net",
            "news.cn",
        ],
    ),
    o("TASS", &["TASS", "ITAR-TASS", "TASS News Agency"]),
    o("RIA Novosti", &["RIA Novosti", "RIA"]),
    o(
        "Sputnik",
        &["Sputnik", "Sputnik News", "Sputnik International"],
    ),
    o("Interfax", &["Interfax"]),
    o("RT", &["RT", "Russia Today", "RT News"]),
    o("BBC", &["BBC", "BBC News", "BBC World Service"]),
    o("CNN", &["CNN", "CNN International"]),
    o(
        "Al Jazeera",
        &["Al Jazeera", "Al Jazeera English", "Aljazeera"],
    ),
    o("Al Arabiya", &["Al Arabiya", "Al Arabiya English"]),
    o("The Straits Times", &["The Straits Times", "Straits Times"]),
    o("Bloomberg", &["Bloomberg", "Bloomberg News"]),
    o("DPA", &["DPA", "dpa", "Deutsche Presse-Agentur"]),
    o("ANSA", &["ANSA"]),
    o("EFE", &["EFE", "Agencia EFE"]),
    o("Kyodo", &["Kyodo", "Kyodo News"]),
    o("Yonhap", &["Yonhap", "Yonhap News Agency"]),
    o("Anadolu Agency", &["Anadolu Agency", "Anadolu", "AA"]),
    o("UPI", &["UPI", "United Press International"]),
    o("IRNA", &["IRNA"]),
    o("SANA", &["SANA"]),
    o("Press TV", &["Press TV", "PressTV"]),
    o("Deutsche Welle", &["Deutsche Welle", "DW"]),
    o("France 24", &["France 24", "France24"]),
    o("Euronews", &["Euronews"]),
    o(
        "The New York Times",
        &["The New York Times", "New York Times", "NYT"],
    ),
    o(
        "The Washington Post",
        &["The Washington Post", "Washington Post"],
    ),
    o(
        "The Wall Street Journal",
        &["The Wall Street Journal", "Wall Street Journal", "WSJ"],
    ),
    o(
        "Financial Times",
        &["Financial Times", "The Financial Times", "FT"],
    ),
    o("The Guardian", &["The Guardian", "Guardian"]),
    o("The Independent", &["The Independent"]),
    o("The Telegraph", &["The Telegraph", "The Daily Telegraph"]),
    o("The Times", &["The Times"]),
    o("NPR", &["NPR"]),
    o("NBC News", &["NBC News", "NBC"]),
    o("CBS News", &["CBS News", "CBS"]),
    o("ABC News", &["ABC News"]),
    o("Fox News", &["Fox News"]),
    o("Politico", &["Politico"]),
    o("Newsweek", &["Newsweek"]),
    o("The Moscow Times", &["The Moscow Times", "Moscow Times"]),
    o("Kommersant", &["Kommersant"]),
    o("Izvestia", &["Izvestia"]),
    o("China Daily", &["China Daily"]),
    o("CGTN", &["CGTN"]),
    o("Global Times", &["Global Times"]),
    o(
        "South China Morning Post",
        &["South China Morning Post", "SCMP"],
    ),
    o("The Hindu", &["The Hindu"]),
    o("Hindustan Times", &["Hindustan Times"]),
    o(
        "The Times of India",
        &["The Times of India", "Times of India"],
    ),
    o("Dawn", &["Dawn"]),
    o("Gulf News", &["Gulf News"]),
    o("Haaretz", &["Haaretz"]),
    o(
        "The Jerusalem Post",
        &["The Jerusalem Post", "Jerusalem Post"],
    ),
    o(
        "The Times of Israel",
        &["The Times of Israel", "Times of Israel"],
    ),
    o("Daily Sabah", &["Daily Sabah"]),
    o("Hurriyet Daily News", &["Hurriyet Daily News"]),
    o("Voice of America", &["Voice of America", "VOA"]),
    o(
        "Radio Free Europe/Radio Liberty",
        &["Radio Free Europe/Radio Liberty", "RFE/RL"],
    ),
    o("Business Insider", &["Business Insider"]),
    o("The Daily Beast", &["The Daily Beast", "Daily Beast"]),
    o("The Hill", &["The Hill"]),
    o(
        "HuffPost",
        &[
            "HuffPost",
            "HuffPo",
            "Huffington Post",
            "The Huffington Post",
        ],
    ),
    o("BuzzFeed", &["BuzzFeed", "BuzzFeed News"]),
    o("Breitbart", &["Breitbart", "Breitbart News"]),
    o("The Daily Caller", &["The Daily Caller", "Daily Caller"]),
    o("The Blaze", &["The Blaze", "TheBlaze", "Blaze"]),
    o("The Economist", &["The Economist", "Economist"]),
    o("Axios", &["Axios"]),
    o("Vox", &["Vox"]),
    o("Slate", &["Slate"]),
    o("Salon", &["Salon"]),
    o("The Atlantic", &["The Atlantic"]),
    o("The New Yorker", &["The New Yorker", "New Yorker"]),
    o("Mother Jones", &["Mother Jones"]),
    o("National Review", &["National Review"]),
    o("The Federalist", &["The Federalist", "Federalist"]),
    o("ProPublica", &["ProPublica"]),
    o("Forbes", &["Forbes"]),
    o("Variety", &["Variety"]),
    o("Vulture", &["Vulture"]),
    o("Washington Examiner", &["Washington Examiner"]),
    o(
        "The Washington Times",
        &["The Washington Times", "Washington Times"],
    ),
    o("USA Today", &["USA Today"]),
    o("Los Angeles Times", &["Los Angeles Times", "LA Times"]),
    o("Chicago Tribune", &["Chicago Tribune"]),
    o("The Boston Globe", &["The Boston Globe", "Boston Globe"]),
    o("The Plain Dealer", &["The Plain Dealer", "Plain Dealer"]),
    o("Union Leader", &["Union Leader"]),
    o("Fox Business", &["Fox Business"]),
    o("Washington Informer", &["Washington Informer"]),
    o("Der Spiegel", &["Der Spiegel", "Spiegel"]),
    o("La Stampa", &["La Stampa"]),
    o("Univision", &["Univision"]),
    o("Telemundo", &["Telemundo"]),
    o("McClatchy", &["McClatchy"]),
];

const fn o(name: &'static str, spellings: &'static [&'static str]) -> Outlet {
    Outlet { name, spellings }
}

fn spelling_eq(spelling: &str, s: &str) -> bool {
    if spelling.chars().count() <= 3 {
        spelling == s
    } else {
        spelling.eq_ignore_ascii_case(s)
    }
}

/// The outlet that `s` names, the whole of it (punctuation around ignored).
pub fn outlet_exact(s: &str) -> Option<&'static Outlet> {
    let s = s.trim().trim_matches(|c: char| !c.is_alphanumeric()).trim();
    if s.is_empty() {
        return None;
    }
    OUTLETS
        .iter()
        .find(|o| o.spellings.iter().any(|sp| spelling_eq(sp, s)))
}

/// Whether `name` is an outlet's name and nothing else: a speaker so named is the
/// outlet. (Some outlets' one-word names are people's surnames too: `Bloomberg`
/// said may be Michael Bloomberg; `Dawn` a given name.)
pub fn names_outlet(name: &str) -> bool {
    const ALSO_PEOPLE: &[&str] = &["Bloomberg", "Dawn"];
    let name = name.trim();
    !ALSO_PEOPLE.contains(&name) && outlet_exact(name).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outlet_is_found_by_any_of_its_spellings() {
        assert_eq!(
            outlet_exact("Huffington Post").map(|o| o.name),
            Some("HuffPost")
        );
        assert_eq!(outlet_exact("the hill").map(|o| o.name), Some("The Hill"));
        // short spellings keep their case: `ap` is no outlet
        assert_eq!(outlet_exact("AP").map(|o| o.name), Some("AP"));
        assert!(outlet_exact("ap").is_none());
        assert!(outlet_exact("Hill").is_none());
    }

    #[test]
    fn a_name_people_bear_too_names_no_outlet_alone() {
        assert!(names_outlet("Business Insider"));
        assert!(names_outlet("The Daily Beast"));
        assert!(!names_outlet("Bloomberg"));
        assert!(names_outlet("Bloomberg News"));
        assert!(!names_outlet("Ann Roe"));
    }
}
