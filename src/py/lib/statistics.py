# statistics, the common part, written for the playground.

class StatisticsError(ValueError):
    pass


def mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("mean requires at least one data point")
    total = sum(data)
    n = len(data)
    if all(isinstance(x, int) for x in data) and total % n == 0:
        return total // n
    return total / n


def fmean(data):
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    return sum(data) / len(data)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def variance(data, xbar=None):
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    m = mean(data) if xbar is None else xbar
    return sum((x - m) ** 2 for x in data) / (n - 1)


def stdev(data, xbar=None):
    return variance(data, xbar) ** 0.5


def pvariance(data, mu=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    m = mean(data) if mu is None else mu
    return sum((x - m) ** 2 for x in data) / n


def pstdev(data, mu=None):
    return pvariance(data, mu) ** 0.5
