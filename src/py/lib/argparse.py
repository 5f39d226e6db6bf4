"""argparse, the parts scripts use: options and positionals with the usual actions, `type`,
`choices`, `nargs`, defaults, and CPython's usage, help and error messages. A program in the
playground has no command line, so `parse_args()` usually gives the defaults."""
import sys as _sys

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'
_WIDTH = 78
_MAX_HELP_POSITION = 24


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _argument_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return f'argument {self.argument_name}: {self.message}'


class ArgumentTypeError(Exception):
    pass


class Namespace:
    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        fields = []
        for name, value in self.__dict__.items():
            if name.isidentifier():
                fields.append(f'{name}={value!r}')
            else:
                fields.append(f'**{{{name!r}: {value!r}}}')
        return f'Namespace({", ".join(fields)})'

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def __repr__(self):
        names = ['option_strings', 'dest', 'nargs', 'const', 'default', 'type', 'choices',
                 'required', 'help', 'metavar']
        fields = ', '.join(f'{name}={getattr(self, name)!r}' for name in names)
        return f'{type(self).__name__}({fields})'


def _argument_name(action):
    if action.option_strings:
        return '/'.join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar if isinstance(action.metavar, str) else action.metavar[0]
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


_FLAG_ACTIONS = {'store_true', 'store_false', 'store_const', 'append_const', 'count', 'help',
                 'version'}


