//! The `builtins` module: the type objects, the exception hierarchy, the built-in functions,
//! constructors of the built-in types, classes (`class` statements, `super`, `property`), and
//! `import`.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use super::ast::CmpOp;
use super::bigint::BigInt;
use super::dict::Dict;
use super::format;
use super::ops::{self, type_name};
use super::value::*;
use super::vm::{Flow, NativeFn, Res, Types, Vm, MAX_SIZE};

pub type Args = Vec<Value>;
pub type Kwargs = Vec<(Rc<str>, Value)>;

// ----- type objects -----------------------------------------------------------------------------

fn new_type(
    name: &str,
    module: &str,
    bases: Vec<Rc<Type>>,
    base: Base,
    builtin: Option<Kind>,
) -> Rc<Type> {
    let mut mro: Vec<Rc<Type>> = Vec::new();
    for b in &bases {
        for t in b.lineage() {
            if !mro.iter().any(|m| Rc::ptr_eq(m, t)) {
                mro.push(t.clone());
            }
        }
    }
    Rc::new(Type {
        name: name.into(),
        qualname: name.into(),
        module: module.into(),
        bases,
        mro,
        dict: RefCell::default(),
        lookups: LookupMemo::default(),
        base,
        builtin,
        id: 0,
        meta: None,
    })
}

/// The exception hierarchy: (name, parent).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

/// The subclass `OSError(errno, strerror)` makes for a Linux error number, as CPython's.
const OS_ERRORS: &[(i64, &str)] = &[
    (1, "PermissionError"),
    (2, "FileNotFoundError"),
    (3, "ProcessLookupError"),
    (4, "InterruptedError"),
    (10, "ChildProcessError"),
    (11, "BlockingIOError"),
    (13, "PermissionError"),
    (17, "FileExistsError"),
    (20, "NotADirectoryError"),
    (21, "IsADirectoryError"),
    (32, "BrokenPipeError"),
    (103, "ConnectionAbortedError"),
    (104, "ConnectionResetError"),
    (108, "BrokenPipeError"),
    (110, "TimeoutError"),
    (111, "ConnectionRefusedError"),
    (114, "BlockingIOError"),
    (115, "BlockingIOError"),
];

/// `OSError(errno, strerror)` called on OSError itself makes the subclass of that error
/// number (`OSError(2, 'x')` is a FileNotFoundError).
pub fn os_error_class(vm: &Vm, class: Rc<Type>, args: &[Value]) -> Rc<Type> {
    if !Rc::ptr_eq(&class, &vm.types.os_error) || !(2..=5).contains(&args.len()) {
        return class;
    }
    let Value::Int(number) = &args[0] else {
        return class;
    };
    match OS_ERRORS.iter().find(|(n, _)| *n == *number) {
        Some((_, name)) => vm.types.exception(name),
        None => class,
    }
}

/// An OSError's `errno`, `strerror`, `filename` and `filename2` from its arguments (set only
/// for two to five of them, as CPython's); the arguments it keeps: the first two when a
/// filename is given.
pub fn os_error_fields(vm: &mut Vm, exc: &Object, mut args: Vec<Value>) -> Vec<Value> {
    let names = ["errno", "strerror", "filename", "filename2"];
    let mut fields = [Value::None, Value::None, Value::None, Value::None];
    if (2..=5).contains(&args.len()) {
        fields[0] = args[0].clone();
        fields[1] = args[1].clone();
        fields[2] = args.get(2).cloned().unwrap_or(Value::None);
        fields[3] = args.get(4).cloned().unwrap_or(Value::None);
        if !fields[2].is_none() {
            args.truncate(2);
        }
    }
    for (name, value) in names.into_iter().zip(fields) {
        let symbol = vm.sym(name);
        exc.attrs.borrow_mut().set(symbol, value);
    }
    args
}

pub fn make_types() -> Types {
    let object = new_type(
        "object",
        "builtins",
        Vec::new(),
        Base::Object,
        Some(Kind::Object),
    );
    let plain = |name: &str, kind: Kind| {
        new_type(
            name,
            "builtins",
            vec![object.clone()],
            Base::Object,
            Some(kind),
        )
    };
    let type_ = plain("type", Kind::Type);
    let int = plain("int", Kind::Int);
    let bool_ = new_type(
        "bool",
        "builtins",
        vec![int.clone()],
        Base::Object,
        Some(Kind::Bool),
    );
    let mut by_kind = vec![
        (Kind::Object, object.clone()),
        (Kind::Type, type_.clone()),
        (Kind::Int, int),
        (Kind::Bool, bool_),
    ];
    for (kind, name) in [
        (Kind::NoneType, "NoneType"),
        (Kind::NotImplementedType, "NotImplementedType"),
        (Kind::Ellipsis, "ellipsis"),
        (Kind::Float, "float"),
        (Kind::Str, "str"),
        (Kind::Bytes, "bytes"),
        (Kind::List, "list"),
        (Kind::Tuple, "tuple"),
        (Kind::Dict, "dict"),
        (Kind::Set, "set"),
        (Kind::FrozenSet, "frozenset"),
        (Kind::Range, "range"),
        (Kind::Slice, "slice"),
        (Kind::Function, "function"),
        (Kind::BuiltinFunction, "builtin_function_or_method"),
        (Kind::Method, "method"),
        (Kind::Generator, "generator"),
        (Kind::Coroutine, "coroutine"),
        (Kind::AsyncGenerator, "async_generator"),
        (Kind::Iterator, "iterator"),
        (Kind::Module, "module"),
        (Kind::Cell, "cell"),
        (Kind::Code, "code"),
        (Kind::Property, "property"),
        (Kind::StaticMethod, "staticmethod"),
        (Kind::ClassMethod, "classmethod"),
        (Kind::Super, "super"),
    ] {
        by_kind.push((kind, plain(name, kind)));
    }
    let base_exception = new_type(
        "BaseException",
        "builtins",
        vec![object.clone()],
        Base::Exception,
        Some(Kind::BaseException),
    );
    by_kind.push((Kind::BaseException, base_exception.clone()));
    let mut exceptions: Vec<(&'static str, Rc<Type>)> =
        vec![("BaseException", base_exception.clone())];
    for &(name, parent) in EXCEPTIONS {
        let parent = exceptions
            .iter()
            .find(|(n, _)| *n == parent)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| base_exception.clone());
        exceptions.push((
            name,
            new_type(
                name,
                "builtins",
                vec![parent],
                Base::Exception,
                Some(Kind::BaseException),
            ),
        ));
    }
    let mut named = Vec::new();
    for name in [
        "dict_keys",
        "dict_values",
        "dict_items",
        "_Stream",
        "Handle",
        "TimerHandle",
        "_Loop",
        "struct_time",
        "coroutine_wrapper",
        "bytearray",
        "traceback",
    ] {
        let module = match name {
            "Handle" | "TimerHandle" => "asyncio.events",
            "struct_time" => "time",
            _ => "builtins",
        };
        named.push((
            name,
            new_type(
                name,
                module,
                vec![object.clone()],
                Base::Object,
                Some(Kind::Object),
            ),
        ));
    }
    let os_error = exceptions
        .iter()
        .find(|(name, _)| *name == "OSError")
        .map_or_else(|| base_exception.clone(), |(_, t)| t.clone());
    Types {
        by_kind,
        object,
        type_,
        base_exception,
        os_error,
        exceptions,
        named,
    }
}

pub fn native(name: &str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        func,
        receiver: Value::None,
    }))
}

/// A native bound to data (`receiver`), such as a module's stream.
pub fn native_with(name: &str, func: NativeFn, receiver: Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: name.into(),
        func,
        receiver,
    }))
}

pub fn add_method(vm: &mut Vm, class: &Rc<Type>, name: &str, func: NativeFn) {
    let symbol = vm.sym(name);
    class.set_attr(symbol, native(name, func));
}

pub fn set_global(vm: &mut Vm, module: &Rc<Module>, name: &str, value: Value) {
    let symbol = vm.sym(name);
    module.set(symbol, value);
}

/// Fills the builtins module and the methods of the built-in types.
pub fn install(vm: &mut Vm) {
    let builtins = vm.builtins.clone();
    let functions: &[(&str, NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("sorted", builtin_sorted),
        ("reversed", builtin_reversed),
        ("enumerate", builtin_enumerate),
        ("zip", builtin_zip),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("round", builtin_round),
        ("any", builtin_any),
        ("all", builtin_all),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("hash", builtin_hash),
        ("id", builtin_id),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("callable", builtin_callable),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("delattr", builtin_delattr),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("hex", builtin_hex),
        ("oct", builtin_oct),
        ("bin", builtin_bin),
        ("format", builtin_format),
        ("vars", builtin_vars),
        ("dir", builtin_dir),
        ("globals", builtin_globals),
        ("input", builtin_input),
        ("open", builtin_open),
        ("exit", builtin_exit),
        ("quit", builtin_exit),
        ("__build_class__", build_class),
        ("aiter", builtin_aiter),
        ("map", builtin_map),
        ("filter", builtin_filter),
        ("anext", builtin_anext),
    ];
    for (name, func) in functions {
        set_global(vm, &builtins, name, native(name, *func));
    }
    let kinds = [
        ("object", Kind::Object),
        ("type", Kind::Type),
        ("int", Kind::Int),
        ("bool", Kind::Bool),
        ("float", Kind::Float),
        ("str", Kind::Str),
        ("list", Kind::List),
        ("tuple", Kind::Tuple),
        ("dict", Kind::Dict),
        ("set", Kind::Set),
        ("frozenset", Kind::FrozenSet),
        ("range", Kind::Range),
        ("slice", Kind::Slice),
        ("property", Kind::Property),
        ("staticmethod", Kind::StaticMethod),
        ("classmethod", Kind::ClassMethod),
        ("super", Kind::Super),
        ("bytes", Kind::Bytes),
    ];
    for (name, kind) in kinds {
        let class = vm.types.of(kind);
        set_global(vm, &builtins, name, Value::Type(class));
    }
    let exceptions = vm.types.exceptions.clone();
    for (name, class) in exceptions {
        set_global(vm, &builtins, name, Value::Type(class));
    }
    set_global(
        vm,
        &builtins,
        "EnvironmentError",
        Value::Type(vm.types.exception("OSError")),
    );
    set_global(
        vm,
        &builtins,
        "IOError",
        Value::Type(vm.types.exception("OSError")),
    );
    // The name exists (`isinstance(x, (bytes, bytearray))`); no value is ever one.
    let bytearray = vm.types.named("bytearray");
    set_global(vm, &builtins, "bytearray", Value::Type(bytearray));
    set_global(vm, &builtins, "None", Value::None);
    set_global(vm, &builtins, "NotImplemented", Value::NotImplemented);
    set_global(vm, &builtins, "Ellipsis", Value::Ellipsis);
    set_global(vm, &builtins, "__name__", Value::str("builtins"));
    super::methods::install(vm);
    install_class_methods(vm);
}

/// A bare instance of a Python class (an exception keeps its arguments; an instance of a
/// subclass of a built-in data type carries its built-in value: made from the arguments for
/// an immutable one, empty for a container, which its `__init__` fills).
pub fn new_instance(vm: &mut Vm, class: &Rc<Type>, args: &[Value], kwargs: &Kwargs) -> Res<Value> {
    // A metaclass called as `Meta(name, bases, namespace)` makes a class.
    if class.builtin.is_none() && class.is_subtype(&vm.types.type_) {
        let mut full = vec![Value::Type(class.clone())];
        full.extend(args.iter().cloned());
        return type_new(vm, &Value::None, full, kwargs.clone());
    }
    if let Some(kind) = data_base_kind(class) {
        let builtin = vm.types.of(kind);
        let (args, kwargs) = match kind {
            Kind::List | Kind::Dict | Kind::Set => (Vec::new(), Vec::new()),
            _ => (args.to_vec(), kwargs.clone()),
        };
        let base = construct(vm, kind, &builtin, args, kwargs)?;
        return Ok(Value::Object(Object::new(
            class.clone(),
            Native::Base(base),
        )));
    }
    Ok(plain_instance(vm, class, args))
}

fn plain_instance(vm: &mut Vm, class: &Rc<Type>, args: &[Value]) -> Value {
    if class.base == Base::Exception {
        let object = Object::new(class.clone(), Native::Exception(ExceptionData::default()));
        let symbol = vm.symbols.args;
        object
            .attrs
            .borrow_mut()
            .set(symbol, Value::tuple(args.to_vec()));
        Value::Object(object)
    } else {
        Value::Object(Object::new(class.clone(), Native::None))
    }
}

/// `object.__new__(cls, ...)`.
fn object_new(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    match args.first() {
        Some(Value::Type(class)) => {
            let class = class.clone();
            if let Some(kind) = class.builtin {
                if kind != Kind::Object && kind != Kind::BaseException {
                    return construct(vm, kind, &class, args[1..].to_vec(), Vec::new());
                }
            }
            new_instance(vm, &class, &args[1..], &Vec::new())
        }
        _ => vm.type_error("object.__new__(X): X is not a type object"),
    }
}

fn install_class_methods(vm: &mut Vm) {
    let object = vm.types.object.clone();
    add_method(vm, &object, "__new__", object_new);
    add_method(vm, &object, "__init__", object_init);
    add_method(vm, &object, "__repr__", object_repr);
    add_method(vm, &object, "__str__", object_str);
    add_method(vm, &object, "__eq__", object_eq);
    add_method(vm, &object, "__ne__", object_ne);
    add_method(vm, &object, "__hash__", object_hash);
    add_method(vm, &object, "__format__", object_format);
    add_method(vm, &object, "__setattr__", object_setattr);
    add_method(vm, &object, "__init_subclass__", object_init_subclass);
    add_method(vm, &object, "__getattribute__", object_getattribute);
    add_method(vm, &object, "__delattr__", object_delattr);
    for kind in [Kind::List, Kind::Dict, Kind::Set] {
        let container = vm.types.of(kind);
        add_method(vm, &container, "__init__", container_init);
    }
    let type_ = vm.types.type_.clone();
    add_method(vm, &type_, "__new__", type_new);
    add_method(vm, &type_, "__init__", type_init);
    add_method(vm, &type_, "__call__", type_call);
    let exc = vm.types.base_exception.clone();
    add_method(vm, &exc, "__init__", exception_init);
    add_method(vm, &exc, "with_traceback", exception_with_traceback);
    add_method(vm, &exc, "add_note", exception_add_note);
    add_method(vm, &exc, "__str__", exception_dunder_str);
    add_method(vm, &exc, "__repr__", exception_dunder_repr);
    let property = vm.types.of(Kind::Property);
    add_method(vm, &property, "setter", property_setter);
    add_method(vm, &property, "getter", property_getter);
    add_method(vm, &property, "deleter", property_deleter);
    add_method(vm, &property, "__get__", property_get);
}

// ----- argument helpers ------------------------------------------------------------------------

pub fn arity(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> Res<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    if min == max && min == 1 {
        return vm.type_error(format!("{name}() takes exactly one argument ({n} given)"));
    }
    if max == 0 {
        return vm.type_error(format!("{name}() takes no arguments ({n} given)"));
    }
    if n < min {
        return vm.type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        ));
    }
    vm.type_error(format!(
        "{name} expected at most {max} argument{}, got {n}",
        if max == 1 { "" } else { "s" }
    ))
}

