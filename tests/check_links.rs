//! `dossier check`'s link checking: broken internal links and anchors are
//! errors naming the article file, line and link; `--external` requests the
//! links to other sites (here a local server) and keeps the results.

mod common;
use common::*;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn check(site: &Site, extra: &[&str]) -> assert_cmd::assert::Assert {
    dossier()
        .arg("check")
        .arg("--root")
        .arg(site.path())
        .args(extra)
        .assert()
}

#[test]
fn the_example_site_checks_clean() {
    let site = Site::example();
    let out = check(&site, &[]).success();
    let stderr = stderr(&out);
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(!site.path().join("public").exists(), "check wrote the site");
}

#[test]
fn a_broken_internal_link_fails_naming_file_and_link() {
    let site = Site::example();
    site.write(
        "content/broken-links.md",
        "---\ntitle: Links to nowhere\ndate: 2016-03-01\nsource: Test Wire\n---\nA first paragraph.\n\nSee [this](/articles/nope/) and [that quote](/articles/lavrov-kerry-geneva-talks/#q999),\nbut [this one](/articles/lavrov-kerry-geneva-talks/#q1) and [Lavrov](/actors/sergei-lavrov/) work.\n\nAlso [a typo](/actors/sergei-lavrof/).\n",
    );
    let out = check(&site, &[]).failure();
    let stderr = stderr(&out);
    assert!(
        stderr.contains("broken link `/articles/nope/`: there is no page /articles/nope/ in the site\n  --> content/broken-links.md:8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken link `/articles/lavrov-kerry-geneva-talks/#q999`: the page /articles/lavrov-kerry-geneva-talks/ has no anchor `#q999`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `/actors/sergei-lavrov/`?"),
        "{stderr}"
    );
    assert!(stderr.contains("content/broken-links.md:11"), "{stderr}");
    assert!(!stderr.contains("#q1`"), "{stderr}");
    assert!(!stderr.contains("`/actors/sergei-lavrov/`:"), "{stderr}");
    assert!(stderr.contains("check found 3 errors."), "{stderr}");
    // A build does not check links: the site is still written.
    site.build().success();
}

#[test]
fn relative_links_resolve_against_the_page() {
    let site = Site::example();
    site.write(
        "content/relative.md",
        "---\ntitle: Relative links\ndate: 2016-03-01\nsource: Test Wire\n---\nSee [a sibling](../lavrov-kerry-geneva-talks/) and [home](../../) and [gone](../gone/).\n",
    );
    let stderr = stderr(&check(&site, &[]).failure());
    assert!(
        stderr.contains("broken link `../gone/`: there is no page /articles/gone/"),
        "{stderr}"
    );
    assert!(stderr.contains("check found 1 error."), "{stderr}");
}

/// A local server: `/ok` answers 200, `/gone` 404, `/no-head` 405 to HEAD and
/// 200 to GET. Counts requests.
fn serve() -> (String, Arc<AtomicUsize>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", server.server_addr().to_ip().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            counter.fetch_add(1, Ordering::SeqCst);
            let status = match (request.method(), request.url()) {
                (_, "/ok") => 200,
                (tiny_http::Method::Head, "/no-head") => 405,
                (_, "/no-head") => 200,
                _ => 404,
            };
            let _ = request.respond(tiny_http::Response::from_string("x").with_status_code(status));
        }
    });
    (addr, hits)
}

#[test]
fn external_links_are_checked_on_request_and_cached() {
    let (addr, hits) = serve();
    let site = Site::new();
    site.write(
        "content/outside.md",
        format!(
            "---\ntitle: Outside\ndate: 2020-01-01\nsource: Test Wire\nurl: {addr}/ok\n---\nFirst paragraph.\n\nSee [fine]({addr}/ok), [gone]({addr}/gone) and [picky]({addr}/no-head).\n"
        ),
    );
    // Off by default.
    check(&site, &[]).success();
    assert_eq!(hits.load(Ordering::SeqCst), 0);

    let out = check(&site, &["--external"]).success();
    let stderr = stderr(&out);
    assert!(
        stderr.contains(&format!("warning: external link `{addr}/gone` is broken: the server answers 404 Not Found\n  --> content/outside.md:9")),
        "{stderr}"
    );
    assert!(!stderr.contains("/ok`"), "{stderr}");
    assert!(!stderr.contains("/no-head`"), "{stderr}");
    let first = hits.load(Ordering::SeqCst);
    // HEAD each, GET again after the 405 and the 404.
    assert_eq!(first, 5);
    let cache: serde_json::Value =
        serde_json::from_str(&site.read(".dossier-cache/links.json")).unwrap();
    assert_eq!(cache["links"][format!("{addr}/ok")]["status"], 200);
    assert_eq!(cache["links"][format!("{addr}/gone")]["status"], 404);

    // The second run answers from the cache.
    let again = check(&site, &["--external"]).success();
    assert!(common::stderr(&again).contains("is broken"));
    assert_eq!(hits.load(Ordering::SeqCst), first);
}

#[test]
fn unreachable_hosts_are_warnings_with_a_reason() {
    // A port nothing listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let site = Site::new();
    site.article(
        "dead",
        "Dead link",
        "2020-01-01",
        &format!("First.\n\nSee [dead](http://127.0.0.1:{port}/x)."),
    );
    let stderr = stderr(&check(&site, &["--external"]).success());
    assert!(
        stderr.contains(&format!(
            "external link `http://127.0.0.1:{port}/x` is broken: cannot connect"
        )),
        "{stderr}"
    );
}
