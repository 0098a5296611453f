//! Every setting's name, so that a name that is none is refused at start:
//! a misspelt key (`smtp-url = …`) would otherwise leave the default in
//! place without a word, and mail would go to files instead of SMTP.

use std::path::Path;

use anyhow::Context;

/// The settings, as named in `undersigned.toml` (and, upper-cased after
/// `UNDERSIGNED_`, in the environment). A test keeps it equal to the
/// fields of [`super::Settings`].
pub const KEYS: &[&str] = &[
    "listen",
    "trusted_proxies",
    "base_url",
    "data_dir",
    "database_url",
    "database_pool_size",
    "smtp_url",
    "smtp_pool_size",
    "smtp_timeout_seconds",
    "mail_from",
    "mail_from_name",
    "dkim_selector",
    "dkim_domain",
    "dkim_key_file",
    "dkim_algorithm",
    "secret_key",
    "log_format",
    "log_level",
    "outbox_poll_ms",
    "mail_rate_per_second",
    "jobs_tick_ms",
    "outbox_retry_base_ms",
    "outbox_max_attempts",
    "outbox_lease_seconds",
    "instance_name",
    "confirm_link_days",
    "signon_per_ip_per_hour",
    "public_cache_seconds",
    "public_stale_seconds",
    "page_cache_mib",
    "signon_per_address_per_hour",
    "resend_per_ip_per_hour",
    "mails_per_address_per_day",
    "mail_body_retention_days",
    "spent_token_retention_days",
    "login_failure_retention_hours",
    "metrics_token",
];

pub const ENV_PREFIX: &str = "UNDERSIGNED_";

/// Variables with the prefix that are read elsewhere: the settings file's
/// name, the log filter, and the test suite's database.
fn read_elsewhere(name: &str) -> bool {
    matches!(name, "CONFIG" | "LOG") || name.starts_with("TEST_")
}

/// The known key most like `key`, when one is close enough to be meant.
fn closest(key: &str) -> Option<&'static str> {
    let key = key.to_lowercase().replace('-', "_");
    KEYS.iter()
        .map(|known| (known, strsim::normalized_damerau_levenshtein(&key, known)))
        .filter(|(_, likeness)| *likeness >= 0.6)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(known, _)| *known)
}

fn suggestion(known: Option<&str>, written: impl Fn(&str) -> String) -> String {
    match known {
        Some(known) => format!("; did you mean {}?", written(known)),
        None => format!(
            "; the settings are listed in the README (for example {})",
            written("smtp_url")
        ),
    }
}

/// Refuses a key of the TOML file at `path` that is not a setting.
pub fn check_file(path: &Path) -> anyhow::Result<()> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(());
    };
    let table: toml::Table =
        toml::from_str(&text).with_context(|| format!("{} is not valid TOML", path.display()))?;
    if let Some(key) = table.keys().find(|k| !KEYS.contains(&k.as_str())) {
        anyhow::bail!(
            "{}: `{key}` is not a setting{}",
            path.display(),
            suggestion(closest(key), |k| format!("`{k}`"))
        );
    }
    Ok(())
}

/// Refuses an `UNDERSIGNED_*` variable of `vars` that is not a setting.
pub fn check_env(vars: impl IntoIterator<Item = String>) -> anyhow::Result<()> {
    for name in vars {
        let Some(key) = name.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        if read_elsewhere(key) || KEYS.contains(&key.to_lowercase().as_str()) {
            continue;
        }
        anyhow::bail!(
            "{name} is not a setting{}",
            suggestion(closest(key), |k| format!(
                "{ENV_PREFIX}{}",
                k.to_uppercase()
            ))
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_names_exactly_the_fields_of_the_settings() {
        let error = figment::Figment::new()
            .merge(figment::providers::Serialized::default(
                "no_such_setting",
                1,
            ))
            .extract::<super::super::Settings>()
            .unwrap_err()
            .to_string();
        let list = error
            .split("one of ")
            .nth(1)
            .and_then(|rest| rest.split(" for key").next())
            .unwrap_or_else(|| panic!("{error}"));
        let expected: Vec<&str> = list
            .split(", ")
            .map(|field| field.trim().trim_matches('`'))
            .collect();

        assert_eq!(expected, KEYS);
    }

    #[test]
    fn a_misspelt_key_is_named_with_the_one_meant() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("undersigned.toml");
        std::fs::write(&file, "smtp-url = \"smtp://mail.example.org\"\n").unwrap();

        let error = check_file(&file).unwrap_err().to_string();

        assert!(
            error.ends_with("`smtp-url` is not a setting; did you mean `smtp_url`?"),
            "{error}"
        );
    }

    #[test]
    fn an_unknown_variable_is_named_and_those_read_elsewhere_pass() {
        let error = check_env(["UNDERSIGNED_SMTPURL".to_owned()])
            .unwrap_err()
            .to_string();

        assert_eq!(
            error,
            "UNDERSIGNED_SMTPURL is not a setting; did you mean UNDERSIGNED_SMTP_URL?"
        );
        assert!(
            check_env(
                [
                    "UNDERSIGNED_CONFIG",
                    "UNDERSIGNED_LOG",
                    "UNDERSIGNED_TEST_POSTGRES_URL",
                    "UNDERSIGNED_LISTEN",
                    "PATH"
                ]
                .map(str::to_owned)
            )
            .is_ok()
        );
    }
}
