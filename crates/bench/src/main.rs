//! `tally-bench`: corpus generation, MEANTIME export, lexicon patterns and
//! the whole-pipeline throughput table.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use tally_bench::throughput::{self, write_corpus, write_patterns, RunOptions};
use tally_bench::{meantime, Generator};
use tally_lexicon::Lexicon;

#[derive(Parser, Debug)]
#[command(name = "tally-bench", about = "Benchmarks for tally")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Write a generated corpus as JSON Lines (spec document format)
    Corpus {
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Output file [default: standard output]
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the English MEANTIME articles as JSON Lines (keep out of the repo)
    Meantime {
        #[arg(long, default_value = meantime::DEFAULT_DIR)]
        dir: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write every lexicon phrase with its label as JSON Lines (for the peer)
    Patterns {
        #[arg(long)]
        out: PathBuf,
    },
    /// Extraction time against the size of one document (prose; one unpunctuated run)
    Scale {
        /// Sizes of the prose document, in MB, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "1,2,4,8,16")]
        prose_mb: Vec<f64>,
        /// Sizes of the unpunctuated document, in MB, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "0.25,0.5,1,2,4")]
        unpunctuated_mb: Vec<f64>,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Measure floor, stages, extraction, ingest and (optionally) the peer
    Run {
        /// Documents for the in-process measurements
        #[arg(long, default_value_t = 2000)]
        docs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Runs per in-process measurement; the fastest counts
        #[arg(long, default_value_t = 3)]
        reps: usize,
        /// Corpus sizes for `tally ingest`, comma-separated (0: none)
        #[arg(long, value_delimiter = ',', default_value = "10000,100000")]
        ingest: Vec<usize>,
        /// The tally release binary
        #[arg(long, default_value = "target/release/tally")]
        tally: PathBuf,
        /// Python of the peer's venv (e.g. bench/.venv/bin/python); omit to skip the peer
        #[arg(long)]
        peer_python: Option<PathBuf>,
        #[arg(long, default_value = "bench/peer/spacy_peer.py")]
        peer_script: PathBuf,
        /// Documents given to the peer (a prefix of the same corpus)
        #[arg(long, default_value_t = 500)]
        peer_docs: usize,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Cmd::Corpus { docs, seed, out } => {
            let lex = Lexicon::builtin()?;
            let generator = Generator::new(&lex)?;
            match out {
                Some(path) => {
                    let bytes = write_corpus(&generator, seed, docs, &path)?;
                    eprintln!(
                        "{docs} documents, {bytes} bytes of text -> {}",
                        path.display()
                    );
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut out = std::io::BufWriter::new(stdout.lock());
                    let written = generator.corpus(seed, docs).try_for_each(|g| {
                        serde_json::to_writer(&mut out, &g.doc)?;
                        out.write_all(b"\n")
                    });
                    match written.and_then(|()| out.flush()) {
                        // A closed pipe (`| head`) is the reader's choice.
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                        other => other?,
                    }
                }
            }
        }
        Cmd::Meantime { dir, out } => {
            let docs = meantime::read_dir(&dir)?;
            let mut w = std::io::BufWriter::new(
                std::fs::File::create(&out).with_context(|| out.display().to_string())?,
            );
            for d in &docs {
                serde_json::to_writer(&mut w, d)?;
                w.write_all(b"\n")?;
            }
            w.flush()?;
            eprintln!("{} MEANTIME articles -> {}", docs.len(), out.display());
        }
        Cmd::Scale {
            prose_mb,
            unpunctuated_mb,
            seed,
        } => {
            use tally_bench::scale;
            let lex = Lexicon::builtin()?;
            let generator = Generator::new(&lex)?;
            let pipeline = tally_extract::Pipeline::new(Lexicon::builtin()?);
            let bytes = |mb: f64| (mb * 1e6) as usize;
            let mut rows = Vec::new();
            for mb in prose_mb {
                let text = scale::prose(&generator, seed, bytes(mb));
                rows.push(scale::measure(&pipeline, "prose", text));
                eprint!("{}", scale::table(&rows[rows.len() - 1..]));
            }
            for mb in unpunctuated_mb {
                let text = scale::unpunctuated(&generator, seed, bytes(mb));
                rows.push(scale::measure(&pipeline, "unpunctuated", text));
                eprint!("{}", scale::table(&rows[rows.len() - 1..]));
            }
            print!("{}", scale::table(&rows));
        }
        Cmd::Patterns { out } => {
            let n = write_patterns(&Lexicon::builtin()?, &out)?;
            eprintln!("{n} patterns -> {}", out.display());
        }
        Cmd::Run {
            docs,
            seed,
            reps,
            ingest,
            tally,
            peer_python,
            peer_script,
            peer_docs,
        } => {
            let opts = RunOptions {
                docs,
                seed,
                reps,
                ingest_sizes: ingest.into_iter().filter(|&n| n > 0).collect(),
                tally,
                peer_python,
                peer_script,
                peer_docs,
            };
            let rows = throughput::run(&opts)?;
            print!("{}", throughput::table(&rows));
        }
    }
    Ok(())
}
