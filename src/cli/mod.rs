//! The command line: `ask`, `chat`, `topics`, `topic`, `index`, `check` (in `cli/check.rs`),
//! `eval`, `study` (in `cli/study.rs`) and the Discord commands. `main.rs` parses it and calls
//! [`run`].

pub mod chat;
pub mod check;
pub mod ids;
mod study;

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Parser, Subcommand};

use crate::config::Settings;
use crate::engine::{BuildOptions, Engine};
use crate::reply::render::{self, Highlight};

/// pressroom: answers questions about press-conference transcripts by quoting them.
#[derive(Debug, Parser)]
#[command(name = "pressroom", version, about, long_about = None)]
pub struct Cli {
    /// Settings file (TOML), read over the built-in defaults.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// More log output on stderr (-v info, -vv debug).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// What to do; with none, `chat` (or `serve` when a Discord token is set).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a question with the passages that answer it.
    Ask(AskArgs),
    /// Ask questions one after another (interactive; piped input works too).
    Chat,
    /// List the exchanges (question → answer) with short topic names.
    Topics {
        /// One JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show one exchange whole, by id, topic name, or a word of its question.
    Topic {
        /// Id (`doc#3`), topic name, or a word.
        name: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Build or refresh the persisted index (`index.dir`).
    Index {
        /// Index directory (overrides `index.dir`).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
        /// Rebuild even when the index is up to date.
        #[arg(long)]
        force: bool,
    },
    /// Show how transcripts are read: speakers, exchanges, statements, warnings by line.
    /// Exit 0 when clean, 1 with warnings, 2 when a file cannot be read.
    Check {
        /// Files or folders (default: the configured data folder's transcripts).
        paths: Vec<PathBuf>,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Run the Discord bot (needs a token: DISCORD_TOKEN or discord.token). SIGHUP re-reads
    /// the data folder.
    Serve,
    /// Check the configuration, the data folder, the index and the study store; exit 0 when
    /// all is well, 1 on a problem (each said on stderr).
    Health,
    /// Print the link that invites the bot to a server.
    Invite {
        /// The application's client id (Discord developer portal → OAuth2).
        client_id: u64,
    },
    /// A study session for one person: walk through the exchanges, or take a quiz.
    Study {
        /// Quiz instead of walkthrough.
        #[arg(long)]
        quiz: bool,
        /// Limit to one topic (id, name or word).
        #[arg(long)]
        topic: Option<String>,
    },
    /// Score retrieval on a question set (JSON lines `{"id","q","gold":[…]}`).
    Eval {
        /// The question set.
        file: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Also write every question's ranked candidates with their ranking figures to this
        /// JSON-lines file (for tuning).
        #[arg(long, value_name = "FILE")]
        explain: Option<PathBuf>,
    },
    /// Fit the ranking and no-quote models on `eval --explain` dumps and print their weights
    /// with cross-validated figures (how the weights in src/engine/rank.rs were chosen).
    Fit {
        /// `eval --explain` outputs (several: the seed's and a library's sets together).
        #[arg(required = true)]
        dumps: Vec<PathBuf>,
        /// L2 penalty on the ranking's weights (each question weighs 1).
        #[arg(long, default_value_t = 0.1)]
        l2: f64,
        /// L2 penalty on the no-quote model's weights (all questions together weigh 1).
        #[arg(long, default_value_t = 0.002)]
        no_quote_l2: f64,
        /// Probability below which nothing is quoted (for the no-quote figures).
        #[arg(long, default_value_t = 0.5)]
        threshold: f64,
        /// Ranking figures to leave out (their weights come out 0), e.g. `position,first_paragraph`.
        #[arg(long, value_name = "FIGURE", value_delimiter = ',')]
        without: Vec<String>,
    },
}

/// `ask` arguments.
#[derive(Debug, Args)]
pub struct AskArgs {
    /// The question (several words are one question); `-` reads one question per line from
    /// stdin.
    #[arg(required = true, num_args = 1..)]
    pub question: Vec<String>,
    /// Passages to show (default: `search.top_k`).
    #[arg(long, short = 'n', value_parser = clap::value_parser!(u16).range(1..=50))]
    pub top: Option<u16>,
    /// One JSON object per question instead of text.
    #[arg(long)]
    pub json: bool,
    /// Only passages by this speaker (repeat for several).
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only transcripts from this day on (`2019-05-20`, `2019-05`, `2019`).
    #[arg(long, value_name = "DATE", value_parser = parse_since)]
    pub since: Option<u64>,
    /// Only transcripts up to this day (`2019-05-31`, `2019-05`: its last day, `2019`).
    #[arg(long, value_name = "DATE", value_parser = parse_until)]
    pub until: Option<u64>,
    /// Only this transcript (its id, e.g. `2019-05-20-t1664956`; repeat for several).
    #[arg(long, value_name = "ID")]
    pub doc: Vec<String>,
}

fn parse_since(s: &str) -> Result<u64, String> {
    crate::search::constraints::parse_iso_day(s)
        .ok_or_else(|| format!("`{s}` is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"))
}

fn parse_until(s: &str) -> Result<u64, String> {
    crate::search::constraints::parse_iso_end(s)
        .ok_or_else(|| format!("`{s}` is not a date: use YYYY-MM-DD, YYYY-MM or YYYY"))
}

impl AskArgs {
    /// The explicit constraints these options give.
    fn constraints(&self) -> crate::search::Constraints {
        crate::search::Constraints {
            since: self.since,
            until: self.until,
            speakers: self.speaker.clone(),
            documents: self.doc.clone(),
            ..crate::search::Constraints::default()
        }
    }
}

/// Runs the command line; the exit code is 0 when something was found, 1 when nothing was,
/// 2 on an error (as grep does).
pub fn run(cli: Cli) -> ExitCode {
    let serving = matches!(cli.command, Some(Command::Serve))
        || (cli.command.is_none()
            && (std::env::var_os("DISCORD_TOKEN").is_some_and(|t| !t.is_empty())
                || std::env::var_os("PRESSROOM__DISCORD__TOKEN").is_some_and(|t| !t.is_empty())));
    init_logging(cli.verbose, serving);
    match dispatch(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`pressroom topics | head`) is not a failure.
            if err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn init_logging(verbose: u8, serving: bool) {
    let default = match verbose {
        // The bot says what it serves and when it connects.
        0 if serving => "warn,pressroom=info",
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_target(false)
        .try_init();
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command {
        Some(Command::Ask(args)) => ask(&settings, &args),
        Some(Command::Chat) => {
            let engine = load(&settings)?;
            chat::run(&engine, &settings, &banner(&engine, &settings))
        }
        None => {
            if !settings.discord.token.is_empty() {
                let engine = load(&settings)?;
                crate::discord::serve(settings, engine)?;
                return Ok(ExitCode::SUCCESS);
            }
            eprintln!(
                "No Discord token is set, so this is the console (`pressroom chat`). To run the Discord bot, set DISCORD_TOKEN and run `pressroom serve` (see the README)."
            );
            let engine = load(&settings)?;
            chat::run(&engine, &settings, &banner(&engine, &settings))
        }
        Some(Command::Topics { json }) => {
            let engine = load(&settings)?;
            let topics = engine.topics();
            let short = ids::ShortIds::new(engine.documents());
            print(&topics, json, || {
                render::topic_list_with(&short.topics(topics.clone()), chat::columns())
            })
        }
        Some(Command::Topic { name, json }) => {
            let engine = load(&settings)?;
            let short = ids::ShortIds::new(engine.documents());
            let at = match engine.find_exchange(&short.expand(&name)) {
                Ok(at) => at,
                Err(e) => {
                    // Nothing found, as `ask` finding nothing: exit 1.
                    eprintln!("{e}");
                    return Ok(ExitCode::from(1));
                }
            };
            let view = engine.exchange(at).context("exchange vanished")?;
            print(&view, json, || {
                let mut v = view.clone();
                v.summary.id = short.shorten(&v.summary.id);
                render::exchange_with(&v, chat::columns())
            })
        }
        Some(Command::Index { dir, force }) => index(settings, dir, force),
        Some(Command::Check { paths, json }) => check_paths(&settings, paths, json),
        Some(Command::Fit {
            dumps,
            l2,
            no_quote_l2,
            threshold,
            without,
        }) => fit(&dumps, l2, no_quote_l2, threshold, &without),
        Some(Command::Serve) => {
            let engine = load(&settings)?;
            crate::discord::serve(settings, engine)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Health) => health(&settings),
        Some(Command::Invite { client_id }) => {
            writeln!(
                std::io::stdout(),
                "{}",
                crate::discord::invite_url(client_id)
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Study { quiz, topic }) => {
            let engine = load(&settings)?;
            study::console(engine, &settings, quiz, topic.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Eval {
            file,
            json,
            explain,
        }) => {
            let engine = load(&settings)?;
            let cases = crate::eval::load_cases(&file)?;
            if let Some(out) = explain {
                let mut lines = String::new();
                for case in &cases {
                    let options = crate::engine::AskOptions {
                        top: 5,
                        ..Default::default()
                    };
                    let explained = engine.explain(&case.q, &options);
                    lines.push_str(&serde_json::to_string(&serde_json::json!({
                        "case": case, "explained": explained,
                    }))?);
                    lines.push('\n');
                }
                std::fs::write(&out, lines).with_context(|| out.display().to_string())?;
            }
            let report = crate::eval::run(&engine, &cases);
            // Written, not printed: a closed pipe (`eval … | head`) ends the command quietly.
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string(&report)?)?;
            } else {
                // Per kind first: the overall line is the last one naming hit@1 (scripts
                // read it with `grep hit@1 | tail -1`).
                if report.kinds.len() > 1 {
                    for (kind, k) in &report.kinds {
                        writeln!(
                            out,
                            "  {kind:<12} {:>3} questions  hit@1 {:.3}  hit@3 {:.3}  no quote {}",
                            k.cases, k.hit_at_1, k.hit_at_3, k.abstained
                        )?;
                    }
                }
                writeln!(
                    out,
                    "questions {}  hit@1 {:.3}  hit@3 {:.3}  MRR@5 {:.3}  no quote {}",
                    report.cases,
                    report.hit_at_1,
                    report.hit_at_3,
                    report.mrr_at_5,
                    report.abstained
                )?;
                for m in &report.misses {
                    let rank = m.rank.map_or("—".to_string(), |r| r.to_string());
                    writeln!(
                        out,
                        "  miss {} (rank {rank}): {}  → got {}",
                        m.id,
                        m.q,
                        m.got.as_deref().unwrap_or("nothing")
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Prints `value` as pretty JSON, or else the text `render` makes of it.
fn print(
    value: &impl serde::Serialize,
    json: bool,
    render: impl FnOnce() -> String,
) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, value)?;
        writeln!(out)?;
    } else {
        out.write_all(render().as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn check_paths(settings: &Settings, mut paths: Vec<PathBuf>, json: bool) -> Result<ExitCode> {
    if paths.is_empty() {
        paths.push(settings.data.dir.join("transcripts"));
    }
    let report = check::report(check::read_paths(&paths));
    print(&report, json, || check::render(&report))?;
    Ok(ExitCode::from(check::exit_code(&report)))
}

fn load(settings: &Settings) -> Result<Engine> {
    // A missing data folder is warned about by the engine (the bot logs it the same way).
    let engine = Engine::load(settings)?;
    report_skipped(&engine, 5);
    Ok(engine)
}

/// Why the transcripts built into the binary are served instead of a folder's, if they are.
pub fn fallback(settings: &Settings) -> Option<String> {
    let transcripts = settings.data.dir.join("transcripts");
    if transcripts.is_dir() {
        return None;
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    Some(format!(
        "no transcripts folder at {} (data.dir = {}, working directory {}): serving the transcripts built into the binary",
        transcripts.display(),
        settings.data.dir.display(),
        cwd.display()
    ))
}

/// Which data is served: the folder (absolute), the counts, and where the index is.
pub fn data_summary(engine: &Engine, settings: &Settings) -> String {
    let s = engine.stats();
    let transcripts = settings.data.dir.join("transcripts");
    let folder = if transcripts.is_dir() {
        absolute(&transcripts).display().to_string()
    } else {
        "the transcripts built into the binary".to_string()
    };
    let index = match settings.index_dir() {
        Some(d) => format!("index {}", absolute(d).display()),
        None => "index in memory".to_string(),
    };
    format!(
        "{} documents, {} exchanges, {} passages from {folder}; {index}",
        s.documents, s.exchanges, s.passages
    )
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

fn banner(engine: &Engine, settings: &Settings) -> String {
    format!("pressroom — {}", data_summary(engine, settings))
}

/// Says which transcripts were skipped and why: the first `max`, then a count.
fn report_skipped(engine: &Engine, max: usize) {
    let errors = engine.load_errors();
    for e in errors.iter().take(max) {
        eprintln!("warning: skipped {e}");
    }
    if errors.len() > max {
        eprintln!(
            "warning: … and {} more transcripts skipped (`pressroom index` lists them all)",
            errors.len() - max
        );
    }
}

pub(crate) fn highlight_style() -> Highlight {
    if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Highlight::Ansi
    } else {
        Highlight::Plain
    }
}

fn ask(settings: &Settings, args: &AskArgs) -> Result<ExitCode> {
    let question = args.question.join(" ");
    if question.trim().is_empty() {
        bail!("the question is empty: pressroom ask \"问题\"");
    }
    let engine = load(settings)?;
    let top = args.top.map_or(engine.default_top(), usize::from);
    // One more than shown, to say whether there are more.
    let options = crate::engine::AskOptions {
        top: if args.json { top } else { top + 1 },
        constraints: args.constraints(),
        prefer: None,
    };
    // Short ids are for the console's rendering only (JSON keeps full ids); making them compares
    // every document id with every other.
    let short = std::cell::OnceCell::new();
    let mut first = true;
    let mut out = std::io::stdout().lock();
    let mut found = false;
    // One JSON line is made whole, then written at once: serde_json writes in small pieces,
    // and through stdout's line buffer an answer of several kilobytes took several writes.
    let mut line = Vec::new();
    let mut answer_one = |q: &str, out: &mut dyn Write| -> Result<()> {
        let mut answer = engine.ask_with(q, &options);
        found |= !answer.hits.is_empty();
        if args.json {
            line.clear();
            serde_json::to_writer(&mut line, &answer)?;
            line.push(b'\n');
            out.write_all(&line)?;
        } else {
            let more = answer.hits.len() > top;
            answer.hits.truncate(top);
            let opts = render::ConsoleOptions {
                highlight: highlight_style(),
                width: chat::columns(),
                footer: more.then(|| format!("(more results: --top {})", top + 5)),
                topics_command: "pressroom topics".into(),
            };
            if !first {
                out.write_all(b"\n")?;
            }
            first = false;
            let short = short.get_or_init(|| ids::ShortIds::new(engine.documents()));
            out.write_all(render::console_with(&short.answer(answer), &opts).as_bytes())?;
        }
        out.flush()?;
        Ok(())
    };
    if question == "-" {
        // One answer per input line, always: a blank line gets an empty answer, a line that is
        // not UTF-8 an answer saying so, and the batch goes on.
        let mut stdin = std::io::stdin().lock();
        let mut buf = Vec::new();
        let mut number = 0;
        loop {
            buf.clear();
            if stdin
                .read_until(b'\n', &mut buf)
                .context("reading questions from stdin")?
                == 0
            {
                break;
            }
            number += 1;
            let raw = buf.strip_suffix(b"\n").unwrap_or(&buf);
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            match std::str::from_utf8(raw) {
                Ok(line) if args.json || !line.trim().is_empty() => {
                    answer_one(line.trim(), &mut out)?
                }
                Ok(_) => {}
                Err(_) if args.json => {
                    let v = serde_json::json!({
                        "query": String::from_utf8_lossy(raw).trim(),
                        "hits": [],
                        "error": format!("line {number} is not valid UTF-8"),
                    });
                    serde_json::to_writer(&mut out, &v)?;
                    writeln!(out)?;
                    out.flush()?;
                }
                Err(_) => eprintln!("warning: line {number} is not valid UTF-8; skipped"),
            }
        }
    } else {
        answer_one(&question, &mut out)?;
    }
    // The process ends here and the system takes its memory back at once; freeing the library
    // allocation by allocation would cost a cold `ask` about a tenth of its time.
    std::mem::forget(engine);
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `pressroom health`: one line per check, `ok` or `problem`; exit 1 on any problem.
fn health(settings: &Settings) -> Result<ExitCode> {
    let mut problems = 0;
    let mut line = |ok: bool, what: &str, detail: String| {
        // The exit code says it all: a closed pipe only loses the lines.
        let mut out = std::io::stdout();
        if ok {
            let _ = writeln!(out, "ok       {what}: {detail}");
        } else {
            problems += 1;
            let _ = writeln!(out, "problem  {what}: {detail}");
        }
    };
    let files: Vec<String> = Settings::local_files()
        .into_iter()
        .filter(|f| f.is_file())
        .map(|f| absolute(&f).display().to_string())
        .collect();
    line(
        true,
        "config",
        if files.is_empty() {
            "built-in defaults and the environment".into()
        } else {
            format!("read {}", files.join(", "))
        },
    );
    match Engine::load(settings) {
        Ok(engine) => {
            match fallback(settings) {
                Some(why) => line(false, "data", why),
                None => line(
                    engine.load_errors().is_empty() && engine.stats().documents > 0,
                    "data",
                    format!(
                        "{}{}",
                        data_summary(&engine, settings),
                        match engine.load_errors() {
                            [] => String::new(),
                            errors => format!(
                                "; {} files skipped: {}",
                                errors.len(),
                                errors
                                    .iter()
                                    .map(|e| e.to_string())
                                    .collect::<Vec<_>>()
                                    .join("; ")
                            ),
                        }
                    ),
                ),
            }
            let index = match settings.index_dir() {
                Some(d) => format!(
                    "{} ({:?}, library {:?})",
                    absolute(d).display(),
                    engine.index_origin(),
                    engine.library_origin()
                ),
                None => "in memory".into(),
            };
            line(true, "index", index);
        }
        Err(e) => line(false, "data and index", format!("{e:#}")),
    }
    match crate::study::SqliteStore::open(&settings.store.path) {
        Ok(_) => line(
            true,
            "store",
            absolute(&settings.store.path).display().to_string(),
        ),
        Err(e) => line(false, "store", format!("{e:#}")),
    }
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn index(mut settings: Settings, dir: Option<PathBuf>, force: bool) -> Result<ExitCode> {
    if let Some(d) = dir {
        settings.index.dir = d;
    }
    let Some(index_dir) = settings.index_dir().map(|p| p.to_path_buf()) else {
        let suggestion = crate::paths::data_dir().map_or_else(
            || "/var/lib/pressroom/index".into(),
            |d| d.join("index").display().to_string(),
        );
        bail!(
            "index.dir is empty, so every start builds the index in memory (fine for a few MB of transcripts) and there is nothing to write. To keep one on disk, pass --dir {suggestion}, or set index.dir = \"{suggestion}\" in a config file (~/.config/pressroom/local.toml) or PRESSROOM__INDEX__DIR"
        );
    };
    let transcripts = settings.data.dir.join("transcripts");
    let total_bytes: u64 = if transcripts.is_dir() {
        crate::corpus::transcript_files(&transcripts)?
            .iter()
            .filter_map(|p| p.metadata().ok())
            .map(|m| m.len())
            .sum()
    } else {
        0
    };
    let bar = indicatif::ProgressBar::new(total_bytes);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {percent:>3}% {eta}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message("reading");
    let started = Instant::now();
    let engine = Engine::load_with(
        &settings,
        &BuildOptions {
            force_rebuild: force,
        },
        |_, bytes| bar.inc(bytes),
        |done, total| {
            if done == 0 || bar.message() != "indexing" {
                bar.set_message("indexing");
                bar.set_length(total as u64);
                bar.set_position(0);
            }
            bar.set_position(done as u64);
        },
    )?;
    bar.finish_and_clear();
    if engine.index_origin() == crate::search::IndexOrigin::Memory {
        bail!(
            "could not write the index in {} (the warning above says why)",
            index_dir.display()
        );
    }
    let elapsed = started.elapsed().as_secs_f64();
    let s = engine.stats();
    report_skipped(&engine, usize::MAX);
    let how = match engine.index_origin() {
        crate::search::IndexOrigin::Reused
            if engine.library_origin() == crate::engine::LibraryOrigin::Snapshot =>
        {
            "up to date, reused (library from its snapshot)"
        }
        crate::search::IndexOrigin::Reused => "up to date, reused",
        crate::search::IndexOrigin::Built => "built",
        crate::search::IndexOrigin::Repaired => "damaged, rebuilt",
        crate::search::IndexOrigin::Memory => "built in memory",
    };
    writeln!(
        std::io::stdout(),
        "{how}: {} — {} documents, {} exchanges, {} passages, {:.1} MB in {:.2} s ({:.1} MB/s); {} files skipped",
        index_dir.display(),
        s.documents,
        s.exchanges,
        s.passages,
        s.bytes as f64 / 1e6,
        elapsed,
        s.bytes as f64 / 1e6 / elapsed.max(1e-9),
        engine.load_errors().len()
    )?;
    // As in `ask`: the process ends here, and freeing the library piece by piece is wasted time.
    std::mem::forget(engine);
    Ok(ExitCode::SUCCESS)
}

/// `pressroom fit`: both models, with what they are expected to do on questions not seen.
fn fit(
    dumps: &[PathBuf],
    l2: f64,
    no_quote_l2: f64,
    threshold: f64,
    without: &[String],
) -> Result<ExitCode> {
    use crate::eval::fit;
    let (features, mut questions) = fit::load_dumps(dumps)?;
    let unknown = fit::leave_out(&mut questions, &features, without);
    if !unknown.is_empty() {
        bail!(
            "no ranking figure is called {} (they are: {})",
            unknown.join(", "),
            features.join(", ")
        );
    }
    let report = fit::fit(&questions, features, [l2, no_quote_l2], threshold);
    let answerable = questions.iter().filter(|q| q.answerable).count();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} questions ({answerable} with an answer), L2 {l2}",
        questions.len()
    )?;
    writeln!(
        out,
        "ranking: hit@1 over the candidates {:.3} held out (5-fold), {:.3} as dumped",
        report.ranking_cv_hit_at_1, report.dumped_hit_at_1
    )?;
    for (name, w) in report.features.iter().zip(&report.ranking.weights) {
        writeln!(out, "  {name:<26} {w:>7.3}")?;
    }
    let weights: Vec<String> = report
        .ranking
        .weights
        .iter()
        .map(|w| format!("{w:.3}"))
        .collect();
    writeln!(out, "  WEIGHTS = [{}]", weights.join(", "))?;
    writeln!(
        out,
        "no quote at {:.2}: {:.3} of answerable questions kept, {:.3} of the others refused (held out)",
        report.threshold, report.kept, report.refused
    )?;
    writeln!(out, "  intercept {:>7.3}", report.no_quote.intercept)?;
    for (name, w) in report.evidence.iter().zip(&report.no_quote.weights) {
        writeln!(out, "  {name:<26} {w:>7.3}")?;
    }
    Ok(ExitCode::SUCCESS)
}
