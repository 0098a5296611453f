//! The command line: `serve` (the default), `migrate` and `mail-test`.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};

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
        Command::Serve => runtime.block_on(serve(settings)),
        Command::Migrate => migrate(&settings),
        Command::MailTest { to } => runtime.block_on(mail_test(settings, &to)),
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let app = startup::Application::build(settings).await?;
    if let Some(link) = app.setup_link() {
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
    if applied.is_empty() {
        println!("The database is up to date.");
    } else {
        for name in applied {
            println!("applied {name}");
        }
    }
    Ok(())
}

async fn mail_test(settings: Settings, to: &str) -> anyhow::Result<()> {
    let pool = db::connect(&settings)?;
    let context = mail::MailContext::new(&settings, settings.public_base_url(&settings.listen))?;
    let mut conn = pool.get().context("could not open a database connection")?;
    db::run_migrations(&mut conn)?;
    let id = mail::enqueue_test_message(&mut conn, &context, to)?;
    let worker = mail::Worker::new(
        pool.clone(),
        mail::Transport::from_settings(&settings)?,
        context.from.clone(),
        mail::load_dkim(&settings)?,
        mail::WorkerOptions::from_settings(&settings),
    );
    worker.drain().await?;
    let (status, reply) = mail::status_of(&mut conn, &id)?;
    println!(
        "test message to {to}: {} ({})",
        status.as_str(),
        reply.unwrap_or_default()
    );
    Ok(())
}
