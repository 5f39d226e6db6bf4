//! Which names are local, global, free or cells in each scope (module, class, function,
//! lambda, comprehension), as CPython's symbol table decides it.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::ast::*;
use super::error::SyntaxError;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Local,
    /// Local, and captured by an inner function.
    Cell,
    /// From an enclosing function.
    Free,
    Global,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    pub names: HashMap<Rc<str>, NameKind>,
    /// Parameters first, then other locals, in order of appearance.
    pub locals: Vec<Rc<str>>,
    pub params: Vec<Rc<str>>,
    pub is_generator: bool,
    pub has_await: bool,
    /// An `async def`: `yield from` is refused in it.
    pub is_async_def: bool,
    /// A method that uses `super()` or `__class__`: its class needs a `__class__` cell.
    pub needs_class_cell: bool,
    assigned: HashSet<Rc<str>>,
    used: HashSet<Rc<str>>,
    globals: HashSet<Rc<str>>,
    nonlocals: HashSet<Rc<str>>,
    children: Vec<usize>,
}

impl Scope {
    pub fn kind(&self) -> ScopeKind {
        self.kind.unwrap_or(ScopeKind::Module)
    }

    pub fn lookup(&self, name: &str) -> NameKind {
        self.names.get(name).copied().unwrap_or(match self.kind() {
            ScopeKind::Module => NameKind::Global,
            _ => NameKind::Global,
        })
    }

    pub fn cellvars(&self) -> Vec<Rc<str>> {
        let mut cells: Vec<Rc<str>> = self
            .names
            .iter()
            .filter(|(_, k)| **k == NameKind::Cell)
            .map(|(n, _)| n.clone())
            .collect();
        cells.sort();
        cells
    }

    pub fn freevars(&self) -> Vec<Rc<str>> {
        let mut frees: Vec<Rc<str>> = self
            .names
            .iter()
            .filter(|(_, k)| **k == NameKind::Free)
            .map(|(n, _)| n.clone())
            .collect();
        frees.sort();
        frees
    }
}

/// Scopes by the address of the node that opens them (the AST does not move while compiled).
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
    /// `from __future__ import annotations`: annotations are kept as their source text,
    /// never evaluated.
    pub future_annotations: bool,
}

pub fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

pub fn build(module: &[Stmt], lines: &[&str]) -> Result<SymbolTable, SyntaxError> {
    let mut builder = Builder {
        table: SymbolTable {
            scopes: vec![Scope {
                kind: Some(ScopeKind::Module),
                ..Scope::default()
            }],
            by_node: HashMap::new(),
            future_annotations: has_future_annotations(module),
        },
        current: 0,
        lines,
    };
    for stmt in module {
        builder.stmt(stmt)?;
    }
    builder.analyze(0, &HashSet::new())?;
    Ok(builder.table)
}

struct Builder<'a> {
    table: SymbolTable,
    current: usize,
    lines: &'a [&'a str],
}

