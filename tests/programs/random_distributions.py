import random

random.seed(7)
print([round(random.expovariate(1.5), 12) for _ in range(3)])
print([random.triangular(), random.triangular(1, 5), random.triangular(0, 10, 9), random.triangular(2, 2, 2)])
print(random.lognormvariate(0, 0.5), random.paretovariate(3), random.weibullvariate(1, 2))
print(random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(0, 0))
print([random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.0)])
print(random.betavariate(2, 5), random.betavariate(0.5, 0.5))
r = random.Random(3)
print(r.expovariate(0.2), r.gammavariate(9, 0.5), r.triangular(0, 1, 0.2))
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print(e)
print(random.random())
