//! `dossier serve` over HTTP: pages, content types, 404, traversal attempts,
//! reload events after an edit, the error overlay and recovery, a busy
//! port, and a clean stop on Ctrl-C.

mod serve_support;

use std::time::Duration;

use serve_support::{Server, fixture, request, save_by_rename, write};

const ARTICLE: &str = "content/kerry-lavrov-meet-syria-agenda.md";
const PAGE: &str = "/articles/kerry-lavrov-meet-syria-agenda/";

#[test]
fn serves_pages_with_types_and_the_sites_404() {
    let dir = fixture();
    let server = Server::start(dir.path());

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = home.text();
    assert!(html.contains("Syria Talks Briefing"));
    assert!(
        html.contains("<script src=\"/__dossier/live.js\""),
        "the live-reload script is injected"
    );
    // base_url is the local address.
    assert!(
        html.contains(&format!("rel=\"canonical\" href=\"{}\"", server.url)),
        "permalinks point at {}",
        server.url
    );

    let page = server.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(
        page.text()
            .contains("Kerry, Lavrov meet with Syria on agenda")
    );

    // A folder without its slash is redirected to it.
    let r = server.get("/articles/kerry-lavrov-meet-syria-agenda");
    assert_eq!(r.status, 308);
    assert_eq!(r.header("location"), Some(PAGE));

    let css = server.get("/style.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    let js = server.get("/dossier.js");
    assert_eq!(js.status, 200);
    assert!(js.header("content-type").unwrap().contains("javascript"));
    let live = server.get("/__dossier/live.js");
    assert!(live.text().contains("EventSource"));

    // An extra output, served once it is written.
    let feed = server.get("/atom.xml");
    assert_eq!(feed.status, 200, "{}", feed.text());
    assert_eq!(
        feed.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    assert!(!feed.text().contains("__dossier"), "no script in a feed");
    let data = server.get("/data/quotes.json");
    assert_eq!(data.status, 200);
    assert_eq!(
        data.header("content-type"),
        Some("application/json; charset=utf-8")
    );

    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    let text = missing.text();
    assert!(
        text.contains("Page not found"),
        "the site's 404.html: {text}"
    );
    assert!(text.contains("/__dossier/live.js"));

    let head = request(&server.addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let post = request(&server.addr, "POST", "/");
    assert_eq!(post.status, 405);

    // The user's output folder is never written.
    assert!(!dir.path().join("public").exists());
}

#[test]
fn no_path_leaves_the_output() {
    let dir = fixture();
    // A secret beside the site, and a static file linking to it.
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    write(&secret, "TOP SECRET\n");
    write(&dir.path().join("static/ok.txt"), "fine\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, dir.path().join("static/leak.txt")).unwrap();
    let server = Server::start(dir.path());
    assert_eq!(server.get("/ok.txt").text(), "fine\n");
    for path in [
        "/../site.yaml",
        "/../../../../etc/passwd",
        "/%2e%2e/site.yaml",
        "/%2E%2E/%2e%2e/site.yaml",
        "/articles/..%2f..%2fsite.yaml",
        "/articles/%2e%2e%2f%2e%2e%2fsite.yaml",
        "/articles/..%5c..%5csite.yaml",
        "/./site.yaml",
        "/site.yaml",
        "/content/kerry-lavrov-meet-syria-agenda.md",
        "//etc/passwd",
        "/leak.txt",
        "/%00",
    ] {
        let r = request(&server.addr, "GET", path);
        let text = r.text();
        assert!(
            r.status == 404 || r.status == 400,
            "{path}: status {}",
            r.status
        );
        assert!(
            !text.contains("TOP SECRET") && !text.contains("actors:") && !text.contains("root:x:"),
            "{path} leaked a file: {text}"
        );
    }
}

#[test]
fn an_edit_reloads_and_a_broken_edit_shows_an_overlay_until_fixed() {
    let dir = fixture();
    let server = Server::start(dir.path());
    let mut events = server.events();
    let hello = events
        .next("state", Duration::from_secs(10))
        .expect("a first state on connecting");
    let build = hello.data["build"].as_u64().unwrap();
    assert!(hello.data["error"].is_null());

    // An edit, saved the way editors save.
    let path = dir.path().join(ARTICLE);
    let good = std::fs::read_to_string(&path).unwrap();
    let edited = good.replace(
        "Kerry, Lavrov meet with Syria on agenda",
        "Kerry and Lavrov meet, Syria on the agenda",
    );
    save_by_rename(&path, &edited);
    let m = events
        .next("state", Duration::from_secs(20))
        .expect("a reload event after the edit");
    assert_eq!(m.data["build"].as_u64().unwrap(), build + 1);
    let changed: Vec<&str> = m.data["changed"]
        .as_array()
        .expect("the paths changed")
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        changed.contains(&"articles/kerry-lavrov-meet-syria-agenda/index.html"),
        "{changed:?}"
    );
    assert!(
        server
            .get(PAGE)
            .text()
            .contains("Kerry and Lavrov meet, Syria on the agenda")
    );

    // A broken save: the page shows the problem, with file and line.
    write(
        &path,
        &edited.replacen("date: 2015-12-15", "date: 2015-13-45", 1),
    );
    let m = events
        .next("state", Duration::from_secs(20))
        .expect("an error event");
    let overlay = m.data["error"].as_str().expect("the overlay");
    assert!(overlay.contains(ARTICLE), "{overlay}");
    assert!(overlay.contains("__dossier-overlay"));
    assert_eq!(m.data["build"].as_u64().unwrap(), build + 1, "no new build");
    let page = server.get(PAGE).text();
    assert!(
        page.contains("__dossier-overlay"),
        "the overlay is in the page"
    );
    assert!(
        page.contains(&format!("{ARTICLE}:")),
        "with the line: {page}"
    );
    assert!(
        page.contains("Kerry and Lavrov meet, Syria on the agenda"),
        "the last good build is still served"
    );

    // The fix clears it.
    save_by_rename(&path, &edited.replace("meet, Syria", "meet; Syria"));
    let m = events
        .next("state", Duration::from_secs(20))
        .expect("a reload after the fix");
    assert!(m.data["error"].is_null());
    assert_eq!(m.data["build"].as_u64().unwrap(), build + 2);
    let page = server.get(PAGE).text();
    assert!(!page.contains("__dossier-overlay"));
    assert!(page.contains("Kerry and Lavrov meet; Syria on the agenda"));

    // A new article appears, a deleted one goes.
    write(
        &dir.path().join("content/fresh.md"),
        "---\ntitle: Fresh off the wire\ndate: 2016-03-02\nsource: Wire\n---\nJust in.\n",
    );
    server.wait_for("/articles/fresh/", "Fresh off the wire");
    std::fs::remove_file(dir.path().join("content/fresh.md")).unwrap();
    let start = std::time::Instant::now();
    while server.get("/articles/fresh/").status != 404 {
        assert!(start.elapsed() < Duration::from_secs(20), "never removed");
        std::thread::sleep(Duration::from_millis(50));
    }

    // A template edit, and a broken template with its file in the overlay.
    write(
        &dir.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>Lost at sea</p>{% endblock content %}",
    );
    server.wait_for("/nowhere", "Lost at sea");
    write(
        &dir.path().join("templates/404.html"),
        "{% extends \"base.html\" %}{% block content %}<p>{{ oops </p>{% endblock content %}",
    );
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let m = std::iter::from_fn(|| events.next("state", Duration::from_secs(20)))
        .take_while(|_| std::time::Instant::now() < deadline)
        .find(|m| !m.data["error"].is_null())
        .expect("an error event for the template");
    assert!(
        m.data["error"]
            .as_str()
            .unwrap()
            .contains("templates/404.html"),
        "{}",
        m.data["error"]
    );
    std::fs::remove_file(dir.path().join("templates/404.html")).unwrap();
    server.wait_for("/nowhere", "Page not found");
}

#[test]
fn a_busy_port_is_named_with_a_way_out() {
    let dir = fixture();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("port {port}")), "{err}");
    assert!(err.contains("--port 0"), "{err}");
}

#[test]
fn no_site_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("site.yaml"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let dir = fixture();
    let mut server = Server::start(dir.path());
    // An open event stream must not hold the server up.
    let _events = server.events();
    // SAFETY: signalling our own child by its pid.
    unsafe {
        libc::kill(server.child.id() as i32, libc::SIGINT);
    }
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
