//! Syntax tree to bytecode, one code object per module, class body, function, lambda and
//! comprehension. `break`, `continue` and `return` leave `try`/`with` blocks by running their
//! cleanup inline, as CPython's compiler does, so the VM needs no special unwinding for them.

use std::rc::Rc;

use super::ast::*;
use super::code::{Code, CodeKind, Instr};
use super::error::SyntaxError;
use super::symtable::{build, node_key, NameKind, ScopeKind, SymbolTable};
use super::value::{Interner, Value};

pub fn compile_module(
    module: &[Stmt],
    source: &str,
    filename: &str,
    interner: &mut Interner,
) -> Result<Rc<Code>, SyntaxError> {
    let lines: Vec<&str> = source.lines().collect();
    let table = build(module, &lines)?;
    let mut compiler = Compiler {
        table: &table,
        interner,
        filename: filename.into(),
        lines: &lines,
        units: Vec::new(),
    };
    let top_level_await = table.scopes[0].has_await;
    compiler.push_unit(0, "<module>".into(), "<module>".into(), 1, true);
    compiler.unit().doc = docstring(module);
    for stmt in module {
        compiler.stmt(stmt)?;
    }
    compiler.emit_const(Value::None);
    compiler.emit(Instr::Return);
    let mut code = compiler.pop_unit(CodeKind::Module, None);
    if let Some(code) = Rc::get_mut(&mut code) {
        code.top_level_await = top_level_await;
    }
    Ok(code)
}

const STAR_EXIT: &str = "'break', 'continue' and 'return' cannot appear in an except* block";

/// What a `break`, `continue` or `return` has to undo on its way out.
#[derive(Clone)]
enum Block {
    /// A loop: where `continue` goes, where `break` goes, and whether an iterator is on the
    /// stack to drop.
    Loop {
        start: usize,
        breaks: Vec<usize>,
        has_iterator: bool,
    },
    Except,
    Finally(Rc<Vec<Stmt>>),
    /// Inside an `except` body: leaving it ends the handling (and unbinds the name).
    Handler(Option<Rc<str>>),
    /// Inside an `except*` body: nothing may leave it but its end or an exception.
    StarHandler,
    With {
        is_async: bool,
    },
}

struct Unit {
    scope: usize,
    name: Rc<str>,
    qualname: Rc<str>,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    consts: Vec<Value>,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    blocks: Vec<Block>,
    line: u32,
    first_line: u32,
    /// Whether `await` may appear here (an `async def`, or the module as a notebook cell).
    is_async: bool,
    doc: Option<Rc<str>>,
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    interner: &'a mut Interner,
    filename: Rc<str>,
    lines: &'a [&'a str],
    units: Vec<Unit>,
}

type Done = Result<(), SyntaxError>;

