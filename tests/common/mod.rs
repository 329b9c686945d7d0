//! Helpers shared by the integration tests that compare interpreter output.

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
