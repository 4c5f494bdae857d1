//! Headless Chromium as a PDF printer: found on PATH, through `--chromium` or
//! `DOSSIER_CHROMIUM`; run as a child process with a throwaway profile, no
//! network of its own beyond the page, and a time limit after which it and
//! every process it started are killed.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable naming the browser to use.
pub const ENV: &str = "DOSSIER_CHROMIUM";

/// Names tried on PATH, in order.
pub const NAMES: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// How to get a browser, for messages.
pub const INSTALL_HELP: &str = "install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`; macOS: `brew install --cask chromium`) or Google Chrome, then run this again; or name the browser with `--chromium PATH` or the DOSSIER_CHROMIUM environment variable";

#[derive(Debug)]
pub enum Error {
    /// No browser anywhere we looked.
    NotFound {
        looked: String,
    },
    /// The browser was named but is not there.
    Missing {
        path: PathBuf,
        how: &'static str,
    },
    Start {
        path: PathBuf,
        error: std::io::Error,
    },
    Timeout {
        seconds: u64,
    },
    Failed {
        status: String,
        output: String,
    },
    NoPdf {
        output: String,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotFound { looked } => {
                write!(
                    f,
                    "cannot make the PDF: no Chromium or Chrome found ({looked})"
                )
            }
            Error::Missing { path, how } => write!(
                f,
                "cannot make the PDF: there is no browser at {} (named by {how})",
                path.display()
            ),
            Error::Start { path, error } => {
                write!(f, "cannot start {}: {error}", path.display())
            }
            Error::Timeout { seconds } => write!(
                f,
                "Chromium did not finish the PDF within {seconds} s and was stopped"
            ),
            Error::Failed { status, output } => {
                write!(f, "Chromium failed ({status})")?;
                if !output.trim().is_empty() {
                    write!(f, ":\n{}", last_lines(output, 12))?;
                }
                Ok(())
            }
            Error::NoPdf { output } => {
                write!(f, "Chromium exited without writing a PDF")?;
                if !output.trim().is_empty() {
                    write!(f, ":\n{}", last_lines(output, 12))?;
                }
                Ok(())
            }
            Error::Io(e) => write!(f, "cannot make the PDF: {e}"),
        }
    }
}

impl Error {
    /// Whether the fix is to install (or point to) a browser.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::NotFound { .. } | Error::Missing { .. })
    }
}

fn last_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

/// The browser to use: `explicit` (`--chromium`), else `DOSSIER_CHROMIUM`,
/// else the first of `NAMES` on PATH.
pub fn find(explicit: Option<&Path>) -> Result<PathBuf, Error> {
    find_in(explicit, std::env::var_os(ENV), std::env::var_os("PATH"))
}

fn find_in(
    explicit: Option<&Path>,
    env: Option<OsString>,
    path: Option<OsString>,
) -> Result<PathBuf, Error> {
    let named = explicit
        .map(|p| (p.to_path_buf(), "--chromium"))
        .or_else(|| {
            env.filter(|v| !v.is_empty())
                .map(|v| (PathBuf::from(v), "DOSSIER_CHROMIUM"))
        });
    if let Some((named, how)) = named {
        // A bare name is looked up on PATH, a path is taken as it is.
        if named.components().count() == 1
            && !named.is_file()
            && let Some(found) = on_path(&named, path.as_ref())
        {
            return Ok(found);
        }
        if is_executable(&named) {
            return Ok(named);
        }
        return Err(Error::Missing { path: named, how });
    }
    for name in NAMES {
        if let Some(found) = on_path(Path::new(name), path.as_ref()) {
            return Ok(found);
        }
    }
    Err(Error::NotFound {
        looked: format!(
            "looked on PATH for {}, and DOSSIER_CHROMIUM is not set",
            NAMES.join(", ")
        ),
    })
}

fn on_path(name: &Path, path: Option<&OsString>) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    which::which_in(name, path, cwd).ok()
}

/// A path named outright must be a file we may run.
fn is_executable(path: &Path) -> bool {
    path.is_file() && which::which(path).is_ok()
}

/// The arguments for printing `url` to `pdf` with the profile in `profile`.
fn arguments(url: &str, pdf: &Path, profile: &Path, as_root: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = vec![
        "--headless".into(),
        "--disable-gpu".into(),
        "--no-first-run".into(),
        "--no-default-browser-check".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-quic".into(),
        "--disable-extensions".into(),
        "--disable-default-apps".into(),
        "--disable-dev-shm-usage".into(),
        "--mute-audio".into(),
        "--hide-scrollbars".into(),
        "--no-pdf-header-footer".into(),
        // The same for Chromium before 112.
        "--print-to-pdf-no-header".into(),
        "--generate-pdf-document-outline".into(),
    ];
    if as_root {
        // Chromium refuses to run as root with its sandbox.
        args.push("--no-sandbox".into());
    }
    let mut profile_arg = OsString::from("--user-data-dir=");
    profile_arg.push(profile);
    args.push(profile_arg);
    let mut pdf_arg = OsString::from("--print-to-pdf=");
    pdf_arg.push(pdf);
    args.push(pdf_arg);
    args.push(url.into());
    args
}

fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions and cannot fail.
        unsafe { libc::geteuid() == 0 }
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// `file:///...` for an absolute path, percent-encoding what a URL cannot hold.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let text = path.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    url
}