impl Compiler<'_> {
    fn unit(&mut self) -> &mut Unit {
        let last = self.units.len() - 1;
        &mut self.units[last]
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units[self.units.len() - 1].scope].kind()
    }

    fn error(&self, message: &str, pos: Pos) -> SyntaxError {
        let text = self
            .lines
            .get((pos.line as usize).wrapping_sub(1))
            .map(|l| l.to_string())
            .unwrap_or_default();
        SyntaxError::new(message, pos.line, pos.col, text)
    }

    fn push_unit(
        &mut self,
        scope: usize,
        name: Rc<str>,
        qualname: Rc<str>,
        first_line: u32,
        is_async: bool,
    ) {
        let info = &self.table.scopes[scope];
        let mut varnames = info.params.clone();
        for local in &info.locals {
            if !varnames.contains(local)
                && matches!(
                    info.names.get(local),
                    Some(NameKind::Local | NameKind::Cell)
                )
            {
                varnames.push(local.clone());
            }
        }
        if matches!(info.kind(), ScopeKind::Module | ScopeKind::Class) {
            varnames.clear();
        }
        self.units.push(Unit {
            scope,
            name,
            qualname,
            instrs: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            varnames,
            cellvars: info.cellvars(),
            freevars: info.freevars(),
            blocks: Vec::new(),
            line: first_line,
            first_line,
            is_async,
            doc: None,
        });
    }

    fn pop_unit(&mut self, kind: CodeKind, args: Option<&Arguments>) -> Rc<Code> {
        let unit = self.units.pop().unwrap_or_else(|| Unit {
            scope: 0,
            name: "".into(),
            qualname: "".into(),
            instrs: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            blocks: Vec::new(),
            line: 0,
            first_line: 0,
            is_async: false,
            doc: None,
        });
        let cell_args = unit
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(cell, name)| {
                unit.varnames
                    .iter()
                    .position(|v| v == name)
                    .map(|local| (local as u32, cell as u32))
            })
            .collect();
        let (argcount, posonly, kwonly, varargs, varkw) = match args {
            Some(a) => (
                a.args.len() as u32,
                a.posonly as u32,
                a.kwonly.len() as u32,
                a.vararg.is_some(),
                a.kwarg.is_some(),
            ),
            None => (0, 0, 0, false, false),
        };
        Rc::new(Code {
            name: unit.name,
            qualname: unit.qualname,
            filename: self.filename.clone(),
            kind,
            instrs: unit.instrs,
            lines: unit.lines,
            consts: unit.consts,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            cell_args,
            argcount,
            posonly,
            kwonly,
            varargs,
            varkw,
            top_level_await: false,
            first_line: unit.first_line,
            doc: unit.doc,
        })
    }

    fn emit(&mut self, instr: Instr) -> usize {
        let unit = self.unit();
        unit.instrs.push(instr);
        let line = unit.line;
        unit.lines.push(line);
        unit.instrs.len() - 1
    }

    fn here(&mut self) -> usize {
        self.unit().instrs.len()
    }

    /// Points the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }

    fn patch_to(&mut self, at: usize, target: u32) {
        let instr = &mut self.unit().instrs[at];
        *instr = match *instr {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupExcept(_) => Instr::SetupExcept(target),
            Instr::SetupFinally(_) => Instr::SetupFinally(target),
            other => other,
        };
    }

    fn constant(&mut self, value: Value) -> u32 {
        let unit = self.unit();
        unit.consts.push(value);
        (unit.consts.len() - 1) as u32
    }

    fn emit_const(&mut self, value: Value) {
        let index = self.constant(value);
        self.emit(Instr::LoadConst(index));
    }

    fn symbol(&mut self, name: &str) -> u32 {
        self.interner.intern(name)
    }

    fn set_line(&mut self, pos: Pos) {
        if pos.line > 0 {
            self.unit().line = pos.line;
        }
    }

    // ----- names ----------------------------------------------------------------------

    fn name_kind(&self, name: &str) -> NameKind {
        let scope = &self.table.scopes[self.units[self.units.len() - 1].scope];
        scope.lookup(name)
    }

    fn deref_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        if let Some(i) = unit.cellvars.iter().position(|c| &**c == name) {
            return i as u32;
        }
        let cells = unit.cellvars.len();
        (cells + unit.freevars.iter().position(|c| &**c == name).unwrap_or(0)) as u32
    }

    fn local_index(&mut self, name: &str) -> u32 {
        let unit = self.unit();
        match unit.varnames.iter().position(|v| &**v == name) {
            Some(i) => i as u32,
            None => {
                unit.varnames.push(name.into());
                (unit.varnames.len() - 1) as u32
            }
        }
    }

    fn load_name(&mut self, name: &str) {
        let scope = self.scope_kind();
        let kind = self.name_kind(name);
        let instr = match (scope, kind) {
            (ScopeKind::Class, NameKind::Free | NameKind::Cell) => {
                Instr::LoadDeref(self.deref_index(name))
            }
            (ScopeKind::Class, _) => Instr::LoadName(self.symbol(name)),
            (_, NameKind::Local) if scope != ScopeKind::Module => {
                Instr::LoadFast(self.local_index(name))
            }
            (_, NameKind::Cell | NameKind::Free) => Instr::LoadDeref(self.deref_index(name)),
            _ => Instr::LoadGlobal(self.symbol(name)),
        };
        self.emit(instr);
    }

    fn store_name(&mut self, name: &str) {
        let scope = self.scope_kind();
        let kind = self.name_kind(name);
        let instr = match (scope, kind) {
            (ScopeKind::Class, NameKind::Global) if self.is_explicit_global(name) => {
                Instr::StoreGlobal(self.symbol(name))
            }
            (ScopeKind::Class, NameKind::Free) => Instr::StoreDeref(self.deref_index(name)),
            (ScopeKind::Class, _) => Instr::StoreName(self.symbol(name)),
            (_, NameKind::Local) if scope != ScopeKind::Module => {
                Instr::StoreFast(self.local_index(name))
            }
            (_, NameKind::Cell | NameKind::Free) => Instr::StoreDeref(self.deref_index(name)),
            _ => Instr::StoreGlobal(self.symbol(name)),
        };
        self.emit(instr);
    }

    fn is_explicit_global(&self, _name: &str) -> bool {
        false
    }

    fn delete_name(&mut self, name: &str) {
        let scope = self.scope_kind();
        let kind = self.name_kind(name);
        let instr = match (scope, kind) {
            (ScopeKind::Class, _) => Instr::DeleteName(self.symbol(name)),
            (_, NameKind::Local) if scope != ScopeKind::Module => {
                Instr::DeleteFast(self.local_index(name))
            }
            _ => Instr::DeleteGlobal(self.symbol(name)),
        };
        self.emit(instr);
    }

    // ----- statements -----------------------------------------------------------------

    fn stmts(&mut self, stmts: &[Stmt]) -> Done {
        for stmt in stmts {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Done {
        self.set_line(stmt.pos);
        match &stmt.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.store(target)?;
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign(target, annotation, value) => {
                if let Some(value) = value {
                    self.expr(value)?;
                    self.store(target)?;
                }
                if let (ExprKind::Name(name), ScopeKind::Class) = (&target.kind, self.scope_kind())
                {
                    self.annotation(annotation)?;
                    let annotations = self.symbol("__annotations__");
                    self.emit(Instr::LoadName(annotations));
                    self.emit_const(Value::Str(name.clone()));
                    self.emit(Instr::StoreSubscript);
                }
            }
            StmtKind::If(test, body, orelse) => {
                self.expr(test)?;
                let jump = self.emit(Instr::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    self.patch(jump);
                } else {
                    let end = self.emit(Instr::Jump(0));
                    self.patch(jump);
                    self.stmts(orelse)?;
                    self.patch(end);
                }
            }
            StmtKind::While(test, body, orelse) => {
                let start = self.here();
                self.expr(test)?;
                let exit = self.emit(Instr::PopJumpIfFalse(0));
                self.unit().blocks.push(Block::Loop {
                    start,
                    breaks: Vec::new(),
                    has_iterator: false,
                });
                self.stmts(body)?;
                self.emit(Instr::Jump(start as u32));
                let breaks = self.pop_loop();
                self.patch(exit);
                self.stmts(orelse)?;
                for b in breaks {
                    self.patch(b);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse, stmt.pos)?;
                } else {
                    self.expr(iter)?;
                    self.emit(Instr::GetIter);
                    let start = self.here();
                    let exit = self.emit(Instr::ForIter(0));
                    self.unit().blocks.push(Block::Loop {
                        start,
                        breaks: Vec::new(),
                        has_iterator: true,
                    });
                    self.store(target)?;
                    self.stmts(body)?;
                    self.emit(Instr::Jump(start as u32));
                    let breaks = self.pop_loop();
                    self.patch(exit);
                    self.stmts(orelse)?;
                    for b in breaks {
                        self.patch(b);
                    }
                }
            }
            StmtKind::FunctionDef(def) => {
                for decorator in &def.decorators {
                    self.expr(decorator)?;
                }
                self.function(def, stmt.pos)?;
                for _ in &def.decorators {
                    self.emit(Instr::Call(1));
                }
                self.store_name(&def.name);
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            } => {
                for decorator in decorators {
                    self.expr(decorator)?;
                }
                self.class(stmt, name, bases, keywords, body)?;
                for _ in decorators {
                    self.emit(Instr::Call(1));
                }
                self.store_name(name);
            }
            StmtKind::Return(value) => {
                if self.scope_kind() != ScopeKind::Function
                    && self.scope_kind() != ScopeKind::Comprehension
                {
                    return Err(self.error("'return' outside function", stmt.pos));
                }
                if self
                    .unit()
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::StarHandler))
                {
                    return Err(self.error(STAR_EXIT, stmt.pos));
                }
                match value {
                    Some(value) => self.expr(value)?,
                    None => self.emit_const(Value::None),
                }
                self.unwind_all(true)?;
                self.emit(Instr::Return);
            }
            StmtKind::Pass => {}
            StmtKind::Break => self.break_or_continue(true, stmt.pos)?,
            StmtKind::Continue => self.break_or_continue(false, stmt.pos)?,
            StmtKind::Raise(exc, cause) => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(exc), None) => {
                        self.expr(exc)?;
                        1
                    }
                    (Some(exc), Some(cause)) => {
                        self.expr(exc)?;
                        self.expr(cause)?;
                        2
                    }
                };
                self.emit(Instr::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    let finalbody = finalbody.clone();
                    let handler = self.emit(Instr::SetupFinally(0));
                    self.unit().blocks.push(Block::Finally(finalbody.clone()));
                    if handlers.is_empty() {
                        self.stmts(body)?;
                    } else {
                        self.try_except(body, handlers, orelse)?;
                    }
                    self.unit().blocks.pop();
                    self.emit(Instr::PopBlock);
                    self.stmts(&finalbody)?;
                    let end = self.emit(Instr::Jump(0));
                    self.patch(handler);
                    // An exception is on the stack, being handled.
                    self.unit().blocks.push(Block::Handler(None));
                    self.stmts(&finalbody)?;
                    self.unit().blocks.pop();
                    self.emit(Instr::Reraise);
                    self.patch(end);
                }
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => self.with(items, body, *is_async, stmt.pos)?,
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    let symbol = self.symbol(&alias.name);
                    self.emit(Instr::ImportName(symbol));
                    if let Some((top, _)) = alias.name.split_once('.') {
                        // `import a.b` loads a.b, then names (or walks from) the package a.
                        self.emit(Instr::Pop);
                        let top = self.symbol(top);
                        self.emit(Instr::ImportName(top));
                    }
                    match &alias.asname {
                        Some(asname) => {
                            for part in alias.name.split('.').skip(1) {
                                let part = self.symbol(part);
                                self.emit(Instr::LoadAttr(part));
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let top: Rc<str> =
                                alias.name.split('.').next().unwrap_or_default().into();
                            self.store_name(&top);
                        }
                    }
                }
            }
            StmtKind::ImportFrom(module, aliases) => {
                let symbol = self.symbol(module);
                self.emit(Instr::ImportName(symbol));
                if aliases.len() == 1 && &*aliases[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for alias in aliases {
                        let symbol = self.symbol(&alias.name);
                        self.emit(Instr::ImportFrom(symbol));
                        let bound = alias.asname.clone().unwrap_or_else(|| alias.name.clone());
                        self.store_name(&bound);
                    }
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Assert(test, message) => {
                self.expr(test)?;
                let ok = self.emit(Instr::PopJumpIfTrue(0));
                self.emit(Instr::LoadAssertionError);
                if let Some(message) = message {
                    self.expr(message)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.patch(ok);
            }
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.delete(target)?;
                }
            }
            StmtKind::Match(subject, cases) => self.match_statement(subject, cases)?,
        }
        Ok(())
    }

    /// The subject stays on the stack while each case is tried (`MatchCase`), its captures
    /// stored and its guard tested; a case that is taken pops it before its body.
    fn match_statement(&mut self, subject: &Expr, cases: &[MatchCase]) -> Done {
        self.expr(subject)?;
        let mut ends = Vec::new();
        for (i, case) in cases.iter().enumerate() {
            self.set_line(case.pos);
            if i + 1 < cases.len() && case.guard.is_none() {
                if let Some(why) = irrefutable(&case.pattern) {
                    let at = Pos {
                        line: case.pos.line,
                        col: case.pos.col + 5,
                    };
                    let message = format!("{why} makes remaining patterns unreachable");
                    return Err(self.error(&message, at));
                }
            }
            let mut plan = PatternPlan::default();
            let encoded = plan
                .encode(&case.pattern)
                .map_err(|message| self.error(message, case.pos))?;
            for value in &plan.values {
                self.expr(value)?;
            }
            let header = Value::tuple(vec![
                Value::Int(plan.values.len() as i64),
                Value::Int(plan.names.len() as i64),
                encoded,
            ]);
            let index = self.constant(header);
            self.emit(Instr::MatchCase(index));
            let no_match = self.emit(Instr::PopJumpIfFalse(0));
            if plan.names.is_empty() {
                self.emit(Instr::Pop);
            } else {
                self.emit(Instr::UnpackSequence(plan.names.len() as u32));
                for name in &plan.names {
                    let target = Expr {
                        pos: case.pos,
                        kind: ExprKind::Name(name.clone()),
                    };
                    self.store(&target)?;
                }
            }
            let guard_failed = match &case.guard {
                Some(guard) => {
                    self.expr(guard)?;
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                }
                None => None,
            };
            self.emit(Instr::Pop);
            self.stmts(&case.body)?;
            ends.push(self.emit(Instr::Jump(0)));
            self.patch(no_match);
            if let Some(at) = guard_failed {
                self.patch(at);
            }
        }
        self.emit(Instr::Pop);
        for end in ends {
            self.patch(end);
        }
        Ok(())
    }

    fn pop_loop(&mut self) -> Vec<usize> {
        match self.unit().blocks.pop() {
            Some(Block::Loop { breaks, .. }) => breaks,
            _ => Vec::new(),
        }
    }

    /// Runs the cleanup of every block down to the innermost loop, then jumps.
    fn break_or_continue(&mut self, is_break: bool, pos: Pos) -> Done {
        let Some(loop_at) = self
            .unit()
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }))
        else {
            return Err(self.error(
                if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                },
                pos,
            ));
        };
        let inner: Vec<Block> = self.unit().blocks[loop_at + 1..].to_vec();
        if inner.iter().any(|b| matches!(b, Block::StarHandler)) {
            return Err(self.error(STAR_EXIT, pos));
        }
        let saved = self.unit().blocks.clone();
        for (depth, block) in inner.iter().enumerate().rev() {
            self.unit().blocks.truncate(loop_at + 1 + depth);
            self.unwind(block, false)?;
        }
        self.unit().blocks = saved;
        let Some(Block::Loop {
            start,
            has_iterator,
            ..
        }) = self.unit().blocks.get(loop_at).cloned()
        else {
            return Ok(());
        };
        if is_break {
            if has_iterator {
                self.emit(Instr::Pop);
            }
            let jump = self.emit(Instr::Jump(0));
            if let Some(Block::Loop { breaks, .. }) = self.unit().blocks.get_mut(loop_at) {
                breaks.push(jump);
            }
        } else {
            self.emit(Instr::Jump(start as u32));
        }
        Ok(())
    }

    /// Before `return`: the cleanup of every enclosing block (the value stays on top).
    fn unwind_all(&mut self, with_value: bool) -> Done {
        let blocks = self.unit().blocks.clone();
        for (depth, block) in blocks.iter().enumerate().rev() {
            self.unit().blocks.truncate(depth);
            if let Block::Loop {
                has_iterator: true, ..
            } = block
            {
                continue;
            }
            self.unwind(block, with_value)?;
        }
        self.unit().blocks = blocks;
        Ok(())
    }

    fn unwind(&mut self, block: &Block, with_value: bool) -> Done {
        match block {
            Block::Loop { .. } => {}
            Block::Except => {
                self.emit(Instr::PopBlock);
            }
            Block::Finally(body) => {
                self.emit(Instr::PopBlock);
                self.stmts(&body.clone())?;
            }
            Block::StarHandler => {}
            Block::Handler(name) => {
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.emit_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                }
            }
            Block::With { is_async } => {
                self.emit(Instr::PopBlock);
                if with_value {
                    self.emit(Instr::Rot2);
                }
                self.call_exit_with_none(*is_async);
            }
        }
        Ok(())
    }

    /// `exit(None, None, None)` on the `__exit__` on top (awaited for `async with`).
    fn call_exit_with_none(&mut self, is_async: bool) {
        self.emit_const(Value::None);
        self.emit(Instr::Dup);
        self.emit(Instr::Dup);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit_await();
        }
        self.emit(Instr::Pop);
    }

    fn emit_await(&mut self) {
        self.emit(Instr::GetAwaitable);
        self.emit_const(Value::None);
        self.emit(Instr::YieldFrom);
    }

    /// The `try` body under an exception handler, then the `else` clause: returns the jump
    /// over the handlers (to patch), with the handler's code to follow from here.
    fn guarded_body(&mut self, body: &[Stmt], orelse: &[Stmt]) -> Result<usize, SyntaxError> {
        let setup = self.emit(Instr::SetupExcept(0));
        self.unit().blocks.push(Block::Except);
        self.stmts(body)?;
        self.unit().blocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        let done = self.emit(Instr::Jump(0));
        self.patch(setup);
        Ok(done)
    }

    /// `try: … except* T as e: …`: the exception (wrapped in a group if it is not one) is
    /// split clause by clause by the prelude's `_ExceptStar`, which then says what, if
    /// anything, goes on: what no clause took, what the clauses raised.
    fn try_except_star(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> Done {
        let done = self.guarded_body(body, orelse)?;
        // [exc] → [state]
        let helper = self.symbol("__except_star");
        self.emit(Instr::LoadGlobal(helper));
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        for handler in handlers {
            self.set_line(handler.pos);
            let Some(kind) = &handler.kind else {
                return Err(self.error("expected one or more exception types", handler.pos));
            };
            // [state] → [state, match or None]
            self.emit(Instr::Dup);
            let take = self.symbol("take");
            self.emit(Instr::LoadAttr(take));
            self.expr(kind)?;
            self.emit(Instr::Call(1));
            self.emit(Instr::Dup);
            let no_match = self.emit(Instr::PopJumpIfFalse(0));
            self.emit(Instr::Dup);
            self.emit(Instr::PushExcInfo);
            match &handler.name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            let guard = self.emit(Instr::SetupExcept(0));
            self.unit().blocks.push(Block::StarHandler);
            self.stmts(&handler.body)?;
            self.unit().blocks.pop();
            self.emit(Instr::PopBlock);
            self.emit(Instr::PopExcept);
            let next = self.emit(Instr::Jump(0));
            // [state, raised] → state.raised_in_clause(raised) → [state]
            self.patch(guard);
            self.emit(Instr::Rot2);
            self.emit(Instr::Dup);
            let raised = self.symbol("raised_in_clause");
            self.emit(Instr::LoadAttr(raised));
            self.emit(Instr::Rot3);
            self.emit(Instr::Rot3);
            self.emit(Instr::Call(1));
            self.emit(Instr::Pop);
            self.emit(Instr::PopExcept);
            self.emit(Instr::PopExcept);
            self.patch(next);
            if let Some(name) = &handler.name {
                self.emit_const(Value::None);
                self.store_name(name);
                self.delete_name(name);
            }
            let after = self.emit(Instr::Jump(0));
            // No match: [state, None] → [state]
            self.patch(no_match);
            self.emit(Instr::Pop);
            self.patch(after);
        }
        // [state] → what goes on (an exception, re-raised as is) or None
        let finish = self.symbol("finish");
        self.emit(Instr::LoadAttr(finish));
        self.emit(Instr::Call(0));
        self.emit(Instr::Dup);
        let nothing = self.emit(Instr::PopJumpIfFalse(0));
        self.emit(Instr::Reraise);
        self.patch(nothing);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.patch(done);
        Ok(())
    }

    fn try_except(&mut self, body: &[Stmt], handlers: &[Handler], orelse: &[Stmt]) -> Done {
        if handlers.first().is_some_and(|h| h.star) {
            return self.try_except_star(body, handlers, orelse);
        }
        let mut ends = vec![self.guarded_body(body, orelse)?];
        // The exception is on top, and the current one being handled.
        for handler in handlers {
            self.set_line(handler.pos);
            let next = match &handler.kind {
                Some(kind) => {
                    self.expr(kind)?;
                    self.emit(Instr::ExceptionMatch);
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                }
                None => None,
            };
            match &handler.name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.unit()
                .blocks
                .push(Block::Handler(handler.name.clone()));
            self.stmts(&handler.body)?;
            self.unit().blocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(name) = &handler.name {
                self.emit_const(Value::None);
                self.store_name(name);
                self.delete_name(name);
            }
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(next) = next {
                self.patch(next);
            }
        }
        self.emit(Instr::Reraise);
        for end in ends {
            self.patch(end);
        }
        Ok(())
    }

    fn with(
        &mut self,
        items: &[(Expr, Option<Expr>)],
        body: &[Stmt],
        is_async: bool,
        pos: Pos,
    ) -> Done {
        let Some(((context, target), rest)) = items.split_first() else {
            return self.stmts(body);
        };
        if is_async && !self.in_async_function() {
            return Err(self.error("'async with' outside async function", pos));
        }
        let (enter, exit) = if is_async {
            ("__aenter__", "__aexit__")
        } else {
            ("__enter__", "__exit__")
        };
        self.expr(context)?;
        self.emit(Instr::CheckContextManager(is_async));
        self.emit(Instr::Dup);
        let exit = self.symbol(exit);
        self.emit(Instr::LoadAttr(exit));
        self.emit(Instr::Rot2);
        let enter = self.symbol(enter);
        self.emit(Instr::LoadMethod(enter));
        self.emit(Instr::CallMethod(0));
        if is_async {
            self.emit_await();
        }
        match target {
            Some(target) => self.store(target)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        let handler = self.emit(Instr::SetupFinally(0));
        self.unit().blocks.push(Block::With { is_async });
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with(rest, body, is_async, pos)?;
        }
        self.unit().blocks.pop();
        self.emit(Instr::PopBlock);
        // Leaving the block runs on the `with` statement's line (as tracebacks show it).
        self.set_line(pos);
        self.call_exit_with_none(is_async);
        let end = self.emit(Instr::Jump(0));
        self.patch(handler);
        self.set_line(pos);
        // [exit, exc]: exit(type(exc), exc, tb); a true result swallows the exception.
        self.emit(Instr::Dup2);
        self.emit(Instr::ExcInfo);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit_await();
        }
        let swallow = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(swallow);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        self.patch(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        pos: Pos,
    ) -> Done {
        if !self.in_async_function() {
            return Err(self.error("'async for' outside async function", pos));
        }
        self.expr(iter)?;
        self.emit(Instr::GetAiter);
        let start = self.here();
        let setup = self.emit(Instr::SetupExcept(0));
        self.emit(Instr::GetAnext);
        self.emit_const(Value::None);
        self.emit(Instr::YieldFrom);
        self.emit(Instr::PopBlock);
        self.unit().blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            has_iterator: true,
        });
        self.store(target)?;
        self.stmts(body)?;
        self.emit(Instr::Jump(start as u32));
        let breaks = self.pop_loop();
        self.patch(setup);
        // [aiter, exc]: StopAsyncIteration ends the loop, anything else goes on (the match
        // leaves the exception on the stack).
        let stop = self.symbol("StopAsyncIteration");
        self.emit(Instr::LoadGlobal(stop));
        self.emit(Instr::ExceptionMatch);
        let other = self.emit(Instr::PopJumpIfFalse(0));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.emit(Instr::Pop);
        self.stmts(orelse)?;
        let end = self.emit(Instr::Jump(0));
        self.patch(other);
        self.emit(Instr::Reraise);
        self.patch(end);
        for b in breaks {
            self.patch(b);
        }
        Ok(())
    }

    fn in_async_function(&self) -> bool {
        self.units[self.units.len() - 1].is_async
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> Done {
        match &target.kind {
            ExprKind::Name(name) => {
                self.load_name(name);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.store_name(name);
            }
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                self.emit(Instr::Dup);
                let symbol = self.symbol(attr);
                self.emit(Instr::LoadAttr(symbol));
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(symbol));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Dup2);
                self.emit(Instr::Subscript);
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscript);
            }
            _ => return Err(self.error("illegal expression for augmented assignment", target.pos)),
        }
        Ok(())
    }

    fn store(&mut self, target: &Expr) -> Done {
        match &target.kind {
            ExprKind::Name(name) => self.store_name(name),
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let symbol = self.symbol(attr);
                self.emit(Instr::StoreAttr(symbol));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscript);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                match items
                    .iter()
                    .position(|i| matches!(i.kind, ExprKind::Starred(_)))
                {
                    Some(star) => {
                        let after = items.len() - star - 1;
                        self.emit(Instr::UnpackEx(star as u16, after as u16));
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.store(inner)?,
                        _ => self.store(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(self.error(
                    "starred assignment target must be in a list or tuple",
                    target.pos,
                ))
            }
            _ => return Err(self.error("cannot assign to expression", target.pos)),
        }
        Ok(())
    }

    fn delete(&mut self, target: &Expr) -> Done {
        match &target.kind {
            ExprKind::Name(name) => self.delete_name(name),
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let symbol = self.symbol(attr);
                self.emit(Instr::DeleteAttr(symbol));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscript);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for item in items {
                    self.delete(item)?;
                }
            }
            _ => return Err(self.error("cannot delete expression", target.pos)),
        }
        Ok(())
    }

    // ----- functions and classes ------------------------------------------------------

    fn qualname(&self, name: &str) -> Rc<str> {
        let parent = &self.units[self.units.len() - 1];
        match self.table.scopes[parent.scope].kind() {
            ScopeKind::Module => name.into(),
            ScopeKind::Class => format!("{}.{name}", parent.qualname).into(),
            _ => format!("{}.<locals>.{name}", parent.qualname).into(),
        }
    }

    /// An annotation's value: evaluated, or its text under `from __future__ import annotations`.
    fn annotation(&mut self, annotation: &Expr) -> Done {
        if self.table.future_annotations {
            self.emit_const(Value::Str(unparse(annotation).into()));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    /// Pushes the defaults, kw-defaults, annotations and closure of a function about to be
    /// made; returns the flags of `MakeFunction`.
    fn function_prelude(
        &mut self,
        args: &Arguments,
        returns: Option<&Expr>,
        scope: usize,
    ) -> Result<u8, SyntaxError> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = args
            .args
            .iter()
            .filter_map(|a| a.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<(&Rc<str>, &Expr)> = args
            .kwonly
            .iter()
            .filter_map(|a| a.default.as_ref().map(|d| (&a.name, d)))
            .collect();
        if !kwdefaults.is_empty() {
            for (name, d) in &kwdefaults {
                self.emit_const(Value::Str((*name).clone()));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        let annotations: Vec<(&str, &Expr)> = args
            .annotations
            .iter()
            .map(|(name, annotation)| (&**name, annotation))
            .chain(returns.map(|annotation| ("return", annotation)))
            .collect();
        if !annotations.is_empty() {
            for (name, annotation) in &annotations {
                self.emit_const(Value::Str((*name).into()));
                self.annotation(annotation)?;
            }
            self.emit(Instr::BuildMap(annotations.len() as u32));
            flags |= 8;
        }
        let frees = self.table.scopes[scope].freevars();
        if !frees.is_empty() {
            for name in &frees {
                let index = self.deref_index(name);
                self.emit(Instr::LoadClosure(index));
            }
            self.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        Ok(flags)
    }

    fn function(&mut self, def: &FunctionDef, pos: Pos) -> Done {
        let Some(&scope) = self.table.by_node.get(&node_key(def)) else {
            return Err(self.error("internal: no scope", pos));
        };
        let flags = self.function_prelude(&def.args, def.returns.as_ref(), scope)?;
        let qualname = self.qualname(&def.name);
        // As CPython's `co_firstlineno`: a decorated function starts at its first decorator.
        let first_line = def.decorators.first().map_or(pos.line, |d| d.pos.line);
        self.push_unit(scope, def.name.clone(), qualname, first_line, def.is_async);
        self.unit().doc = docstring(&def.body);
        let info = &self.table.scopes[scope];
        let kind = match (def.is_async, info.is_generator) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Coroutine,
            (false, true) => CodeKind::Generator,
            (false, false) => CodeKind::Function,
        };
        // An `await` in a plain function is refused where it stands, as the body compiles.
        self.stmts(&def.body)?;
        self.emit_const(Value::None);
        self.emit(Instr::Return);
        let code = self.pop_unit(kind, Some(&def.args));
        self.emit_const(Value::Code(code));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn lambda(&mut self, expr: &Expr, args: &Arguments, body: &Expr) -> Done {
        let Some(&scope) = self.table.by_node.get(&node_key(expr)) else {
            return Err(self.error("internal: no scope", expr.pos));
        };
        let flags = self.function_prelude(args, None, scope)?;
        let qualname = self.qualname("<lambda>");
        self.push_unit(scope, "<lambda>".into(), qualname, expr.pos.line, false);
        if self.table.scopes[scope].has_await {
            return Err(self.error("'await' outside async function", expr.pos));
        }
        self.expr(body)?;
        self.emit(Instr::Return);
        let kind = if self.table.scopes[scope].is_generator {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let code = self.pop_unit(kind, Some(args));
        self.emit_const(Value::Code(code));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn class(
        &mut self,
        stmt: &Stmt,
        name: &Rc<str>,
        bases: &[Expr],
        keywords: &[Keyword],
        body: &[Stmt],
    ) -> Done {
        let Some(&scope) = self.table.by_node.get(&node_key(stmt)) else {
            return Err(self.error("internal: no scope", stmt.pos));
        };
        self.emit(Instr::LoadBuildClass);
        let qualname = self.qualname(name);
        let frees = self.table.scopes[scope].freevars();
        let mut flags = 0;
        if !frees.is_empty() {
            for free in &frees {
                let index = self.deref_index(free);
                self.emit(Instr::LoadClosure(index));
            }
            self.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        self.push_unit(scope, name.clone(), qualname.clone(), stmt.pos.line, false);
        let module = self.symbol("__name__");
        self.emit(Instr::LoadGlobal(module));
        let module = self.symbol("__module__");
        self.emit(Instr::StoreName(module));
        self.emit_const(Value::Str(qualname));
        let symbol = self.symbol("__qualname__");
        self.emit(Instr::StoreName(symbol));
        if let Some(doc) = docstring(body) {
            self.emit_const(Value::Str(doc));
            let symbol = self.symbol("__doc__");
            self.emit(Instr::StoreName(symbol));
        }
        if has_annotations(body) {
            self.emit(Instr::BuildMap(0));
            let symbol = self.symbol("__annotations__");
            self.emit(Instr::StoreName(symbol));
        }
        self.stmts(body)?;
        if self.table.scopes[scope].names.get("__class__") == Some(&NameKind::Cell) {
            self.emit(Instr::LoadClassCell);
        } else {
            self.emit_const(Value::None);
        }
        self.emit(Instr::Return);
        let code = self.pop_unit(CodeKind::Class, None);
        self.emit_const(Value::Code(code));
        self.emit(Instr::MakeFunction(flags));
        self.emit_const(Value::Str(name.clone()));
        for base in bases {
            self.expr(base)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(2 + bases.len() as u32));
        } else {
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| Value::Str(k.name.clone().unwrap_or_else(|| "".into())))
                .collect();
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.emit_const(Value::tuple(names));
            self.emit(Instr::CallKw(
                2 + bases.len() as u32 + keywords.len() as u32,
            ));
        }
        Ok(())
    }

    /// `[... for ...]` and friends: a function of the first iterator, called at once.
    fn comprehension(&mut self, expr: &Expr, generators: &[Comprehension], kind: &str) -> Done {
        let Some(&scope) = self.table.by_node.get(&node_key(expr)) else {
            return Err(self.error("internal: no scope", expr.pos));
        };
        let info = &self.table.scopes[scope];
        let is_async = info.has_await;
        if is_async && !self.in_async_function() {
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                expr.pos,
            ));
        }
        let frees = info.freevars();
        let mut flags = 0;
        if !frees.is_empty() {
            for free in &frees {
                let index = self.deref_index(free);
                self.emit(Instr::LoadClosure(index));
            }
            self.emit(Instr::BuildTuple(frees.len() as u32));
            flags |= 4;
        }
        let name: Rc<str> = format!("<{kind}>").into();
        let qualname = self.qualname(&name);
        self.push_unit(scope, name, qualname, expr.pos.line, is_async);
        let is_generator = kind == "genexpr";
        if !is_generator {
            match kind {
                "listcomp" => self.emit(Instr::BuildList(0)),
                "setcomp" => self.emit(Instr::BuildSet(0)),
                _ => self.emit(Instr::BuildMap(0)),
            };
        }
        self.comprehension_loop(expr, generators, 0, kind)?;
        if is_generator {
            self.emit_const(Value::None);
        }
        self.emit(Instr::Return);
        let code_kind = match (is_generator, is_async) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Generator,
            (false, true) => CodeKind::Coroutine,
            (false, false) => CodeKind::Function,
        };
        let args = Arguments {
            args: vec![Arg {
                name: ".0".into(),
                default: None,
            }],
            ..Arguments::default()
        };
        let code = self.pop_unit(code_kind, Some(&args));
        self.emit_const(Value::Code(code));
        self.emit(Instr::MakeFunction(flags));
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
            if first.is_async {
                self.emit(Instr::GetAiter);
            } else {
                self.emit(Instr::GetIter);
            }
        }
        self.emit(Instr::Call(1));
        if is_async && !is_generator {
            self.emit_await();
        }
        Ok(())
    }

    fn comprehension_loop(
        &mut self,
        expr: &Expr,
        generators: &[Comprehension],
        index: usize,
        kind: &str,
    ) -> Done {
        let Some(generator) = generators.get(index) else {
            // The innermost body: add the element.
            let depth = (index + 1) as u32;
            match &expr.kind {
                ExprKind::ListComp(element, _) => {
                    self.expr(element)?;
                    self.emit(Instr::ListAppend(depth));
                }
                ExprKind::SetComp(element, _) => {
                    self.expr(element)?;
                    self.emit(Instr::SetAdd(depth));
                }
                ExprKind::DictComp(key, value, _) => {
                    self.expr(key)?;
                    self.expr(value)?;
                    self.emit(Instr::MapAdd(depth));
                }
                ExprKind::GeneratorExp(element, _) => {
                    self.expr(element)?;
                    self.emit(Instr::Yield);
                    self.emit(Instr::Pop);
                }
                _ => {}
            }
            let _ = kind;
            return Ok(());
        };
        if index == 0 {
            let dot_zero = self.local_index(".0");
            self.emit(Instr::LoadFast(dot_zero));
        } else {
            self.expr(&generator.iter)?;
            self.emit(if generator.is_async {
                Instr::GetAiter
            } else {
                Instr::GetIter
            });
        }
        if generator.is_async {
            let start = self.here();
            let setup = self.emit(Instr::SetupExcept(0));
            self.emit(Instr::GetAnext);
            self.emit_const(Value::None);
            self.emit(Instr::YieldFrom);
            self.emit(Instr::PopBlock);
            self.store(&generator.target)?;
            let mut skips = Vec::new();
            for condition in &generator.ifs {
                self.expr(condition)?;
                skips.push(self.emit(Instr::PopJumpIfFalse(0)));
            }
            self.comprehension_loop(expr, generators, index + 1, kind)?;
            for skip in skips {
                self.patch_to(skip, start as u32);
            }
            self.emit(Instr::Jump(start as u32));
            self.patch(setup);
            let stop = self.symbol("StopAsyncIteration");
            self.emit(Instr::LoadGlobal(stop));
            self.emit(Instr::ExceptionMatch);
            let other = self.emit(Instr::PopJumpIfFalse(0));
            self.emit(Instr::PopExcept);
            self.emit(Instr::Pop);
            self.emit(Instr::Pop);
            let end = self.emit(Instr::Jump(0));
            self.patch(other);
            self.emit(Instr::Reraise);
            self.patch(end);
            return Ok(());
        }
        let start = self.here();
        let exit = self.emit(Instr::ForIter(0));
        self.store(&generator.target)?;
        for condition in &generator.ifs {
            self.expr(condition)?;
            let skip = self.emit(Instr::PopJumpIfFalse(0));
            self.patch_to(skip, start as u32);
        }
        self.comprehension_loop(expr, generators, index + 1, kind)?;
        self.emit(Instr::Jump(start as u32));
        self.patch(exit);
        Ok(())
    }

    // ----- expressions ----------------------------------------------------------------

    fn expr(&mut self, expr: &Expr) -> Done {
        self.set_line(expr.pos);
        match &expr.kind {
            ExprKind::Constant(c) => {
                let value = match c {
                    Constant::None => Value::None,
                    Constant::Bool(b) => Value::Bool(*b),
                    Constant::Int(digits) => int_constant(digits),
                    Constant::Float(x) => Value::Float(*x),
                    Constant::Str(s) => Value::Str(s.clone()),
                    Constant::Bytes(text) => Value::Bytes(super::bytes::from_latin1(text)),
                    Constant::Ellipsis => Value::Ellipsis,
                };
                self.emit_const(value);
            }
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Name(name) => self.load_name(name),
            ExprKind::BinOp(a, op, b) => {
                self.expr(a)?;
                self.expr(b)?;
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp(op, a) => {
                self.expr(a)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp(is_and, values) => {
                let mut jumps = Vec::new();
                for (i, value) in values.iter().enumerate() {
                    self.expr(value)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(if *is_and {
                            Instr::JumpIfFalseOrPop(0)
                        } else {
                            Instr::JumpIfTrueOrPop(0)
                        }));
                    }
                }
                for jump in jumps {
                    self.patch(jump);
                }
            }
            ExprKind::Compare(left, rest) => {
                self.expr(left)?;
                if rest.len() == 1 {
                    self.expr(&rest[0].1)?;
                    self.emit(Instr::Compare(rest[0].0));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, right)) in rest.iter().enumerate() {
                        self.expr(right)?;
                        if i + 1 < rest.len() {
                            self.emit(Instr::Dup);
                            self.emit(Instr::Rot3);
                            self.emit(Instr::Compare(*op));
                            cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Instr::Compare(*op));
                        }
                    }
                    let end = self.emit(Instr::Jump(0));
                    for c in cleanups {
                        self.patch(c);
                    }
                    self.emit(Instr::Rot2);
                    self.emit(Instr::Pop);
                    self.patch(end);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::Attribute(obj, attr) => {
                self.expr(obj)?;
                let symbol = self.symbol(attr);
                self.emit(Instr::LoadAttr(symbol));
            }
            ExprKind::Subscript(obj, index) => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Subscript);
            }
            ExprKind::Slice(a, b, c) => {
                for part in [a, b] {
                    match part {
                        Some(e) => self.expr(e)?,
                        None => self.emit_const(Value::None),
                    }
                }
                match c {
                    Some(step) => {
                        self.expr(step)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(self.error("can't use starred expression here", expr.pos))
            }
            ExprKind::List(items) => {
                self.sequence(items, Instr::BuildList(items.len() as u32), false)?
            }
            ExprKind::Tuple(items) => {
                self.sequence(items, Instr::BuildTuple(items.len() as u32), true)?
            }
            ExprKind::Set(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.emit(Instr::BuildSet(0));
                    for item in items {
                        match &item.kind {
                            ExprKind::Starred(inner) => {
                                self.expr(inner)?;
                                self.emit(Instr::SetUpdate);
                            }
                            _ => {
                                self.expr(item)?;
                                self.emit(Instr::SetAdd(1));
                            }
                        }
                    }
                } else {
                    for item in items {
                        self.expr(item)?;
                    }
                    self.emit(Instr::BuildSet(items.len() as u32));
                }
            }
            ExprKind::Dict(items) => {
                if items.iter().any(|(k, _)| k.is_none()) {
                    self.emit(Instr::BuildMap(0));
                    for (key, value) in items {
                        match key {
                            Some(key) => {
                                self.expr(key)?;
                                self.expr(value)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(value)?;
                                self.emit(Instr::DictUpdate);
                            }
                        }
                    }
                } else {
                    for (key, value) in items {
                        if let Some(key) = key {
                            self.expr(key)?;
                        }
                        self.expr(value)?;
                    }
                    self.emit(Instr::BuildMap(items.len() as u32));
                }
            }
            ExprKind::ListComp(_, generators) => {
                self.comprehension(expr, generators, "listcomp")?
            }
            ExprKind::SetComp(_, generators) => self.comprehension(expr, generators, "setcomp")?,
            ExprKind::DictComp(_, _, generators) => {
                self.comprehension(expr, generators, "dictcomp")?
            }
            ExprKind::GeneratorExp(_, generators) => {
                self.comprehension(expr, generators, "genexpr")?
            }
            ExprKind::Lambda(args, body) => self.lambda(expr, args, body)?,
            ExprKind::IfExp(test, body, orelse) => {
                self.expr(test)?;
                let else_jump = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let end = self.emit(Instr::Jump(0));
                self.patch(else_jump);
                self.expr(orelse)?;
                self.patch(end);
            }
            ExprKind::Await(value) => {
                if !self.in_async_function() {
                    return Err(self.error("'await' outside async function", expr.pos));
                }
                self.expr(value)?;
                self.emit_await();
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.emit_const(Value::None),
                }
                self.emit(Instr::Yield);
            }
            ExprKind::YieldFrom(value) => {
                self.expr(value)?;
                self.emit(Instr::GetIter);
                self.emit_const(Value::None);
                self.emit(Instr::YieldFrom);
            }
            ExprKind::NamedExpr(target, value) => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.store(target)?;
            }
        }
        Ok(())
    }

    /// A list or tuple display; with `*items` inside, built by extending a list.
    fn sequence(&mut self, items: &[Expr], build: Instr, tuple: bool) -> Done {
        if !items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
            for item in items {
                self.expr(item)?;
            }
            self.emit(build);
            return Ok(());
        }
        self.emit(Instr::BuildList(0));
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Instr::ListExtend);
                }
                _ => {
                    self.expr(item)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        if tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> Done {
        let starred = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.name.is_none());
        if starred {
            self.expr(func)?;
            self.sequence(args, Instr::Nop, true)?;
            if !args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_))) {
                // `sequence` built the items without a list: make the tuple now.
                let last = self.here() - 1;
                self.unit().instrs.truncate(last);
                self.unit().lines.truncate(last);
                self.emit(Instr::BuildTuple(args.len() as u32));
            }
            if keywords.is_empty() {
                self.emit(Instr::CallEx(false));
            } else {
                self.emit(Instr::BuildMap(0));
                for keyword in keywords {
                    match &keyword.name {
                        Some(name) => {
                            self.emit_const(Value::Str(name.clone()));
                            self.expr(&keyword.value)?;
                            self.emit(Instr::MapAdd(1));
                        }
                        None => {
                            self.expr(&keyword.value)?;
                            self.emit(Instr::DictMerge);
                        }
                    }
                }
                self.emit(Instr::CallEx(true));
            }
            return Ok(());
        }
        if let (ExprKind::Attribute(obj, attr), true) = (&func.kind, keywords.is_empty()) {
            self.expr(obj)?;
            let symbol = self.symbol(attr);
            self.emit(Instr::LoadMethod(symbol));
            for arg in args {
                self.expr(arg)?;
            }
            self.set_line(func.pos);
            self.emit(Instr::CallMethod(args.len() as u32));
            return Ok(());
        }
        self.expr(func)?;
        for arg in args {
            self.expr(arg)?;
        }
        if keywords.is_empty() {
            self.set_line(func.pos);
            self.emit(Instr::Call(args.len() as u32));
        } else {
            let names: Vec<Value> = keywords
                .iter()
                .map(|k| Value::Str(k.name.clone().unwrap_or_else(|| "".into())))
                .collect();
            for keyword in keywords {
                self.expr(&keyword.value)?;
            }
            self.emit_const(Value::tuple(names));
            self.set_line(func.pos);
            self.emit(Instr::CallKw((args.len() + keywords.len()) as u32));
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FPart]) -> Done {
        for part in parts {
            match part {
                FPart::Text(text) => self.emit_const(Value::Str(text.clone())),
                FPart::Value {
                    value,
                    conversion,
                    spec,
                    debug,
                } => {
                    if let Some(debug) = debug {
                        self.emit_const(Value::Str(debug.clone()));
                    }
                    self.expr(value)?;
                    let mut flags = match conversion {
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        _ => 0,
                    };
                    if let Some(spec) = spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                    if debug.is_some() {
                        self.emit(Instr::BuildString(2));
                    }
                }
            }
        }
        if parts.len() != 1 || matches!(parts.first(), Some(FPart::Text(_))) {
            self.emit(Instr::BuildString(parts.len() as u32));
        }
        Ok(())
    }
}

