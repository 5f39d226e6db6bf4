# The standard library's smaller corners that tutorials reach for: math (lcm, isqrt, perm, dist,
# frexp/ldexp, hyperbolic functions, log1p/expm1), statistics (mode, multimode, median_low/high,
# quantiles, harmonic and geometric means), str.translate/maketrans/format_map, used to tidy
# the results of a few tasks.
import asyncio
import statistics as s, math
print(s.mode(["a","b","b"]), s.multimode([1,1,2,2]), s.median_low([1,2,3,4]), s.median_high([1,2,3,4]), s.quantiles([1,2,3,4,5,6,7,8,9,10], n=4), s.harmonic_mean([1,2,4]), s.geometric_mean([1,2,4]))
try: s.mode([])
except s.StatisticsError as e: print(e)
print(math.lcm(4, 6), math.dist((0, 0), (3, 4)), math.isqrt(17), math.isqrt(10**15), math.perm(5, 2), math.perm(4), math.frexp(8.0), math.frexp(0.3), math.ldexp(0.5, 4), math.exp2(3), math.sinh(1), math.tanh(0.5), math.log1p(0.5), math.expm1(1e-5))
print("a-b".translate(str.maketrans("-", "_")), "{name}!".format_map({"name": "x"}), "x\ty".isprintable(), "abc".translate(str.maketrans("ab", "xy", "c")), "hi".translate({ord("h"): "H", 105: None}))


async def measure(i):
    await asyncio.sleep(i / 10)
    return i * i


async def main():
    values = await asyncio.gather(*(measure(i) for i in range(1, 8)))
    print(values, s.median_low(values), s.quantiles(values, n=4), math.isqrt(sum(values)))
    print("-".join(map(str, values)).translate(str.maketrans("-", "+")))


asyncio.run(main())