class _Group:
    """What `add_argument_group` and `add_mutually_exclusive_group` return: arguments added
    to the parser, shown in a section of their own in the help."""

    def __init__(self, parser, title=None, description=None, required=False, exclusive=False):
        self._parser = parser
        self.title = title
        self.description = description
        self.required = required
        self.exclusive = exclusive
        self._actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        self._actions.append(action)
        if self.title is not None:
            self._parser._sections[0 if action.option_strings else 1][1].remove(action)
        return action

    def add_argument_group(self, *args, **kwargs):
        return self._parser.add_argument_group(*args, **kwargs)

    def add_mutually_exclusive_group(self, **kwargs):
        return self._parser.add_mutually_exclusive_group(**kwargs)


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=None, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = _sys.argv[0].replace('\\', '/').rsplit('/', 1)[-1] if _sys.argv else ''
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        self._sections = [('options', []), ('positional arguments', [])]
        self._groups = []
        self._exclusive = []
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for parent in parents:
            for action in parent._actions:
                if action.dest != 'help':
                    self._add(action)

    # ----- declaring ------------------------------------------------------------------------

    def add_argument(self, *names, **kwargs):
        if not names or (len(names) == 1 and not names[0].startswith('-')):
            if 'dest' in kwargs and names:
                raise ValueError('dest supplied twice for positional argument')
            dest = names[0] if names else kwargs.pop('dest')
            option_strings = []
            kwargs.setdefault('required', kwargs.get('nargs') not in (OPTIONAL, ZERO_OR_MORE))
        else:
            for name in names:
                if not name.startswith('-'):
                    raise ValueError(f"invalid option string {name!r}: must start with a character '-'")
            option_strings = list(names)
            dest = kwargs.pop('dest', None)
            if dest is None:
                longs = [n for n in names if n.startswith('--')]
                dest = (longs[0] if longs else names[0]).lstrip('-').replace('-', '_')
        kind = kwargs.pop('action', 'store')
        if kind == 'version':
            kwargs.setdefault('default', SUPPRESS)
            kwargs.setdefault('help', "show program's version number and exit")
        if 'default' not in kwargs:
            if kind == 'store_true':
                kwargs['default'] = False
            elif kind == 'store_false':
                kwargs['default'] = True
            else:
                kwargs['default'] = self._defaults.get(dest, self.argument_default)
        if kind == 'store_true':
            kwargs['const'] = True
        elif kind == 'store_false':
            kwargs['const'] = False
        version = kwargs.pop('version', None)
        if kind in _FLAG_ACTIONS:
            kwargs['nargs'] = 0
        elif kwargs.get('nargs') == 0:
            raise ValueError('nargs for store actions must be != 0; if you have nothing to store, actions such as store true or store const may be more appropriate')
        if kwargs.get('type') is not None and not callable(kwargs['type']):
            raise ValueError(f"{kwargs['type']!r} is not callable")
        action = Action(option_strings, dest, **kwargs)
        action.kind = kind
        action.version = version
        self._add(action)
        return action

    def _add(self, action):
        for existing in self._actions:
            clash = set(existing.option_strings) & set(action.option_strings)
            if clash:
                names = ', '.join(sorted(clash))
                raise ArgumentError(action, f'conflicting option string{"s" if len(clash) > 1 else ""}: {names}')
        self._actions.append(action)
        self._sections[0 if action.option_strings else 1][1].append(action)

    def add_argument_group(self, title=None, description=None, **kwargs):
        group = _Group(self, title, description)
        self._groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _Group(self, required=required, exclusive=True)
        self._exclusive.append(group)
        return group

    def add_subparsers(self, **kwargs):
        raise NotImplementedError('argparse sub-commands are not supported in the playground')

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest)

    # ----- parsing --------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(f'unrecognized arguments: {" ".join(extras)}')
        return namespace

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and action.default is not SUPPRESS:
                if not hasattr(namespace, action.dest):
                    setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            return self._parse(args, namespace)
        except ArgumentError as error:
            if not self.exit_on_error:
                raise
            self.error(str(error))

    def _option_for(self, text):
        exact = [a for a in self._actions if text in a.option_strings]
        if exact:
            return exact[0], text
        if text.startswith('--') and self.allow_abbrev:
            found = [(a, s) for a in self._actions for s in a.option_strings
                     if s.startswith('--') and s.startswith(text)]
            if len(found) > 1:
                names = ', '.join(s for a, s in found)
                raise ArgumentError(None, f'ambiguous option: {text} could match {names}')
            if found:
                return found[0]
        return None, text

    def _looks_like_option(self, text):
        if not text.startswith('-') or text == '-':
            return False
        if text[1:].replace('.', '', 1).isdigit():
            return any(s[1:].replace('.', '', 1).isdigit() for a in self._actions for s in a.option_strings)
        return True

    def _parse(self, args, namespace):
        positionals, extras, seen = [], [], set()
        i = 0
        while i < len(args):
            arg = args[i]
            i += 1
            if arg == '--':
                positionals.extend(args[i:])
                break
            if not self._looks_like_option(arg):
                positionals.append(arg)
                continue
            attached = None
            if '=' in arg and arg.startswith('--'):
                arg, attached = arg.split('=', 1)
            action, shown = self._option_for(arg)
            if action is None and not arg.startswith('--') and len(arg) > 2:
                # A cluster of short flags (`-vq`) or a short option with its value (`-p3`).
                action, shown = self._option_for(arg[:2])
                if action is not None:
                    if action.nargs == 0:
                        args.insert(i, '-' + arg[2:])
                    else:
                        attached = arg[2:]
            if action is None:
                extras.append(arg if attached is None else f'{arg}={attached}')
                continue
            self._check_conflicts(action, seen)
            seen.add(action)
            if action.nargs == 0:
                if attached is not None:
                    raise ArgumentError(action, f'ignored explicit argument {attached!r}')
                self._take(action, namespace, [], shown)
                continue
            values = [] if attached is None else [attached]
            low, high = _arity(action.nargs)
            if attached is None:
                while i < len(args) and len(values) < high and not self._looks_like_option(args[i]) and args[i] != '--':
                    values.append(args[i])
                    i += 1
            if len(values) < low:
                raise ArgumentError(action, _expected(action.nargs))
            self._take(action, namespace, values, shown)
        for action, values in self._spread(positionals, extras):
            seen.add(action)
            self._take(action, namespace, values, None)
        missing = [_argument_name(a) for a in self._actions if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, f'the following arguments are required: {", ".join(missing)}')
        for group in self._exclusive:
            if group.required and not any(a in seen for a in group._actions):
                names = ' '.join(_argument_name(a) for a in group._actions if a.help != SUPPRESS)
                raise ArgumentError(None, f'one of the arguments {names} is required')
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and action.type is not None \
                    and getattr(namespace, action.dest, None) is action.default:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return namespace, extras

    def _check_conflicts(self, action, seen):
        for group in self._exclusive:
            if action in group._actions:
                for other in group._actions:
                    if other is not action and other in seen:
                        raise ArgumentError(action, f'not allowed with argument {_argument_name(other)}')

    def _spread(self, strings, extras):
        """Gives each positional its strings, in order, each as many as it takes while
        leaving the ones after it their least."""
        actions = [a for a in self._actions if not a.option_strings]
        lows = [_arity(a.nargs)[0] for a in actions]
        taken = []
        at = 0
        for index, action in enumerate(actions):
            low, high = _arity(action.nargs)
            room = len(strings) - at - sum(lows[index + 1:])
            count = max(0, min(high, room))
            if count < low:
                if strings[at:]:
                    continue
                break
            taken.append((action, strings[at:at + count]))
            at += count
        extras.extend(strings[at:])
        return taken

    def _convert(self, action, text):
        convert = action.type
        if convert is None:
            return text
        try:
            return convert(text)
        except ArgumentTypeError as error:
            raise ArgumentError(action, str(error))
        except (TypeError, ValueError):
            name = getattr(convert, '__name__', repr(convert))
            raise ArgumentError(action, f'invalid {name} value: {text!r}')

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ', '.join(map(repr, action.choices))
            raise ArgumentError(action, f'invalid choice: {value!r} (choose from {choices})')

    def _take(self, action, namespace, strings, shown):
        kind = action.kind
        if kind == 'help':
            self.print_help()
            self.exit()
        if kind == 'version':
            print(action.version, file=_sys.stdout)
            self.exit()
        if kind in ('store_true', 'store_false', 'store_const'):
            setattr(namespace, action.dest, action.const)
            return
        if kind == 'append_const':
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.const)
            setattr(namespace, action.dest, items)
            return
        if kind == 'count':
            count = getattr(namespace, action.dest, None)
            setattr(namespace, action.dest, (count or 0) + 1)
            return
        values = [self._convert(action, text) for text in strings]
        for value in values:
            self._check_choice(action, value)
        if action.nargs is None:
            value = values[0]
        elif action.nargs == OPTIONAL:
            value = values[0] if values else action.const if action.option_strings else action.default
        elif action.nargs == ZERO_OR_MORE and not values and not action.option_strings:
            value = action.default
        else:
            value = values
        if kind in ('append', 'extend'):
            items = list(getattr(namespace, action.dest, None) or [])
            if kind == 'append':
                items.append(value)
            else:
                items.extend(value)
            value = items
        setattr(namespace, action.dest, value)

    # ----- showing --------------------------------------------------------------------------

    def _usage_parts(self, optionals):
        """The pieces of the usage line that wrap as units: an option with its value in
        brackets, a mutually exclusive group as `[-a | -b]` (`(…)` when required), each word
        of a positional."""
        grouped = {}
        for group in self._exclusive:
            members = group._actions
            if len(members) > 1 and all(a in self._actions for a in members):
                first = self._actions.index(members[0])
                if self._actions[first:first + len(members)] == members:
                    grouped[id(members[0])] = group
                    for action in members[1:]:
                        grouped[id(action)] = None
        parts = []
        for action in self._actions:
            if bool(action.option_strings) != optionals or action.help == SUPPRESS:
                continue
            if id(action) in grouped:
                group = grouped[id(action)]
                if group is not None:
                    inner = ' | '.join(_option_usage(a) for a in group._actions if a.help != SUPPRESS)
                    parts.append(f'({inner})' if group.required else f'[{inner}]')
            elif action.option_strings:
                text = _option_usage(action)
                parts.append(text if action.required else f'[{text}]')
            else:
                parts.extend(_top_level_words(_format_args(action, _metavar(action, upper=False))))
        return [part for part in parts if part]

    def format_usage(self):
        return self._usage() + '\n'

    def _usage(self):
        prefix = 'usage: '
        if self.usage is not None:
            return prefix + self.usage.replace('%(prog)s', self.prog)
        optionals, positionals = self._usage_parts(True), self._usage_parts(False)
        text = ' '.join([self.prog] + optionals + positionals)
        if len(prefix) + len(text) <= _WIDTH:
            return prefix + text
        # Too long for one line: the optionals then the positionals, each wrapped under the
        # column after the program's name (under its start when the name is long).
        if len(prefix) + len(self.prog) <= 0.75 * _WIDTH:
            indent = ' ' * (len(prefix) + len(self.prog) + 1)
            if optionals:
                lines = _wrap_parts([self.prog] + optionals, indent, prefix)
                lines.extend(_wrap_parts(positionals, indent, None))
            else:
                lines = _wrap_parts([self.prog] + positionals, indent, prefix)
        else:
            indent = ' ' * len(prefix)
            lines = _wrap_parts(optionals + positionals, indent, None)
            if len(lines) > 1:
                lines = _wrap_parts(optionals, indent, None) + _wrap_parts(positionals, indent, None)
            lines.insert(0, self.prog)
        return prefix + '\n'.join(lines)

    def format_help(self):
        out = [self._usage() + '\n']
        if self.description:
            out.append('\n' + _fill(self._expand(self.description), '') + '\n')
        sections = [(title, actions, None) for title, actions in reversed(self._sections)]
        sections += [(g.title, g._actions, g.description) for g in self._groups if g.title is not None]
        invocations = [_invocation(a) for _, actions, _ in sections for a in actions
                       if a.help != SUPPRESS]
        widest = max((len(text) + 2 for text in invocations), default=0)
        position = min(widest + 2, _MAX_HELP_POSITION)
        for title, actions, description in sections:
            shown = [a for a in actions if a.help != SUPPRESS]
            if not shown and not description:
                continue
            out.append(f'\n{title}:\n')
            if description:
                out.append(_fill(description, '  ') + '\n\n')
            for action in shown:
                out.append(_action_help(action, position, self.prog))
        if self.epilog:
            out.append('\n' + _fill(self._expand(self.epilog), '') + '\n')
        return ''.join(out)

    def _expand(self, text):
        return text % {'prog': self.prog} if '%(prog)' in text else text

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, f'{self.prog}: error: {message}\n')


