//! The optimizer's strategy switches (../shared/spec/optimizer.md, "Strategies"),
//! one field per axis, each combinable with the others, and their command-line form
//! (`--dep-index=bloom --invalidate=patch ...`). Depends on `thrash` for the policy.

use crate::thrash::ThrashPolicy;

/// Where dependencies are looked up (strategy 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DepIndexKind {
    Exact,
    Bloom,
}

/// What an event that breaks an assumption throws away (strategies 2 and 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidate {
    /// The whole unit: its entry goes back to the interpreter.
    Unit,
    /// Only the guard sites that depend on the changed object become deopts.
    Patch,
    /// A validity flag per unit, checked at polling points in the code.
    Poll,
}

/// When frames already running invalidated code leave it (strategy 4).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunningFrames {
    /// Every thread and greenlet stack is walked at the event.
    Eager,
    /// A frame leaves when control reaches it next (its next guard or return).
    Lazy,
}

/// How global and builtin loads are specialised (strategies 5 and 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Globals {
    /// The value folded into the code; a watcher invalidates.
    Constant,
    /// A cell the watcher rewrites in place; the code loads through it.
    Cell,
    /// The value checked on every execution; no watcher.
    Guard,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub dep_index: DepIndexKind,
    pub invalidate: Invalidate,
    pub running_frames: RunningFrames,
    pub globals: Globals,
    pub thrash: ThrashPolicy,
    /// Re-check every assumption when a unit is installed (strategy 8).
    pub recheck_at_install: bool,
    /// Re-check an assumption before invalidating, and keep the code if it holds
    /// (strategy 9).
    pub adaptive: bool,
    /// Calls before a function is compiled whole (0: functions are not compiled,
    /// and units leave a call of a Python function to the interpreter); loop
    /// back-edges before a loop is.
    pub hot_calls: u32,
    pub hot_loops: u32,
    /// Every Nth guard fails and every Nth event invalidates every unit (0: off).
    pub stress_deopt: u32,
    /// Print each unit's listing to stderr when it is compiled.
    pub dump: bool,
}

impl Default for Options {
    /// Provisional until the strategy measurements choose them: the exact index, per
    /// guard patching, lazy deopt of running frames, watched constants, CPython's
    /// cut-off of 6.
    fn default() -> Options {
        Options {
            dep_index: DepIndexKind::Exact,
            invalidate: Invalidate::Patch,
            running_frames: RunningFrames::Lazy,
            globals: Globals::Constant,
            thrash: ThrashPolicy::Cutoff(6),
            recheck_at_install: true,
            adaptive: false,
            hot_calls: 1000,
            hot_loops: 2000,
            stress_deopt: 0,
            dump: false,
        }
    }
}

/// Option names this module takes, for a command line's help.
// The first line starts on the quote's line: a line-ending backslash would
// eat its indentation.
pub const HELP: &str = "  --dep-index=exact|bloom        dependency index (strategy 1)
  --invalidate=unit|patch|poll   what an event throws away (strategies 2, 3)
  --running-frames=eager|lazy    when running frames leave invalid code (4)
  --globals=constant|cell|guard  how global loads are specialised (5, 6)
  --thrash=cutoff:N|backoff|lattice|never:K
                                 thrash policy (7)
  --recheck-at-install           re-check assumptions when installing (8)
  --adaptive                     re-check before invalidating (9)
  --hot-calls=N --hot-loops=N    tier-up thresholds (1000 and 2000;
                                 --hot-calls=0: no function compiled whole)
  --stress-deopt=N               every Nth guard fails, every Nth event
                                 invalidates everything
  --dump                         print each compiled unit to stderr
";

