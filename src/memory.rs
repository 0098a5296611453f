//! The C allocator under the process's heap (glibc's on Linux).
//!
//! glibc gives a thread that allocates while another does an arena of its
//! own, up to eight per core, and keeps what is freed in each for later.
//! A mailing renders and sends thousands of mails on whichever threads of
//! the pools are free, so after each one most of what it used was free but
//! kept, spread over more arenas, and the server grew with every mailing
//! (measured: 41 → 64 MiB over ten 10,000-recipient mailings, of which
//! `malloc_trim` gave back a third at once). glibc also raises its mmap
//! and trim thresholds each time a large block is freed, so that later
//! large blocks come from the heap and stay there: fixed thresholds took
//! PostgreSQL's growth over ten mailings from +21% to +8%. So the server
//! keeps to two arenas, fixed thresholds, and hands freed memory back to
//! the system after large work. (mimalloc, measured as the alternative,
//! started higher: 59 → 75 MiB.)

/// Arenas the server uses: contention stays low with two cores' worth of
/// threads, since each thread also keeps a small cache of its own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const ARENAS: libc::c_int = 2;

/// Blocks from this size up are mapped on their own and unmapped when
/// freed, and a free top of the heap this large goes back to the system.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const THRESHOLD: libc::c_int = 128 * 1024;

/// Sets the allocator's arenas and thresholds; call before any thread starts.
pub fn configure() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    for (parameter, value) in [
        (libc::M_ARENA_MAX, ARENAS),
        (libc::M_MMAP_THRESHOLD, THRESHOLD),
        (libc::M_TRIM_THRESHOLD, THRESHOLD),
    ] {
        // SAFETY: sets an allocator parameter; no memory is touched.
        let done = unsafe { libc::mallopt(parameter, value) };
        if done != 1 {
            eprintln!("could not set the allocator's parameter {parameter}");
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
