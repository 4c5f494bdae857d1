//! `serve`'s incremental rebuild against a full build, file for file, after
//! each of a series of edits: change, add, rename and delete articles, edit
//! a `.txt` article's metadata, override templates, break and fix things.

mod serve_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use dossier::build::{self, BuildOptions};
use dossier::output::Staging;
use dossier::serve::{Changes, LiveSite};
use serve_support::{
    assert_same_files, builtin_template, edit_article_template, fixture, tree, write,
};

const BASE: &str = "http://127.0.0.1:1111";

fn opts(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: None,
        base_url: Some(BASE.into()),
        drafts: false,
        future: false,
        dry_run: false,
    }
}

/// What `serve` serves: its pages and assets, and its extra outputs written
/// as the server writes them.
fn served(site: &LiveSite, scratch: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut all: BTreeMap<String, Vec<u8>> = site
        .files()
        .read()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect();
    let snapshot = site.snapshot().unwrap();
    let extras = scratch.join("extras");
    let staging = Staging::new(&extras).unwrap();
    build::outputs_beyond_pages(
        &snapshot.config,
        &snapshot.theme,
        &snapshot.site,
        &snapshot.renderer,
        Some(&staging),
    )
    .unwrap();
    staging.commit().unwrap();
    for (path, bytes) in tree(&extras) {
        assert!(
            all.insert(path.clone(), bytes).is_none(),
            "{path} is both a page and an extra output"
        );
    }
    all
}

/// Like `assert_same`, for a rebuild that left pages pending (see
/// `LiveSite::rebuild_first`): every page served now is the full build's,
/// the pending ones aside; returns how many are pending.
#[track_caller]
fn assert_same_but_pending(step: &str, site: &LiveSite, root: &Path) -> usize {
    let pending = site.pending().read().unwrap().clone();
    let scratch = tempfile::tempdir().unwrap();
    let mut incremental = served(site, scratch.path());
    let mut full = full_build(root, scratch.path());
    for path in &pending {
        incremental.remove(path);
        full.remove(path);
    }
    assert_same_files(step, "incremental output", &incremental, &full);
    pending.len()
}

fn full_build(root: &Path, scratch: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = scratch.join("full");
    let mut o = opts(root);
    o.output = Some(out.clone());
    build::build(&o).unwrap_or_else(|e| panic!("full build failed: {e:#?}"));
    tree(&out)
}

#[track_caller]
fn assert_same(step: &str, site: &LiveSite, root: &Path) {
    let scratch = tempfile::tempdir().unwrap();
    let incremental = served(site, scratch.path());
    let full = full_build(root, scratch.path());
    assert_same_files(step, "incremental output", &incremental, &full);
}

fn content(paths: &[&str]) -> Changes {
    Changes {
        content: paths.iter().map(PathBuf::from).collect(),
        ..Changes::default()
    }
}

/// The article `edit_body` changes.
const EDITED: &str = "content/kerry-lavrov-meet-syria-agenda.md";

/// A body edit far from the lede, naming no one and quoting nothing, and the
/// rebuild after it.
fn edit_body(site: &mut LiveSite, root: &Path) -> dossier::serve::Rebuilt {
    let a = root.join(EDITED);
    let text = std::fs::read_to_string(&a).unwrap();
    write(
        &a,
        &text.replace(
            "The U.S. has been pressing",
            "The weather in Moscow was cold. The U.S. has been pressing",
        ),
    );
    site.rebuild(&content(&[EDITED])).unwrap()
}

/// Whether a rebuild patched the last site (`site::relink`) rather than
/// linking every article again.
fn relinked(r: &dossier::serve::Rebuilt) -> bool {
    r.steps.iter().any(|(step, _)| *step == "relink")
}

/// Whether one quotation appears in both articles.
fn shares_quotation(site: &LiveSite, a: &str, b: &str) -> bool {
    let snapshot = site.snapshot().unwrap();
    let site = &snapshot.site;
    site.quotations.iter().any(|q| {
        let has = |slug: &str| {
            q.appearances
                .iter()
                .any(|ap| site.articles[ap.article].slug == slug)
        };
        has(a) && has(b)
    })
}

