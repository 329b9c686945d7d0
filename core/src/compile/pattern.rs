//! `match` statements.
//!
//! The subject and every sub-value a pattern looks at live in hidden fast slots, so a
//! failing test simply jumps to the next case with the operand stack as it was.
//! Names a pattern captures are collected and stored only once the whole pattern has
//! matched, as CPython does.

use super::{CResult, Compiler, Label};
use crate::code::{CmpOp, Instr, Invert};
use crate::object::Value;
use crate::parse::ast::{self, Pattern};

/// (captured name, slot holding its value)
type Captures = Vec<(String, u32)>;

impl Compiler<'_> {
    pub(super) fn match_stmt(&mut self, m: &ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let subject = self.temp_slot();
        self.emit(Instr::StoreFast(subject));
        let end = self.new_label();
        for case in &m.cases {
            self.set_position(case);
            let next = self.new_label();
            let mut caps = Captures::new();
            self.pattern(&case.pattern, subject, next, &mut caps)?;
            for (name, slot) in &caps {
                self.emit(Instr::LoadFast(*slot));
                self.store_name(name);
            }
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, next)?;
            }
            self.stmts(&case.body)?;
            self.emit_jump(Instr::Jump, end);
            self.bind(next);
        }
        self.bind(end);
        Ok(())
    }

    /// A fresh hidden local for a value under test.
    fn temp_slot(&mut self) -> u32 {
        let n = self.unit().temps;
        self.unit().temps += 1;
        self.unit().local_slot(&format!(".match{n}"))
    }

    /// Test the value in `src` against `p`; jump to `fail` if it does not match.
    fn pattern(&mut self, p: &Pattern, src: u32, fail: Label, caps: &mut Captures) -> CResult<()> {
        match p {
            Pattern::MatchValue(v) => {
                self.emit(Instr::LoadFast(src));
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq));
                self.emit_jump(Instr::PopJumpIfFalse, fail);
            }
            Pattern::MatchSingleton(s) => {
                self.emit(Instr::LoadFast(src));
                self.load_const(match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                });
                self.emit(Instr::IsOp(Invert::No));
                self.emit_jump(Instr::PopJumpIfFalse, fail);
            }
            Pattern::MatchAs(a) => {
                if let Some(sub) = &a.pattern {
                    self.pattern(sub, src, fail, caps)?;
                }
                if let Some(name) = &a.name {
                    self.capture(name.id.as_str(), src, caps, p)?;
                }
            }
            Pattern::MatchStar(_) => {
                return Err(self.error(p, "can't use starred name here"));
            }
            Pattern::MatchOr(o) => self.or_pattern(&o.patterns, src, fail, caps)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, src, fail, caps)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, src, fail, caps)?,
            Pattern::MatchClass(c) => self.class_pattern(c, src, fail, caps)?,
        }
        Ok(())
    }

    fn capture(&mut self, name: &str, slot: u32, caps: &mut Captures, p: &Pattern) -> CResult<()> {
        if caps.iter().any(|(n, _)| n == name) {
            return Err(self.error(
                p,
                &format!("multiple assignments to name '{name}' in pattern"),
            ));
        }
        caps.push((name.to_string(), slot));
        Ok(())
    }

    fn or_pattern(
        &mut self,
        alts: &[Pattern],
        src: u32,
        fail: Label,
        caps: &mut Captures,
    ) -> CResult<()> {
        let done = self.new_label();
        let mut shared: Option<Vec<(String, u32)>> = None;
        for (i, alt) in alts.iter().enumerate() {
            let alt_fail = if i + 1 < alts.len() {
                self.new_label()
            } else {
                fail
            };
            let mut mine = Captures::new();
            self.pattern(alt, src, alt_fail, &mut mine)?;
            mine.sort_by(|a, b| a.0.cmp(&b.0));
            // Every alternative binds the same names into the same slots.
            let targets = match &shared {
                Some(s) => {
                    let same =
                        s.len() == mine.len() && s.iter().zip(&mine).all(|(a, b)| a.0 == b.0);
                    if !same {
                        return Err(self.error(alt, "alternative patterns bind different names"));
                    }
                    s.clone()
                }
                None => {
                    let s: Vec<(String, u32)> = mine
                        .iter()
                        .map(|(n, _)| (n.clone(), self.temp_slot()))
                        .collect();
                    shared = Some(s.clone());
                    s
                }
            };
            for ((_, from), (_, to)) in mine.iter().zip(&targets) {
                self.emit(Instr::LoadFast(*from));
                self.emit(Instr::StoreFast(*to));
            }
            self.emit_jump(Instr::Jump, done);
            if i + 1 < alts.len() {
                self.bind(alt_fail);
            }
        }
        self.bind(done);
        for (name, slot) in shared.unwrap_or_default() {
            caps.push((name, slot));
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        items: &[Pattern],
        src: u32,
        fail: Label,
        caps: &mut Captures,
    ) -> CResult<()> {
        let star = items
            .iter()
            .position(|p| matches!(p, Pattern::MatchStar(_)));
        if items
            .iter()
            .filter(|p| matches!(p, Pattern::MatchStar(_)))
            .count()
            > 1
        {
            return Err(self.error(&items[0], "multiple starred names in sequence pattern"));
        }
        self.emit(Instr::LoadFast(src));
        self.emit(Instr::MatchSequence);
        self.emit_jump(Instr::PopJumpIfFalse, fail);
        let fixed = items.len() - star.is_some() as usize;
        self.emit(Instr::LoadFast(src));
        self.emit(Instr::GetLen);
        self.load_const(Value::Int(fixed as i64));
        self.emit(Instr::CompareOp(if star.is_some() {
            CmpOp::Ge
        } else {
            CmpOp::Eq
        }));
        self.emit_jump(Instr::PopJumpIfFalse, fail);
        for (i, p) in items.iter().enumerate() {
            if let Pattern::MatchStar(s) = p {
                let Some(name) = &s.name else { continue };
                // The middle of the sequence, as a list.
                let after = items.len() - i - 1;
                let slot = self.temp_slot();
                self.emit(Instr::BuildList(0));
                self.emit(Instr::LoadFast(src));
                self.load_const(Value::Int(i as i64));
                if after == 0 {
                    self.load_const(Value::None);
                } else {
                    self.load_const(Value::Int(-(after as i64)));
                }
                self.emit(Instr::BuildSlice(2));
                self.emit(Instr::BinarySubscr);
                self.emit(Instr::ListExtend(1));
                self.emit(Instr::StoreFast(slot));
                self.capture(name.id.as_str(), slot, caps, p)?;
                continue;
            }
            if matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none()) {
                continue;
            }
            let index = match star {
                Some(s) if i > s => -((items.len() - i) as i64),
                _ => i as i64,
            };
            let slot = self.temp_slot();
            self.emit(Instr::LoadFast(src));
            self.load_const(Value::Int(index));
            self.emit(Instr::BinarySubscr);
            self.emit(Instr::StoreFast(slot));
            self.pattern(p, slot, fail, caps)?;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        m: &ast::PatternMatchMapping,
        src: u32,
        fail: Label,
        caps: &mut Captures,
    ) -> CResult<()> {
        self.emit(Instr::LoadFast(src));
        self.emit(Instr::MatchMapping);
        self.emit_jump(Instr::PopJumpIfFalse, fail);
        for (key, p) in m.keys.iter().zip(m.patterns.iter()) {
            let slot = self.temp_slot();
            self.emit(Instr::LoadFast(src));
            self.expr(key)?;
            self.emit(Instr::MatchGet(slot));
            self.emit_jump(Instr::PopJumpIfFalse, fail);
            self.pattern(p, slot, fail, caps)?;
        }
        if let Some(rest) = &m.rest {
            let slot = self.temp_slot();
            self.emit(Instr::BuildMap(0));
            self.emit(Instr::LoadFast(src));
            self.emit(Instr::DictUpdate(1));
            for key in m.keys.iter() {
                self.emit(Instr::Copy(1));
                self.expr(key)?;
                self.emit(Instr::DeleteSubscr);
            }
            self.emit(Instr::StoreFast(slot));
            let as_pattern = Pattern::MatchStar(ast::PatternMatchStar {
                node_index: Default::default(),
                range: rest.range,
                name: Some(rest.clone()),
            });
            self.capture(rest.id.as_str(), slot, caps, &as_pattern)?;
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        c: &ast::PatternMatchClass,
        src: u32,
        fail: Label,
        caps: &mut Captures,
    ) -> CResult<()> {
        let cls = self.temp_slot();
        self.expr(&c.cls)?;
        self.emit(Instr::StoreFast(cls));
        self.emit(Instr::LoadFast(src));
        self.emit(Instr::LoadFast(cls));
        self.emit(Instr::MatchClass(c.arguments.patterns.len() as u32));
        self.emit_jump(Instr::PopJumpIfFalse, fail);
        for (i, p) in c.arguments.patterns.iter().enumerate() {
            let slot = self.temp_slot();
            self.emit(Instr::LoadFast(src));
            self.emit(Instr::LoadFast(cls));
            self.emit(Instr::MatchArgName(i as u32));
            self.emit(Instr::MatchAttr(slot));
            self.emit_jump(Instr::PopJumpIfFalse, fail);
            self.pattern(p, slot, fail, caps)?;
        }
        for kw in &c.arguments.keywords {
            let slot = self.temp_slot();
            self.emit(Instr::LoadFast(src));
            self.load_const(Value::Str(crate::object::str::intern(kw.attr.id.as_str())));
            self.emit(Instr::MatchAttr(slot));
            self.emit_jump(Instr::PopJumpIfFalse, fail);
            self.pattern(&kw.pattern, slot, fail, caps)?;
        }
        Ok(())
    }
}
