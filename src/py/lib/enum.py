"""enum as CPython 3.11 shows it: Enum, IntEnum, StrEnum, auto, unique. A class's members are
made when the class is (`Enum.__init_subclass__`); `len()`, iteration, `in`, `Color['RED']` and
the class's repr come from its metaclass, EnumType. The members of an enum mixed with a data
type (IntEnum, StrEnum, `class Status(str, Enum)`) are instances of that type."""


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
    def __call__(cls, value):
        # `Color(1)`: the member of that value (an enum class makes no new instances).
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

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
        data_type = _data_type(cls)
        if data_type is not None:
            # As EnumType does: the data type's repr, str and format give way to the enum's.
            for name in ('__repr__', '__str__', '__format__'):
                if name not in cls.__dict__:
                    owner = next(base for base in cls.__mro__
                                 if name in base.__dict__ and base is not data_type)
                    setattr(cls, name, owner.__dict__[name])
        own_init = next((klass.__dict__['__init__'] for klass in cls.__mro__
                         if '__init__' in klass.__dict__ and klass not in (object, data_type)),
                        None)
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
                member = object.__new__(cls) if data_type is None else data_type.__new__(cls, value)
                member._name_ = name
                member._value_ = value
                if own_init is not None:
                    # As CPython: the member's __init__ gets the value (a tuple, spread).
                    own_init(member, *(value if isinstance(value, tuple) else (value,)))
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

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _data_type(cls):
    for base in cls.__mro__:
        if base in (int, str, float):
            return base
    return None


class ReprEnum(Enum):
    """Members print as their value (str() and format()), as IntEnum's and StrEnum's do."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def unique(enumeration):
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ', '.join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
