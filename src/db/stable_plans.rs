//! SQLite's query planner stability guarantee, on for every connection.
//!
//! Since SQLite 3.47 a statement whose plan looked at a bound value is
//! prepared again each time that parameter is bound. `LIMIT ?` is such a
//! parameter, and diesel binds one for every `.first()`: without this,
//! each lookup was parsed and planned anew, and diesel's statement cache
//! saved nothing (a third of a sign-on's time in `benches/http.rs`). With
//! the guarantee, plans depend on the schema alone, as they do for every
//! query this application writes (its patterns for `LIKE` start with `%`,
//! and its partial indexes are matched by literals).

use std::ffi::{c_char, c_int};
use std::sync::Once;

use libsqlite3_sys as ffi;

/// Makes every SQLite connection that this process opens from now on keep
/// its query plans stable. Call it before the first connection opens.
pub fn enable() {
    static REGISTERED: Once = Once::new();
    REGISTERED.call_once(|| {
        // SAFETY: `on_open` has the signature SQLite expects of an
        // extension entry point and stays valid for the whole process.
        let code = unsafe { ffi::sqlite3_auto_extension(Some(on_open)) };
        if code != ffi::SQLITE_OK {
            tracing::warn!(code, "could not ask SQLite for stable query plans");
        }
    });
}

/// Runs inside `sqlite3_open` for each new connection.
unsafe extern "C" fn on_open(
    db: *mut ffi::sqlite3,
    _error: *mut *mut c_char,
    _api: *const ffi::sqlite3_api_routines,
) -> c_int {
    // SAFETY: SQLite hands over the connection being opened; the option
    // takes an int (1 = on) and an optional out-pointer, here null.
    unsafe {
        ffi::sqlite3_db_config(
            db,
            ffi::SQLITE_DBCONFIG_ENABLE_QPSG,
            1 as c_int,
            std::ptr::null_mut::<c_int>(),
        )
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::{CStr, c_int};
    use std::ptr;

    use libsqlite3_sys as ffi;

    /// Runs `sql` on `db`, panicking with SQLite's message on failure.
    unsafe fn exec(db: *mut ffi::sqlite3, sql: &CStr) {
        let code =
            unsafe { ffi::sqlite3_exec(db, sql.as_ptr(), None, ptr::null_mut(), ptr::null_mut()) };
        assert_eq!(code, ffi::SQLITE_OK, "{sql:?}");
    }

    #[test]
    fn a_lookup_with_a_bound_limit_is_not_prepared_again_for_each_use() {
        // Arrange: a connection opened the way diesel opens one.
        super::enable();
        let mut db = ptr::null_mut();
        // SAFETY: plain use of the SQLite C API on a connection and a
        // statement owned by this test, both closed at its end.
        unsafe {
            assert_eq!(
                ffi::sqlite3_open(c":memory:".as_ptr(), &mut db),
                ffi::SQLITE_OK
            );
            exec(
                db,
                c"CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2)",
            );
            let mut stmt = ptr::null_mut();
            let sql = c"SELECT id FROM t WHERE id = ? LIMIT ?";
            let prepared = ffi::sqlite3_prepare_v3(
                db,
                sql.as_ptr(),
                -1,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                ptr::null_mut(),
            );
            assert_eq!(prepared, ffi::SQLITE_OK);

            // Act: use the statement three times, as diesel's cache does.
            for id in 1..=3 {
                ffi::sqlite3_reset(stmt);
                ffi::sqlite3_bind_int(stmt, 1, id);
                ffi::sqlite3_bind_int(stmt, 2, 1);
                while ffi::sqlite3_step(stmt) == ffi::SQLITE_ROW {}
            }
            let reprepared: c_int =
                ffi::sqlite3_stmt_status(stmt, ffi::SQLITE_STMTSTATUS_REPREPARE, 0);
            ffi::sqlite3_finalize(stmt);
            ffi::sqlite3_close(db);

            // Assert
            assert_eq!(reprepared, 0, "the statement was prepared again");
        }
    }
}
