//! The command line: `serve` (the default), `migrate`, `mail-test`,
//! `user add`, `contacts import` and `signatures import`.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use secrecy::ExposeSecret;

use crate::config::Settings;
use crate::{db, mail, startup, telemetry};

/// Undersigned: joint statements with verified sign-ons and clean press mailings.
#[derive(Debug, Parser)]
#[command(name = "undersigned", version, about)]
pub struct Cli {
    /// Settings file (TOML); optional. Environment variables `UNDERSIGNED_*` override it.
    #[arg(
        long,
        global = true,
        default_value = "undersigned.toml",
        env = "UNDERSIGNED_CONFIG"
    )]
    pub config: PathBuf,

    /// Fill an example coalition (two coordinators, a statement in English
    /// and Spanish with revisions and signatories) before serving.
    #[arg(long, global = true)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server and the mail worker (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Queue a test message to check the mail settings, then deliver it.
    MailTest {
        /// Address that receives the test message.
        #[arg(long)]
        to: String,
    },
    /// Manage coordinator accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage a coalition's media contacts.
    Contacts {
        #[command(subcommand)]
        command: ContactsCommand,
    },
    /// Manage a statement's signatures.
    Signatures {
        #[command(subcommand)]
        command: SignaturesCommand,
    },
    /// Write one archive with a consistent copy of the SQLite database
    /// (taken while the server runs), the secret key and the DKIM key.
    Backup {
        /// The archive to write (`.tar.gz`); it must not exist yet.
        file: PathBuf,
    },
    /// Restore an archive of `backup` into an empty data directory.
    Restore {
        /// The archive `backup` wrote.
        file: PathBuf,
    },
    /// Check the settings.
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the effective settings (secrets redacted) and check that the
    /// addresses, URLs and keys in them are usable; exit 1 when one is not.
    Check,
}

#[derive(Debug, Subcommand)]
pub enum SignaturesCommand {
    /// Import a list of signatories: a "Signed by" block (one organization
    /// per line, a country after a comma), a CSV file or an XLSX or ODS
    /// workbook, with or without a header line. Prints what each row will
    /// do, then applies it all in one transaction.
    Import {
        /// The text, CSV, XLSX or ODS file.
        file: PathBuf,
        /// The statement's slug (as in /s/SLUG) or id.
        #[arg(long)]
        statement: String,
        /// The address of the coordinator (editor or owner) the import is
        /// recorded as done by.
        #[arg(long)]
        by: String,
        /// Send each row a confirmation mail instead of listing it at once.
        #[arg(long)]
        confirm: bool,
        /// Only print what would happen.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ContactsCommand {
    /// Import contacts from a CSV file (UTF-8 or Windows-1252; comma,
    /// semicolon or tab separated) or an XLSX or ODS workbook (its first
    /// sheet), with English or Spanish column names. Prints what each row
    /// will do, then applies it all in one transaction.
    Import {
        /// The CSV, XLSX or ODS file.
        file: PathBuf,
        /// Slug of the coalition, as in its address /c/SLUG.
        #[arg(long)]
        coalition: String,
        /// Only print what would happen.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a coordinator (or update one) and make them a member of a
    /// coalition, created when missing. Asks for the password, or mails a
    /// link to choose one with --send-link.
    Add {
        #[arg(long)]
        email: String,
        /// Coalition name.
        #[arg(long)]
        coalition: String,
        /// Full name; defaults to the part of the address before the @.
        #[arg(long)]
        name: Option<String>,
        /// owner, editor or viewer.
        #[arg(long, default_value = "owner")]
        role: String,
        /// Mail a link to choose the password instead of asking for it.
        #[arg(long)]
        send_link: bool,
    },
}

/// Runs the chosen subcommand to completion.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(&cli.config)?;
    telemetry::init(&settings);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => runtime.block_on(serve(settings, cli.demo)),
        Command::Migrate => migrate(&settings),
        Command::Backup { file } => print_report(crate::backup::backup(&settings, &file)?),
        Command::Restore { file } => print_report(crate::backup::restore(&settings, &file)?),
        Command::Config {
            command: ConfigCommand::Check,
        } => config_check(&settings),
        Command::MailTest { to } => runtime.block_on(mail_test(settings, &to)),
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    coalition,
                    name,
                    role,
                    send_link,
                },
        } => runtime.block_on(user_add(
            settings,
            &email,
            &coalition,
            name.as_deref(),
            &role,
            send_link,
        )),
        Command::Contacts {
            command:
                ContactsCommand::Import {
                    file,
                    coalition,
                    dry_run,
                },
        } => contacts_import(&settings, &file, &coalition, dry_run),
        Command::Signatures {
            command:
                SignaturesCommand::Import {
                    file,
                    statement,
                    by,
                    confirm,
                    dry_run,
                },
        } => {
            let mode = if confirm {
                crate::signatures::import::Mode::Confirm
            } else {
                crate::signatures::import::Mode::List
            };
            let request = crate::signatures::import::terminal::Request {
                file: &file,
                statement: &statement,
                by: &by,
                mode,
                dry_run,
            };
            signatures_import(&settings, &request)
        }
    }
}

