//! `backup` and `restore`: one `.tar.gz` with what a server cannot be
//! rebuilt without. A consistent copy of the SQLite database taken while
//! the server runs (`VACUUM INTO`: copying the file of a database in WAL
//! mode is not a backup), the secret key (without it no link mailed before
//! works: manage, unsubscribe, invitations) and the DKIM key. PostgreSQL
//! has its own tools for the database; the archive then holds the keys.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use diesel::{Connection, RunQueryDsl, SqliteConnection};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use secrecy::ExposeSecret;

use crate::config::Settings;
use crate::db::Target;

const DATABASE: &str = "undersigned.db";
const SECRET_KEY: &str = "secret_key";
const DKIM_KEY: &str = "dkim_key.pem";

/// What a backup or a restore did, for the terminal.
#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<String>,
}

impl Report {
    fn say(&mut self, line: impl Into<String>) {
        self.lines.push(line.into());
    }
}

/// The `pg_dump` or `pg_restore` command for `url`, its password left to
/// `PGPASSWORD` so it does not land in a shell history.
fn postgres_command(tool: &str, url: &str, file: &str) -> String {
    let mut shown = url::Url::parse(url).map_or_else(
        |_| url.to_owned(),
        |mut parsed| {
            let _ = parsed.set_password(None);
            parsed.to_string()
        },
    );
    if shown.is_empty() {
        shown = url.to_owned();
    }
    match tool {
        "pg_dump" => format!("pg_dump --format=custom --file={file} '{shown}'"),
        _ => format!("pg_restore --clean --if-exists --no-owner --dbname='{shown}' {file}"),
    }
}

/// Writes the archive to `file` (which must not exist yet), readable by its
/// owner only: it holds the secret key.
pub fn backup(settings: &Settings, file: &Path) -> anyhow::Result<Report> {
    if file.exists() {
        bail!("{} exists already; name a new file", file.display());
    }
    let mut report = Report::default();
    let secret = settings.secret_key()?;
    let staging = staging_dir(file)?;
    let result = (|| -> anyhow::Result<()> {
        let target = Target::parse(settings.database_url().expose_secret())?;
        let copy = staging.join(DATABASE);
        match &target {
            Target::Sqlite { path } => {
                let mut conn = SqliteConnection::establish(path)
                    .with_context(|| format!("could not open {path}"))?;
                let quoted = copy.display().to_string().replace('\'', "''");
                diesel::sql_query(format!("VACUUM INTO '{quoted}'"))
                    .execute(&mut conn)
                    .context("the online copy of the database failed")?;
                report.say(format!("database: a consistent copy of {path}"));
            }
            Target::Postgres { url } => report.say(format!(
                "database: PostgreSQL is not copied here; back it up with\n  {}",
                postgres_command("pg_dump", url, "undersigned.pgdump")
            )),
        }
        let partial = file.with_extension("partial");
        let out = private_file(&partial)?;
        let mut archive = tar::Builder::new(GzEncoder::new(out, Compression::default()));
        if copy.exists() {
            archive.append_path_with_name(&copy, DATABASE)?;
        }
        append_private(&mut archive, SECRET_KEY, secret.to_text().as_bytes())?;
        report.say("secret key: included");
        if let Some(dkim) = &settings.dkim_key_file {
            let key = std::fs::read(dkim)
                .with_context(|| format!("could not read the DKIM key {}", dkim.display()))?;
            append_private(&mut archive, DKIM_KEY, &key)?;
            report.say(format!("DKIM key: {} included", dkim.display()));
        }
        archive.into_inner()?.finish()?.sync_all()?;
        std::fs::rename(&partial, file)?;
        report.say(format!("written to {}", file.display()));
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&staging);
    result.map(|()| report)
}

/// Restores an archive into an empty data directory (and, for SQLite, an
/// absent database file).
pub fn restore(settings: &Settings, file: &Path) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let target = Target::parse(settings.database_url().expose_secret())?;
    let secret_path = settings.data_dir.join(SECRET_KEY);
    if secret_path.exists() {
        bail!(
            "{} holds a secret key already: restore into an empty data directory",
            settings.data_dir.display()
        );
    }
    if let Target::Sqlite { path } = &target
        && Path::new(path).exists()
    {
        bail!("{path} exists already: restore into an empty data directory");
    }
    std::fs::create_dir_all(&settings.data_dir)
        .with_context(|| format!("could not create {}", settings.data_dir.display()))?;
    let input = File::open(file).with_context(|| format!("could not open {}", file.display()))?;
    let mut archive = tar::Archive::new(GzDecoder::new(input));
    let mut found_secret = false;
    for entry in archive.entries().context("not a backup archive")? {
        let mut entry = entry.context("not a backup archive")?;
        let name = entry.path()?.to_string_lossy().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes)?;
        match (name.as_str(), &target) {
            (DATABASE, Target::Sqlite { path }) => {
                write_new(Path::new(path), &bytes)?;
                report.say(format!("database: restored to {path}"));
            }
            (DATABASE, Target::Postgres { .. }) => {
                bail!("the archive holds a SQLite database, but the settings name PostgreSQL")
            }
            (SECRET_KEY, _) => {
                let text = String::from_utf8(bytes).context("the archive's secret key")?;
                if let Some(configured) = &settings.secret_key
                    && configured.expose_secret() != text.trim()
                {
                    bail!(
                        "secret_key (UNDERSIGNED_SECRET_KEY) is set and differs from the archive's: \
                         unset it, or set it to the archive's key, so that mailed links keep working"
                    );
                }
                write_private(&secret_path, text.as_bytes())?;
                found_secret = true;
                report.say(format!("secret key: restored to {}", secret_path.display()));
            }
            (DKIM_KEY, _) => {
                let path = settings.data_dir.join(DKIM_KEY);
                write_private(&path, &bytes)?;
                report.say(format!(
                    "DKIM key: restored to {}; point dkim_key_file at it",
                    path.display()
                ));
            }
            (other, _) => bail!("the archive holds {other:?}, which no backup writes"),
        }
    }
    if !found_secret {
        bail!("the archive holds no secret key: it is not a backup of undersigned");
    }
    if let Target::Postgres { url } = &target {
        report.say(format!(
            "database: restore PostgreSQL from its dump with\n  {}",
            postgres_command("pg_restore", url, "undersigned.pgdump")
        ));
    }
    Ok(report)
}

/// A fresh directory beside `file`, for the database copy.
fn staging_dir(file: &Path) -> anyhow::Result<PathBuf> {
    let parent = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = parent.join(format!(".undersigned-backup-{}", crate::db::new_id()));
    std::fs::create_dir(&dir).with_context(|| format!("could not create {}", dir.display()))?;
    Ok(dir)
}

fn private_file(path: &Path) -> anyhow::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options
        .open(path)
        .with_context(|| format!("could not create {}", path.display()))
}

fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    private_file(path)?.write_all(bytes)?;
    Ok(())
}

fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    write_private(path, bytes)
}

fn append_private<W: std::io::Write>(
    archive: &mut tar::Builder<W>,
    name: &str,
    bytes: &[u8],
) -> anyhow::Result<()> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o600);
    header.set_mtime(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    header.set_cksum();
    archive.append_data(&mut header, name, bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_postgres_commands_leave_the_password_out() {
        let dump = postgres_command(
            "pg_dump",
            "postgres://app:hunter2@db.example/undersigned",
            "u.pgdump",
        );

        assert_eq!(
            dump,
            "pg_dump --format=custom --file=u.pgdump 'postgres://app@db.example/undersigned'"
        );
    }
}