def _arity(nargs):
    if nargs is None:
        return 1, 1
    if nargs == OPTIONAL:
        return 0, 1
    if nargs in (ZERO_OR_MORE, REMAINDER):
        return 0, 10 ** 9
    if nargs == ONE_OR_MORE:
        return 1, 10 ** 9
    return nargs, nargs


def _expected(nargs):
    if nargs is None:
        return 'expected one argument'
    if nargs == OPTIONAL:
        return 'expected at most one argument'
    if nargs == ONE_OR_MORE:
        return 'expected at least one argument'
    return f"expected {nargs} argument{'s' if nargs != 1 else ''}"


def _metavar(action, upper):
    if action.metavar is not None:
        return action.metavar
    if action.choices is not None:
        return '{' + ','.join(map(str, action.choices)) + '}'
    return action.dest.upper() if upper else action.dest


def _format_args(action, metavar):
    names = metavar if isinstance(metavar, tuple) else None

    def name(i):
        return names[i] if names else metavar

    nargs = action.nargs
    if nargs is None:
        return name(0)
    if nargs == OPTIONAL:
        return f'[{name(0)}]'
    if nargs == ZERO_OR_MORE:
        return f'[{name(0)} ...]'
    if nargs == ONE_OR_MORE:
        return f'{name(0)} [{name(1) if names else metavar} ...]'
    if nargs == REMAINDER:
        return '...'
    return ' '.join(name(i) for i in range(nargs))


