"""enum as CPython 3.11 shows it: Enum, IntEnum, StrEnum, auto, unique. A class's members are
made when the class is (`Enum.__init_subclass__`); `len()`, iteration, `in`, `Color['RED']` and
the class's repr come from its metaclass, EnumType. IntEnum members behave as their int value in
arithmetic, comparisons and formatting (they are not `int` instances here)."""


class auto:
    def __init__(self):
        self.value = None

    def __repr__(self):
        return 'auto(%r)' % self.value


def _is_member_name(name, value):
    if name.startswith('__') and name.endswith('__'):
        return False
    if len(name) > 2 and name.startswith('_') and name.endswith('_'):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    return not isinstance(value, (property, classmethod, staticmethod))


class EnumType(type):
    def __iter__(cls):
        return iter(cls._member_list_)

    def __reversed__(cls):
        return reversed(cls._member_list_)

    def __len__(cls):
        return len(cls._member_list_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, type(cls).__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    _member_list_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwargs):
        members = []
        by_name = {}
        by_value = {}
        last = None
        for name, value in cls.__dict__.items():
            if not _is_member_name(name, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(members), [m._value_ for m in members])
            if value in by_value:
                member = by_value[value]
            else:
                member = object.__new__(cls)
                member._name_ = name
                member._value_ = value
                members.append(member)
                by_value[value] = member
            by_name[name] = member
            setattr(cls, name, member)
        cls._member_list_ = members
        cls._member_map_ = by_name
        cls._value2member_map_ = by_value

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            if isinstance(value, int):
                return value + 1
        return start

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def __init__(self, *args, **kwargs):
        pass

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)


def _value_of(other):
    return other._value_ if isinstance(other, Enum) else other


class ReprEnum(Enum):
    """Members print as their value (str() and format()), as IntEnum's and StrEnum's do."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class _ValueEnum(ReprEnum):
    """Members equal to, hashed, ordered and added as their value (IntEnum's, StrEnum's)."""

    def __eq__(self, other):
        return self._value_ == _value_of(other)

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < _value_of(other)

    def __le__(self, other):
        return self._value_ <= _value_of(other)

    def __gt__(self, other):
        return self._value_ > _value_of(other)

    def __ge__(self, other):
        return self._value_ >= _value_of(other)

    def __add__(self, other):
        return self._value_ + _value_of(other)

    def __radd__(self, other):
        return _value_of(other) + self._value_


class IntEnum(_ValueEnum):
    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __bool__(self):
        return bool(self._value_)

    def __sub__(self, other):
        return self._value_ - _value_of(other)

    def __rsub__(self, other):
        return _value_of(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _value_of(other)

    def __rmul__(self, other):
        return _value_of(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _value_of(other)

    def __floordiv__(self, other):
        return self._value_ // _value_of(other)

    def __mod__(self, other):
        return self._value_ % _value_of(other)

    def __neg__(self):
        return -self._value_


class StrEnum(_ValueEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __len__(self):
        return len(self._value_)

    def __getattr__(self, name):
        # str's methods (upper, startswith…) on the member's value.
        return getattr(self._value_, name)


def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