pub fn no_kwargs(vm: &mut Vm, name: &str, kwargs: &Kwargs) -> Res<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        vm.type_error(format!("{name}() takes no keyword arguments"))
    }
}

pub fn kwarg(kwargs: &Kwargs, name: &str) -> Option<Value> {
    kwargs
        .iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

pub fn only_kwargs(vm: &mut Vm, name: &str, kwargs: &Kwargs, allowed: &[&str]) -> Res<()> {
    for (key, _) in kwargs {
        if !allowed.contains(&&**key) {
            return vm.type_error(format!(
                "{name}() got an unexpected keyword argument '{key}'"
            ));
        }
    }
    Ok(())
}

pub fn expect_str(vm: &mut Vm, value: &Value, what: &str) -> Res<Rc<str>> {
    match value {
        Value::Str(s) => Ok(s.clone()),
        other => {
            let name = type_name(vm, other);
            vm.type_error(format!("{what} must be str, not {name}"))
        }
    }
}

pub fn int_arg(vm: &mut Vm, value: &Value) -> Res<i64> {
    ops::index_of(vm, value)
}

pub fn exception_args(vm: &mut Vm, exc: &Value) -> Vec<Value> {
    let symbol = vm.symbols.args;
    match exc {
        Value::Object(o) => match o.attrs.borrow().get(symbol) {
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

// ----- output ----------------------------------------------------------------------------------

/// Whether `file=` names standard error.
fn is_stderr(vm: &mut Vm, file: &Value) -> Res<Option<bool>> {
    match file {
        Value::None => Ok(Some(false)),
        Value::Object(o) => {
            let symbol = vm.sym("_stderr");
            match o.attrs.borrow().get(symbol) {
                Some(Value::Bool(b)) => Ok(Some(*b)),
                _ => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// Where `print` writes without `file=`: `sys.stdout`, which a program (or
/// `contextlib.redirect_stdout`) may have replaced; None for the console itself.
fn program_stdout(vm: &mut Vm) -> Value {
    let Some(Value::Module(sys)) = vm.imported("sys") else {
        return Value::None;
    };
    let symbol = vm.sym("stdout");
    sys.get(symbol).unwrap_or(Value::None)
}

fn builtin_print(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    only_kwargs(vm, "print", &kwargs, &["sep", "end", "file", "flush"])?;
    let text_arg = |vm: &mut Vm, name: &str, default: &str| -> Res<String> {
        match kwarg(&kwargs, name) {
            None | Some(Value::None) => Ok(default.to_owned()),
            Some(Value::Str(s)) => Ok(s.to_string()),
            Some(other) => {
                let type_name = type_name(vm, &other);
                vm.type_error(format!("{name} must be None or a string, not {type_name}"))
            }
        }
    };
    let sep = text_arg(vm, "sep", " ")?;
    let end = text_arg(vm, "end", "\n")?;
    let mut out = String::new();
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&format::str_of(vm, arg)?);
        if out.len() > MAX_SIZE {
            return vm.err("MemoryError", "");
        }
    }
    out.push_str(&end);
    let file = match kwarg(&kwargs, "file") {
        None | Some(Value::None) => program_stdout(vm),
        Some(file) => file,
    };
    match is_stderr(vm, &file)? {
        Some(stderr) => vm.write(stderr, &out),
        None => {
            // Any object with a `write` method.
            let symbol = vm.sym("write");
            let write = ops::getattr(vm, &file, symbol)?;
            vm.call_nested(write, vec![Value::Str(out.into())])?;
        }
    }
    Ok(Value::None)
}

pub fn stream_write(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "write", &args, 2, 2)?;
    let stderr = is_stderr(vm, &args[0])?.unwrap_or(false);
    let text = match &args[1] {
        Value::Str(s) => s.clone(),
        other => {
            let name = type_name(vm, other);
            return vm.type_error(format!("write() argument must be str, not {name}"));
        }
    };
    vm.write(stderr, &text);
    Ok(Value::Int(text.chars().count() as i64))
}

pub fn stream_flush(_: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::None)
}

fn builtin_input(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    vm.err(
        "RuntimeError",
        "input() is not available here: there is no keyboard input in the playground",
    )
}

fn builtin_open(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    vm.err("RuntimeError", "open() is not available here: the playground has no files (simulate I/O with await asyncio.sleep(...))")
}

fn builtin_exit(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let class = vm.types.exception("SystemExit");
    Err(Flow::Raise(vm.new_exception(class, args)))
}

// ----- simple functions ----------------------------------------------------------------------

pub fn len_of(vm: &mut Vm, value: &Value) -> Res<usize> {
    Ok(match value {
        Value::Str(s) => {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        }
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.table.borrow().len(),
        Value::Range(r) => r.len() as usize,
        Value::Type(t) if ops::meta_method(t, vm.symbols.len).is_some() => {
            let method = ops::meta_method(t, vm.symbols.len).unwrap_or(Value::None);
            match vm.call_nested(method, vec![value.clone()])? {
                Value::Int(n) if n >= 0 => n as usize,
                _ => return vm.err("ValueError", "__len__() should return >= 0"),
            }
        }
        Value::Object(o) => {
            if let Native::DictView(d, _) = &*o.native.borrow() {
                return Ok(d.borrow().len());
            }
            let symbol = vm.symbols.len;
            if ops::user_method(vm, value, symbol).is_none() {
                if let Some(base) = base_of(value) {
                    return len_of(vm, &base);
                }
            }
            match o.class.lookup(symbol) {
                Some(method) => {
                    let result = vm.call_nested(method, vec![value.clone()])?;
                    match result {
                        Value::Int(n) if n >= 0 => n as usize,
                        Value::Int(_) => {
                            return vm.err("ValueError", "__len__() should return >= 0")
                        }
                        other => {
                            let name = type_name(vm, &other);
                            return vm.type_error(format!(
                                "'{name}' object cannot be interpreted as an integer"
                            ));
                        }
                    }
                }
                None => {
                    let name = type_name(vm, value);
                    return vm.type_error(format!("object of type '{name}' has no len()"));
                }
            }
        }
        other => {
            let name = type_name(vm, other);
            return vm.type_error(format!("object of type '{name}' has no len()"));
        }
    })
}

fn builtin_len(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    no_kwargs(vm, "len", &kwargs)?;
    arity(vm, "len", &args, 1, 1)?;
    Ok(Value::Int(len_of(vm, &args[0])? as i64))
}

fn builtin_repr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "repr", &args, 1, 1)?;
    Ok(Value::Str(format::repr(vm, &args[0])?.into()))
}

fn builtin_ascii(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "ascii", &args, 1, 1)?;
    let text = format::repr(vm, &args[0])?;
    Ok(Value::Str(format::ascii(&text).into()))
}

fn builtin_abs(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "abs", &args, 1, 1)?;
    match &args[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_big(BigInt::from_i64(*i).abs()),
        }),
        Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
        Value::Big(b) => Ok(Value::from_big(b.abs())),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => {
            let symbol = vm.sym("__abs__");
            if let Some(method) = ops::lookup_special(vm, other, symbol) {
                if !matches!(method, Value::Builtin(_)) {
                    return vm.call_nested(method, vec![other.clone()]);
                }
            }
            if let Some(base) = base_of(other) {
                return builtin_abs(vm, &Value::None, vec![base], Vec::new());
            }
            let name = type_name(vm, other);
            vm.type_error(format!("bad operand type for abs(): '{name}'"))
        }
    }
}

/// The items `min`/`max`/`sum`… iterate.
fn items_of(vm: &mut Vm, value: Value) -> Res<Vec<Value>> {
    ops::collect(vm, value)
}

fn min_max(vm: &mut Vm, args: Args, kwargs: Kwargs, name: &str, want: Ordering) -> Res<Value> {
    only_kwargs(vm, name, &kwargs, &["key", "default"])?;
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let default = kwarg(&kwargs, "default");
    let items = match args.len() {
        0 => return vm.type_error(format!("{name} expected at least 1 argument, got 0")),
        1 => items_of(vm, args.into_iter().next().unwrap_or(Value::None))?,
        _ => {
            if default.is_some() {
                return vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                ));
            }
            args
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call_nested(f.clone(), vec![item.clone()])?,
            None => item.clone(),
        };
        best = match best {
            None => Some((k, item)),
            Some((bk, bv)) => {
                let op = if want == Ordering::Less {
                    CmpOp::Lt
                } else {
                    CmpOp::Gt
                };
                let better = ops::compare(vm, op, &k, &bk)?;
                if ops::truthy(vm, &better)? {
                    Some((k, item))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => vm.err("ValueError", format!("{name}() arg is an empty sequence")),
        },
    }
}

