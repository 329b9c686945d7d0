//! libFuzzer target: any bytes as a program, parsed, compiled and run as `__main__`
//! the way `tripwire run` runs a file. A panic or an abort is a finding; a Python
//! exception is not. Time and memory are bounded by libFuzzer's `-timeout` and
//! `-rss_limit_mb` (README: "Fuzzing").
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &[u8]| {
    let path = std::env::temp_dir().join(format!("tripwire-fuzz-{}.py", std::process::id()));
    if std::fs::write(&path, source).is_err() {
        return;
    }
    let file = path.to_string_lossy().into_owned();
    let status = tripwire::run_file(&file, std::slice::from_ref(&file));
    // 70 is run_file's status for a panic on the interpreter thread.
    assert_ne!(status, 70, "the interpreter panicked");
});
