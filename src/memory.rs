//! The C allocator under the process's heap (glibc's on Linux).
//!
//! glibc gives a thread that allocates while another does an arena of its
//! own, up to eight per core, and keeps what is freed in each for later.
//! A mailing renders and sends thousands of mails on whichever threads of
//! the pools are free, so after each one most of what it used was free but
//! kept, spread over more arenas, and the server grew with every mailing
//! (measured: 41 → 64 MiB over ten 10,000-recipient mailings, of which
//! `malloc_trim` gave back a third at once). So the server keeps to two
//! arenas and hands freed memory back to the system after large work.
//! (mimalloc, measured as the alternative, started higher: 59 → 75 MiB.)

/// Arenas the server uses: contention stays low with two cores' worth of
/// threads, since each thread also keeps a small cache of its own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENAS: libc::c_int = 2;

/// Limits the allocator's arenas; call before any thread starts.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: sets an allocator parameter; no memory is touched.
        let done = unsafe { libc::mallopt(libc::M_ARENA_MAX, ARENAS) };
        if done != 1 {
            eprintln!("could not limit the allocator's arenas");
        }
    }
}

/// Returns freed memory to the system, after work that allocated much
/// and let it go (a mailing started, a run of sends).
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: walks the allocator's own free lists under its locks.
        unsafe {
            libc::malloc_trim(0);
        }
    }
}