fn builtin_min(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    min_max(vm, args, kwargs, "min", Ordering::Less)
}

fn builtin_max(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    min_max(vm, args, kwargs, "max", Ordering::Greater)
}

fn builtin_sum(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    only_kwargs(vm, "sum", &kwargs, &["start"])?;
    arity(vm, "sum", &args, 1, 2)?;
    let mut total = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(&kwargs, "start"))
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return vm.type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    let iterator = ops::get_iter(vm, args[0].clone())?;
    while let Some(item) = vm.next_item(&iterator)? {
        total = ops::binary(vm, super::ast::BinOp::Add, total, item, false)?;
    }
    Ok(total)
}

/// Sorts values by `key` (a Python callable or none), stable, raising what a comparison raises.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> Res<Vec<Value>> {
    let keys = match &key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in &items {
                keys.push(vm.call_nested(f.clone(), vec![item.clone()])?);
            }
            keys
        }
        None => items.clone(),
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Python sorts with `<` only; reverse keeps equal items in their original order.
    let mut error: Option<Flow> = None;
    let mut less = |vm: &mut Vm, a: &Value, b: &Value| -> bool {
        if error.is_some() {
            return false;
        }
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => x < y,
            (Value::Str(x), Value::Str(y)) => x < y,
            (Value::Float(x), Value::Float(y)) => x < y,
            _ => match ops::compare(vm, CmpOp::Lt, a, b).and_then(|r| ops::truthy(vm, &r)) {
                Ok(result) => result,
                Err(flow) => {
                    error = Some(flow);
                    false
                }
            },
        }
    };
    if reverse {
        order.reverse();
    }
    merge_sort(&mut order, &mut |i, j| less(vm, &keys[*i], &keys[*j]));
    if reverse {
        order.reverse();
    }
    if let Some(flow) = error {
        return Err(flow);
    }
    Ok(order.into_iter().map(|i| items[i].clone()).collect())
}

/// A stable merge sort with a `<` that may call back into the VM.
fn merge_sort(items: &mut [usize], less: &mut dyn FnMut(&usize, &usize) -> bool) {
    if items.len() <= 1 {
        return;
    }
    if items.len() <= 12 {
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && less(&items[j], &items[j - 1]) {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let mid = items.len() / 2;
    merge_sort(&mut items[..mid], less);
    merge_sort(&mut items[mid..], less);
    let mut merged = Vec::with_capacity(items.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < items.len() {
        if less(&items[j], &items[i]) {
            merged.push(items[j]);
            j += 1;
        } else {
            merged.push(items[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&items[i..mid]);
    merged.extend_from_slice(&items[j..]);
    items.copy_from_slice(&merged);
}

fn builtin_sorted(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    only_kwargs(vm, "sorted", &kwargs, &["key", "reverse"])?;
    if args.len() != 1 {
        return vm.type_error(format!("sorted expected 1 argument, got {}", args.len()));
    }
    let items = items_of(vm, args[0].clone())?;
    let key = kwarg(&kwargs, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(&kwargs, "reverse") {
        Some(r) => ops::truthy(vm, &r)?,
        None => false,
    };
    Ok(Value::list(sort_values(vm, items, key, reverse)?))
}

fn builtin_reversed(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "reversed", &args, 1, 1)?;
    let value = args[0].clone();
    let len = match &value {
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Str(s) => s.chars().count(),
        Value::Range(r) => r.len() as usize,
        Value::Bytes(b) => {
            let items: Vec<Value> = b.iter().map(|&x| Value::Int(i64::from(x))).collect();
            let n = items.len();
            return Ok(ops::new_iter(Iter::Reversed(Value::list(items), n)));
        }
        // A dict's keys, last inserted first (3.8+).
        Value::Dict(d) => {
            let keys: Vec<Value> = d.borrow().iter().map(|(k, _)| k.clone()).collect();
            let n = keys.len();
            return Ok(ops::new_iter(Iter::Reversed(Value::list(keys), n)));
        }
        Value::Object(_) => {
            let symbol = vm.sym("__reversed__");
            if let Some(method) = ops::lookup_special(vm, &value, symbol) {
                return vm.call_nested(method, vec![value]);
            }
            let items = items_of(vm, value)?;
            let n = items.len();
            return Ok(ops::new_iter(Iter::Reversed(Value::list(items), n)));
        }
        Value::Type(t) if t.meta.is_some() => {
            let symbol = vm.sym("__reversed__");
            if let Some(method) = ops::meta_method(t, symbol) {
                return vm.call_nested(method, vec![value]);
            }
            let name = type_name(vm, &value);
            return vm.type_error(format!("'{name}' object is not reversible"));
        }
        other => {
            let name = type_name(vm, other);
            return vm.type_error(format!("'{name}' object is not reversible"));
        }
    };
    Ok(ops::new_iter(Iter::Reversed(value, len)))
}

fn builtin_enumerate(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    only_kwargs(vm, "enumerate", &kwargs, &["start", "iterable"])?;
    let iterable = args.first().cloned().or_else(|| kwarg(&kwargs, "iterable"));
    let Some(iterable) = iterable else {
        return vm.type_error("enumerate() missing required argument 'iterable' (pos 1)");
    };
    let start = match args.get(1).cloned().or_else(|| kwarg(&kwargs, "start")) {
        Some(v) => int_arg(vm, &v)?,
        None => 0,
    };
    let iterator = ops::get_iter(vm, iterable)?;
    Ok(ops::new_iter(Iter::Enumerate(iterator, start)))
}

fn builtin_zip(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    only_kwargs(vm, "zip", &kwargs, &["strict"])?;
    let strict = match kwarg(&kwargs, "strict") {
        Some(value) => ops::truthy(vm, &value)?,
        None => false,
    };
    let mut iterators = Vec::with_capacity(args.len());
    for arg in args {
        iterators.push(ops::get_iter(vm, arg)?);
    }
    if iterators.is_empty() {
        return Ok(ops::new_iter(Iter::Done));
    }
    Ok(ops::new_iter(Iter::Zip(iterators, strict)))
}

fn class_check(vm: &mut Vm, value: &Value, classes: &Value, what: &str) -> Res<bool> {
    match classes {
        Value::Type(t) => {
            // A metaclass's own `__instancecheck__` / `__subclasscheck__` answers for its classes.
            if let Some(meta) = &t.meta {
                let hook = vm.sym(match what {
                    "isinstance" => "__instancecheck__",
                    _ => "__subclasscheck__",
                });
                if let Some(check) = metaclass_own(meta, hook) {
                    let answer = vm.call_nested(check, vec![classes.clone(), value.clone()])?;
                    return ops::truthy(vm, &answer);
                }
            }
            Ok(match what {
                "isinstance" => ops::isinstance(vm, value, t),
                _ => match value {
                    Value::Type(sub) => sub.is_subtype(t),
                    _ => return vm.type_error("issubclass() arg 1 must be a class"),
                },
            })
        }
        Value::Tuple(items) => {
            for class in items.iter() {
                if class_check(vm, value, class, what)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        // An object whose class answers (`types.UnionType` for `int | None`).
        Value::Object(o) => {
            let hook = vm.sym(match what {
                "isinstance" => "__instancecheck__",
                _ => "__subclasscheck__",
            });
            match o.class.lookup(hook) {
                Some(check) => {
                    let answer = vm.call_nested(check, vec![classes.clone(), value.clone()])?;
                    ops::truthy(vm, &answer)
                }
                None => vm.type_error(format!(
                    "{what}() arg 2 must be a type, a tuple of types, or a union"
                )),
            }
        }
        _ => vm.type_error(format!(
            "{what}() arg 2 must be a type, a tuple of types, or a union"
        )),
    }
}

fn builtin_isinstance(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() != 2 {
        return vm.type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        ));
    }
    Ok(Value::Bool(class_check(
        vm,
        &args[0],
        &args[1],
        "isinstance",
    )?))
}

fn builtin_issubclass(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() != 2 {
        return vm.type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        ));
    }
    Ok(Value::Bool(class_check(
        vm,
        &args[0],
        &args[1],
        "issubclass",
    )?))
}

/// `round(x)` for a float: half to even, as an int.
pub fn float_to_int(vm: &mut Vm, f: f64) -> Res<Value> {
    if f.is_nan() {
        return vm.err("ValueError", "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        return vm.err("OverflowError", "cannot convert float infinity to integer");
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        Ok(Value::Int(t as i64))
    } else {
        Ok(Value::from_big(BigInt::from_f64(t)))
    }
}

/// `round(x, n)` for floats as CPython does it: through the correctly rounded decimal text.
fn round_float(x: f64, digits: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if digits > 308 {
        return x;
    }
    if digits < -308 {
        return 0.0f64.copysign(x);
    }
    if digits >= 0 {
        let text = format!("{:.*}", digits as usize, x);
        text.parse().unwrap_or(x)
    } else {
        let scale = 10f64.powi((-digits) as i32);
        let y = x / scale;
        let rounded = y.round();
        let rounded = if (y - y.trunc()).abs() == 0.5 {
            2.0 * (y / 2.0).round()
        } else {
            rounded
        };
        rounded * scale
    }
}

fn builtin_round(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    only_kwargs(vm, "round", &kwargs, &["ndigits"])?;
    arity(vm, "round", &args, 1, 2)?;
    let digits = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(&kwargs, "ndigits"))
        .filter(|d| !d.is_none());
    match (&args[0], digits) {
        (Value::Float(f), None) => {
            let r = f.round();
            let r = if (f - f.trunc()).abs() == 0.5 {
                2.0 * (f / 2.0).round()
            } else {
                r
            };
            float_to_int(vm, r)
        }
        (Value::Float(f), Some(d)) => {
            let d = int_arg(vm, &d)?;
            Ok(Value::Float(round_float(*f, d)))
        }
        (Value::Int(_) | Value::Big(_) | Value::Bool(_), None) => Ok(match &args[0] {
            Value::Bool(b) => Value::Int(i64::from(*b)),
            other => other.clone(),
        }),
        (Value::Int(i), Some(d)) => {
            let d = int_arg(vm, &d)?;
            if d >= 0 {
                return Ok(Value::Int(*i));
            }
            if d < -18 {
                return Ok(Value::Int(0));
            }
            let scale = 10i64.pow((-d) as u32);
            let q = i.div_euclid(scale);
            let r = i.rem_euclid(scale);
            let twice = 2 * r;
            let up = twice > scale || (twice == scale && q % 2 != 0);
            Ok(Value::Int((q + i64::from(up)) * scale))
        }
        (other, _) => {
            let symbol = vm.sym("__round__");
            if let Some(method) = ops::lookup_special(vm, other, symbol) {
                if !matches!(method, Value::Builtin(_)) {
                    let mut call = vec![other.clone()];
                    call.extend(args.get(1).cloned());
                    return vm.call_nested(method, call);
                }
            }
            if let Some(base) = base_of(other) {
                let mut args = args.clone();
                args[0] = base;
                return builtin_round(vm, &Value::None, args, kwargs);
            }
            let name = type_name(vm, other);
            vm.type_error(format!("type {name} doesn't define __round__ method"))
        }
    }
}

fn builtin_any(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "any", &args, 1, 1)?;
    let iterator = ops::get_iter(vm, args[0].clone())?;
    while let Some(item) = vm.next_item(&iterator)? {
        if ops::truthy(vm, &item)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn builtin_all(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "all", &args, 1, 1)?;
    let iterator = ops::get_iter(vm, args[0].clone())?;
    while let Some(item) = vm.next_item(&iterator)? {
        if !ops::truthy(vm, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn builtin_divmod(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() != 2 {
        return vm.type_error(format!("divmod expected 2 arguments, got {}", args.len()));
    }
    use super::ast::BinOp;
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (&args[0], &args[1]) {
        let x = ops::to_f64(vm, &args[0])?;
        let y = ops::to_f64(vm, &args[1])?;
        if y == 0.0 {
            return vm.err("ZeroDivisionError", "float divmod()");
        }
        let (q, r) = ops::float_divmod(x, y);
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    if let (Value::Int(_) | Value::Big(_) | Value::Bool(_), Value::Int(0) | Value::Bool(false)) =
        (&args[0], &args[1])
    {
        return vm.err("ZeroDivisionError", "integer division or modulo by zero");
    }
    let numbers = |v: &Value| matches!(v, Value::Int(_) | Value::Big(_) | Value::Bool(_));
    if !numbers(&args[0]) || !numbers(&args[1]) {
        let has_own = |v: &Value| matches!(v, Value::Object(_));
        if !has_own(&args[0]) && !has_own(&args[1]) {
            let (a, b) = (type_name(vm, &args[0]), type_name(vm, &args[1]));
            return vm.type_error(format!(
                "unsupported operand type(s) for divmod(): '{a}' and '{b}'"
            ));
        }
    }
    let q = ops::binary(vm, BinOp::FloorDiv, args[0].clone(), args[1].clone(), false)?;
    let r = ops::binary(vm, BinOp::Mod, args[0].clone(), args[1].clone(), false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn builtin_pow(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "pow", &args, 2, 3)?;
    if let Some(modulus) = args.get(2).filter(|m| !m.is_none()) {
        let (Value::Int(base), Value::Int(exp), Value::Int(m)) = (&args[0], &args[1], modulus)
        else {
            return vm
                .type_error("pow() 3rd argument not allowed unless all arguments are integers");
        };
        if *m == 0 {
            return vm.err("ValueError", "pow() 3rd argument cannot be 0");
        }
        if *exp < 0 {
            return vm.err("ValueError", "base is not invertible for the given modulus");
        }
        let m128 = i128::from(*m);
        let mut result: i128 = 1;
        let mut b = i128::from(*base).rem_euclid(m128);
        let mut e = *exp;
        while e > 0 {
            if e & 1 == 1 {
                result = (result * b).rem_euclid(m128);
            }
            b = (b * b).rem_euclid(m128);
            e >>= 1;
        }
        let result = result.rem_euclid(m128);
        let result = if *m < 0 && result != 0 {
            result + m128
        } else {
            result
        };
        return Ok(Value::Int(result as i64));
    }
    ops::binary(
        vm,
        super::ast::BinOp::Pow,
        args[0].clone(),
        args[1].clone(),
        false,
    )
}

/// CPython's numeric hashes work modulo this prime, so that `hash(1) == hash(1.0)`.
const HASH_MODULUS: u64 = (1 << 61) - 1;

fn hash_magnitude_words(words: &[u32]) -> u64 {
    // Most significant word first: acc = acc * 2^32 + word (mod 2^61 - 1).
    let mut acc: u128 = 0;
    for word in words.iter().rev() {
        acc = ((acc << 32) | u128::from(*word)) % u128::from(HASH_MODULUS);
    }
    acc as u64
}

fn signed_hash(magnitude: u64, negative: bool) -> i64 {
    let h = if negative {
        -(magnitude as i64)
    } else {
        magnitude as i64
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn float_hash(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    // x = m * 2^e with 0.5 <= m < 1, folded in 28 bits at a time as CPython does.
    let (mut m, mut e) = frexp(x.abs());
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & HASH_MODULUS) | (acc >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= HASH_MODULUS {
            acc -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    acc = ((acc << e) & HASH_MODULUS) | (acc >> (61 - e));
    signed_hash(acc, x < 0.0)
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// `hash()` as CPython computes it for numbers and tuples of them; other values get the
/// playground's own (CPython's differ from run to run for strings and objects anyway).
pub fn python_hash(vm: &mut Vm, value: &Value) -> Res<i64> {
    Ok(match value {
        Value::Int(i) => signed_hash(i.unsigned_abs() % HASH_MODULUS, *i < 0),
        Value::Bool(b) => i64::from(*b),
        Value::Str(s) => ops::hash_str(s) as i64,
        Value::Big(b) => signed_hash(hash_magnitude_words(b.magnitude_words()), b.is_negative()),
        Value::Float(f) if f.is_nan() => (ops::hash(vm, value)? >> 1) as i64,
        Value::Float(f) => float_hash(*f),
        Value::Tuple(items) => {
            const PRIME_1: u64 = 11_400_714_785_074_694_791;
            const PRIME_2: u64 = 14_029_467_366_897_019_727;
            const PRIME_5: u64 = 2_870_177_450_012_600_261;
            let mut acc = PRIME_5;
            for item in items.iter() {
                let lane = python_hash(vm, item)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(PRIME_1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (PRIME_5 ^ 3_527_539));
            if acc == u64::MAX {
                1_546_275_796
            } else {
                acc as i64
            }
        }
        // A class's own `__hash__`: its number as it is (-1 is kept for errors, so -2), one
        // too big for 64 bits reduced as an int's hash is.
        Value::Object(o) => match ops::own_hash(vm, value, o)? {
            Some(Value::Int(-1)) => -2,
            Some(Value::Int(n)) => n,
            Some(big) => python_hash(vm, &big)?,
            None => match base_of(value) {
                Some(base) => python_hash(vm, &base)?,
                None => (ops::hash(vm, value)? >> 1) as i64,
            },
        },
        other => (ops::hash(vm, other)? >> 1) as i64,
    })
}

fn builtin_hash(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "hash", &args, 1, 1)?;
    Ok(Value::Int(python_hash(vm, &args[0])?))
}

fn builtin_id(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "id", &args, 1, 1)?;
    Ok(Value::Int(args[0].id() as i64))
}

fn builtin_iter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "iter", &args, 1, 1)?;
    ops::get_iter(vm, args[0].clone())
}

fn builtin_next(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "next", &args, 1, 2)?;
    let iterator = args[0].clone();
    match &iterator {
        Value::Iter(_) => {}
        Value::Gen(g) if g.kind == GenKind::Generator && args.len() == 1 => {
            // A generator steps in the calling frame's run (it may be long).
            return Err(Flow::Resume(g.clone(), Ok(Value::None)));
        }
        Value::Gen(_) => {}
        other => {
            let symbol = vm.symbols.next;
            if ops::lookup_special(vm, other, symbol).is_none() {
                let name = type_name(vm, other);
                return vm.type_error(format!("'{name}' object is not an iterator"));
            }
        }
    }
    match vm.next_item(&iterator)? {
        Some(value) => Ok(value),
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => vm.err("StopIteration", ""),
        },
    }
}

fn builtin_callable(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "callable", &args, 1, 1)?;
    let call = vm.symbols.call;
    Ok(Value::Bool(match &args[0] {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        Value::Object(o) => o.class.lookup(call).is_some(),
        _ => false,
    }))
}

fn builtin_getattr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "getattr", &args, 2, 3)?;
    let name = match &args[1] {
        Value::Str(s) => s.clone(),
        other => {
            let type_name = type_name(vm, other);
            return vm.type_error(format!("attribute name must be string, not '{type_name}'"));
        }
    };
    let symbol = vm.sym(&name);
    match ops::getattr(vm, &args[0], symbol) {
        Ok(v) => Ok(v),
        Err(Flow::Raise(e)) if args.len() == 3 && vm.is_named(&e, "AttributeError") => {
            Ok(args[2].clone())
        }
        Err(other) => Err(other),
    }
}

fn builtin_setattr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "setattr", &args, 3, 3)?;
    let symbol = attribute_symbol(vm, &args[1])?;
    ops::setattr(vm, &args[0], symbol, args[2].clone())?;
    Ok(Value::None)
}

fn builtin_hasattr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "hasattr", &args, 2, 2)?;
    let symbol = attribute_symbol(vm, &args[1])?;
    match ops::getattr(vm, &args[0], symbol) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(Flow::Raise(e)) if vm.is_named(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(other) => Err(other),
    }
}

fn builtin_delattr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "delattr", &args, 2, 2)?;
    let symbol = attribute_symbol(vm, &args[1])?;
    ops::delattr(vm, &args[0], symbol)?;
    Ok(Value::None)
}