fn signatures_import(
    settings: &Settings,
    request: &crate::signatures::import::terminal::Request<'_>,
) -> anyhow::Result<()> {
    let pool = db::connect(settings)?;
    let context = mail::MailContext::new(settings, settings.public_base_url(&settings.listen))?;
    let secret = settings.secret_key()?;
    let mut conn = pool.get().context("could not open a database connection")?;
    db::run_migrations(&mut conn)?;
    startup::fill_search_keys(&mut conn)?;
    let ctx = crate::signatures::signing::Ctx {
        mail: &context,
        secret: &secret,
        confirm_days: settings.confirm_link_days.max(1),
        mails_per_day: settings.mails_per_address_per_day.max(1),
    };
    crate::signatures::import::terminal::run(&mut conn, &ctx, request)
}

fn contacts_import(
    settings: &Settings,
    file: &std::path::Path,
    coalition: &str,
    dry_run: bool,
) -> anyhow::Result<()> {
    let pool = db::connect(settings)?;
    let mut conn = pool.get().context("could not open a database connection")?;
    db::run_migrations(&mut conn)?;
    startup::fill_search_keys(&mut conn)?;
    crate::contacts::import::terminal::run(&mut conn, file, coalition, dry_run)
}

async fn serve(settings: Settings, demo: bool) -> anyhow::Result<()> {
    let app = startup::Application::build(settings).await?;
    if demo {
        let pool = app.pool();
        let summary = tokio::task::spawn_blocking(move || -> anyhow::Result<String> {
            let mut conn = pool.get().context("could not open a database connection")?;
            crate::demo::fill(&mut conn)
        })
        .await
        .context("the demo task failed")??;
        println!("{summary}");
    } else if let Some(link) = app.setup_link() {
        println!();
        println!(
            "  No coordinator account exists yet. Open this one-time link to create the first one:"
        );
        println!();
        println!("    {link}");
        println!();
    }
    println!("Undersigned is listening on {}", app.base_url());
    app.run_until_stopped().await
}

fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let pool = db::connect(settings)?;
    let mut conn = pool.get().context("could not open a database connection")?;
    let applied = db::run_migrations(&mut conn)?;
    startup::fill_search_keys(&mut conn)?;
    if applied.is_empty() {
        println!("The database is up to date.");
    } else {
        for name in applied {
            println!("applied {name}");
        }
    }
    Ok(())
}

/// Delivers what is queued now, through the configured transport.
async fn deliver_now(
    settings: &Settings,
    pool: db::Pool,
    context: &mail::MailContext,
) -> anyhow::Result<()> {
    let writes = db::GroupCommit::start(pool.clone())?;
    let worker = mail::Worker::new(
        pool,
        writes,
        mail::Transport::from_settings(settings)?,
        context.from.clone(),
        mail::load_dkim(settings)?,
        mail::WorkerOptions::from_settings(
            settings,
            &mail::instance_name(&format!("command {}", std::process::id())),
        ),
        crate::suppressions::bounced,
    );
    worker.drain().await
}

