# Regular expressions as scripts use them: search and groups (named too), findall/finditer, sub with
# templates and functions, split, flags and inline flags, look-around, empty matches, errors.
import re
print(re.sub(r"\d+", "#", "a1b22c333"), re.findall(r"[a-z]+", "ab 12 cd"), bool(re.match(r"^\w+$", "hello")))
m = re.search(r"(\w+)@(\w+)\.com", "mail bob@example.com now")
print(m, m.group(0), m.group(1), m.groups(), m.span(), m.start(2), m.end(), m[1], m.lastindex)
print(re.split(r",\s*", "a, b,c"), re.compile(r"x(\d)").findall("x1 x2"), re.split(r"(-)", "a-b-c"), re.split(r"\s+", " a b ", maxsplit=1))
p = re.compile(r"(?P<key>\w+)=(?P<value>[^;]*);?", re.I)
print(p, p.groups, p.groupindex, [m.groupdict() for m in p.finditer("a=1;B=two;c=")])
print(p.sub(r"\g<value>:\g<key>", "a=1;b=2"), p.sub(lambda m: m["key"].upper(), "x=1;y=2"), re.subn("a", "b", "aaa", count=2))
print(re.findall(r"(\d+)-(\d+)?", "1-2 3- 4-5"), re.findall(r"", "ab"), re.sub(r"x*", "-", "abxd"), list(re.finditer(r"\b\w", "hi there")))
print(re.fullmatch(r"\d{3}-\d{4}", "555-1234") is not None, re.fullmatch(r"\d{3}", "1234"), re.match(r"a|ab", "ab").group(), re.search(r"(?i)HELLO", "say hello").span())
print(re.findall(r"^\w+", "one\ntwo\nthree", re.M), re.findall(r"a.b", "a\nb a-b", re.S), re.escape("a.b*c?"), re.search(r"(?<!\$)\b\d+", "$5 and 7").group())
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a b"), re.findall(r"(a)(b)?", "ab a"), re.search(r"(a*)*b", "aaab").group())
print(re.findall(r"\d+(?:\.\d+)?", "3.14 and 42 and 2.5e3"), re.findall(r"[A-Z][a-z]*", "Hello World From Python"), re.findall(r"\$?\d+(?:,\d{3})*(?:\.\d\d)?", "$1,234.56 and 78"))
print(re.search(r"(?=\d)", "ab3").span(), re.findall(r"(?<=@)\w+", "x@a y@b"), re.sub(r"\s+", " ", "  lots   of \t space  ").strip(), re.match(r"(a)(?:b)(c)", "abc").groups())
for bad in [r"(ab", r"ab)", r"*a", r"[a-", r"[z-a]", r"a**", r"\q", r"(?<=a+)b", r"(?P<1>x)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error:", e, e.pos, e.msg)
log = """2024-01-05 10:00:01 INFO start
2024-01-05 10:00:02 ERROR disk full
2024-01-05 10:00:03 WARN slow"""
for m in re.finditer(r"^(?P<date>\S+) (?P<time>\S+) (?P<level>[A-Z]+) (?P<msg>.*)$", log, re.MULTILINE):
    print(m.group("level"), "|", m["msg"], "|", m.span("msg"))
