use clap::Parser;

fn main() -> std::process::ExitCode {
    undersigned::memory::configure();
    let cli = undersigned::cli::Cli::parse();
    match undersigned::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