impl Builder<'_> {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn error(&self, message: String, pos: Pos) -> SyntaxError {
        let text = self
            .lines
            .get((pos.line as usize).wrapping_sub(1))
            .map(|l| l.to_string())
            .unwrap_or_default();
        SyntaxError::new(message, pos.line, pos.col, text)
    }

    fn assign(&mut self, name: &Rc<str>) {
        let scope = self.scope();
        if scope.assigned.insert(name.clone()) && !scope.params.contains(name) {
            scope.locals.push(name.clone());
        }
    }

    fn use_name(&mut self, name: &Rc<str>) {
        if &**name == "super" || &**name == "__class__" {
            self.scope().needs_class_cell = true;
        }
        self.scope().used.insert(name.clone());
    }

    fn open(&mut self, key: usize, kind: ScopeKind) -> usize {
        let index = self.table.scopes.len();
        self.table.scopes.push(Scope {
            kind: Some(kind),
            ..Scope::default()
        });
        self.table.scopes[self.current].children.push(index);
        self.table.by_node.insert(key, index);
        let parent = self.current;
        self.current = index;
        parent
    }

    fn params(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        // CPython's order of `co_varnames`: positional, keyword-only, *args, **kwargs.
        let mut names: Vec<Rc<str>> = args.args.iter().map(|a| a.name.clone()).collect();
        names.extend(args.kwonly.iter().map(|a| a.name.clone()));
        names.extend(args.vararg.iter().cloned());
        names.extend(args.kwarg.iter().cloned());
        for (i, (name, at)) in args.written.iter().enumerate() {
            if args.written[..i].iter().any(|(earlier, _)| earlier == name) {
                let message = format!("duplicate argument '{name}' in function definition");
                return Err(self.error(message, *at));
            }
        }
        for name in names {
            let scope = self.scope();
            scope.params.push(name.clone());
            scope.locals.push(name.clone());
            scope.assigned.insert(name);
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &[Stmt]) -> Result<(), SyntaxError> {
        for stmt in stmts {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(targets, value) => {
                self.expr(value)?;
                for target in targets {
                    self.target(target)?;
                }
                Ok(())
            }
            StmtKind::AugAssign(target, _, value) => {
                self.expr(value)?;
                if let ExprKind::Name(name) = &target.kind {
                    self.use_name(name);
                }
                self.target(target)
            }
            StmtKind::AnnAssign(target, annotation, value) => {
                // A class body keeps its annotations (`__annotations__`, which dataclasses read).
                if self.scope().kind() == ScopeKind::Class && !self.table.future_annotations {
                    self.expr(annotation)?;
                }
                if let Some(value) = value {
                    self.expr(value)?;
                    self.target(target)?;
                } else if let ExprKind::Name(name) = &target.kind {
                    if self.scope().kind() != ScopeKind::Module {
                        self.assign(name);
                    }
                }
                Ok(())
            }
            StmtKind::If(test, body, orelse) | StmtKind::While(test, body, orelse) => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.scope().has_await = true;
                }
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::FunctionDef(def) => {
                for decorator in &def.decorators {
                    self.expr(decorator)?;
                }
                self.defaults(&def.args)?;
                if !self.table.future_annotations {
                    for (_, annotation) in def.args.annotations.iter() {
                        self.expr(annotation)?;
                    }
                    if let Some(returns) = &def.returns {
                        self.expr(returns)?;
                    }
                }
                self.assign(&def.name);
                let parent = self.open(node_key(&**def), ScopeKind::Function);
                self.scope().is_async_def = def.is_async;
                self.params(&def.args)?;
                self.stmts(&def.body)?;
                self.current = parent;
                Ok(())
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorators,
            } => {
                for e in decorators.iter().chain(bases) {
                    self.expr(e)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.assign(name);
                let parent = self.open(node_key(stmt), ScopeKind::Class);
                self.stmts(body)?;
                self.current = parent;
                Ok(())
            }
            StmtKind::Return(value) => {
                if matches!(self.scope().kind(), ScopeKind::Module | ScopeKind::Class) {
                    return Err(self.error("'return' outside function".into(), stmt.pos));
                }
                if let Some(value) = value {
                    self.expr(value)?;
                }
                Ok(())
            }
            StmtKind::Raise(exc, cause) => {
                for e in exc.iter().chain(cause.iter()) {
                    self.expr(e)?;
                }
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for handler in handlers {
                    if let Some(kind) = &handler.kind {
                        self.expr(kind)?;
                    }
                    if let Some(name) = &handler.name {
                        self.assign(name);
                    }
                    self.stmts(&handler.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)
            }
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.scope().has_await = true;
                }
                for (context, target) in items {
                    self.expr(context)?;
                    if let Some(target) = target {
                        self.target(target)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    let bound = alias
                        .asname
                        .clone()
                        .unwrap_or_else(|| alias.name.split('.').next().unwrap_or_default().into());
                    self.assign(&bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom(_, aliases) => {
                for alias in aliases {
                    if &*alias.name == "*" {
                        continue;
                    }
                    let bound = alias.asname.clone().unwrap_or_else(|| alias.name.clone());
                    self.assign(&bound);
                }
                Ok(())
            }
            StmtKind::Global(names) => {
                for name in names {
                    let scope = self.scope();
                    if scope.assigned.contains(name) || scope.used.contains(name) {
                        let message = if scope.params.contains(name) {
                            format!("name '{name}' is parameter and global")
                        } else if scope.assigned.contains(name) {
                            format!("name '{name}' is assigned to before global declaration")
                        } else {
                            format!("name '{name}' is used prior to global declaration")
                        };
                        return Err(self.error(message, stmt.pos));
                    }
                    self.scope().globals.insert(name.clone());
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                if self.scope().kind() == ScopeKind::Module {
                    return Err(self.error(
                        "nonlocal declaration not allowed at module level".into(),
                        stmt.pos,
                    ));
                }
                for name in names {
                    let scope = self.scope();
                    if scope.params.contains(name) {
                        return Err(self
                            .error(format!("name '{name}' is parameter and nonlocal"), stmt.pos));
                    }
                    if scope.assigned.contains(name) {
                        return Err(self.error(
                            format!("name '{name}' is assigned to before nonlocal declaration"),
                            stmt.pos,
                        ));
                    }
                    scope.nonlocals.insert(name.clone());
                }
                Ok(())
            }
            StmtKind::Assert(test, message) => {
                self.expr(test)?;
                if let Some(message) = message {
                    self.expr(message)?;
                }
                Ok(())
            }
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.target(target)?;
                }
                Ok(())
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Match(subject, cases) => {
                self.expr(subject)?;
                for case in cases {
                    self.pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.expr(guard)?;
                    }
                    self.stmts(&case.body)?;
                }
                Ok(())
            }
        }
    }

    /// A case pattern: the names it captures are assigned, the values and classes it
    /// compares with are read.
    fn pattern(&mut self, pattern: &Pattern) -> Result<(), SyntaxError> {
        match pattern {
            Pattern::Value(value) => self.expr(value),
            Pattern::Capture(name) | Pattern::Star(name) => {
                if let Some(name) = name {
                    self.assign(name);
                }
                Ok(())
            }
            Pattern::Sequence(items) | Pattern::Or(items) => {
                items.iter().try_for_each(|item| self.pattern(item))
            }
            Pattern::Mapping { keys, values, rest } => {
                keys.iter().try_for_each(|key| self.expr(key))?;
                values.iter().try_for_each(|value| self.pattern(value))?;
                if let Some(rest) = rest {
                    self.assign(rest);
                }
                Ok(())
            }
            Pattern::Class {
                class,
                args,
                keywords,
            } => {
                self.expr(class)?;
                args.iter().try_for_each(|arg| self.pattern(arg))?;
                keywords.iter().try_for_each(|(_, p)| self.pattern(p))
            }
            Pattern::As(inner, name) => {
                self.pattern(inner)?;
                self.assign(name);
                Ok(())
            }
        }
    }

    fn defaults(&mut self, args: &Arguments) -> Result<(), SyntaxError> {
        for arg in args.args.iter().chain(&args.kwonly) {
            if let Some(default) = &arg.default {
                self.expr(default)?;
            }
        }
        Ok(())
    }

    fn target(&mut self, target: &Expr) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(name) => {
                self.assign(name);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for item in items {
                    self.target(item)?;
                }
                Ok(())
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(target),
        }
    }

    /// An asynchronous list, set or dict comprehension is awaited where it stands: inside
    /// another comprehension, that one becomes asynchronous too (as in CPython 3.11).
    fn awaited_comprehension(&mut self, key: usize) {
        let is_async = matches!(self.table.by_node.get(&key), Some(&scope) if self.table.scopes[scope].has_await);
        if is_async && self.scope().kind() == ScopeKind::Comprehension {
            self.scope().has_await = true;
        }
    }

    fn comprehension(
        &mut self,
        key: usize,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(first) = generators.first() {
            self.expr(&first.iter)?;
        }
        let parent = self.open(key, ScopeKind::Comprehension);
        let dot_zero: Rc<str> = ".0".into();
        self.scope().params.push(dot_zero.clone());
        self.scope().locals.push(dot_zero.clone());
        self.scope().assigned.insert(dot_zero);
        for (i, generator) in generators.iter().enumerate() {
            if generator.is_async {
                self.scope().has_await = true;
            }
            if i > 0 {
                self.expr(&generator.iter)?;
            }
            self.target(&generator.target)?;
            for condition in &generator.ifs {
                self.expr(condition)?;
            }
        }
        for element in elements {
            self.expr(element)?;
        }
        self.current = parent;
        Ok(())
    }

    fn expr(&mut self, expr: &Expr) -> Result<(), SyntaxError> {
        match &expr.kind {
            ExprKind::Constant(_) => Ok(()),
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::Name(name) => {
                self.use_name(name);
                Ok(())
            }
            ExprKind::BinOp(a, _, b) => {
                self.expr(a)?;
                self.expr(b)
            }
            ExprKind::UnaryOp(_, a) | ExprKind::Starred(a) => self.expr(a),
            ExprKind::BoolOp(_, values)
            | ExprKind::List(values)
            | ExprKind::Tuple(values)
            | ExprKind::Set(values) => {
                for v in values {
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Compare(left, rest) => {
                self.expr(left)?;
                for (_, e) in rest {
                    self.expr(e)?;
                }
                Ok(())
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                Ok(())
            }
            ExprKind::Attribute(value, _) => self.expr(value),
            ExprKind::Subscript(value, index) => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice(a, b, c) => {
                for e in [a, b, c].into_iter().flatten() {
                    self.expr(e)?;
                }
                Ok(())
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    if let Some(k) = k {
                        self.expr(k)?;
                    }
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::ListComp(element, generators)
            | ExprKind::SetComp(element, generators)
            | ExprKind::GeneratorExp(element, generators) => {
                self.comprehension(node_key(expr), generators, &[element])?;
                if let ExprKind::GeneratorExp(..) = expr.kind {
                    if let Some(&scope) = self.table.by_node.get(&node_key(expr)) {
                        self.table.scopes[scope].is_generator = true;
                    }
                } else {
                    self.awaited_comprehension(node_key(expr));
                }
                Ok(())
            }
            ExprKind::DictComp(key, value, generators) => {
                self.comprehension(node_key(expr), generators, &[key, value])?;
                self.awaited_comprehension(node_key(expr));
                Ok(())
            }
            ExprKind::Lambda(args, body) => {
                self.defaults(args)?;
                let parent = self.open(node_key(expr), ScopeKind::Function);
                self.params(args)?;
                self.expr(body)?;
                self.current = parent;
                Ok(())
            }
            ExprKind::IfExp(a, b, c) => {
                self.expr(a)?;
                self.expr(b)?;
                self.expr(c)
            }
            ExprKind::Await(value) => {
                self.scope().has_await = true;
                self.expr(value)
            }
            ExprKind::Yield(value) => {
                self.yield_here(expr.pos)?;
                if let Some(value) = value {
                    self.expr(value)?;
                }
                Ok(())
            }
            ExprKind::YieldFrom(value) => {
                if self.scope().kind() == ScopeKind::Function && self.scope().is_async_def {
                    return Err(self.error("'yield from' inside async function".into(), expr.pos));
                }
                self.yield_here(expr.pos)?;
                self.expr(value)
            }
            ExprKind::NamedExpr(target, value) => {
                self.expr(value)?;
                self.target(target)
            }
        }
    }

    fn yield_here(&mut self, pos: Pos) -> Result<(), SyntaxError> {
        match self.scope().kind() {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.error("'yield' outside function".into(), pos))
            }
            ScopeKind::Comprehension => {
                Err(self.error("'yield' inside list comprehension".into(), pos))
            }
            ScopeKind::Function => {
                self.scope().is_generator = true;
                Ok(())
            }
        }
    }

    fn fparts(&mut self, parts: &[FPart]) -> Result<(), SyntaxError> {
        for part in parts {
            if let FPart::Value { value, spec, .. } = part {
                self.expr(value)?;
                if let Some(spec) = spec {
                    self.fparts(spec)?;
                }
            }
        }
        Ok(())
    }

    /// Decides every name of scope `index`, knowing the names bound by enclosing functions;
    /// returns the free names it needs from its parent.
    fn analyze(
        &mut self,
        index: usize,
        enclosing: &HashSet<Rc<str>>,
    ) -> Result<HashSet<Rc<str>>, SyntaxError> {
        let kind = self.table.scopes[index].kind();
        let mut names: HashMap<Rc<str>, NameKind> = HashMap::new();
        {
            let scope = &self.table.scopes[index];
            for name in &scope.globals {
                names.insert(name.clone(), NameKind::Global);
            }
            for name in &scope.nonlocals {
                if !enclosing.contains(name) {
                    return Err(self.error(
                        format!("no binding for nonlocal '{name}' found"),
                        Pos::default(),
                    ));
                }
                names.insert(name.clone(), NameKind::Free);
            }
            for name in scope.assigned.iter().chain(&scope.params) {
                if !names.contains_key(name) {
                    names.insert(
                        name.clone(),
                        if kind == ScopeKind::Module {
                            NameKind::Global
                        } else {
                            NameKind::Local
                        },
                    );
                }
            }
            for name in &scope.used {
                if names.contains_key(name) {
                    continue;
                }
                let resolved = if kind != ScopeKind::Module && enclosing.contains(name) {
                    NameKind::Free
                } else {
                    NameKind::Global
                };
                names.insert(name.clone(), resolved);
            }
        }
        // What the children may capture: this scope's locals (not a class's) and what it
        // captures itself.
        let mut visible = enclosing.clone();
        if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
            for (name, k) in &names {
                if *k == NameKind::Local {
                    visible.insert(name.clone());
                }
            }
        }
        if kind == ScopeKind::Class {
            visible.insert("__class__".into());
        }
        let children = self.table.scopes[index].children.clone();
        let mut class_cell = false;
        for child in children {
            let needs = self.analyze(child, &visible)?;
            if self.table.scopes[child].needs_class_cell && kind == ScopeKind::Class {
                class_cell = true;
            }
            for name in needs {
                match names.get(&name) {
                    Some(NameKind::Local) if kind != ScopeKind::Class => {
                        names.insert(name, NameKind::Cell);
                    }
                    Some(NameKind::Cell) => {}
                    _ if kind == ScopeKind::Class && &*name == "__class__" => {}
                    _ => {
                        if kind != ScopeKind::Module {
                            names.insert(name, NameKind::Free);
                        }
                    }
                }
            }
        }
        if class_cell {
            names.insert("__class__".into(), NameKind::Cell);
        }
        // A method using super() reads `__class__` from its class.
        if self.table.scopes[index].needs_class_cell
            && kind == ScopeKind::Function
            && enclosing.contains("__class__")
        {
            names.insert("__class__".into(), NameKind::Free);
        }
        let free: HashSet<Rc<str>> = names
            .iter()
            .filter(|(_, k)| **k == NameKind::Free)
            .map(|(n, _)| n.clone())
            .collect();
        self.table.scopes[index].names = names;
        Ok(free)
    }
}
