// TEMPORARY diagnostic (not committed): kind, speaker and rule of each quotation of text files.
use dossier_extract::{ActorDef, ActorKind, Lexicon, Options, analyse_titled};
fn main() {
    let a = |id: &str, name: &str, aliases: &[&str]| ActorDef {
        id: id.into(),
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        role: None,
        kind: ActorKind::Person,
    };
    let lex = Lexicon::new(
        &[
            a(
                "donald-trump",
                "Donald Trump",
                &["Donald J. Trump", "Trump", "Mr. Trump"],
            ),
            a(
                "hillary-clinton",
                "Hillary Clinton",
                &[
                    "Hillary Rodham Clinton",
                    "Mrs. Clinton",
                    "Secretary Clinton",
                ],
            ),
            a(
                "bernie-sanders",
                "Bernie Sanders",
                &["Sanders", "Sen. Sanders"],
            ),
            a("ted-cruz", "Ted Cruz", &["Cruz", "Sen. Cruz"]),
            a("marco-rubio", "Marco Rubio", &["Rubio", "Sen. Rubio"]),
        ],
        &[],
    );
    let opts = Options::default();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
        let paras: Vec<&str> = body
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let an = analyse_titled(title.trim(), &paras, &lex, &opts);
        let all: Vec<&str> = std::iter::once(title.trim())
            .chain(paras.iter().copied())
            .collect();
        for q in &an.quotes {
            let sp = q.spans[0];
            let p = all[sp.paragraph];
            let mut from = sp.start.saturating_sub(160);
            while !p.is_char_boundary(from) {
                from += 1;
            }
            let ctx = &p[from..sp.start];
            let line = serde_json::json!({"doc": path, "ctx": ctx, "text": q.text, "kind": q.kind, "speaker": q.speaker.as_ref().map(|s| format!("{s:?}")), "rule": q.rule});
            println!("{line}");
        }
    }
}