fn builtin_chr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "chr", &args, 1, 1)?;
    let code = int_arg(vm, &args[0])?;
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::Str(c.to_string().into())),
        None => vm.err("ValueError", "chr() arg not in range(0x110000)"),
    }
}

fn builtin_ord(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "ord", &args, 1, 1)?;
    match &args[0] {
        Value::Bytes(data) if data.len() == 1 => Ok(Value::Int(i64::from(data[0]))),
        Value::Bytes(data) => vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            data.len()
        )),
        Value::Str(s) => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => {
                    let n = s.chars().count();
                    vm.type_error(format!(
                        "ord() expected a character, but string of length {n} found"
                    ))
                }
            }
        }
        other => {
            let name = type_name(vm, other);
            vm.type_error(format!(
                "ord() expected string of length 1, but {name} found"
            ))
        }
    }
}

fn radix_text(vm: &mut Vm, args: &Args, name: &str, spec: &str) -> Res<Value> {
    arity(vm, name, args, 1, 1)?;
    let number = match &args[0] {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => args[0].clone(),
        other => match ops::index_value(vm, other)? {
            Some(number) => number,
            None => {
                let type_name = type_name(vm, other);
                return vm.type_error(format!(
                    "'{type_name}' object cannot be interpreted as an integer"
                ));
            }
        },
    };
    Ok(Value::Str(format::format(vm, &number, spec)?.into()))
}

fn builtin_hex(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    radix_text(vm, &args, "hex", "#x")
}

fn builtin_oct(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    radix_text(vm, &args, "oct", "#o")
}

fn builtin_bin(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    radix_text(vm, &args, "bin", "#b")
}

fn builtin_format(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "format", &args, 1, 2)?;
    let spec = match args.get(1) {
        Some(v) => expect_str(vm, v, "format() argument 2")?,
        None => "".into(),
    };
    Ok(Value::Str(format::format(vm, &args[0], &spec)?.into()))
}

fn builtin_vars(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "vars", &args, 1, 1)?;
    if let Value::Type(class) = &args[0] {
        // A class's own namespace (CPython gives a read-only view of it; a copy reads the same).
        let pairs: Vec<(Symbol, Value)> = class.dict.borrow().iter().cloned().collect();
        let mut dict = Dict::new();
        for (k, v) in pairs {
            let name = vm.name(k);
            dict.push(ops::hash_str(&name), Value::Str(name), v);
        }
        return Ok(Value::dict(dict));
    }
    let symbol = vm.symbols.dict;
    match ops::getattr(vm, &args[0], symbol) {
        Err(Flow::Raise(exc)) if vm.is_named(&exc, "AttributeError") => {
            vm.type_error("vars() argument must have __dict__ attribute")
        }
        other => other,
    }
}

fn builtin_globals(vm: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    match vm.frames.last() {
        Some(frame) => {
            let module = frame.globals.clone();
            Ok(ops::module_dict(vm, &module))
        }
        None => Ok(Value::dict(Dict::new())),
    }
}

/// The attribute names `dir()` lists, sorted.
pub fn dir_names(vm: &mut Vm, value: &Value) -> Vec<Rc<str>> {
    let mut names: Vec<Rc<str>> = Vec::new();
    let add = |names: &mut Vec<Rc<str>>, name: Rc<str>| {
        if !names.contains(&name) {
            names.push(name);
        }
    };
    match value {
        Value::Module(m) => {
            let symbols: Vec<Symbol> = m.globals.borrow().keys().collect();
            for s in symbols {
                add(&mut names, vm.name(s));
            }
        }
        Value::Type(t) => {
            for class in t.lineage() {
                for (s, _) in class.dict.borrow().iter() {
                    add(&mut names, vm.name(*s));
                }
            }
        }
        other => {
            if let Value::Object(o) = other {
                for (s, _) in o.attrs.borrow().iter() {
                    add(&mut names, vm.name(*s));
                }
            }
            let class = ops::type_of(vm, other);
            for t in class.lineage() {
                for (s, _) in t.dict.borrow().iter() {
                    add(&mut names, vm.name(*s));
                }
            }
        }
    }
    names.sort();
    names
}

