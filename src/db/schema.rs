// One schema for both backends: portable types only (see DESIGN.md).

diesel::table! {
    coordinators (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        password_hash -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    tokens (id) {
        id -> Text,
        purpose -> Text,
        token_hash -> Text,
        subject_id -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        idempotency_key -> Text,
        purpose -> Text,
        recipient -> Text,
        recipient_name -> Nullable<Text>,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        extra_headers -> Text,
        message_id -> Text,
        priority -> Integer,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        locked_by -> Nullable<Text>,
        last_response -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(coordinators, tokens, outbox);
