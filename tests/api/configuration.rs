//! Settings are checked at start: a name that is no setting, or a value
//! that cannot work, stops the server with a message saying what to write.

use crate::support::app::{run, spawn_app};

#[tokio::test]
async fn config_check_prints_the_effective_settings_with_secrets_redacted() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let (ok, out, err) = run(app
        .command(&["config", "check"])
        .env(
            "UNDERSIGNED_SECRET_KEY",
            "a secret key of more than thirty-two characters",
        )
        .env("UNDERSIGNED_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8"));

    // Assert
    assert!(ok, "{err}");
    assert!(
        out.contains("trusted_proxies: [\n        \"127.0.0.1\",\n        \"10.0.0.0/8\",\n    ]"),
        "{out}"
    );
    assert!(out.contains("[REDACTED]"), "{out}");
    assert!(!out.contains("thirty-two"), "the secret stays out: {out}");
    assert!(out.contains("The settings are usable."));
}

#[tokio::test]
async fn a_misspelt_setting_stops_the_start_naming_the_one_meant() {
    // Arrange
    let app = spawn_app().await;
    let file = app.data_dir.path().join("undersigned.toml");
    std::fs::write(&file, "smtp-url = \"smtp://mail.example.org\"\n").expect("file written");

    // Act
    let (from_file, _, file_error) =
        run(app.command(&["migrate"]).env("UNDERSIGNED_CONFIG", &file));
    let (from_env, _, env_error) = run(app
        .command(&["migrate"])
        .env("UNDERSIGNED_SMTPURL", "smtp://mail.example.org"));

    // Assert
    assert!(!from_file && !from_env);
    assert!(
        file_error.contains("`smtp-url` is not a setting; did you mean `smtp_url`?"),
        "{file_error}"
    );
    assert!(
        env_error
            .contains("UNDERSIGNED_SMTPURL is not a setting; did you mean UNDERSIGNED_SMTP_URL?"),
        "{env_error}"
    );
}

#[tokio::test]
async fn a_bad_address_or_url_stops_the_start_with_what_to_write() {
    // Arrange
    let app = spawn_app().await;

    // Act
    let (base_ok, _, base_error) = run(app
        .command(&["config", "check"])
        .env("UNDERSIGNED_BASE_URL", "statements.example.org"));
    let (listen_ok, _, listen_error) = run(app
        .command(&["config", "check"])
        .env("UNDERSIGNED_LISTEN", "localhost"));
    let (proxy_ok, _, proxy_error) = run(app
        .command(&["config", "check"])
        .env("UNDERSIGNED_TRUSTED_PROXIES", "10.0.0.0/33"));
    let (smtp_ok, _, smtp_error) = run(app
        .command(&["config", "check"])
        .env("UNDERSIGNED_SMTP_URL", "mail.example.org"));

    // Assert
    assert!(
        !base_ok && base_error.contains("is not a web address such as https://"),
        "{base_error}"
    );
    assert!(
        !listen_ok && listen_error.contains("is not an address and port"),
        "{listen_error}"
    );
    assert!(
        !proxy_ok && proxy_error.contains("10.0.0.0/33 is not an address or a range"),
        "{proxy_error}"
    );
    assert!(!smtp_ok && smtp_error.contains("smtp_url"), "{smtp_error}");
}