fn builtin_dir(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "dir", &args, 1, 1)?;
    let names = dir_names(vm, &args[0]);
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

fn builtin_map(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() < 2 {
        return vm.type_error("map() must have at least two arguments.");
    }
    let mut iterators = Vec::with_capacity(args.len() - 1);
    for arg in &args[1..] {
        iterators.push(ops::get_iter(vm, arg.clone())?);
    }
    Ok(ops::new_iter(Iter::Map(args[0].clone(), iterators)))
}

fn builtin_filter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    if args.len() != 2 {
        return vm.type_error(format!("filter expected 2 arguments, got {}", args.len()));
    }
    let iterator = ops::get_iter(vm, args[1].clone())?;
    Ok(ops::new_iter(Iter::Filter(args[0].clone(), iterator)))
}

fn builtin_aiter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "aiter", &args, 1, 1)?;
    let symbol = vm.symbols.aiter;
    match ops::lookup_special(vm, &args[0], symbol) {
        Some(method) => vm.call_nested(method, vec![args[0].clone()]),
        None => {
            let name = type_name(vm, &args[0]);
            vm.type_error(format!("'{name}' object is not an async iterable"))
        }
    }
}

fn builtin_anext(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "anext", &args, 1, 1)?;
    let symbol = vm.symbols.anext;
    match ops::lookup_special(vm, &args[0], symbol) {
        Some(method) => vm.call_nested(method, vec![args[0].clone()]),
        None => {
            let name = type_name(vm, &args[0]);
            vm.type_error(format!("'{name}' object is not an async iterator"))
        }
    }
}

// ----- constructors ------------------------------------------------------------------------------

/// `int(text, base)`: Python's literal rules (underscores between digits, spaces around).
pub fn parse_int(text: &str, base: u32) -> Option<Value> {
    let trimmed = text.trim();
    let (negative, digits) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let (base, digits) = match base {
        0 | 16 | 8 | 2 => {
            let lower = digits.get(..2).map(str::to_ascii_lowercase);
            match lower.as_deref() {
                Some("0x") if base == 0 || base == 16 => (16, &digits[2..]),
                Some("0o") if base == 0 || base == 8 => (8, &digits[2..]),
                Some("0b") if base == 0 || base == 2 => (2, &digits[2..]),
                _ if base == 0 => (10, digits),
                _ => (base, digits),
            }
        }
        other => (other, digits),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let big = BigInt::parse(&clean, base)?;
    Some(Value::from_big(if negative { big.neg() } else { big }))
}

/// `float(text)`.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    if t.is_empty() || t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    if !clean
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    clean.parse::<f64>().ok()
}

pub fn construct(
    vm: &mut Vm,
    kind: Kind,
    class: &Rc<Type>,
    args: Args,
    kwargs: Kwargs,
) -> Res<Value> {
    let name = class.name.clone();
    if kind == Kind::Object && &*name == "bytearray" && class.module.as_ref() == "builtins" {
        return vm.err(
            "NotImplementedError",
            format!("{name} are not supported in the playground: use str"),
        );
    }
    let mut args = args;
    // `int(level)`, `float(money)`: an instance of a subclass of a built-in number converts as
    // its number does, unless its class says how.
    if let (Kind::Int | Kind::Float, Some(base)) = (kind, args.first().and_then(base_of)) {
        let own = ["__int__", "__index__", "__float__"]
            .iter()
            .filter_map(|name| vm.interner.lookup(name))
            .any(|symbol| ops::user_method(vm, &args[0], symbol).is_some());
        if !own {
            args[0] = base;
        }
    }
    match kind {
        Kind::BaseException => {
            if !kwargs.is_empty() {
                return vm.type_error(format!("{name}() takes no keyword arguments"));
            }
            Ok(vm.new_exception(class.clone(), args))
        }
        Kind::Object => {
            if !args.is_empty() {
                return vm.type_error("object() takes no arguments");
            }
            Ok(Value::Object(Object::new(class.clone(), Native::None)))
        }
        Kind::Int => {
            only_kwargs(vm, "int", &kwargs, &["base"])?;
            // `int(b'42')` reads the bytes as text.
            if let Some(Value::Bytes(data)) = args.first() {
                args[0] = super::bytes::latin1_text(data);
            }
            if args.len() > 2 {
                return vm.type_error(format!(
                    "int() takes at most 2 arguments ({} given)",
                    args.len()
                ));
            }
            let base = args.get(1).cloned().or_else(|| kwarg(&kwargs, "base"));
            let Some(value) = args.first() else {
                return Ok(Value::Int(0));
            };
            if let Some(base) = base {
                let base = int_arg(vm, &base)?;
                let Value::Str(text) = value else {
                    return vm.type_error("int() can't convert non-string with explicit base");
                };
                if base != 0 && !(2..=36).contains(&base) {
                    return vm.err("ValueError", "int() base must be >= 2 and <= 36, or 0");
                }
                return match parse_int(text, base as u32) {
                    Some(v) => Ok(v),
                    None => {
                        let shown = format::repr(vm, value)?;
                        vm.err(
                            "ValueError",
                            format!("invalid literal for int() with base {base}: {shown}"),
                        )
                    }
                };
            }
            match value {
                Value::Int(_) | Value::Big(_) => Ok(value.clone()),
                Value::Bool(b) => Ok(Value::Int(i64::from(*b))),
                Value::Float(f) => float_to_int(vm, *f),
                Value::Str(text) => match parse_int(text, 10) {
                    Some(v) => Ok(v),
                    None => {
                        let shown = format::repr(vm, value)?;
                        vm.err(
                            "ValueError",
                            format!("invalid literal for int() with base 10: {shown}"),
                        )
                    }
                },
                other => {
                    for dunder in ["__int__", "__index__"] {
                        let symbol = vm.sym(dunder);
                        if let Some(method) = ops::lookup_special(vm, other, symbol) {
                            if !matches!(method, Value::Builtin(_)) {
                                return vm.call_nested(method, vec![other.clone()]);
                            }
                        }
                    }
                    let type_name = type_name(vm, other);
                    vm.type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{type_name}'"
                    ))
                }
            }
        }
        Kind::Bool => {
            arity(vm, "bool", &args, 0, 1)?;
            match args.first() {
                Some(v) => Ok(Value::Bool(ops::truthy(vm, v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        Kind::Float => {
            arity(vm, "float", &args, 0, 1)?;
            if let Some(Value::Bytes(data)) = args.first() {
                args[0] = super::bytes::latin1_text(data);
            }
            match args.first() {
                None => Ok(Value::Float(0.0)),
                Some(Value::Float(f)) => Ok(Value::Float(*f)),
                Some(Value::Str(s)) => match parse_float(s) {
                    Some(f) => Ok(Value::Float(f)),
                    None => {
                        let shown = format::repr(vm, &args[0])?;
                        vm.err(
                            "ValueError",
                            format!("could not convert string to float: {shown}"),
                        )
                    }
                },
                Some(v @ (Value::Int(_) | Value::Big(_) | Value::Bool(_))) => {
                    Ok(Value::Float(ops::to_f64(vm, v)?))
                }
                Some(other) => {
                    let symbol = vm.sym("__float__");
                    if let Some(method) = ops::lookup_special(vm, other, symbol) {
                        if !matches!(method, Value::Builtin(_)) {
                            return vm.call_nested(method, vec![other.clone()]);
                        }
                    }
                    let type_name = type_name(vm, other);
                    vm.type_error(format!(
                        "float() argument must be a string or a real number, not '{type_name}'"
                    ))
                }
            }
        }
        Kind::Str => {
            only_kwargs(vm, "str", &kwargs, &["object", "encoding", "errors"])?;
            arity(vm, "str", &args, 0, 3)?;
            let object = args.first().cloned().or_else(|| kwarg(&kwargs, "object"));
            let encoding = args.get(1).cloned().or_else(|| kwarg(&kwargs, "encoding"));
            let errors = args.get(2).cloned().or_else(|| kwarg(&kwargs, "errors"));
            if encoding.is_none() && errors.is_none() {
                return match object {
                    None => Ok(Value::str("")),
                    Some(v) => Ok(Value::Str(format::str_of(vm, &v)?.into())),
                };
            }
            // `str(data, 'utf-8')` decodes.
            let (encoding, errors) = super::bytes::codec_args(vm, "str", encoding, errors)?;
            match object {
                None => Ok(Value::str("")),
                Some(Value::Bytes(data)) => super::bytes::decode(vm, &data, &encoding, &errors),
                Some(Value::Str(_)) => vm.type_error("decoding str is not supported"),
                Some(other) => {
                    let name = ops::type_name(vm, &other);
                    vm.type_error(format!(
                        "decoding to str: need a bytes-like object, {name} found"
                    ))
                }
            }
        }
        Kind::Bytes => super::bytes::construct(vm, args, kwargs),
        Kind::List => {
            no_kwargs(vm, "list", &kwargs)?;
            arity(vm, "list", &args, 0, 1)?;
            match args.into_iter().next() {
                None => Ok(Value::list(Vec::new())),
                Some(v) => Ok(Value::list(ops::collect(vm, v)?)),
            }
        }
        Kind::Tuple => {
            no_kwargs(vm, "tuple", &kwargs)?;
            arity(vm, "tuple", &args, 0, 1)?;
            match args.into_iter().next() {
                None => Ok(Value::tuple(Vec::new())),
                Some(Value::Tuple(t)) => Ok(Value::Tuple(t)),
                Some(v) => Ok(Value::tuple(ops::collect(vm, v)?)),
            }
        }
        Kind::Set | Kind::FrozenSet => {
            arity(vm, &name, &args, 0, 1)?;
            let items = match args.into_iter().next() {
                None => Vec::new(),
                Some(v) => ops::collect(vm, v)?,
            };
            ops::new_set(vm, items, kind == Kind::FrozenSet)
        }
        Kind::Dict => {
            if args.len() > 1 {
                return vm.type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    args.len()
                ));
            }
            let dict = Rc::new(RefCell::new(Dict::new()));
            if let Some(source) = args.first() {
                ops::dict_update(vm, &dict, source, false)?;
            }
            for (key, value) in kwargs {
                ops::dict_set_shared(vm, &dict, Value::Str(key), value)?;
            }
            Ok(Value::Dict(dict))
        }
        Kind::Range => {
            no_kwargs(vm, "range", &kwargs)?;
            let ints: Vec<i64> = {
                let mut out = Vec::new();
                for a in &args {
                    if let Value::Float(_) = a {
                        return vm.type_error("'float' object cannot be interpreted as an integer");
                    }
                    out.push(int_arg(vm, a)?);
                }
                out
            };
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                [] => return vm.type_error("range expected at least 1 argument, got 0"),
                _ => {
                    return vm.type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    ))
                }
            };
            if step == 0 {
                return vm.err("ValueError", "range() arg 3 must not be zero");
            }
            Ok(Value::Range(Rc::new(Range { start, stop, step })))
        }
        Kind::Slice => {
            arity(vm, "slice", &args, 1, 3)?;
            let parts = match args.as_slice() {
                [stop] => [Value::None, stop.clone(), Value::None],
                [start, stop] => [start.clone(), stop.clone(), Value::None],
                [start, stop, step] => [start.clone(), stop.clone(), step.clone()],
                _ => [Value::None, Value::None, Value::None],
            };
            Ok(Value::Slice(Rc::new(parts)))
        }
        Kind::Type => {
            if args.len() == 1 {
                return Ok(Value::Type(ops::type_of(vm, &args[0])));
            }
            if args.len() == 3 {
                let mut full = vec![Value::Type(vm.types.type_.clone())];
                full.extend(args);
                return type_new(vm, &Value::None, full, kwargs);
            }
            vm.type_error("type() takes 1 or 3 arguments")
        }
        Kind::Property => {
            only_kwargs(vm, "property", &kwargs, &["fget", "fset", "fdel", "doc"])?;
            let getter = args
                .first()
                .cloned()
                .or_else(|| kwarg(&kwargs, "fget"))
                .unwrap_or(Value::None);
            let setter = args
                .get(1)
                .cloned()
                .or_else(|| kwarg(&kwargs, "fset"))
                .unwrap_or(Value::None);
            let deleter = args
                .get(2)
                .cloned()
                .or_else(|| kwarg(&kwargs, "fdel"))
                .unwrap_or(Value::None);
            let doc = match args.get(3).cloned().or_else(|| kwarg(&kwargs, "doc")) {
                Some(doc) if !doc.is_none() => doc,
                _ => {
                    let symbol = vm.sym("__doc__");
                    match &getter {
                        Value::None => Value::None,
                        getter => ops::getattr(vm, getter, symbol).unwrap_or(Value::None),
                    }
                }
            };
            let property = Object::new(class.clone(), Native::Property(getter, setter));
            set_property_extras(vm, &property, deleter, doc);
            Ok(Value::Object(property))
        }
        Kind::StaticMethod | Kind::ClassMethod => {
            arity(vm, &name, &args, 1, 1)?;
            let native = if kind == Kind::StaticMethod {
                Native::StaticMethod(args[0].clone())
            } else {
                Native::ClassMethod(args[0].clone())
            };
            Ok(Value::Object(Object::new(class.clone(), native)))
        }
        Kind::Super => make_super(vm, args),
        _ => vm.type_error(format!("cannot create '{name}' instances")),
    }
}