/// An integer literal's value: an `i64` when it fits.
fn int_constant(digits: &str) -> Value {
    let (radix, body) = match digits.get(..2) {
        Some("0x") => (16, &digits[2..]),
        Some("0o") => (8, &digits[2..]),
        Some("0b") => (2, &digits[2..]),
        _ => (10, digits),
    };
    match i64::from_str_radix(body, radix) {
        Ok(n) => Value::Int(n),
        Err(_) => super::bigint::BigInt::parse(body, radix)
            .map(Value::from_big)
            .unwrap_or(Value::Int(0)),
    }
}

/// Whether a class body annotates a name (`x: int`), in its own statements or in blocks
/// nested in them (not in functions or classes it defines): it then has `__annotations__`.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match &stmt.kind {
        StmtKind::AnnAssign(target, _, _) => matches!(target.kind, ExprKind::Name(_)),
        StmtKind::If(_, body, orelse) | StmtKind::While(_, body, orelse) => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::For { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        _ => false,
    })
}

/// Why a case matches anything (so that a later case could never be reached), as CPython
/// words it: "name capture 'x'", "wildcard".
fn irrefutable(pattern: &Pattern) -> Option<String> {
    match pattern {
        Pattern::Capture(Some(name)) => Some(format!("name capture '{name}'")),
        Pattern::Capture(None) => Some("wildcard".into()),
        Pattern::As(inner, _) => irrefutable(inner),
        Pattern::Or(alternatives) => alternatives.iter().find_map(irrefutable),
        _ => None,
    }
}

