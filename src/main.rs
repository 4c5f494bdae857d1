// Rendering allocates many small strings and maps; mimalloc serves them
// faster than the system allocator, across threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Piped into `head` or `less`, exit quietly when the reader goes away
    // instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of a signal at start-up,
    // before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    dossier::cmd::main()
}