// ----- classes ---------------------------------------------------------------------------------

/// The `__build_class__` the compiler calls for a `class` statement.
pub fn build_class_value() -> Value {
    native("__build_class__", build_class)
}

fn build_class(vm: &mut Vm, _: &Value, mut args: Args, kwargs: Kwargs) -> Res<Value> {
    if args.len() < 2 {
        return vm.type_error("__build_class__: not enough arguments");
    }
    let body = args.remove(0);
    let name = match args.remove(0) {
        Value::Str(s) => s,
        _ => return vm.type_error("__build_class__: name is not a string"),
    };
    vm.push_class_body(body, name, args, kwargs)?;
    Err(Flow::Pushed)
}

/// Bases as a class statement takes them: an object with `__mro_entries__` (`list[int]`)
/// stands for the classes it names.
fn mro_entries(vm: &mut Vm, bases: Vec<Value>) -> Res<Vec<Value>> {
    if !bases.iter().any(|base| matches!(base, Value::Object(_))) {
        return Ok(bases);
    }
    let symbol = vm.sym("__mro_entries__");
    let all = Value::tuple(bases.clone());
    let mut out = Vec::new();
    for base in bases {
        let entries = match &base {
            Value::Object(o) => o.class.lookup(symbol),
            _ => None,
        };
        match entries {
            Some(method) => match vm.call_nested(method, vec![base.clone(), all.clone()])? {
                Value::Tuple(items) => out.extend(items.iter().cloned()),
                _ => return vm.type_error("__mro_entries__ must return a tuple"),
            },
            None => out.push(base),
        }
    }
    Ok(out)
}

/// C3 linearization of the bases' method resolution orders.
fn c3(vm: &mut Vm, name: &str, bases: &[Rc<Type>]) -> Res<Vec<Rc<Type>>> {
    let mut sequences: Vec<Vec<Rc<Type>>> = bases
        .iter()
        .map(|b| b.lineage().cloned().collect())
        .collect();
    sequences.push(bases.to_vec());
    let mut out: Vec<Rc<Type>> = Vec::new();
    loop {
        sequences.retain(|s| !s.is_empty());
        if sequences.is_empty() {
            return Ok(out);
        }
        let candidate = sequences.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = sequences
                .iter()
                .any(|other| other[1..].iter().any(|t| Rc::ptr_eq(t, head)));
            (!in_tail).then(|| head.clone())
        });
        let Some(next) = candidate else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            let _ = name;
            return vm.type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in sequences.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// What a metaclass written in Python defines itself under `symbol` (not `type`'s own).
pub fn metaclass_own(meta: &Rc<Type>, symbol: Symbol) -> Option<Value> {
    meta.lineage()
        .take_while(|t| t.builtin.is_none())
        .find_map(|t| t.dict.borrow().get(symbol).cloned())
}

/// Makes a class from its name, bases and the namespace its body filled; `keywords` are the
/// class statement's (`metaclass=`, and the rest for `__init_subclass__`). A metaclass with
/// its own `__new__` or `__init__` makes it, as in CPython, from a dict of the namespace.
pub fn make_class(
    vm: &mut Vm,
    name: Rc<str>,
    bases: Vec<Value>,
    namespace: Rc<RefCell<Attrs>>,
    class_cell: Value,
    keywords: Kwargs,
) -> Res<Value> {
    let explicit = keywords
        .iter()
        .find(|(k, _)| &**k == "metaclass")
        .map(|(_, v)| v.clone());
    let meta = match explicit {
        Some(Value::Type(t)) => Some(t),
        Some(_) => None,
        None => bases.iter().find_map(|b| match b {
            Value::Type(t) => t.meta.clone(),
            _ => None,
        }),
    };
    let Some(meta) = meta else {
        return create_class(vm, name, bases, namespace, class_cell, keywords);
    };
    let new = metaclass_own(&meta, vm.symbols.new);
    let init = metaclass_own(&meta, vm.symbols.init);
    if new.is_none() && init.is_none() {
        return create_class(vm, name, bases, namespace, class_cell, keywords);
    }
    let namespace_value = ops::namespace_dict(vm, &namespace.borrow());
    if let (Value::Cell(_), Value::Dict(d)) = (&class_cell, &namespace_value) {
        d.borrow_mut().push(
            ops::hash_str("__classcell__"),
            Value::str("__classcell__"),
            class_cell.clone(),
        );
    }
    let others: Kwargs = keywords
        .into_iter()
        .filter(|(k, _)| &**k != "metaclass")
        .collect();
    let header = vec![
        Value::Str(name.clone()),
        Value::tuple(bases.clone()),
        namespace_value,
    ];
    let class = match new {
        Some(new) => {
            let new = ops::static_function(new);
            let mut args = vec![Value::Type(meta.clone())];
            args.extend(header.iter().cloned());
            vm.call_nested_kw(new, args, others.clone())?
        }
        None => {
            let mut keywords = others.clone();
            keywords.push(("metaclass".into(), Value::Type(meta.clone())));
            create_class(vm, name, bases, namespace, class_cell, keywords)?
        }
    };
    if let (Some(init), Value::Type(made)) = (init, &class) {
        if made.meta.as_ref().is_some_and(|m| m.is_subtype(&meta)) {
            let mut args = vec![class.clone()];
            args.extend(header);
            vm.call_nested_kw(init, args, others)?;
        }
    }
    Ok(class)
}

/// `type.__new__(mcls, name, bases, namespace, **keywords)`: the class, of metaclass `mcls`.
fn type_new(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let [Value::Type(meta), name, bases, namespace] = &args[..] else {
        return vm.type_error("type.__new__() takes exactly 3 arguments");
    };
    let (Value::Tuple(bases), Value::Dict(namespace)) = (bases, namespace) else {
        let (number, wanted, given) = match bases {
            Value::Tuple(_) => (3, "dict", type_name(vm, namespace)),
            _ => (2, "tuple", type_name(vm, bases)),
        };
        return vm.type_error(format!(
            "type.__new__() argument {number} must be {wanted}, not {given}"
        ));
    };
    let name = expect_str(vm, name, "type.__new__() argument 1")?;
    let pairs: Vec<(Value, Value)> = namespace
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let attrs = Rc::new(RefCell::new(Attrs::default()));
    let mut class_cell = Value::None;
    for (key, value) in pairs {
        let Value::Str(key) = key else { continue };
        if &*key == "__classcell__" {
            class_cell = value;
            continue;
        }
        let symbol = vm.sym(&key);
        attrs.borrow_mut().set(symbol, value);
    }
    let mut keywords = kwargs;
    keywords.push(("metaclass".into(), Value::Type(meta.clone())));
    create_class(vm, name, bases.to_vec(), attrs, class_cell, keywords)
}

/// `list.__init__(self, iterable=())`, `dict.__init__(self, *args, **kwargs)`, `set.__init__`
/// for an instance of a subclass: its built-in value gets the items.
fn container_init(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    let Some(target) = args
        .first()
        .map(|a| base_of(a).unwrap_or_else(|| a.clone()))
    else {
        return vm.type_error("descriptor '__init__' needs an argument");
    };
    let kind = ops::kind_of(&target);
    let builtin = vm.types.of(kind);
    let filled = construct(vm, kind, &builtin, args[1..].to_vec(), kwargs)?;
    match (&target, filled) {
        (Value::List(list), Value::List(items)) => {
            let items = items.borrow().clone();
            *list.borrow_mut() = items;
        }
        (Value::Dict(dict), Value::Dict(items)) => {
            let items = items.borrow().clone();
            *dict.borrow_mut() = items;
        }
        (Value::Set(set), Value::Set(items)) => {
            let items = items.table.borrow().clone();
            *set.table.borrow_mut() = items;
        }
        _ => return vm.type_error("__init__ of a built-in container on another kind of value"),
    }
    Ok(Value::None)
}

