//! Helpers shared by the integration tests that compare interpreter output.

// Each test crate includes this module and uses a part of it.
#![allow(dead_code)]

/// Run `src` as the program `NAME.py` (in a directory of this test process, named
/// after `suite`) under the tripwire binary: (stdout, stderr, exit status).
pub fn run_program(suite: &str, name: &str, src: &str) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("tripwire-{suite}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).expect("write program");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .arg("run")
        .arg(&path)
        .output()
        .expect("run tripwire");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Addresses and directories out of a stderr text.
pub fn normalize(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines() {
        let mut l = String::new();
        let mut rest = line;
        while let Some(i) = rest.find("0x") {
            l.push_str(&rest[..i]);
            l.push_str("0xADDR");
            rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        }
        l.push_str(rest);
        if let Some(start) = l.find("File \"") {
            let path_start = start + 6;
            if let Some(len) = l[path_start..].find('"') {
                let path = &l[path_start..path_start + len];
                let file = path.rsplit('/').next().unwrap_or(path).to_string();
                l.replace_range(path_start..path_start + len, &file);
            }
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}
