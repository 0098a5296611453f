//! Audit rows as another version of the app may have left them.

use diesel::prelude::*;
use undersigned::db::schema::audit_log;

use super::app::TestApp;

/// An audit row written as it stands, not through `audit::record`: one
/// stored by an older or newer version. `object` is (action, object type,
/// object id).
pub async fn insert_raw_entry(app: &TestApp, object: (&str, &str, &str), summary: &str) {
    let coalition = app.coalition_id().await;
    let (action, object_type, object_id) = (
        object.0.to_owned(),
        object.1.to_owned(),
        object.2.to_owned(),
    );
    let summary = summary.to_owned();
    app.with_conn(move |c| {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::id.eq(undersigned::db::new_id()),
                audit_log::coalition_id.eq(coalition),
                audit_log::actor_id.eq(None::<String>),
                audit_log::actor_name.eq("Undersigned"),
                audit_log::action.eq(action),
                audit_log::object_type.eq(object_type),
                audit_log::object_id.eq(object_id),
                audit_log::summary.eq(summary),
                audit_log::created_at.eq(undersigned::db::now()),
            ))
            .execute(c)
            .expect("an audit row")
    })
    .await;
}
