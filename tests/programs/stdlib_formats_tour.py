# Formatting and standard-library details a learner's program prints: number formats, string
# methods, itertools/functools/heapq/statistics/math/datetime/random, float reprs, int methods.
import asyncio, math, statistics, string, operator, functools, itertools, heapq, random, time
from datetime import datetime, timedelta, date
print(f"{1234567.891:,.2f} {1234567:_} {0.256:.1%} {42:#x} {42:08b} {-3.5:+} {'x':*^9} {3.14159:10.3f}|")
print("{:>8}|{:<8}|{:^8}|".format("a", "b", "c"), "%-6s|%6.2f|%03d|%x|%r" % ("ab", 3.14159, 7, 255, "q"))
print(round(2.5), round(3.5), round(2.675, 2), int("0x1f", 16), int("  42 "), float("1e-3"), 10 // -3, -7 % 3, 2 ** -1, divmod(-7, 2))
print(sorted(["banana", "Apple", "cherry"], key=str.lower), "Hello World".swapcase(), "a-b-c".rsplit("-", 1), "  x ".strip(), "abc".center(9, "."))
print("hello world".title(), "Hello".zfill(8), "x".join("abc"), "tab\there".expandtabs(4), "ß".upper(), "İ".lower(), str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy")))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.product("ab", repeat=2)), list(itertools.permutations([1,2,3], 2))[:3], list(itertools.chain.from_iterable([[1],[2,3]])))
print(functools.partial(int, base=2), functools.reduce(operator.mul, range(1, 6)), operator.itemgetter(1, 0)((1, 2)), heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, {"a": 3, "b": 1}, key=lambda k: -1))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.stdev([1, 2, 3, 4]), statistics.pstdev([1, 2]), statistics.fmean([1, 2]), statistics.harmonic_mean([1, 2, 4]))
print(math.isclose(0.1 + 0.2, 0.3), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.lcm(4, 6), math.prod([1, 2, 3]), math.comb(5, 2), math.perm(5, 2), math.dist((0, 0), (3, 4)), math.hypot(3, 4), math.inf, -math.inf, math.nan)
print(date(2024, 2, 29) + timedelta(days=365), timedelta(hours=25, seconds=3), (datetime(2024, 1, 1, 12) - datetime(2024, 1, 1)).total_seconds(), date(2024, 3, 1).isoformat(), date(2024, 3, 1).strftime("%A %d %B %Y"), date(2024,3,1).weekday())
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abc"), random.sample(range(100), 3), random.choices("abc", weights=[1, 2, 3], k=4), random.gauss(0, 1), random.randrange(0, 100, 5))
l = [random.random() for _ in range(3)]; random.shuffle(l); print(l)
print(string.ascii_letters[:5], string.digits, string.punctuation[:5], string.ascii_uppercase[-3:])
x = [3, 1, 2]; x.sort(reverse=True); print(x, x.index(1), [*x, *"ab"], {**{"a": 1}, "b": 2}, (lambda *a, **k: (a, k))(1, z=2))
print(any([]), all([]), max([], default=0), min((3, "c"), (1, "a")), sum([[1], [2]], []), sum([0.1] * 10), abs(-0.0), hash(1) == hash(1.0), bool([0]), isinstance(True, int))
print(f"{'nested'!r:>10} {3 + 4=} {[1,2][-1]} {datetime(2024,5,6,7,8,9):%Y-%m-%d %H:%M:%S} {'%s' % 'pct'}")
print(bin(10), oct(8), hex(255), chr(65), ord("a"), ascii("é"), repr("it's"), repr('say "hi"'), repr("both ' \""))
print(1e16, 1e-5, 123456789012345678.0, 0.1 + 0.2, 1/3, 2/3, 100.0, 1e22, float("inf"), -0.0, 3.0 * 1.1, 1.5e300 * 1e10)
print((1024).bit_length(), (7).bit_count())
