#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_ingest::Format;

fuzz_target!(|data: &[u8]| tally_fuzz::ingest(data, Format::Html));