print(re.compile("a", re.I | re.M), re.I | re.S, repr(re.match("x", "x")), re.match("y", "x"))
import re
print(repr(re.I), str(re.I), f"{re.I}", format(re.I), re.I + 0, re.I == 2, repr(re.I|re.S), repr(re.RegexFlag(0)), repr(re.I|512), repr(re.I & re.M), repr(~re.I)[:60], re.I.value, re.I.name, repr(re.A|re.I|re.M|re.S|re.X|re.U|re.L))
print(re.compile("x", re.I).flags, re.compile("x").flags, re.compile("x", re.A).flags, re.compile("(?i)x").flags, re.compile("x", re.I|re.X))
print(re.sub("", "-", "abc"), re.split("", "abc"), re.split(r"\b", "hi there"), re.sub(r"a*", "x", "baaac"), re.findall(r"a*", "baaac"))
print(re.match(r"(\w)+", "abc").group(1), re.findall(r"(a)|(b)", "ab"), re.match(r"(a|b)*c", "abac").groups(), re.match(r"(?:(a)|b)*", "ab").groups())
print(re.match(r"(a+?)(a*)", "aaa").groups(), re.match(r"<.*?>", "<a><b>").group(), re.match(r"<.*>", "<a><b>").group(), re.findall(r"\d{2,3}?", "12345"))
print(re.findall(r"(?i)[a-c]+", "xABcaBz"), re.findall(r"[^\W\d]+", "ab12cd_3"), re.findall(r"[\d.]+", "v1.2.3 and 4"), re.findall(r"[]a]", "a]b"), re.findall(r"[a\-z]", "a-z b"))
print(re.search(r"colou?r", "The colour red").group(), re.findall(r"\bcat\b", "cat concat cat."), re.sub(r"(\d)(?=(\d{3})+$)", r"\1,", "1234567"))
print(re.findall(r"^\s*#.*$", "x\n # c1\n#c2\ny", re.M), re.search(r"$", "ab\n").span(), re.findall(r"(?m)^$", "a\n\nb"), re.search(r"\Z", "ab\n").span())
print(re.match(r"(?x) \d+  # digits\n  \s* [a-z]+ ", "42  abc").group(), re.findall(r"(?s).+", "a\nb"), re.findall(r".+", "a\nb"))
text = "word " * 2000
print(len(re.findall(r"\w+", text)), len(re.sub(r"\s+", "", text)), re.search(r"(word ){150}", text).span())
print(re.findall(r"é+", "ééa é"), re.findall(r"\w+", "naïve café 北京"), re.match(r"\d+", "٣٤٥").group(), re.findall(r"(?a)\w+", "naïve"))
print(re.split(r"[;,]", "a;b,c", 1), re.split(r"(;)|(,)", "a;b,c"), re.sub(r"(a)|b", r"[\1]", "ab"), re.sub("a", r"\n", "xa") == "x\n", re.sub("a", "\\\\", "a"))
m = re.match(r"(?P<first>\w+) (?P<last>\w+)", "Jane Doe")
print(m.expand(r"\g<last>, \g<first>"), m.lastgroup, m.regs, m.groupdict(), m.string, m.re.pattern, m.pos, m.endpos)
try:
    m.group(3)
except IndexError as e:
    print("IndexError", e)
try:
    re.sub("a", r"\9", "a")
except re.error as e:
    print("error", e)

import asyncio

LINES = ["GET /index.html 200 12ms", "POST /api/items 201 48ms", "GET /missing 404 3ms", "GET /api/items?page=2 200 31ms"]
REQUEST = re.compile(r"(?P<method>[A-Z]+) (?P<path>/\S*) (?P<status>\d{3}) (?P<ms>\d+)ms")


async def parse(i, line):
    await asyncio.sleep(0.01 * (len(LINES) - i))
    found = REQUEST.fullmatch(line)
    info = found.groupdict()
    print(f"{info['method']:<5}{info['path']:<22}{info['status']} {int(info['ms']):>3} ms")
    return info


async def main():
    parsed = await asyncio.gather(*(parse(i, line) for i, line in enumerate(LINES)))
    slow = [p["path"] for p in parsed if int(p["ms"]) > 30]
    print(slow, re.sub(r"\?.*$", "", slow[-1]))


asyncio.run(main())

print(re.sub("a", r"\0", "xa") == "x\0", re.sub("a", r"\012", "a") == "\n", re.sub("(a)", r"\101\1", "a"), re.sub("(a)", r"[\1]", "a"), hashlib.sha256.__name__ if False else "")

# Repeats and group names that do not compile, as CPython words it.

for p in [r"a{2}{3}", r"a*{", r"a*{x}", r"a{,}", r"a{}", r"x{2,1}", r"a{,2}b", r"a{3}", r"{", r"a{2,}?"]:
    try:
        print(p, re.compile(p).match("aaa{}b"))
    except re.error as e:
        print(p, e)

for p in [r"(?P<a>x)(?P<a>y)", r"(?P<a", r"(?P=b)", r"(?P<a>x)(?P=a", r"(?P<a>x)(?P=a)", r"a**", r"a{2}*", r"a*??", r"a{2}{3}"]:
    try:
        print(re.compile(p).match("xx"))
    except re.error as e:
        print(e)
