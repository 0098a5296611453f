use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::coordinators;

pub fn coordinator_count(conn: &mut DbConn) -> QueryResult<i64> {
    coordinators::table.count().get_result(conn)
}