impl Options {
    /// Apply one `--name=value` argument. `Ok(false)` if it is not one of ours;
    /// an error names what is wrong with one that is.
    pub fn apply(&mut self, arg: &str) -> Result<bool, String> {
        let (name, value) = arg.split_once('=').unwrap_or((arg, ""));
        let bad = || format!("{name} does not take '{value}'");
        let number = |v: &str| {
            v.parse::<u32>()
                .map_err(|_| format!("{name} needs a number, not '{v}'"))
        };
        match name {
            "--dep-index" => {
                self.dep_index = match value {
                    "exact" => DepIndexKind::Exact,
                    "bloom" => DepIndexKind::Bloom,
                    _ => return Err(bad()),
                }
            }
            "--invalidate" => {
                self.invalidate = match value {
                    "unit" => Invalidate::Unit,
                    "patch" => Invalidate::Patch,
                    "poll" => Invalidate::Poll,
                    _ => return Err(bad()),
                }
            }
            "--running-frames" => {
                self.running_frames = match value {
                    "eager" => RunningFrames::Eager,
                    "lazy" => RunningFrames::Lazy,
                    _ => return Err(bad()),
                }
            }
            "--globals" => {
                self.globals = match value {
                    "constant" => Globals::Constant,
                    "cell" => Globals::Cell,
                    "guard" => Globals::Guard,
                    _ => return Err(bad()),
                }
            }
            "--thrash" => {
                self.thrash = match value.split_once(':') {
                    Some(("cutoff", n)) => ThrashPolicy::Cutoff(number(n)?.max(1)),
                    Some(("never", k)) => ThrashPolicy::Never(number(k)?.max(1)),
                    None if value == "backoff" => ThrashPolicy::Backoff,
                    None if value == "lattice" => ThrashPolicy::Lattice,
                    _ => return Err(bad()),
                }
            }
            "--recheck-at-install" => self.recheck_at_install = true,
            "--adaptive" => self.adaptive = true,
            "--hot-calls" => self.hot_calls = number(value)?,
            "--hot-loops" => self.hot_loops = number(value)?.max(1),
            "--stress-deopt" => self.stress_deopt = number(value)?,
            "--dump" => self.dump = true,
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The options in command-line form, every axis named: what a trace header or a
    /// benchmark table prints.
    pub fn describe(&self) -> String {
        let thrash = match self.thrash {
            ThrashPolicy::Cutoff(n) => format!("cutoff:{n}"),
            ThrashPolicy::Backoff => "backoff".to_string(),
            ThrashPolicy::Lattice => "lattice".to_string(),
            ThrashPolicy::Never(k) => format!("never:{k}"),
        };
        let mut s = format!(
            "--dep-index={} --invalidate={} --running-frames={} --globals={} --thrash={thrash}",
            format!("{:?}", self.dep_index).to_lowercase(),
            format!("{:?}", self.invalidate).to_lowercase(),
            format!("{:?}", self.running_frames).to_lowercase(),
            format!("{:?}", self.globals).to_lowercase(),
        );
        if self.recheck_at_install {
            s.push_str(" --recheck-at-install");
        }
        if self.adaptive {
            s.push_str(" --adaptive");
        }
        s.push_str(&format!(
            " --hot-calls={} --hot-loops={}",
            self.hot_calls, self.hot_loops
        ));
        if self.stress_deopt > 0 {
            s.push_str(&format!(" --stress-deopt={}", self.stress_deopt));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_axis_parses_and_describes_back() {
        let mut o = Options::default();
        for arg in [
            "--dep-index=bloom",
            "--invalidate=poll",
            "--running-frames=eager",
            "--globals=cell",
            "--thrash=never:3",
            "--adaptive",
            "--hot-calls=10",
            "--hot-loops=20",
            "--stress-deopt=7",
        ] {
            assert_eq!(o.apply(arg), Ok(true), "{arg}");
        }
        let described = o.describe();
        let mut again = Options::default();
        for arg in described.split(' ') {
            assert_eq!(again.apply(arg), Ok(true), "{arg}");
        }
        assert_eq!(again, o);
    }

    #[test]
    fn bad_values_are_errors_and_other_options_are_not_ours() {
        let mut o = Options::default();
        assert_eq!(
            o.apply("--dep-index=fuzzy"),
            Err("--dep-index does not take 'fuzzy'".into())
        );
        assert_eq!(
            o.apply("--thrash=cutoff:x"),
            Err("--thrash needs a number, not 'x'".into())
        );
        assert_eq!(o.apply("--trace=events"), Ok(false));
        assert_eq!(o, Options::default());
    }
}