/// A case's pattern as `matching` reads it: the values it compares with (evaluated before the
/// match, in this order) and the names it captures (one slot each).
#[derive(Default)]
struct PatternPlan<'a> {
    values: Vec<&'a Expr>,
    names: Vec<Rc<str>>,
}

impl<'a> PatternPlan<'a> {
    fn value(&mut self, expr: &'a Expr) -> Value {
        self.values.push(expr);
        Value::Int(self.values.len() as i64 - 1)
    }

    fn slot(&mut self, name: &Option<Rc<str>>) -> Value {
        match name {
            None => Value::Int(-1),
            Some(name) => {
                let slot = match self.names.iter().position(|n| n == name) {
                    Some(slot) => slot,
                    None => {
                        self.names.push(name.clone());
                        self.names.len() - 1
                    }
                };
                Value::Int(slot as i64)
            }
        }
    }

    fn encode(&mut self, pattern: &'a Pattern) -> Result<Value, &'static str> {
        use super::matching as m;
        let node = |tag: i64, mut rest: Vec<Value>| {
            rest.insert(0, Value::Int(tag));
            Value::tuple(rest)
        };
        Ok(match pattern {
            Pattern::Capture(None) => node(m::WILDCARD, vec![]),
            Pattern::Capture(name) => {
                let slot = self.slot(name);
                node(m::CAPTURE, vec![slot])
            }
            Pattern::Value(expr) => {
                let identity = matches!(
                    expr.kind,
                    ExprKind::Constant(Constant::None | Constant::Bool(_))
                );
                let value = self.value(expr);
                node(m::VALUE, vec![value, Value::Int(i64::from(identity))])
            }
            Pattern::Star(_) => return Err("can't use starred pattern here"),
            Pattern::Sequence(items) => {
                let stars: Vec<usize> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| matches!(p, Pattern::Star(_)))
                    .map(|(i, _)| i)
                    .collect();
                if stars.len() > 1 {
                    return Err("multiple starred names in sequence pattern");
                }
                let mut encoded = Vec::new();
                let mut star_slot = Value::Int(-1);
                for item in items {
                    match item {
                        Pattern::Star(name) => {
                            star_slot = self.slot(name);
                            encoded.push(Value::None);
                        }
                        other => encoded.push(self.encode(other)?),
                    }
                }
                let star = stars.first().map_or(-1, |&i| i as i64);
                node(
                    m::SEQUENCE,
                    vec![Value::tuple(encoded), Value::Int(star), star_slot],
                )
            }
            Pattern::Mapping { keys, values, rest } => {
                let keys: Vec<Value> = keys.iter().map(|k| self.value(k)).collect();
                let mut encoded = Vec::new();
                for value in values {
                    encoded.push(self.encode(value)?);
                }
                let rest = self.slot(rest);
                node(
                    m::MAPPING,
                    vec![Value::tuple(keys), Value::tuple(encoded), rest],
                )
            }
            Pattern::Class {
                class,
                args,
                keywords,
            } => {
                let class = self.value(class);
                let mut positional = Vec::new();
                for arg in args {
                    positional.push(self.encode(arg)?);
                }
                let names = keywords
                    .iter()
                    .map(|(n, _)| Value::Str(n.clone()))
                    .collect();
                let mut patterns = Vec::new();
                for (_, p) in keywords {
                    patterns.push(self.encode(p)?);
                }
                node(
                    m::CLASS,
                    vec![
                        class,
                        Value::tuple(positional),
                        Value::tuple(names),
                        Value::tuple(patterns),
                    ],
                )
            }
            Pattern::Or(alternatives) => {
                let mut encoded = Vec::new();
                let mut bound: Option<Vec<Rc<str>>> = None;
                for alternative in alternatives {
                    encoded.push(self.encode(alternative)?);
                    let mut names = Vec::new();
                    captured_names(alternative, &mut names);
                    names.sort();
                    if bound.as_ref().is_some_and(|b| *b != names) {
                        return Err("alternative patterns bind different names");
                    }
                    bound = Some(names);
                }
                node(m::OR, vec![Value::tuple(encoded)])
            }
            Pattern::As(inner, name) => {
                let inner = self.encode(inner)?;
                let slot = self.slot(&Some(name.clone()));
                node(m::AS, vec![inner, slot])
            }
        })
    }
}

fn captured_names(pattern: &Pattern, out: &mut Vec<Rc<str>>) {
    match pattern {
        Pattern::Capture(Some(name)) | Pattern::Star(Some(name)) => out.push(name.clone()),
        Pattern::Sequence(items) => items.iter().for_each(|p| captured_names(p, out)),
        Pattern::Or(alternatives) => {
            if let Some(first) = alternatives.first() {
                captured_names(first, out);
            }
        }
        Pattern::Mapping { values, rest, .. } => {
            values.iter().for_each(|p| captured_names(p, out));
            if let Some(rest) = rest {
                out.push(rest.clone());
            }
        }
        Pattern::Class { args, keywords, .. } => {
            args.iter().for_each(|p| captured_names(p, out));
            keywords.iter().for_each(|(_, p)| captured_names(p, out));
        }
        Pattern::As(inner, name) => {
            captured_names(inner, out);
            out.push(name.clone());
        }
        _ => {}
    }
}

/// A body's docstring: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<Rc<str>> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(text)),
            ..
        })) => Some(text.clone()),
        _ => None,
    }
}
