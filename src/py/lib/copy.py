# copy, written for the playground.

def copy(x):
    if isinstance(x, list):
        return list(x)
    if isinstance(x, dict):
        return dict(x)
    if isinstance(x, set):
        return set(x)
    return x


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    if id(x) in memo:
        return memo[id(x)]
    if isinstance(x, list):
        result = []
        memo[id(x)] = result
        result.extend(deepcopy(item, memo) for item in x)
        return result
    if isinstance(x, tuple):
        return tuple(deepcopy(item, memo) for item in x)
    if isinstance(x, dict):
        result = {}
        memo[id(x)] = result
        for key, value in x.items():
            result[deepcopy(key, memo)] = deepcopy(value, memo)
        return result
    if isinstance(x, set):
        return {deepcopy(item, memo) for item in x}
    return x