/// `type.__init__(cls, ...)`: nothing left to do.
fn type_init(_: &mut Vm, _: &Value, _: Args, _: Kwargs) -> Res<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args)`: an instance made as calling `cls` makes it, without the
/// metaclass's own `__call__` (the one that asked for this).
fn type_call(vm: &mut Vm, _: &Value, mut args: Args, kwargs: Kwargs) -> Res<Value> {
    match args.first() {
        Some(Value::Type(class)) => {
            let class = class.clone();
            args.remove(0);
            vm.instantiate_nested(class, args, kwargs)
        }
        _ => vm.type_error("descriptor '__call__' requires a 'type' object"),
    }
}

fn create_class(
    vm: &mut Vm,
    name: Rc<str>,
    bases: Vec<Value>,
    namespace: Rc<RefCell<Attrs>>,
    class_cell: Value,
    mut keywords: Kwargs,
) -> Res<Value> {
    let mut meta = None;
    if let Some(at) = keywords.iter().position(|(k, _)| &**k == "metaclass") {
        match keywords.remove(at).1 {
            Value::Type(t) if Rc::ptr_eq(&t, &vm.types.type_) => {}
            Value::Type(t) => meta = Some(t),
            _ => return vm.type_error("metaclass must be a class"),
        }
    }
    let mut base_types = Vec::new();
    let bases = mro_entries(vm, bases)?;
    for base in bases {
        match base {
            Value::Type(t) => base_types.push(t),
            other => {
                let type_name = type_name(vm, &other);
                return vm.type_error(format!("bases must be types, not {type_name}"));
            }
        }
    }
    if base_types.is_empty() {
        base_types.push(vm.types.object.clone());
    }
    for base in &base_types {
        if matches!(
            base.builtin,
            Some(
                Kind::Bool
                    | Kind::Range
                    | Kind::Slice
                    | Kind::Function
                    | Kind::Generator
                    | Kind::Coroutine
            )
        ) {
            return vm.type_error(format!(
                "type '{}' is not an acceptable base type",
                base.name
            ));
        }
    }
    if meta.is_none() {
        meta = base_types.iter().find_map(|b| b.meta.clone());
    }
    let mro = c3(vm, &name, &base_types)?;
    let base = if base_types.iter().any(|b| b.base == Base::Exception) {
        Base::Exception
    } else {
        Base::Object
    };
    let mut dict = namespace.borrow().clone();
    vm.classes_set_attributes |= dict.get(vm.symbols.setattr).is_some();
    vm.classes_get_attributes |= dict.get(vm.symbols.getattribute).is_some();
    vm.classes_have_slots |= dict.get(vm.symbols.slots).is_some();
    // As CPython: a class that defines `__eq__` and not `__hash__` is unhashable.
    let (eq_symbol, hash_symbol) = (vm.symbols.eq, vm.symbols.hash);
    if dict.get(eq_symbol).is_some() && dict.get(hash_symbol).is_none() {
        dict.set(hash_symbol, Value::None);
    }
    let qualname_symbol = vm.symbols.qualname;
    let module_symbol = vm.symbols.module;
    let qualname = match dict.get(qualname_symbol) {
        Some(Value::Str(s)) => s.clone(),
        _ => name.clone(),
    };
    let module = match dict.get(module_symbol) {
        Some(Value::Str(s)) => s.clone(),
        _ => "__main__".into(),
    };
    let id = vm.next_type_id.get();
    vm.next_type_id.set(id + 1);
    let class = Rc::new(Type {
        name,
        qualname,
        module,
        bases: base_types,
        mro,
        dict: RefCell::new(dict),
        lookups: LookupMemo::default(),
        base,
        builtin: None,
        id,
        meta,
    });
    if let Value::Cell(cell) = class_cell {
        *cell.borrow_mut() = Value::Type(class.clone());
    }
    // Each attribute whose class defines `__set_name__` learns its owner and name.
    let set_name = vm.sym("__set_name__");
    let attributes: Vec<(Symbol, Value)> = class.dict.borrow().iter().cloned().collect();
    for (symbol, value) in attributes {
        if let Some(hook) = ops::user_method(vm, &value, set_name) {
            let name = Value::Str(vm.name(symbol));
            vm.call_nested(hook, vec![value, Value::Type(class.clone()), name])?;
        }
    }
    // The nearest base's `__init_subclass__` (a class method, even undecorated) sees the new
    // class, with the class statement's other keywords.
    let symbol = vm.sym("__init_subclass__");
    let hook = class
        .mro
        .iter()
        .find_map(|t| t.dict.borrow().get(symbol).cloned())
        .and_then(ops::implicit_class_method);
    match hook {
        Some(function @ Value::Func(_)) => {
            vm.call_nested_kw(function, vec![Value::Type(class.clone())], keywords)?;
        }
        _ if !keywords.is_empty() => {
            return vm.type_error(format!(
                "{}.__init_subclass__() takes no keyword arguments",
                class.name
            ));
        }
        _ => {}
    }
    Ok(Value::Type(class))
}

/// `super()` (from a method: the class cell and the first argument) or `super(C, obj)`.
fn make_super(vm: &mut Vm, args: Args) -> Res<Value> {
    let (class, object) = match args.as_slice() {
        [Value::Type(class), object] => (class.clone(), object.clone()),
        [] => {
            let Some(frame) = vm.frames.last() else {
                return vm.err("RuntimeError", "super(): no arguments");
            };
            let code = frame.code.clone();
            let first = frame.locals.first().cloned();
            let position = code
                .cellvars
                .iter()
                .chain(code.freevars.iter())
                .position(|n| &**n == "__class__");
            let class = position
                .and_then(|i| frame.cells.get(i))
                .map(|c| c.borrow().clone());
            // An argument captured in a cell lives there, not in the local.
            let first = match (&first, code.cell_args.first()) {
                (Some(Value::Undefined), Some(&(0, cell))) => {
                    frame.cells.get(cell as usize).map(|c| c.borrow().clone())
                }
                _ => first,
            };
            match (class, first) {
                (Some(Value::Type(class)), Some(object)) if code.argcount > 0 => (class, object),
                (None, _) => return vm.err("RuntimeError", "super(): __class__ cell not found"),
                _ => return vm.err("RuntimeError", "super(): no arguments"),
            }
        }
        _ => return vm.type_error("super() argument 1 must be a type"),
    };
    let super_type = vm.types.of(Kind::Super);
    Ok(Value::Object(Object::new(
        super_type,
        Native::Super(class, object),
    )))
}

/// A special method of a built-in data type (`dict.__setitem__`, `list.__len__`…), made when
/// asked for: `super().__setitem__(key, value)` in a dict subclass, `dict.__getitem__(self, k)`.
/// It works on the built-in value an instance of a subclass carries, past the subclass's own
/// methods (the type's dict holds no such methods: the VM's operations reach the value directly).
pub fn builtin_dunder(vm: &Vm, class: &Rc<Type>, symbol: Symbol) -> Option<Value> {
    let data = class.lineage().find(|t| {
        matches!(
            t.builtin,
            Some(
                Kind::List
                    | Kind::Dict
                    | Kind::Set
                    | Kind::FrozenSet
                    | Kind::Tuple
                    | Kind::Str
                    | Kind::Bytes
                    | Kind::Int
                    | Kind::Float
            )
        )
    })?;
    let kind = data.builtin?;
    let container = !matches!(kind, Kind::Int | Kind::Float);
    let mutable = matches!(kind, Kind::List | Kind::Dict);
    let indexed = !matches!(kind, Kind::Int | Kind::Float | Kind::Set | Kind::FrozenSet);
    let hashable = !matches!(kind, Kind::List | Kind::Dict | Kind::Set);
    let name = vm.name(symbol);
    let func: NativeFn = match &*name {
        "__getitem__" if indexed => dunder_getitem,
        "__setitem__" if mutable => dunder_setitem,
        "__delitem__" if mutable => dunder_delitem,
        "__len__" if container => dunder_len,
        "__contains__" if container => dunder_contains,
        "__iter__" if container => dunder_iter,
        "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => dunder_compare,
        "__hash__" if hashable => dunder_hash,
        _ => return None,
    };
    Some(native(&name, func))
}

fn dunder_receiver(vm: &mut Vm, args: &Args, count: usize) -> Res<Value> {
    if args.len() != count {
        return vm.type_error(format!(
            "expected {} argument{}, got {}",
            count - 1,
            if count == 2 { "" } else { "s" },
            args.len().saturating_sub(1)
        ));
    }
    Ok(base_of(&args[0]).unwrap_or_else(|| args[0].clone()))
}

fn dunder_getitem(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 2)?;
    if matches!(args[0], Value::Object(_)) {
        return ops::base_subscript(vm, &args[0], base, args[1].clone());
    }
    ops::subscript(vm, base, args[1].clone())
}

fn dunder_setitem(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 3)?;
    ops::store_subscript(vm, base, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 2)?;
    ops::delete_subscript(vm, base, args[1].clone())?;
    Ok(Value::None)
}

fn dunder_len(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 1)?;
    Ok(Value::Int(len_of(vm, &base)? as i64))
}

fn dunder_contains(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 2)?;
    Ok(Value::Bool(ops::contains(vm, &base, &args[1])?))
}

fn dunder_iter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 1)?;
    ops::get_iter(vm, base)
}

fn dunder_hash(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let base = dunder_receiver(vm, &args, 1)?;
    Ok(Value::Int(ops::hash(vm, &base)? as i64))
}

/// `__eq__` and the orderings; the native's name says which.
fn dunder_compare(vm: &mut Vm, this: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let op = match this {
        Value::Builtin(b) => match &*b.name {
            "__eq__" => CmpOp::Eq,
            "__ne__" => CmpOp::NotEq,
            "__lt__" => CmpOp::Lt,
            "__le__" => CmpOp::LtE,
            "__gt__" => CmpOp::Gt,
            _ => CmpOp::GtE,
        },
        _ => CmpOp::Eq,
    };
    let base = dunder_receiver(vm, &args, 2)?;
    let other = base_of(&args[1]).unwrap_or_else(|| args[1].clone());
    // As CPython's: a built-in type compares only with its own kind (`dict.__eq__(d, "x")`
    // is NotImplemented, for Python to try the other side).
    let kind = |v: &Value| match v {
        Value::Bool(_) | Value::Big(_) => std::mem::discriminant(&Value::Int(0)),
        other => std::mem::discriminant(other),
    };
    if kind(&base) != kind(&other) {
        return Ok(Value::NotImplemented);
    }
    ops::compare(vm, op, &base, &other)
}

/// `super().name`: looked up after `class` in the object's method resolution order.
pub fn super_getattr(vm: &mut Vm, class: &Rc<Type>, object: &Value, symbol: Symbol) -> Res<Value> {
    // A class's `super()` in a class method walks the class's own lineage; in a metaclass's
    // method, the class is an instance, and its metaclass's lineage is walked.
    let (object_type, object_is_class) = match object {
        Value::Type(t) if t.is_subtype(class) => (t.clone(), true),
        other => (ops::type_of(vm, other), false),
    };
    let lineage: Vec<Rc<Type>> = object_type.lineage().cloned().collect();
    let start = lineage
        .iter()
        .position(|t| Rc::ptr_eq(t, class))
        .map_or(lineage.len(), |p| p + 1);
    for t in &lineage[start..] {
        let mut found = t.dict.borrow().get(symbol).cloned();
        if found.is_none() && t.builtin.is_some() && t.builtin != Some(Kind::Object) {
            found = builtin_dunder(vm, t, symbol);
        }
        if let Some(attribute) = found {
            return Ok(match attribute {
                Value::Func(_) | Value::Builtin(_)
                    if object_is_class || symbol == vm.symbols.new =>
                {
                    attribute
                }
                Value::Func(_) | Value::Builtin(_) => {
                    Value::Method(Rc::new((attribute, object.clone())))
                }
                Value::Object(ref d) => {
                    let inner = match &*d.native.borrow() {
                        Native::ClassMethod(f) => Some((true, f.clone())),
                        Native::StaticMethod(f) => Some((false, f.clone())),
                        Native::Property(getter, _) => Some((
                            false,
                            Value::Method(Rc::new((getter.clone(), object.clone()))),
                        )),
                        _ => None,
                    };
                    match inner {
                        Some((true, f)) => {
                            Value::Method(Rc::new((f, Value::Type(object_type.clone()))))
                        }
                        Some((false, Value::Method(m))) => {
                            vm.call_nested(m.0.clone(), vec![m.1.clone()])?
                        }
                        Some((false, f)) => f,
                        None => attribute,
                    }
                }
                other => other,
            });
        }
    }
    let name = vm.name(symbol);
    vm.err(
        "AttributeError",
        format!("'super' object has no attribute '{name}'"),
    )
}

fn object_init(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    // A subclass of `str`, `int`… took its arguments when it was made.
    let made_from_arguments = args.first().and_then(base_of).is_some();
    if (args.len() > 1 || !kwargs.is_empty()) && !made_from_arguments {
        // `object.__init__` refuses arguments only when the class did not define `__init__`.
        let own_init = match args.first() {
            Some(Value::Object(o)) => {
                let init = vm.symbols.init;
                o.class
                    .lineage()
                    .take_while(|t| t.builtin.is_none())
                    .any(|t| t.dict.borrow().get(init).is_some())
            }
            _ => false,
        };
        if !own_init {
            let name = args
                .first()
                .map(|a| type_name(vm, a))
                .unwrap_or_else(|| "object".into());
            return vm.type_error(format!("{name}() takes no arguments"));
        }
        return vm.type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        );
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__repr__", &args, 1, 1)?;
    // `int.__repr__(member)`: what the built-in type's own method says of its value.
    if let Some(base) = base_of(&args[0]) {
        return Ok(Value::Str(format::repr(vm, &base)?.into()));
    }
    let text = match &args[0] {
        Value::Object(o) => {
            if &*o.class.module == "builtins" {
                format!("<{} object at {:#x}>", o.class.qualname, args[0].id())
            } else {
                format!(
                    "<{}.{} object at {:#x}>",
                    o.class.module,
                    o.class.qualname,
                    args[0].id()
                )
            }
        }
        other => format::repr(vm, other)?,
    };
    Ok(Value::Str(text.into()))
}

fn object_str(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__str__", &args, 1, 1)?;
    let symbol = vm.symbols.repr;
    let method = ops::getattr(vm, &args[0], symbol)?;
    vm.call_nested(method, Vec::new())
}

fn object_eq(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__eq__", &args, 2, 2)?;
    if let Some(base) = base_of(&args[0]) {
        let other = base_of(&args[1]).unwrap_or_else(|| args[1].clone());
        return Ok(Value::Bool(ops::eq(vm, &base, &other)?));
    }
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__ne__", &args, 2, 2)?;
    let result = ops::compare(vm, CmpOp::Eq, &args[0], &args[1])?;
    Ok(Value::Bool(!ops::truthy(vm, &result)?))
}

fn object_hash(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__hash__", &args, 1, 1)?;
    if let Some(base) = base_of(&args[0]) {
        return Ok(Value::Int(python_hash(vm, &base)?));
    }
    Ok(Value::Int((args[0].id() >> 4) as i64))
}

fn object_format(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__format__", &args, 2, 2)?;
    if let (Some(base), Value::Str(spec)) = (base_of(&args[0]), &args[1]) {
        return Ok(Value::Str(format::format(vm, &base, spec)?.into()));
    }
    match &args[1] {
        Value::Str(s) if s.is_empty() => Ok(Value::Str(format::str_of(vm, &args[0])?.into())),
        _ => {
            let name = type_name(vm, &args[0]);
            vm.type_error(format!(
                "unsupported format string passed to {name}.__format__"
            ))
        }
    }
}

/// `object.__init_subclass__`: what `super().__init_subclass__()` ends at.
fn object_init_subclass(vm: &mut Vm, _: &Value, args: Args, kwargs: Kwargs) -> Res<Value> {
    if !kwargs.is_empty() {
        let name = match args.first() {
            Some(Value::Type(t)) => t.name.clone(),
            _ => "object".into(),
        };
        return vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        ));
    }
    Ok(Value::None)
}

/// The attribute a name argument (`getattr(obj, name)`…) stands for.
fn attribute_symbol(vm: &mut Vm, name: &Value) -> Res<Symbol> {
    let name = expect_str(vm, name, "attribute name")?;
    Ok(vm.sym(&name))
}

fn object_setattr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__setattr__", &args, 3, 3)?;
    let symbol = attribute_symbol(vm, &args[1])?;
    if let Value::Object(o) = &args[0] {
        o.attrs.borrow_mut().set(symbol, args[2].clone());
        return Ok(Value::None);
    }
    ops::setattr(vm, &args[0], symbol, args[2].clone())?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__delattr__", &args, 2, 2)?;
    let symbol = attribute_symbol(vm, &args[1])?;
    ops::generic_delattr(vm, &args[0], symbol)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__getattribute__", &args, 2, 2)?;
    let symbol = attribute_symbol(vm, &args[1])?;
    ops::generic_getattr(vm, &args[0], symbol, false)
}

fn exception_init(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    let Some((this, rest)) = args.split_first() else {
        return vm.type_error("descriptor '__init__' of 'BaseException' object needs an argument");
    };
    if let Value::Object(o) = this {
        let mut args = rest.to_vec();
        if o.class.is_subtype(&vm.types.os_error) {
            args = os_error_fields(vm, o, args);
        }
        let symbol = vm.symbols.args;
        o.attrs.borrow_mut().set(symbol, Value::tuple(args));
    }
    Ok(Value::None)
}

fn exception_with_traceback(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "with_traceback", &args, 2, 2)?;
    ops::set_traceback(vm, &args[0], &args[1])?;
    Ok(args[0].clone())
}

/// `BaseException.__str__`, for `super().__str__()` in a subclass that defines its own.
fn exception_dunder_str(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__str__", &args, 1, 1)?;
    Ok(Value::Str(
        super::format::exception_str(vm, &args[0])?.into(),
    ))
}

/// `BaseException.__repr__`: the class's name and the arguments.
fn exception_dunder_repr(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__repr__", &args, 1, 1)?;
    match &args[0] {
        Value::Object(exc) => Ok(Value::Str(super::format::exception_repr(vm, exc)?.into())),
        other => Ok(Value::Str(super::format::repr(vm, other)?.into())),
    }
}

fn exception_add_note(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "add_note", &args, 2, 2)?;
    if !matches!(args[1], Value::Str(_)) {
        let name = ops::type_name(vm, &args[1]);
        return vm.type_error(format!("note must be a str, not '{name}'"));
    }
    let symbol = vm.sym("__notes__");
    match ops::getattr(vm, &args[0], symbol).ok() {
        Some(Value::List(list)) => list.borrow_mut().push(args[1].clone()),
        None => ops::setattr(vm, &args[0], symbol, Value::list(vec![args[1].clone()]))?,
        Some(_) => return vm.type_error("Cannot add note: __notes__ is not a list"),
    }
    Ok(Value::None)
}

/// A property's deleter and docstring, kept as its attributes `fdel` and `__doc__`.
fn set_property_extras(vm: &mut Vm, property: &Rc<Object>, deleter: Value, doc: Value) {
    let (fdel, doc_symbol) = (vm.sym("fdel"), vm.sym("__doc__"));
    let mut attrs = property.attrs.borrow_mut();
    attrs.set(fdel, deleter);
    attrs.set(doc_symbol, doc);
}

#[derive(Clone, Copy, PartialEq)]
enum PropertyPart {
    Getter,
    Setter,
    Deleter,
}

/// `prop.getter(f)`, `prop.setter(f)`, `prop.deleter(f)`: a copy of the property with `f`
/// in that part.
fn property_with(vm: &mut Vm, args: &Args, part: PropertyPart) -> Res<Value> {
    let name = match part {
        PropertyPart::Getter => "getter",
        PropertyPart::Setter => "setter",
        PropertyPart::Deleter => "deleter",
    };
    arity(vm, name, args, 2, 2)?;
    let Value::Object(o) = &args[0] else {
        return vm.type_error("descriptor requires a 'property' object");
    };
    let (mut getter, mut setter) = match &*o.native.borrow() {
        Native::Property(g, s) => (g.clone(), s.clone()),
        _ => (Value::None, Value::None),
    };
    let (fdel, doc_symbol) = (vm.sym("fdel"), vm.sym("__doc__"));
    let mut deleter = o.attrs.borrow().get(fdel).cloned().unwrap_or(Value::None);
    let doc = o
        .attrs
        .borrow()
        .get(doc_symbol)
        .cloned()
        .unwrap_or(Value::None);
    match part {
        PropertyPart::Getter => getter = args[1].clone(),
        PropertyPart::Setter => setter = args[1].clone(),
        PropertyPart::Deleter => deleter = args[1].clone(),
    }
    let property = Object::new(o.class.clone(), Native::Property(getter, setter));
    set_property_extras(vm, &property, deleter, doc);
    Ok(Value::Object(property))
}

fn property_setter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    property_with(vm, &args, PropertyPart::Setter)
}

fn property_getter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    property_with(vm, &args, PropertyPart::Getter)
}

fn property_deleter(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    property_with(vm, &args, PropertyPart::Deleter)
}

fn property_get(vm: &mut Vm, _: &Value, args: Args, _: Kwargs) -> Res<Value> {
    arity(vm, "__get__", &args, 2, 3)?;
    let getter = match &args[0] {
        Value::Object(o) => match &*o.native.borrow() {
            Native::Property(g, _) => g.clone(),
            _ => Value::None,
        },
        _ => Value::None,
    };
    vm.call_nested(getter, vec![args[1].clone()])
}

// ----- "Did you mean" ------------------------------------------------------------------------------

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// CPython's Levenshtein distance for suggestions (case changes cost less).
fn distance(a: &str, b: &str, max_cost: usize) -> usize {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (0..a.len()).map(|i| (i + 1) * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &c) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, c);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

pub fn closest_name(name: &str, candidates: &[Rc<str>]) -> Option<Rc<str>> {
    if candidates.len() > 750 {
        return None;
    }
    let mut best: Option<(Rc<str>, usize)> = None;
    for item in candidates {
        if &**item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = &best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = distance(name, item, max_distance);
        if d > max_distance {
            continue;
        }
        if best.as_ref().is_none_or(|(_, bd)| d < *bd) {
            best = Some((item.clone(), d));
        }
    }
    best.map(|(s, _)| s)
}

/// The name CPython's traceback suggests for a `NameError` or `AttributeError`.
pub fn suggestion(vm: &mut Vm, exc: &Value) -> Option<Rc<str>> {
    let Value::Object(o) = exc else {
        return None;
    };
    let name_symbol = vm.sym("name");
    let name = match o.attrs.borrow().get(name_symbol) {
        Some(Value::Str(s)) => s.clone(),
        _ => return None,
    };
    if vm.is_named(exc, "NameError") {
        let symbol = vm.sym("_suggestion");
        return match o.attrs.borrow().get(symbol) {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        };
    }
    if vm.is_named(exc, "AttributeError") {
        let obj_symbol = vm.sym("obj");
        let object = o.attrs.borrow().get(obj_symbol).cloned()?;
        let names = dir_names(vm, &object);
        return closest_name(&name, &names);
    }
    None
}

// ----- import -------------------------------------------------------------------------------------

/// Modules a program may import.
pub const MODULES: &[&str] = &[
    "asyncio",
    "time",
    "random",
    "math",
    "sys",
    "typing",
    "functools",
    "itertools",
    "collections",
    "contextlib",
    "dataclasses",
    "string",
    "operator",
    "statistics",
    "heapq",
    "abc",
    "__future__",
    "copy",
    "logging",
    "traceback",
    "datetime",
    "enum",
    "contextvars",
    "json",
    "types",
    "inspect",
    "collections.abc",
    "pprint",
    "timeit",
    "reprlib",
    "builtins",
    "textwrap",
    "bisect",
    "io",
    "argparse",
    "os",
    "os.path",
    "warnings",
    "hashlib",
    "re",
    "base64",
    "secrets",
    "uuid",
    "posixpath",
    "asyncio.exceptions",
    "asyncio.tasks",
    "asyncio.queues",
];

pub fn import(vm: &mut Vm, name: &str) -> Res<Value> {
    if let Some(module) = vm.imported(name) {
        return Ok(module);
    }
    if name.starts_with('.') {
        return vm.err(
            "ImportError",
            "attempted relative import with no known parent package",
        );
    }
    let module = match name {
        "asyncio" | "asyncio.exceptions" | "asyncio.tasks" | "asyncio.queues" => {
            super::asyncio::module(vm)?
        }
        "builtins" => Value::Module(vm.builtins.clone()),
        // `os.path` is posixpath, as on Linux.
        "os.path" => {
            import(vm, "os")?;
            import(vm, "posixpath")?
        }
        _ => match super::stdlib::module(vm, name)? {
            Some(m) => m,
            None => {
                let exc = vm.exc("ModuleNotFoundError", format!("No module named '{name}'"));
                if let Value::Object(o) = &exc {
                    let symbol = vm.sym("name");
                    o.attrs.borrow_mut().set(symbol, Value::str(name));
                }
                return Err(Flow::Raise(exc));
            }
        },
    };
    vm.modules.push((name.into(), module.clone()));
    // `import collections.abc`: the submodule is an attribute of its package.
    if let Some((parent, child)) = name.rsplit_once('.') {
        if let Ok(Value::Module(package)) = import(vm, parent) {
            let symbol = vm.sym(child);
            package.set(symbol, module.clone());
        }
    }
    Ok(module)
}
