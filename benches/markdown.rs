//! What Markdown costs to accept and to show: a real statement, the
//! 49,999 nested quotes that cost seconds per view when every view
//! rendered them, and the worst text the nesting bound still accepts, as
//! times and as ratios to the real statement, all in one run.
//!
//! Run: `cargo bench --bench markdown` (`MARKDOWN_BENCH_ROUNDS`, default 5:
//! the median of that many timings is shown).

use std::time::{Duration, Instant};

use undersigned::text::{MAX_MARKDOWN_DEPTH, markdown_too_deep, render_markdown};

/// A statement as coalitions write them: headings, paragraphs, a quote,
/// a two-level list, emphasis and links, about 6,000 characters.
fn real_statement() -> String {
    let paragraph = "Las organizaciones abajo firmantes exigimos que los gobiernos de la región \
        garanticen el **derecho a migrar** y a no migrar, con *protección internacional* para \
        quienes huyen de la violencia. Ver [el informe](https://example.org/informe).\n\n";
    let list =
        "- Acceso a la salud\n  - sin importar el estatus migratorio\n- Acceso a la justicia\n\n";
    let quote = "> Nadie es ilegal. — Declaración de Cartagena\n\n";
    let mut text = String::from("# Declaración conjunta\n\n");
    while text.len() < 6_000 {
        text.push_str(paragraph);
        text.push_str(list);
        text.push_str(quote);
    }
    text
}

/// The report's payload: nested quotes just under 100,000 characters.
fn nested_quotes() -> String {
    format!("{}x", "> ".repeat(49_999))
}

/// The costliest shape still accepted: quotes nested to the bound, repeated
/// up to 100,000 characters.
fn deepest_accepted() -> String {
    let block = format!("{}x\n\n", "> ".repeat(MAX_MARKDOWN_DEPTH - 1));
    block.repeat(100_000 / block.len())
}

/// What every view of the payload did before: Markdown to HTML, then the
/// HTML sanitizer over all of it, with no bound on nesting.
fn unbounded_render(markdown: &str) -> usize {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
    ammonia::Builder::default().clean(&html).to_string().len()
}

fn median(rounds: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let rounds: usize = std::env::var("MARKDOWN_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let (real, payload, deepest) = (real_statement(), nested_quotes(), deepest_accepted());
    assert!(!markdown_too_deep(&real) && !markdown_too_deep(&deepest));
    assert!(markdown_too_deep(&payload));

    let baseline = median(rounds, || {
        render_markdown(&real);
    });
    let rows = [
        ("real statement, rendered", baseline),
        (
            "deepest accepted text, rendered at save",
            median(rounds, || {
                render_markdown(&deepest);
            }),
        ),
        (
            "nested-quote payload, refused at save (depth check)",
            median(rounds, || {
                markdown_too_deep(&payload);
            }),
        ),
        (
            "nested-quote payload, an old row shown as text",
            median(rounds, || {
                render_markdown(&payload);
            }),
        ),
        (
            "nested-quote payload, rendered without the bound (before)",
            median(1, || {
                unbounded_render(&payload);
            }),
        ),
    ];
    println!(
        "Markdown, median of {rounds} ({} chars real, {} payload, {} deepest accepted)",
        real.len(),
        payload.len(),
        deepest.len()
    );
    for (what, time) in rows {
        println!(
            "{what:58} {:>10.3} ms  {:>9.1}x the real statement",
            time.as_secs_f64() * 1000.0,
            time.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    println!("A page view reads the rendering stored at save and renders nothing.");
}
