# textwrap: wrapping, shortening, dedenting and indenting text as CPython does.
import textwrap
text = ("The quick brown fox jumps over the lazy dog. Asyncio is a library to write concurrent code "
        "using the async/await syntax; well-known event-loop-based frameworks use it.\tTabs too.\n"
        "Newlines  and   multiple spaces; supercalifragilisticexpialidocious-words-are-long.")
for w in (10, 20, 33, 50, 70):
    print(f"--- {w}")
    print(textwrap.fill(text, w))
print(textwrap.wrap(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 15, break_on_hyphens=False))
print(textwrap.wrap("  leading and trailing  ", 10), textwrap.wrap("  leading", 10, drop_whitespace=False))
print(textwrap.shorten(text, 40), textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello world", 11))
print(textwrap.shorten(text, 40, placeholder="..."), textwrap.wrap(text, 30, max_lines=3))
print(textwrap.fill(text, 30, max_lines=2, placeholder=" (more)"))
print(repr(textwrap.dedent("""
    def f():
        return 1
      \t
    x = 2
""")))
print(repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("    a\n  b\n      c")))
print(repr(textwrap.indent("a\n\nb\n", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
print(textwrap.wrap("", 10), textwrap.wrap("Mr. Smith. Yes.", 40, fix_sentence_endings=True))
print(textwrap.wrap("one two three four five six", 9, max_lines=2, placeholder="..."))
