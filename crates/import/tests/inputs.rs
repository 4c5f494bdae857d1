//! Bad input, other formats of dates, outlets and furniture, and file names.

use chrono::NaiveDate;
use dossier_import::{
    How, ImportError, ImportOptions, free_content_name, free_name, import_bytes, import_text,
    slugify, write_new,
};
use std::fs;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("a date")
}

fn opts() -> ImportOptions {
    ImportOptions::new(date("2016-09-01"))
}

#[test]
fn empty_input_is_refused() {
    for raw in ["", " ", "\n\n\t\n", "\u{FEFF}"] {
        let e = import_text(raw, &opts()).unwrap_err();
        assert_eq!(e, ImportError::Empty, "{raw:?}");
    }
    assert_eq!(import_bytes(b"", &opts()).unwrap_err(), ImportError::Empty);
    assert_eq!(
        import_bytes(b"  \r\n", &opts()).unwrap_err(),
        ImportError::Empty
    );
    assert!(ImportError::Empty.to_string().contains("empty"));
}

#[test]
fn binary_input_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    let e = import_bytes(png, &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NotText { .. }), "{e:?}");
    assert!(e.to_string().contains("not plain text"), "{e}");
    let e = import_text("Title\0\0\0\0body", &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NotText { .. }), "{e:?}");
    let e = import_text("%PDF-1.4\n%âãÏÓ\n1 0 obj", &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NotText { .. }), "{e:?}");
    let e = import_text("<!DOCTYPE html><html><body>x</body></html>", &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NotText { .. }), "{e:?}");
}

#[test]
fn windows_1252_and_utf16_are_read() {
    let imp = import_bytes(b"Caf\xe9 talks\r\nThe \x93talks\x94 went on.\r\n", &opts()).unwrap();
    assert_eq!(imp.title, "Café talks");
    assert_eq!(imp.paragraphs, vec!["The “talks” went on."]);
    assert!(!imp.notes.is_empty());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Title\nBody text here."
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let imp = import_bytes(&utf16, &opts()).unwrap();
    assert_eq!(imp.title, "Title");
}