#[test]
fn incremental_rebuilds_equal_full_builds() {
    let dir = fixture();
    let root = dir.path();
    let mut site = LiveSite::new(opts(root));
    let first = site.rebuild(&Changes::full()).unwrap();
    assert!(first.full && first.rendered == first.pages);
    assert_same("first build", &site, root);

    // A body edit far from the lede: the article's page and what shows the
    // article's own data, not every page.
    let r = edit_body(&mut site, root);
    assert_eq!(r.processed, 1);
    assert!(
        r.rendered * 4 < r.pages,
        "a body edit re-rendered {} of {} pages",
        r.rendered,
        r.pages
    );
    assert!(
        r.changed
            .contains(&"articles/kerry-lavrov-meet-syria-agenda/index.html".to_string())
    );
    // Nothing but the body changed (no quotation, actor, title or lede):
    // every other page shows the article as it was.
    assert_eq!(r.rendered, 1, "{:?}", r.changed);
    assert_same("body edit", &site, root);

    // A body edit that changes a quotation's wording: its quotation page,
    // and the digests listing it, change too.
    let a = root.join(EDITED);
    let text = std::fs::read_to_string(&a).unwrap();
    write(
        &a,
        &text.replace(
            "We don’t have a full meeting of the minds yet",
            "We don’t have a full meeting of the minds just yet",
        ),
    );
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(r.rendered > 1, "{:?}", r.changed);
    assert!(relinked(&r), "{:?}", r.steps);
    assert_same("quotation edit", &site, root);

    // Quotation edits that regroup quotations across articles, each relinked
    // rather than linked again: a quotation shared with another article
    // added, its speaker changed to one who cannot share it, then the one
    // added removed with another of the article's.
    let shared = "\n\n“We discussed the concrete steps and we practically reached an agreement on these steps”, Lavrov told reporters.\n";
    write(
        &a,
        &format!("{}{shared}", std::fs::read_to_string(&a).unwrap()),
    );
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(relinked(&r), "{:?}", r.steps);
    assert!(shares_quotation(
        &site,
        "kerry-lavrov-meet-syria-agenda",
        "lavrov-kerry-geneva-talks"
    ));
    assert_same("shared quotation added", &site, root);

    let text = std::fs::read_to_string(&a).unwrap();
    write(
        &a,
        &text.replace("Lavrov told reporters", "Kerry told reporters"),
    );
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(relinked(&r), "{:?}", r.steps);
    assert!(!shares_quotation(
        &site,
        "kerry-lavrov-meet-syria-agenda",
        "lavrov-kerry-geneva-talks"
    ));
    assert_same("speaker changed", &site, root);

    let text = std::fs::read_to_string(&a).unwrap();
    let without = text
        .replace(&shared.replace("Lavrov", "Kerry"), "\n")
        .replace(
            "“We are not playing “Let’s Make a Deal” here”, the official said.",
            "",
        );
    assert_ne!(text, without);
    write(&a, &without);
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(relinked(&r), "{:?}", r.steps);
    assert_same("quotations removed", &site, root);

    // A quotation by an actor of the registry the article did not name:
    // the article joins their digest (its lists are counted again), then
    // leaves it when the quotation goes.
    let text = std::fs::read_to_string(&a).unwrap();
    let mistura = "\n\n“We will not accept any preconditions for the talks in Geneva next month”, de Mistura said.\n";
    write(&a, &format!("{text}{mistura}"));
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(relinked(&r), "{:?}", r.steps);
    let names_mistura = |site: &LiveSite| {
        let site = site.snapshot().unwrap().site;
        let at = site.article_slugs["kerry-lavrov-meet-syria-agenda"];
        site.articles[at]
            .actors
            .iter()
            .any(|&x| site.actors[x].id == "staffan-de-mistura")
    };
    assert!(names_mistura(&site));
    assert_same("quotation by an actor new to the article", &site, root);
    write(&a, &text);
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(relinked(&r), "{:?}", r.steps);
    assert!(!names_mistura(&site));
    assert_same("that quotation removed", &site, root);

    // A speaker outside the registry: linked again or relinked, the same.
    write(
        &a,
        &format!(
            "{}\n\n“We will see what comes of these talks in the weeks ahead”, said Jane Doe, a spokeswoman.\n",
            std::fs::read_to_string(&a).unwrap()
        ),
    );
    site.rebuild(&content(&[EDITED])).unwrap();
    assert_same("new speaker", &site, root);

    // Nothing changed: nothing but the pages rendered on every rebuild.
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert_eq!(r.processed, 0);
    assert!(
        r.rendered <= 3,
        "an unchanged save re-rendered {}",
        r.rendered
    );

    // A title edit: the article's card, in its digests, quotations, home.
    write(
        &a,
        &std::fs::read_to_string(&a).unwrap().replace(
            "Kerry, Lavrov meet with Syria on agenda",
            "Kerry and Lavrov meet on Syria",
        ),
    );
    let r = site.rebuild(&content(&[EDITED])).unwrap();
    assert!(relinked(&r), "{:?}", r.steps);
    assert_same("title edit", &site, root);

    // Front-matter topics: one of the registry added, then taken out again,
    // both relinked; one outside it, which links every article again.
    let text = std::fs::read_to_string(&a).unwrap();
    let listed = text.replacen("\n---\n", "\ntopics: [humanitarian-aid]\n---\n", 1);
    assert_ne!(text, listed);
    for (step, version, relinks) in [
        ("registry topic listed", &listed, true),
        ("registry topic unlisted", &text, true),
        (
            "new topic listed",
            &text.replacen("\n---\n", "\ntopics: [Arms control]\n---\n", 1),
            false,
        ),
        ("new topic unlisted", &text, false),
    ] {
        write(&a, version);
        let r = site.rebuild(&content(&[EDITED])).unwrap();
        assert_eq!(relinked(&r), relinks, "{step}: {:?}", r.steps);
        assert_same(step, &site, root);
    }

    // A new article, the newest, sharing a quotation with an old one and
    // naming a new actor and a new topic: digests page on, quotations grow.
    write(
        &root.join("content/new-round.md"),
        "---\ntitle: A new round of talks\ndate: 2016-03-01\nsource: Example Wire\nactors: [Jane Roe]\ntopics: [ceasefire-monitoring]\n---\n\
         Sergei Lavrov and John Kerry spoke again on Tuesday.\n\n\
         “Minister Lavrov has just informed me in detail about your proposals and several matters that require further discussion”, Putin told Kerry, according to TASS.\n\n\
         “We will keep talking until the guns fall silent,” Jane Roe said.\n",
    );
    site.rebuild(&content(&["content/new-round.md"])).unwrap();
    assert_same("add", &site, root);

    // Rename: the slug changes, the old page goes.
    std::fs::rename(
        root.join("content/new-round.md"),
        root.join("content/renamed-round.md"),
    )
    .unwrap();
    let r = site
        .rebuild(&content(&[
            "content/new-round.md",
            "content/renamed-round.md",
        ]))
        .unwrap();
    assert!(
        r.changed
            .contains(&"articles/new-round/index.html".to_string())
    );
    assert_same("rename", &site, root);

    // A .txt article's metadata: its date moves it in every timeline.
    let meta = root.join("content/lavrov-kerry-un-objectives.yaml");
    let yaml = std::fs::read_to_string(&meta).unwrap();
    let yaml: String = yaml
        .lines()
        .map(|l| {
            if l.starts_with("date:") {
                "date: 2014-01-01".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    write(&meta, &format!("{yaml}\n"));
    site.rebuild(&content(&["content/lavrov-kerry-un-objectives.yaml"]))
        .unwrap();
    assert_same("metadata edit", &site, root);

    // Delete: its quotations shrink, its actor and topic disappear.
    std::fs::remove_file(root.join("content/renamed-round.md")).unwrap();
    site.rebuild(&content(&["content/renamed-round.md"]))
        .unwrap();
    assert_same("delete", &site, root);

    // A template override: only the pages that use it.
    edit_article_template(root);
    let r = site
        .rebuild(&Changes {
            theme: true,
            ..Changes::default()
        })
        .unwrap();
    let articles = r
        .changed
        .iter()
        .filter(|p| p.starts_with("articles/"))
        .count();
    assert_eq!(
        articles,
        r.changed.len().min(articles),
        "only article pages and the theme's files change"
    );
    assert!(r.rendered < r.pages);
    assert_same("article template", &site, root);

    // The template every page extends: every page.
    let base = builtin_template("base.html");
    let edited = base.replacen("</main>", "<p class=\"edited\">Edited base</p></main>", 1);
    assert_ne!(base, edited);
    write(&root.join("templates/base.html"), &edited);
    let r = site
        .rebuild(&Changes {
            theme: true,
            ..Changes::default()
        })
        .unwrap();
    assert_eq!(r.rendered, r.pages);
    assert_same("base template", &site, root);

    // A broken article: the rebuild fails, the output stays; the fix heals.
    let b = root.join("content/lavrov-kerry-geneva-talks.md");
    let good = std::fs::read_to_string(&b).unwrap();
    write(&b, &good.replacen("title:", "title: [unclosed", 1));
    let errors = site
        .rebuild(&content(&["content/lavrov-kerry-geneva-talks.md"]))
        .unwrap_err();
    assert!(
        errors.iter().any(|d| d.file.as_deref()
            == Some(Path::new("content/lavrov-kerry-geneva-talks.md"))
            && d.line.is_some()),
        "{errors:#?}"
    );
    write(&b, &good.replace("Geneva", "Geneva (updated)"));
    site.rebuild(&content(&["content/lavrov-kerry-geneva-talks.md"]))
        .unwrap();
    assert_same("fix", &site, root);

    // A static file on a page's path: refused by name, as a build refuses
    // it; taking it away heals.
    let clash = root.join("static/articles/lavrov-kerry-geneva-talks/index.html");
    write(&clash, "<p>mine</p>");
    let theme = Changes {
        theme: true,
        ..Changes::default()
    };
    let errors = site.rebuild(&theme).unwrap_err();
    assert!(
        errors.iter().any(|d| d
            .file
            .as_deref()
            .is_some_and(|f| f.ends_with("static/articles/lavrov-kerry-geneva-talks/index.html"))
            && d.message.contains("would replace the article")),
        "{errors:#?}"
    );
    std::fs::remove_file(&clash).unwrap();
    site.rebuild(&theme).unwrap();
    assert_same("static clash removed", &site, root);

    // site.yaml: a full rebuild.
    let config = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    write(
        &root.join("site.yaml"),
        &config.replace("title: Syria Talks Briefing", "title: Syria Talks"),
    );
    let r = site.rebuild(&Changes::full()).unwrap();
    assert!(r.full);
    assert_same("site.yaml", &site, root);

    // A rescan finds what events missed.
    write(
        &root.join("content/unannounced.md"),
        "---\ntitle: Nobody told the watcher\ndate: 2016-01-05\nsource: Quiet Times\n---\nA short one.\n",
    );
    site.rebuild(&Changes {
        rescan: true,
        ..Changes::default()
    })
    .unwrap();
    assert_same("rescan", &site, root);
}

/// The fixture built, with the path and text of the article `edit_body`
/// changes.
fn built(root: &Path) -> (LiveSite, PathBuf, String) {
    let mut site = LiveSite::new(opts(root));
    site.rebuild(&Changes::full()).unwrap();
    let a = root.join(EDITED);
    let original = std::fs::read_to_string(&a).unwrap();
    (site, a, original)
}

/// After an edit that is relinked, only the pages whose inputs may have
/// changed are fingerprinted again, and what is served is what a full build
/// makes: the article's page, its quotations' pages, its digests (a page
/// more or less as they grow and shrink), the quotation index.
#[test]
fn relinked_edits_plan_only_the_pages_they_may_change() {
    let dir = fixture();
    let root = dir.path();
    let (mut site, a, original) = built(root);
    let shared = "\n\n“We discussed the concrete steps and we practically reached an agreement on these steps”, Lavrov told reporters.\n";
    let titled = original.replace(
        "Kerry, Lavrov meet with Syria on agenda",
        "Kerry and Lavrov meet on Syria",
    );
    let listed = original.replacen("\n---\n", "\ntopics: [humanitarian-aid]\n---\n", 1);
    assert_ne!(titled, original);
    assert_ne!(listed, original);
    let steps = [
        ("title", titled),
        ("registry topic listed", listed),
        ("registry topic unlisted", original.clone()),
        ("shared quotation added", format!("{original}{shared}")),
        (
            "its speaker changed",
            format!("{original}{}", shared.replace("Lavrov", "Kerry")),
        ),
        ("quotation removed", original.clone()),
    ];
    for (step, text) in steps {
        write(&a, &text);
        let r = site.rebuild(&content(&[EDITED])).unwrap();
        assert!(relinked(&r), "{step}: {:?}", r.steps);
        assert!(
            r.planned < r.pages,
            "{step}: every page ({}) was fingerprinted again",
            r.pages
        );
        assert!(r.rendered > 0, "{step}");
        assert_same(step, &site, root);
    }
}

/// Quotation edits reload before the later pages of the lists they shift are
/// rendered: until `finish`, those pages are pending and every other page is
/// already the new site's; after it, everything is.
#[test]
fn later_pages_of_lists_follow_the_reload() {
    let dir = fixture();
    let root = dir.path();
    let (mut site, a, original) = built(root);
    let added =
        "\n\n“We will table our own proposal for the talks next week”, Lavrov told reporters.\n";
    let steps = [
        (
            "quotation by a registry speaker added",
            format!("{original}{added}"),
        ),
        (
            "its speaker changed",
            format!("{original}{}", added.replace("Lavrov", "Kerry")),
        ),
        ("quotation removed", original.clone()),
    ];
    // The edited article's page is open in a browser: it is rendered before
    // the reload, every other page after it.
    let shown = "articles/kerry-lavrov-meet-syria-agenda/index.html".to_string();
    site.shown().lock().unwrap().insert(shown.clone(), 1);
    let mut deferred = 0;
    for (step, text) in steps {
        write(&a, &text);
        let r = site.rebuild_first(&content(&[EDITED])).unwrap();
        assert!(relinked(&r), "{step}: {:?}", r.steps);
        assert!(r.changed.contains(&shown), "{step}: {:?}", r.changed);
        assert!(
            !site.pending().read().unwrap().contains(&shown),
            "{step}: the page shown waits"
        );
        assert_eq!(
            r.rendered, 1,
            "{step}: only the page shown is rendered first"
        );
        let pending = assert_same_but_pending(step, &site, root);
        assert_eq!(pending, r.later, "{step}");
        let listed = site.pending().read().unwrap().clone();
        assert!(
            listed.iter().all(|p| r.changed.contains(p)),
            "{step}: pending pages are announced as changed"
        );
        deferred += r.later;
        // Pending before they were fingerprinted, some turn out unchanged.
        let finished = site.finish(|| {}).unwrap();
        assert!(finished.unwrap_or(0) <= r.later, "{step}");
        assert!(site.pending().read().unwrap().is_empty(), "{step}");
        assert_same(step, &site, root);
    }
    assert!(deferred > 0, "no page was left for after the reload");

    // A rebuild that comes before `finish` renders what was left first.
    write(&a, &format!("{original}{added}"));
    let r = site.rebuild_first(&content(&[EDITED])).unwrap();
    assert!(r.later > 0);
    edit_body(&mut site, root);
    assert!(site.pending().read().unwrap().is_empty());
    assert_same("a body edit before finish", &site, root);
}

/// An article dated a moment ahead is left out until its time comes; the
/// next rebuild after that publishes it, even when the edit that triggers
/// the rebuild changes nothing but another article's body.
#[test]
fn an_article_whose_time_comes_is_published_by_the_next_rebuild() {
    let dir = fixture();
    let root = dir.path();
    // The first rebuild must finish before the article's time, or it has
    // rightly published it: on a loaded machine, try again with more time.
    let mut attempt = None;
    for margin in [2, 6, 20] {
        // Whole seconds, as the front matter writes it.
        let soon = chrono::SubsecRound::trunc_subsecs(
            chrono::Utc::now() + chrono::Duration::seconds(margin),
            0,
        );
        write(
            &root.join("content/soon.md"),
            &format!(
                "---\ntitle: Due soon\ndate: {}\nsource: Example Wire\n---\nNot yet.\n",
                soon.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ),
        );
        let mut site = LiveSite::new(opts(root));
        let first = site.rebuild(&Changes::full()).unwrap();
        if chrono::Utc::now() < soon {
            attempt = Some((site, first, soon));
            break;
        }
    }
    let (mut site, first, soon) = attempt.expect("a first rebuild within 20 s");
    assert!(
        !site.page_paths().any(|p| p == "articles/soon/index.html"),
        "published {} pages before its time",
        first.pages
    );
    let wait = soon - chrono::Utc::now() + chrono::Duration::milliseconds(1500);
    std::thread::sleep(wait.to_std().unwrap_or_default());

    let r = edit_body(&mut site, root);
    assert!(
        r.changed.contains(&"articles/soon/index.html".to_string()),
        "{:?}",
        r.changed
    );
    assert_same("time passed", &site, root);
}
