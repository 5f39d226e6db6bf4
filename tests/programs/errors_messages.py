def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


attempt("div", lambda: 1 / 0)
attempt("mod", lambda: 5 % 0)
attempt("floordiv", lambda: 5.0 // 0)
attempt("index", lambda: [1, 2][5])
attempt("tuple index", lambda: (1,)[3])
attempt("key", lambda: {"a": 1}["b"])
attempt("name", lambda: undefined_name)
attempt("attr", lambda: "text".nope)
attempt("int()", lambda: int("12x"))
attempt("float()", lambda: float("abc"))
attempt("add", lambda: 1 + "a")
attempt("concat", lambda: "a" + 1)
attempt("call", lambda: print()())
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("few", lambda: [a for a, b, c in [(1, 2)]])
attempt("pop", lambda: [].pop())
attempt("remove", lambda: [1].remove(2))
attempt("list.index", lambda: [1].index(2))
attempt("str.index", lambda: "abc".index("z"))
attempt("args", lambda: attempt())
attempt("kw", lambda: attempt("x", f=1, g=2))
attempt("iter", lambda: iter(5))
attempt("len", lambda: len(5))
attempt("sub", lambda: {1} - [1])
attempt("neg", lambda: -"a")
attempt("compare", lambda: 1 < "a")
attempt("sorted", lambda: sorted([1, "a"]))
attempt("hash", lambda: {[1]: 2})
attempt("assert", lambda: exec_assert())


def exec_assert():
    assert 1 > 2, "one is not greater"


attempt("assert2", exec_assert)
attempt("int base", lambda: int("z", 10))
attempt("chr", lambda: chr(-1))
attempt("round", lambda: round("x"))
attempt("dict update", lambda: dict([1, 2]))
attempt("zero step", lambda: range(1, 2, 0))
attempt("str mul", lambda: "a" * "b")
attempt("overflow", lambda: 10.0 ** 400)
attempt("big float", lambda: float(10 ** 400))
