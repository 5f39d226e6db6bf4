# timeit: the clock it times with (programs use timeit.default_timer() as a stopwatch).
from time import perf_counter as default_timer
