//! How commands speak to the person at the terminal: results to stdout,
//! problems and progress to stderr, all silenced by `-q` but problems.
//! Shared by every command (build, check, serve, print, ...); the stages of
//! the pipeline never print, they return what they found.

use std::io::IsTerminal;

use crate::diagnostics::Diagnostic;
use crate::text::plural;

/// Where messages go: results to stdout, problems and progress to stderr.
pub struct Reporter {
    pub quiet: bool,
}

impl Reporter {
    pub fn info(&self, message: impl AsRef<str>) {
        if !self.quiet {
            println!("{}", message.as_ref());
        }
    }

    pub fn progress(&self, message: impl AsRef<str>) {
        if !self.quiet && std::io::stderr().is_terminal() {
            eprintln!("{}", message.as_ref());
        }
    }

    pub fn problems<'a>(&self, problems: impl IntoIterator<Item = &'a Diagnostic>) {
        for d in problems {
            eprintln!("{d}\n");
        }
    }

    pub fn failed(&self, verb: &str, problems: &[Diagnostic]) {
        self.problems(problems);
        let errors = problems.iter().filter(|d| d.is_error()).count();
        let warnings = problems.len() - errors;
        eprintln!(
            "{verb} failed: {errors} error{}{}; nothing was written.",
            plural(errors),
            if warnings > 0 {
                format!(", {warnings} warning{}", plural(warnings))
            } else {
                String::new()
            }
        );
    }
}