async fn user_add(
    settings: Settings,
    email: &str,
    coalition: &str,
    name: Option<&str>,
    role: &str,
    send_link: bool,
) -> anyhow::Result<()> {
    let email = crate::accounts::Email::parse(email).context("not a valid email address")?;
    let role =
        crate::coalitions::Role::parse(role).context("the role must be owner, editor or viewer")?;
    let name = name.map(str::to_owned).unwrap_or_else(|| {
        email
            .as_str()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_owned()
    });
    let name = crate::text::normalize_line(&name, 120)
        .map_err(|e| anyhow::anyhow!("the name is not usable: {e}"))?;
    let password = if send_link {
        None
    } else {
        Some(read_password()?)
    };
    let pool = db::connect(&settings)?;
    let context = mail::MailContext::new(&settings, settings.public_base_url(&settings.listen))?;
    let mut conn = pool.get().context("could not open a database connection")?;
    db::run_migrations(&mut conn)?;
    let (coordinator, created) =
        crate::coalitions::add_user(&mut conn, &name, &email, password.as_ref(), coalition, role)?;
    println!(
        "{} {} as {} of {coalition}",
        if created { "created" } else { "updated" },
        coordinator.email,
        role.as_str()
    );
    if send_link {
        crate::accounts::send_password_link(
            &mut conn,
            &context,
            &coordinator,
            "set-password",
            crate::i18n::Lang::En,
        )?;
        deliver_now(&settings, pool.clone(), &context).await?;
        println!(
            "a link to choose the password was sent to {}",
            coordinator.email
        );
    }
    Ok(())
}

/// Asks for a password twice on the terminal; reads one line from standard
/// input when it is not a terminal (scripts).
fn read_password() -> anyhow::Result<crate::accounts::Password> {
    use std::io::IsTerminal;
    let typed = if std::io::stdin().is_terminal() {
        let first =
            rpassword::prompt_password("Password: ").context("could not read the password")?;
        let second = rpassword::prompt_password("Password again: ")
            .context("could not read the password")?;
        anyhow::ensure!(first == second, "the two passwords differ");
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .context("could not read the password")?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    crate::accounts::Password::parse(&typed).map_err(|e| anyhow::anyhow!("{e}"))
}

async fn mail_test(settings: Settings, to: &str) -> anyhow::Result<()> {
    let pool = db::connect(&settings)?;
    let context = mail::MailContext::new(&settings, settings.public_base_url(&settings.listen))?;
    let mut conn = pool.get().context("could not open a database connection")?;
    db::run_migrations(&mut conn)?;
    let id = mail::enqueue_test_message(&mut conn, &context, to)?;
    deliver_now(&settings, pool.clone(), &context).await?;
    let (status, reply) = mail::status_of(&mut conn, &id)?;
    println!(
        "test message to {to}: {} ({})",
        status.as_str(),
        crate::i18n::show_stored(
            &reply.unwrap_or_default(),
            crate::i18n::Lang::En,
            chrono_tz::Tz::UTC,
        )
    );
    Ok(())
}

/// Prints the settings as they take effect and parses what start-up would.
fn config_check(settings: &Settings) -> anyhow::Result<()> {
    println!("{settings:#?}");
    db::Target::parse(settings.database_url().expose_secret())
        .context("database_url (UNDERSIGNED_DATABASE_URL)")?;
    if settings.smtp_url.is_some() {
        mail::Transport::from_settings(settings).context("smtp_url (UNDERSIGNED_SMTP_URL)")?;
    }
    mail::MailContext::new(settings, settings.public_base_url(&settings.listen))?;
    mail::load_dkim(settings)?;
    crate::web::client::TrustedProxies::from_settings(settings)?;
    if let Some(key) = &settings.secret_key
        && crate::config::SecretKey::from_text(key.expose_secret()).is_none()
    {
        anyhow::bail!("secret_key (UNDERSIGNED_SECRET_KEY) is shorter than 32 characters");
    }
    println!("The settings are usable.");
    Ok(())
}

fn print_report(report: crate::backup::Report) -> anyhow::Result<()> {
    for line in report.lines {
        println!("{line}");
    }
    Ok(())
}
