//! Debug: analyse /tmp/polnear-train/docs/N.txt per article (title line as paragraph 0 when
//! TITLE=1), writing a pred JSON with per-appearance speakers and rules.
use dossier_extract::{Lexicon, Options, Speaker, analyse};
fn main() {
    let lex = Lexicon::new(&[], &[]);
    let opts = Options::default();
    let dir = "/tmp/polnear-train/docs";
    let with_title = std::env::var("TITLE").is_ok();
    let mut out = Vec::new();
    let n = std::fs::read_dir(dir).unwrap().count();
    for i in 0..n {
        let text = std::fs::read_to_string(format!("{dir}/{i}.txt")).unwrap();
        let t = text.trim_start();
        let (title, body) = t.split_once('\n').unwrap_or((t, ""));
        let mut paras: Vec<String> = Vec::new();
        if with_title {
            paras.push(title.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        paras.extend(
            body.lines()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|l| !l.is_empty()),
        );
        let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
        let a = analyse(&refs, &lex, &opts);
        if std::env::var("DOC").is_ok_and(|d| d == i.to_string()) {
            for q in &a.quotes {
                eprintln!(
                    "{:?} {:?} {:?} | {}",
                    q.speaker,
                    q.rule,
                    q.kind,
                    q.text.chars().take(60).collect::<String>()
                );
            }
        }
        for q in a.quotes {
            let name = match &q.speaker {
                Some(Speaker::Named { name }) => name.clone(),
                Some(Speaker::Anonymous { description }) => format!("anon:{description}"),
                _ => String::new(),
            };
            out.push(
                serde_json::json!({"text": q.text, "kind": format!("{:?}", q.kind),
              "speaker": {"name": name}, "rule": q.rule,
              "appearances": [{"article": i.to_string(), "text": q.text}]}),
            );
        }
    }
    println!("{}", serde_json::json!({"quotes": out}));
}