/// Print the HTML file `html` to the PDF file `pdf` with `browser`.
pub fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path, limit: Duration) -> Result<(), Error> {
    let html = std::path::absolute(html).map_err(Error::Io)?;
    let pdf = std::path::absolute(pdf).map_err(Error::Io)?;
    // An old PDF must not pass for a new one.
    match std::fs::remove_file(&pdf) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::Io(e)),
    }
    let profile = tempfile::Builder::new()
        .prefix("dossier-chromium-")
        .tempdir()
        .map_err(Error::Io)?;
    let mut command = Command::new(browser);
    command
        .args(arguments(
            &file_url(&html),
            &pdf,
            profile.path(),
            running_as_root(),
        ))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        // Its own process group, so the time limit can stop the renderer and
        // helper processes too.
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().map_err(|error| Error::Start {
        path: browser.to_path_buf(),
        error,
    })?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut text = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut text);
            }
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        match exited(&mut child) {
            Ok(true) => {
                // The browser is done but not yet reaped, so its group id is
                // still its own: stop helpers that outlive it (they would
                // keep the pipes open), then reap it.
                kill_group(&mut child);
                break child.wait().map_err(Error::Io);
            }
            Ok(false) if started.elapsed() >= limit => {
                kill_group(&mut child);
                let _ = child.wait();
                break Err(Error::Timeout {
                    seconds: limit.as_secs(),
                });
            }
            Ok(false) => std::thread::sleep(Duration::from_millis(25)),
            Err(e) => {
                kill_group(&mut child);
                let _ = child.wait();
                break Err(Error::Io(e));
            }
        }
    };
    let output = format!(
        "{}{}",
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default()
    );
    let status = status?;
    let written = std::fs::read(&pdf)
        .map(|bytes| bytes.starts_with(b"%PDF"))
        .unwrap_or(false);
    if !status.success() {
        return Err(Error::Failed {
            status: status.to_string(),
            output,
        });
    }
    if !written {
        return Err(Error::NoPdf { output });
    }
    drop(profile);
    Ok(())
}

/// Whether the child has exited, without reaping it (on Linux), so that its
/// process group can still be signalled safely.
#[cfg(target_os = "linux")]
fn exited(child: &mut std::process::Child) -> std::io::Result<bool> {
    let pid: libc::id_t = child.id();
    // SAFETY: an all-zero siginfo_t is a valid value; waitid only writes it.
    let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
    // SAFETY: `info` is a valid, writable siginfo_t for the call's duration.
    let rc = unsafe {
        libc::waitid(
            libc::P_PID,
            pid,
            &mut info,
            libc::WEXITED | libc::WNOHANG | libc::WNOWAIT,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: waitid filled `info` (or left it zeroed: no child exited).
    Ok(unsafe { info.si_pid() } != 0)
}

#[cfg(not(target_os = "linux"))]
fn exited(child: &mut std::process::Child) -> std::io::Result<bool> {
    Ok(child.try_wait()?.is_some())
}

fn kill_group(child: &mut std::process::Child) {
    #[cfg(not(target_os = "linux"))]
    if !matches!(child.try_wait(), Ok(None)) {
        // Reaped already: its id may belong to someone else by now.
        return;
    }
    #[cfg(unix)]
    {
        // The group is the child's own (process_group(0) above): its id is
        // the child's, and stays ours while any member lives.
        if let Ok(pid) = i32::try_from(child.id()) {
            // SAFETY: kill has no memory-safety preconditions.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = child.kill();
    }
}

/// The number of pages of a PDF that Chromium wrote, where it can be read.
pub fn page_count(pdf: &Path) -> Option<usize> {
    let bytes = std::fs::read(pdf).ok()?;
    // The page tree's root holds `/Count N`; the largest count is the root's.
    let mut best = None;
    let needle = b"/Count ";
    let mut i = 0;
    while let Some(pos) = find_bytes(&bytes[i..], needle) {
        let start = i + pos + needle.len();
        let digits: String = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| b as char)
            .collect();
        if let Ok(n) = digits.parse::<usize>() {
            best = Some(best.map_or(n, |b: usize| b.max(n)));
        }
        i = start;
    }
    best
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_paths_win_and_missing_ones_say_so() {
        let err = find_in(Some(Path::new("/nonexistent/chromium")), None, None).unwrap_err();
        assert!(err.is_not_found());
        assert!(err.to_string().contains("/nonexistent/chromium"), "{err}");
        assert!(err.to_string().contains("--chromium"), "{err}");
        let err = find_in(None, Some("/nope/chrome".into()), None).unwrap_err();
        assert!(err.to_string().contains("DOSSIER_CHROMIUM"), "{err}");
    }

    #[test]
    fn nothing_on_an_empty_path() {
        let err = find_in(None, None, Some(OsString::new())).unwrap_err();
        assert!(matches!(err, Error::NotFound { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn found_on_path() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("dossier-find-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let fake = dir.join("chromium-browser");
        std::fs::write(&fake, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        let found = find_in(None, None, Some(dir.clone().into_os_string())).unwrap();
        assert_eq!(found, fake);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/ü.html")),
            "file:///tmp/a%20b/%C3%BC.html"
        );
    }

    #[test]
    fn root_runs_without_sandbox() {
        let args = arguments("file:///x.html", Path::new("/o.pdf"), Path::new("/p"), true);
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert!(args.contains(&"--no-sandbox".to_string()));
        assert!(args.contains(&"--print-to-pdf=/o.pdf".to_string()));
        assert!(args.contains(&"--user-data-dir=/p".to_string()));
        assert_eq!(args.last().unwrap(), "file:///x.html");
    }
}