#[test]
fn headline_problems_are_explained() {
    let e = import_text(
        "MOSCOW (AFP) - Russia said on Tuesday it would attend.",
        &opts(),
    )
    .unwrap_err();
    match &e {
        ImportError::NoHeadline { why, .. } => assert!(why.contains("dateline"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("--title"));
    let long = "word ".repeat(80);
    assert!(matches!(
        import_text(&long, &opts()),
        Err(ImportError::NoHeadline { .. })
    ));
    assert!(matches!(
        import_text("A headline\nAdvertisement\nShare this article\n", &opts()),
        Err(ImportError::NoBody { .. })
    ));
    assert!(matches!(
        import_text("Advertisement\nShare this article\n", &opts()),
        Err(ImportError::NoHeadline { .. })
    ));
    // With --title, a text without its headline imports, all of it body.
    let o = ImportOptions {
        title: Some("Russia to attend".to_string()),
        ..opts()
    };
    let imp = import_text("MOSCOW (AFP) - Russia said on Tuesday it would attend.", &o).unwrap();
    assert_eq!(imp.title, "Russia to attend");
    assert_eq!(
        imp.paragraphs,
        vec!["Russia said on Tuesday it would attend."]
    );
    assert_eq!(imp.source.unwrap().value, "AFP");
}

#[test]
fn other_date_formats() {
    let cases = [
        (
            "T\nPublished 21 February 2016\nBody of the text.",
            "2016-02-21",
        ),
        ("T\n2016-02-21 10:45 GMT\nBody of the text.", "2016-02-21"),
        (
            "T\nUpdated: Feb. 21, 2016 at 9:07 p.m.\nBody of the text.",
            "2016-02-21",
        ),
        (
            "T\nReuters | February 21, 2016\nBody of the text.",
            "2016-02-21",
        ),
        ("T\n21.02.2016\nBody of the text.", "2016-02-21"),
    ];
    for (raw, want) in cases {
        let imp = import_text(raw, &opts()).unwrap();
        let d = imp.date.unwrap_or_else(|| panic!("no date in {raw:?}"));
        assert_eq!(d.value, date(want), "{raw:?}");
        assert_eq!(d.how, How::Read, "{raw:?}");
        assert_eq!(imp.paragraphs, vec!["Body of the text."], "{raw:?}");
    }
    // A dateline's date with no year.
    let imp = import_text(
        "Talks\nWASHINGTON, Dec 15 (Reuters) - The U.S. said on Tuesday it would go.",
        &ImportOptions::new(date("2016-01-10")),
    )
    .unwrap();
    assert_eq!(imp.date.as_ref().unwrap().value, date("2015-12-15"));
    assert!(imp.date.unwrap().is_inferred());
    assert_eq!(imp.source.unwrap().value, "Reuters");
    assert_eq!(imp.dateline.unwrap().value, "WASHINGTON, Dec 15 (Reuters)");
    // A TASS dateline.
    let imp = import_text(
        "Lavrov on Syria\nMOSCOW, August 26. /TASS/. Russia's top diplomat said talks went well.",
        &ImportOptions::new(date("2016-09-01")),
    )
    .unwrap();
    assert_eq!(imp.source.unwrap().value, "TASS");
    assert_eq!(imp.date.unwrap().value, date("2016-08-26"));
    assert_eq!(
        imp.paragraphs[0],
        "Russia's top diplomat said talks went well."
    );
}

#[test]
fn a_name_in_the_body_is_not_the_outlet() {
    let raw = "Kerry meets Lavrov\n\
               Russia's Tass news agency quoted Lavrov as saying the talks went well.\n\
               Kerry stressed the point, the CNN reported. Reuters said the same.\n\
               AFP and AP also covered the meeting, Xinhua said.";
    let imp = import_text(raw, &opts()).unwrap();
    assert!(imp.source.is_none(), "{:?}", imp.source);
}

#[test]
fn outlets_from_furniture_bylines_and_tab_titles() {
    let imp = import_text(
        "Talks end\nBy Tom Miles, Reuters\nThe talks ended.\nCopyright 2016 Thomson Reuters.",
        &opts(),
    )
    .unwrap();
    assert_eq!(imp.source.unwrap().value, "Reuters");
    assert_eq!(imp.paragraphs, vec!["The talks ended."]);
    let imp = import_text(
        "Talks end | The Straits Times\nThe talks ended.\n© 2016 The Associated Press. All rights reserved.",
        &opts(),
    )
    .unwrap();
    assert_eq!(imp.title, "Talks end");
    assert_eq!(imp.source.unwrap().value, "The Straits Times");
    assert_eq!(imp.paragraphs, vec!["The talks ended."]);
}

#[test]
fn furniture_is_removed_and_extendable() {
    let raw = "Talks end\n\
               Advertisement\n\
               The talks ended on a high note for both sides.\n\
               Read more: Lavrov meets Kerry again\n\
               Sign up for our newsletter\n\
               Both ministers said the talks were useful.\n\
               Share this article\n\
               Click here to subscribe\n\
               Follow the Briefing on Mastodon\n\
               All rights reserved.";
    let imp = import_text(raw, &opts()).unwrap();
    assert_eq!(imp.paragraphs.len(), 3, "{:?}", imp.paragraphs);
    let o = ImportOptions {
        extra_furniture: vec!["Follow the Briefing".to_string()],
        ..opts()
    };
    let imp = import_text(raw, &o).unwrap();
    assert_eq!(
        imp.paragraphs,
        vec![
            "The talks ended on a high note for both sides.",
            "Both ministers said the talks were useful."
        ]
    );
    assert_eq!(imp.removed.len(), 7, "{:?}", imp.removed);
}

#[test]
fn hard_wrapped_text_is_joined() {
    let raw = "A headline\n\n\
               The talks in Geneva lasted more than twelve hours and\n\
               were dominated by Syria and Ukraine, the Secretary of\n\
               State told a news briefing after they ended.\n\n\
               He said he was thankful to Lavrov for spending the\n\
               whole day at the table of negotiations, adding that the\n\
               talks had been long but constructive.\n";
    let imp = import_text(raw, &opts()).unwrap();
    assert_eq!(imp.paragraphs.len(), 2, "{:?}", imp.paragraphs);
    assert!(imp.paragraphs[0].contains("twelve hours and were dominated"));
}

#[test]
fn free_name_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let first = free_name(d, "syria-talks", "md");
    assert_eq!(first, d.join("syria-talks.md"));
    fs::write(&first, "one").unwrap();
    let second = free_name(d, "syria-talks", ".md");
    assert_eq!(second, d.join("syria-talks-2.md"));
    fs::write(&second, "two").unwrap();
    assert_eq!(
        free_name(d, "syria-talks", "md"),
        d.join("syria-talks-3.md")
    );
    // Another extension is another name.
    assert_eq!(
        free_name(d, "syria-talks", "txt"),
        d.join("syria-talks.txt")
    );
    // But for content, a .txt article has the slug too.
    fs::write(d.join("kurds.txt"), "Kurds\nbody").unwrap();
    assert_eq!(free_content_name(d, "kurds"), d.join("kurds-2.md"));
    // write_new picks the next free name and never clobbers.
    let p = write_new(d, "syria-talks", "three").unwrap();
    assert_eq!(p, d.join("syria-talks-3.md"));
    assert_eq!(fs::read_to_string(d.join("syria-talks.md")).unwrap(), "one");
    assert_eq!(
        fs::read_to_string(d.join("syria-talks-2.md")).unwrap(),
        "two"
    );
    assert_eq!(fs::read_to_string(&p).unwrap(), "three");
    #[cfg(unix)]
    {
        // A dangling symlink is taken too: writing through it could land
        // anywhere.
        std::os::unix::fs::symlink(d.join("nowhere"), d.join("link.md")).unwrap();
        assert_eq!(free_name(d, "link", "md"), d.join("link-2.md"));
    }
}

#[test]
fn slugs_are_safe_file_names() {
    assert_eq!(
        slugify("Syria talks to go ahead on Friday in New York: Lavrov, Kerry"),
        "syria-talks-to-go-ahead-on-friday-in-new-york-lavrov-kerry"
    );
    for t in ["../../etc/passwd", "a/b\\c", "  ", ".", "CON", "\u{0}x"] {
        let s = slugify(t);
        assert!(
            !s.is_empty() && !s.contains(['/', '\\', '.', '\0']),
            "{t:?} -> {s:?}"
        );
    }
}

/// Shuffled seed lines, furniture, odd characters: never a panic, and what
/// comes out is consistent (no empty paragraph, subheads in range).
#[test]
fn scrambled_input_never_panics() {
    let dir =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds");
    let mut pool: Vec<String> = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        pool.extend(text.lines().map(str::to_string));
    }
    pool.extend(
        [
            "",
            "MOSCOW (AFP) -",
            "PHOTO:",
            "Reuters/",
            "Dec 31",
            "Feb 29",
            "Friday, Feb 29",
            "this Friday, Dec 18",
            "By",
            "Source:",
            "© ",
            "ÿ\u{301}\u{200b}",
            "1. ",
            "# ",
            "---",
            "\"",
            "“",
            "WASHINGTON, Dec 15 (Reuters) -",
            "Endit",
            "Xinhua, February 30, 2016",
            "\u{2028}",
            "\t\t",
            "Дек 18",
            "Sept. 31, 2015",
            "said Thursday",
            "日本語のテキスト",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..400 {
        let n = (next() % 12) as usize;
        let mut raw = String::new();
        for _ in 0..n {
            let line = &pool[(next() % pool.len() as u64) as usize];
            // Sometimes cut a line at a random char boundary.
            let line: String = if next() % 4 == 0 {
                let k = (next() % (line.chars().count() as u64 + 1)) as usize;
                line.chars().take(k).collect()
            } else {
                line.clone()
            };
            raw.push_str(&line);
            raw.push_str(["\n", "\n\n", "\r\n", " "][(next() % 4) as usize]);
        }
        let today = date("2016-09-01");
        match import_text(&raw, &ImportOptions::new(today)) {
            Ok(imp) => {
                assert!(!imp.title.is_empty() || raw.trim().is_empty(), "{raw:?}");
                assert!(
                    imp.paragraphs.iter().all(|p| !p.trim().is_empty()),
                    "{raw:?}"
                );
                assert!(imp.subheads.iter().all(|&i| i < imp.paragraphs.len()));
                assert!(
                    imp.date.as_ref().is_none_or(|d| d.value <= today),
                    "{raw:?}"
                );
                let md = imp.to_markdown(&["x".into()], &[]);
                assert!(md.starts_with("---\n"));
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}
