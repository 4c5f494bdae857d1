fn main() -> std::process::ExitCode {
    // Piped into `head` or `less`, exit quietly when the reader goes away
    // instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of a signal at start-up,
    // before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    dossier::cli::main()
}
