// One schema for both backends: portable types only (see DESIGN.md).

diesel::table! {
    coordinators (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        password_hash -> Nullable<Text>,
        created_at -> Timestamp,
        language -> Nullable<Text>,
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
        mailing_id -> Nullable<Text>,
        coalition_id -> Nullable<Text>,
        from_name -> Nullable<Text>,
        reply_to -> Nullable<Text>,
    }
}

diesel::table! {
    outbox_bodies (outbox_id) {
        outbox_id -> Text,
        text_body -> Text,
        html_body -> Text,
    }
}

diesel::table! {
    coalitions (id) {
        id -> Text,
        name -> Text,
        slug -> Text,
        about -> Text,
        created_at -> Timestamp,
        language -> Text,
        time_zone -> Text,
        sender_name -> Text,
        reply_to -> Text,
        mail_footer -> Text,
        website -> Text,
    }
}

diesel::table! {
    coalition_logos (coalition_id) {
        coalition_id -> Text,
        content_type -> Text,
        content -> Text,
        digest -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    memberships (coalition_id, coordinator_id) {
        coalition_id -> Text,
        coordinator_id -> Text,
        role -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        coordinator_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Text,
        throttle_key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    import_uploads (id) {
        id -> Text,
        coalition_id -> Text,
        content -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        outcome -> Nullable<Text>,
    }
}

diesel::table! {
    invitations (id) {
        id -> Text,
        coalition_id -> Text,
        email -> Text,
        role -> Text,
        invited_by -> Nullable<Text>,
        created_at -> Timestamp,
        accepted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Text,
        coalition_id -> Text,
        actor_id -> Nullable<Text>,
        actor_name -> Text,
        action -> Text,
        object_type -> Text,
        object_id -> Text,
        summary -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    statements (id) {
        id -> Text,
        coalition_id -> Text,
        slug -> Text,
        language -> Text,
        status -> Text,
        signers -> Text,
        requires_approval -> Bool,
        list_order -> Text,
        deadline_at -> Nullable<Timestamp>,
        publish_at -> Nullable<Timestamp>,
        list_public_at -> Nullable<Timestamp>,
        preview_version -> Integer,
        listed_organizations -> Integer,
        listed_individuals -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        opened_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    statement_versions (id) {
        id -> Text,
        statement_id -> Text,
        language -> Text,
        title -> Text,
        current_revision -> Integer,
        created_at -> Timestamp,
    }
}

diesel::table! {
    revisions (id) {
        id -> Text,
        version_id -> Text,
        number -> Integer,
        title -> Text,
        body -> Text,
        note -> Text,
        change_kind -> Text,
        content_hash -> Text,
        author_id -> Nullable<Text>,
        author_name -> Text,
        created_at -> Timestamp,
        body_html -> Nullable<Text>,
    }
}

diesel::table! {
    comments (id) {
        id -> Text,
        statement_id -> Text,
        revision_id -> Text,
        name -> Text,
        organization -> Text,
        body -> Text,
        created_at -> Timestamp,
        resolved_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<Text>,
    }
}

diesel::table! {
    signatures (id) {
        id -> Text,
        statement_id -> Text,
        kind -> Text,
        name -> Text,
        display_name -> Nullable<Text>,
        country -> Nullable<Text>,
        website -> Nullable<Text>,
        affiliation -> Nullable<Text>,
        city -> Nullable<Text>,
        signer_name -> Nullable<Text>,
        signer_title -> Nullable<Text>,
        email -> Text,
        status -> Text,
        source -> Text,
        listed -> Bool,
        list_key -> Text,
        manual_position -> Nullable<Integer>,
        revision_id -> Nullable<Text>,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        approved_at -> Nullable<Timestamp>,
        approved_by -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
        comment -> Nullable<Text>,
        authorized -> Bool,
        dedupe_key -> Text,
        website_domain -> Nullable<Text>,
        domain_matches -> Bool,
        hidden_until_reconsent -> Bool,
        reconsent_revision_id -> Nullable<Text>,
        merged_into -> Nullable<Text>,
        manage_version -> Integer,
        pending_email -> Nullable<Text>,
        language -> Text,
        invitation_id -> Nullable<Text>,
        search_key -> Text,
    }
}

diesel::table! {
    suppressions (coalition_id, email) {
        coalition_id -> Text,
        email -> Text,
        reason -> Text,
        detail -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sign_invitations (id) {
        id -> Text,
        statement_id -> Text,
        email -> Text,
        organization -> Text,
        country -> Nullable<Text>,
        contact_name -> Nullable<Text>,
        status -> Text,
        invited_by -> Nullable<Text>,
        created_at -> Timestamp,
        opened_at -> Nullable<Timestamp>,
        answered_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        signature_id -> Nullable<Text>,
    }
}

diesel::table! {
    digest_subscriptions (coordinator_id, statement_id) {
        coordinator_id -> Text,
        statement_id -> Text,
        frequency -> Text,
        last_sent_at -> Timestamp,
    }
}

diesel::table! {
    contacts (id) {
        id -> Text,
        coalition_id -> Text,
        email -> Text,
        email_key -> Text,
        name -> Text,
        phone -> Nullable<Text>,
        outlet -> Nullable<Text>,
        role -> Nullable<Text>,
        country -> Nullable<Text>,
        language -> Nullable<Text>,
        notes -> Nullable<Text>,
        do_not_contact -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_key -> Text,
    }
}

diesel::table! {
    contact_tags (contact_id, tag) {
        contact_id -> Text,
        coalition_id -> Text,
        tag -> Text,
    }
}

diesel::table! {
    contact_lists (id) {
        id -> Text,
        coalition_id -> Text,
        name -> Text,
        tags -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    contact_list_members (list_id, contact_id) {
        list_id -> Text,
        contact_id -> Text,
    }
}

diesel::table! {
    press_releases (id) {
        id -> Text,
        coalition_id -> Text,
        slug -> Text,
        statement_id -> Nullable<Text>,
        embargo_at -> Nullable<Timestamp>,
        embargo_zone -> Text,
        current_revision -> Integer,
        released_at -> Nullable<Timestamp>,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        language -> Text,
        reply_to -> Text,
    }
}

diesel::table! {
    press_release_revisions (id) {
        id -> Text,
        release_id -> Text,
        number -> Integer,
        headline -> Text,
        subheadline -> Text,
        dateline -> Text,
        release_date -> Text,
        press_contacts -> Text,
        body -> Text,
        about -> Text,
        note -> Text,
        author_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    mailings (id) {
        id -> Text,
        coalition_id -> Text,
        kind -> Text,
        release_id -> Nullable<Text>,
        revision_number -> Nullable<Integer>,
        statement_id -> Nullable<Text>,
        subject -> Text,
        body -> Text,
        audience -> Text,
        status -> Text,
        send_at -> Nullable<Timestamp>,
        at_embargo -> Bool,
        recipients -> Integer,
        suppressed -> Integer,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        started_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        start_key -> Nullable<Text>,
    }
}

diesel::table! {
    page_versions (scope) {
        scope -> Text,
        version -> BigInt,
        changed_at -> Timestamp,
    }
}

diesel::joinable!(coalition_logos -> coalitions (coalition_id));
diesel::joinable!(memberships -> coalitions (coalition_id));
diesel::joinable!(memberships -> coordinators (coordinator_id));
diesel::joinable!(sessions -> coordinators (coordinator_id));
diesel::joinable!(statements -> coalitions (coalition_id));
diesel::joinable!(statement_versions -> statements (statement_id));
diesel::joinable!(revisions -> statement_versions (version_id));
diesel::joinable!(comments -> revisions (revision_id));
diesel::joinable!(signatures -> statements (statement_id));
diesel::joinable!(sign_invitations -> statements (statement_id));
diesel::joinable!(digest_subscriptions -> statements (statement_id));
diesel::joinable!(digest_subscriptions -> coordinators (coordinator_id));
diesel::joinable!(invitations -> coalitions (coalition_id));
diesel::joinable!(audit_log -> coalitions (coalition_id));
diesel::joinable!(contacts -> coalitions (coalition_id));
diesel::joinable!(contact_tags -> contacts (contact_id));
diesel::joinable!(contact_list_members -> contacts (contact_id));
diesel::joinable!(contact_list_members -> contact_lists (list_id));
diesel::joinable!(press_releases -> coalitions (coalition_id));
diesel::joinable!(press_release_revisions -> press_releases (release_id));
diesel::joinable!(mailings -> press_releases (release_id));
diesel::joinable!(import_uploads -> coalitions (coalition_id));
diesel::joinable!(outbox_bodies -> outbox (outbox_id));

diesel::allow_tables_to_appear_in_same_query!(
    coordinators,
    tokens,
    outbox,
    outbox_bodies,
    coalitions,
    coalition_logos,
    memberships,
    sessions,
    login_failures,
    import_uploads,
    invitations,
    audit_log,
    statements,
    statement_versions,
    revisions,
    comments,
    signatures,
    suppressions,
    sign_invitations,
    digest_subscriptions,
    contacts,
    contact_tags,
    contact_lists,
    contact_list_members,
    press_releases,
    press_release_revisions,
    mailings,
    page_versions,
);