def _option_usage(action):
    text = action.option_strings[0]
    if action.nargs != 0:
        text += ' ' + _format_args(action, _metavar(action, upper=True))
    return text


def _top_level_words(text):
    """`jobs [jobs ...]` → `jobs`, `[jobs ...]`: split at the spaces outside brackets."""
    words, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in '[(':
            depth += 1
        elif ch in '])':
            depth -= 1
        elif ch == ' ' and depth == 0:
            words.append(text[start:i])
            start = i + 1
    words.append(text[start:])
    return [word for word in words if word]


def _invocation(action):
    if not action.option_strings:
        metavar = _metavar(action, upper=False)
        return metavar[0] if isinstance(metavar, tuple) else metavar
    if action.nargs == 0:
        return ', '.join(action.option_strings)
    args = _format_args(action, _metavar(action, upper=True))
    return ', '.join(f'{option} {args}' for option in action.option_strings)


def _action_help(action, position, prog):
    header = '  ' + _invocation(action)
    if not action.help:
        return header + '\n'
    text = action.help
    if '%(' in text:
        fields = dict(vars(action), prog=prog)
        fields = {k: (', '.join(map(str, v)) if k == 'choices' and v is not None
                      else getattr(v, '__name__', v))
                  for k, v in fields.items()}
        text = text % fields
    lines = _wrap(text, _WIDTH - position)
    if len(header) + 2 <= position:
        first = header.ljust(position) + lines[0]
    else:
        first = header + '\n' + ' ' * position + lines[0]
    return '\n'.join([first] + [' ' * position + line for line in lines[1:]]) + '\n'


def _wrap(text, width):
    words = text.split()
    lines, line = [], ''
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f'{line} {word}' if line else word
    lines.append(line)
    return lines


def _fill(text, indent):
    return '\n'.join(indent + line for line in _wrap(text, _WIDTH - len(indent)))


def _wrap_parts(parts, indent, prefix):
    lines, line = [], []
    length = (len(prefix) if prefix is not None else len(indent)) - 1
    for part in parts:
        if line and length + 1 + len(part) > _WIDTH:
            lines.append(indent + ' '.join(line))
            line = []
            length = len(indent) - 1
        line.append(part)
        length += len(part) + 1
    if line:
        lines.append(indent + ' '.join(line))
    if prefix is not None and lines:
        lines[0] = lines[0][len(indent):]
    return lines
