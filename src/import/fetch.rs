//! Fetching pages and feeds for `dossier import URL`: one HTTP client with a time limit, a
//! size cap (the read cap of every input), a few redirects followed, and a user agent that
//! names dossier. A URL that fails is one error; the others go on.

use std::time::Duration;

use ureq::ResponseExt;

use crate::limits::{self, ReadError};

/// How many redirects are followed before giving up.
const MAX_REDIRECTS: u32 = 5;

/// A fetched document: its bytes and the address it was finally read from.
pub struct Fetched {
    pub bytes: Vec<u8>,
    /// After redirects: relative links and the canonical address resolve against it.
    pub url: String,
}

pub struct Fetcher {
    agent: ureq::Agent,
}

/// Whether `input` is a web address to fetch rather than a file.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

impl Fetcher {
    /// `timeout` bounds each request as a whole: connecting, waiting and reading.
    pub fn new(timeout: Duration) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .max_redirects(MAX_REDIRECTS)
            .http_status_as_error(false)
            .user_agent(concat!(
                "dossier/",
                env!("CARGO_PKG_VERSION"),
                " (news digest generator)"
            ))
            .build()
            .into();
        Fetcher { agent }
    }

    /// The document at `url`, or what went wrong, said for a person.
    pub fn get(&self, url: &str) -> Result<Fetched, String> {
        let response = self
            .agent
            .get(url)
            .header(
                "Accept",
                "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5",
            )
            .call()
            .map_err(|e| describe(&e))?;
        let status = response.status();
        if status.is_redirection() {
            return Err(format!(
                "the server redirected more than {MAX_REDIRECTS} times (status {})",
                status.as_u16()
            ));
        }
        if !status.is_success() {
            return Err(format!(
                "the server answered {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap_or("")
            )
            .trim_end()
            .to_string());
        }
        let final_url = response.get_uri().to_string();
        let reader = response.into_body().into_reader();
        let bytes = limits::read_capped(reader).map_err(|e| match e {
            ReadError::TooLarge { .. } => format!(
                "the page is larger than {} MiB, more than an article can be",
                limits::MAX_INPUT_BYTES / (1024 * 1024)
            ),
            ReadError::Io(io) => read_error(&io),
        })?;
        Ok(Fetched {
            bytes,
            url: final_url,
        })
    }
}

fn read_error(io: &std::io::Error) -> String {
    if io.kind() == std::io::ErrorKind::TimedOut || io.to_string().contains("timed out") {
        "the page did not arrive within the time limit".to_string()
    } else {
        format!("the page could not be read: {io}")
    }
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer within the time limit (see --timeout)".into(),
        ureq::Error::HostNotFound => "no such host".into(),
        ureq::Error::Io(io) => format!("cannot connect: {io}"),
        ureq::Error::TooManyRedirects => {
            format!("the server redirected more than {MAX_REDIRECTS} times")
        }
        ureq::Error::BadUri(why) => format!("not a valid web address: {why}"),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_files() {
        assert!(is_url("https://news.example/a"));
        assert!(is_url("HTTP://news.example"));
        assert!(!is_url("page.html"));
        assert!(!is_url("ftp://x"));
        assert!(!is_url("-"));
    }
}
